package dev.notionconsole.connections;

import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.ClientSettings;
import dev.notionconsole.notion.Credentials;
import dev.notionconsole.notion.NotionClient;
import dev.notionconsole.notion.RateLimiter;
import dev.notionconsole.secrets.SecretStoreException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "Test connection": who the token is, remembered on the connection with what it reveals. */
public final class ConnectionTester {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTester.class);

    private final ConnectionRegistry registry;
    private final ConnectionSecrets secrets;
    private final ConnectionClients clients;
    private final CapabilityLedger ledger;
    private final Clock clock;

    ConnectionTester(ConnectionRegistry registry, ConnectionSecrets secrets, ConnectionClients clients,
                     CapabilityLedger ledger, Clock clock) {
        this.registry = registry;
        this.secrets = secrets;
        this.clients = clients;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * GET /v1/users/me ({@link IdentityProbe}), remembered with the time together with the capabilities it
     * reveals. Never throws for an API or network failure: that is the result. Blocking.
     */
    public IdentityCheck test(Connection c, CancellationToken cancel) throws SecretStoreException {
        IdentityProbe.Result r = IdentityProbe.run(registry.find(c.id()).orElse(c), () -> clients.clientFor(c),
                clock.instant(), cancel);
        IdentityCheck check = r.check();
        LOG.info("Identity check of {}: {} ({})", c.name(), check.outcome(), check.summary());
        if (registry.find(c.id()).isPresent()) {
            for (LearnedCapability cap : r.learned()) {
                ledger.recordCapability(c.id(), cap.capability(), cap.present(), cap.evidence());
            }
            ledger.recordCheck(c.id(), check);
        }
        return check;
    }

    /**
     * "Test connection" on a form's values before they are saved (issue 16, item 10): the same call as
     * {@link #test}, as {@code draft} says (base URL, version), with the token typed in the form or, when none was
     * typed, the one stored for the saved connection. Nothing is recorded; an unsaved draft gets a pacing bucket of
     * its own. The token only goes into the request's Authorization header. Blocking.
     */
    public IdentityCheck testDraft(Connection draft, Secret typedToken, CancellationToken cancel) throws SecretStoreException {
        Secret token = typedToken != null ? TokenInput.normalize(typedToken, "token") : secrets.token(draft).orElse(null);
        if (token == null) {
            return IdentityCheck.failure(clock.instant(), IdentityCheck.Outcome.NO_TOKEN,
                    draft.kind() == ConnectionKind.PUBLIC_OAUTH
                            ? "\"" + draft.name() + "\" has no installation yet: authorize it first."
                            : "Enter the token first.", null, null);
        }
        RateLimiter pacing = registry.find(draft.id()).isPresent() ? clients.rateLimiterFor(draft)
                : RateLimiter.perMinute(draft.ratePlan().perMinute());
        IdentityCheck check = IdentityProbe.run(draft, () -> new NotionClient(ClientSettings.builder()
                        .baseUrl(clients.resolveBaseUrl(draft)).notionVersion(draft.notionVersion()).rateLimiter(pacing)
                        .credentials(Credentials.bearer(token)).build()),
                clock.instant(), cancel).check();
        LOG.info("Identity check of the unsaved {}: {} ({})", draft.name(), check.outcome(), check.summary());
        return check;
    }
}
