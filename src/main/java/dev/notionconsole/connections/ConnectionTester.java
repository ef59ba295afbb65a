package dev.notionconsole.connections;

import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionClient;
import dev.notionconsole.notion.NotionTransportException;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "Test connection": who the token is, remembered on the connection with what it reveals. */
public final class ConnectionTester {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTester.class);

    private final ConnectionRegistry registry;
    private final ConnectionClients clients;
    private final CapabilityLedger ledger;
    private final Clock clock;

    ConnectionTester(ConnectionRegistry registry, ConnectionClients clients, CapabilityLedger ledger, Clock clock) {
        this.registry = registry;
        this.clients = clients;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * GET /v1/users/me, interpreted by {@link IdentityInterpreter}, remembered with the time together with the
     * capabilities it reveals. Never throws for an API or network failure: that is the result. Blocking.
     */
    public IdentityCheck test(Connection c, CancellationToken cancel) throws SecretStoreException {
        Instant at = clock.instant();
        IdentityCheck check;
        List<LearnedCapability> learned = List.of();
        String base = c.baseUrl();
        try {
            base = clients.resolveBaseUrl(c);
            NotionClient client = clients.clientFor(c);
            Exchange ex = client.send(ApiRequest.get("/v1/users/me"), cancel, CallObserver.NONE);
            IdentityInterpreter.Result r = IdentityInterpreter.interpret(registry.find(c.id()).orElse(c), ex, at);
            check = r.check();
            learned = r.capabilities();
        } catch (MissingTokenException e) {
            check = IdentityCheck.failure(at, IdentityCheck.Outcome.NO_TOKEN, e.getMessage(), null, null);
        } catch (NotionTransportException e) {
            check = IdentityCheck.failure(at, IdentityCheck.Outcome.UNREACHABLE, e.getMessage(), null, null); // names the URL
        } catch (IOException e) {
            check = IdentityCheck.failure(at, IdentityCheck.Outcome.UNREACHABLE,
                    "Could not reach " + base + ": " + e.getMessage(), null, null);
        } catch (IllegalArgumentException e) {
            check = IdentityCheck.failure(at, IdentityCheck.Outcome.UNREACHABLE, e.getMessage(), null, null);
        }
        LOG.info("Identity check of {}: {} ({})", c.name(), check.outcome(), check.summary());
        if (registry.find(c.id()).isPresent()) {
            for (LearnedCapability cap : learned) {
                ledger.recordCapability(c.id(), cap.capability(), cap.present(), cap.evidence());
            }
            ledger.recordCheck(c.id(), check);
        }
        return check;
    }
}
