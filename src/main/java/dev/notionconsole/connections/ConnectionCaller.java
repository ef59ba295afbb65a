package dev.notionconsole.connections;

import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.CursorPlacement;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionClient;
import dev.notionconsole.notion.PageResult;
import dev.notionconsole.notion.Paginator;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way to call the Notion API as a saved connection: the request builder, the Explorer, Diagnostics and
 * the command line all go through it, never through a bare {@link NotionClient}. Per call it
 * <ul>
 *   <li>uses the connection's credentials (its bearer token, or for the OAuth routes its client id and secret)
 *       and its shared pacing bucket (one {@code RateLimiter} per connection, so a map and the builder share the
 *       budget, docs/notion-api.md 4.5);</li>
 *   <li>renews a public connection's token once after a 401 and repeats the call, for single sends and for every
 *       page of a listing alike (docs/decisions/0052-token-upkeep.md);</li>
 *   <li>learns capabilities from the answers (docs/decisions/0045-learned-capabilities.md).</li>
 * </ul>
 * Blocking: call it from a background task. Thread-safe.
 */
public final class ConnectionCaller {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCaller.class);

    /**
     * One answer.
     *
     * @param renewed         the token was refused, renewed, and the call repeated: {@code exchange} is the repeat
     * @param reauthorization what to tell the user when the token was refused and could not be renewed, else null
     */
    public record Reply(Exchange exchange, boolean renewed, String reauthorization) {
    }

    /** Every page of a listing, with the same upkeep report as {@link Reply}. */
    public record Pages(PageResult result, boolean renewed, String reauthorization) {
    }

    private final ConnectionService connections;
    private final ConnectionRegistry registry;
    private final ConnectionClients clients;
    private final CapabilityLedger ledger;
    private final TokenRenewal renewal;

    /** @param renewal renews public connections' tokens; {@link TokenRenewal#NONE} where no OAuth is wired */
    public ConnectionCaller(ConnectionService connections, TokenRenewal renewal) {
        this.connections = connections;
        this.registry = connections.registry();
        this.clients = connections.clients();
        this.ledger = connections.ledger();
        this.renewal = renewal == null ? TokenRenewal.NONE : renewal;
    }

    public ConnectionService connections() {
        return connections;
    }

    /** Sends one request with the connection's token. */
    public Reply send(Connection c, ApiRequest request, CancellationToken cancel, CallObserver observer)
            throws IOException, SecretStoreException {
        Upkeep upkeep = new Upkeep();
        Exchange x = sendRenewing(c, request, cancel, observer, upkeep);
        return new Reply(x, upkeep.renewed, upkeep.reauthorization.get());
    }

    /**
     * Sends one request to an OAuth route that authenticates with the public connection's client id and secret
     * (HTTP Basic: token, introspect, revoke; docs/notion-api.md 2.10). No renewal: there is no token to renew.
     */
    public Reply sendWithClientCredentials(Connection c, ApiRequest request, CancellationToken cancel, CallObserver observer)
            throws IOException, SecretStoreException {
        Exchange x = clients.oauthClientFor(c).send(request, cancel, observer);
        return new Reply(x, false, null);
    }

    /**
     * Fetches every page of a list route (docs/notion-api.md 3.6), the cursor where {@code placement} says. A 401
     * on any page renews the token once and repeats that page.
     *
     * @param onPage called after each page, on the calling thread
     */
    public Pages paginate(Connection c, ApiRequest request, CursorPlacement placement, CancellationToken cancel,
                          CallObserver observer, Consumer<Exchange> onPage) throws IOException, SecretStoreException {
        Upkeep upkeep = new Upkeep();
        NotionClient client = clients.clientFor(c);
        CancellationToken token = cancel == null ? CancellationToken.none() : cancel;
        CallObserver obs = observer == null ? CallObserver.NONE : observer;
        try {
            PageResult r = Paginator.run((page, cc, oo) -> {
                try {
                    return sendRenewing(c, page, cc, oo, upkeep);
                } catch (SecretStoreException e) {
                    throw new SecretFailure(e);
                }
            }, client.settings().nanoTime(), request, placement, token, obs, onPage == null ? e -> { } : onPage);
            return new Pages(r, upkeep.renewed, upkeep.reauthorization.get());
        } catch (SecretFailure e) {
            throw e.cause;
        }
    }

    private Exchange sendRenewing(Connection c, ApiRequest request, CancellationToken cancel, CallObserver observer,
                                  Upkeep upkeep) throws IOException, SecretStoreException {
        Connection now = registry.find(c.id()).orElse(c);
        Exchange first = clients.clientFor(now).send(request, cancel, observer);
        Exchange answer = first;
        if (first.status() == 401 && now.kind() == ConnectionKind.PUBLIC_OAUTH && request.credentialsOverride().isEmpty()
                && !upkeep.renewed) {
            TokenRenewal.Renewal r = renewal.renewAfterRefusal(now, cancel);
            if (r.renewed()) {
                upkeep.renewed = true;
                Connection updated = registry.find(c.id()).orElse(now);
                answer = clients.clientFor(updated).send(request, cancel, observer);
                if (answer.status() == 401) {
                    upkeep.reauthorize(c, "Notion refused the new access token too.");
                }
            } else if (r.reauthorization() != null) {
                upkeep.reauthorize(c, r.reauthorization());
            }
        }
        learn(now, answer);
        return answer;
    }

    /** Every answer teaches the connection something about its capabilities (connections owns the rules). */
    private void learn(Connection c, Exchange x) {
        try {
            ledger.learnFrom(c, x);
        } catch (RuntimeException e) {
            LOG.debug("Could not record a capability for {}: {}", c.name(), e.toString());
        }
    }

    private static final class Upkeep {
        volatile boolean renewed;
        final AtomicReference<String> reauthorization = new AtomicReference<>();

        void reauthorize(Connection c, String why) {
            reauthorization.compareAndSet(null, "Authorize \"" + c.name() + "\" again (Connections, then \"Authorize in a "
                    + "workspace…\", or 'notion-console oauth login -c \"" + c.name() + "\"'): " + why);
        }
    }

    /** Carries a keychain failure through the page loop, whose sender may only throw IOException. */
    private static final class SecretFailure extends RuntimeException {
        final SecretStoreException cause;

        SecretFailure(SecretStoreException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
