package dev.notionconsole.connections;

import dev.notionconsole.core.Secret;
import dev.notionconsole.notion.ClientSettings;
import dev.notionconsole.notion.Credentials;
import dev.notionconsole.notion.NotionClient;
import dev.notionconsole.notion.RateLimiter;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Ready {@link NotionClient}s for saved connections: the base URL (the running sandbox's for
 * {@value Connection#SANDBOX}), the credentials, the pinned Notion-Version and one pacing bucket per connection.
 * Outside this package, call the API through {@link ConnectionCaller}, which adds token renewal and capability
 * learning.
 */
public final class ConnectionClients implements ConnectionsListener {
    private final ConnectionSecrets secrets;
    private final SandboxAccess sandbox;
    private final Map<String, RateLimiter> rateLimiters = new ConcurrentHashMap<>();

    ConnectionClients(ConnectionSecrets secrets, SandboxAccess sandbox) {
        this.secrets = secrets;
        this.sandbox = sandbox;
    }

    /**
     * A client with the connection's bearer token. Blocking (secret store, may start the sandbox).
     *
     * @throws MissingTokenException when no token is stored (e.g. session-only secrets after a restart)
     * @throws IOException when the sandbox cannot start
     */
    public NotionClient clientFor(Connection c) throws IOException, SecretStoreException {
        Secret token = secrets.token(c).orElseThrow(() -> new MissingTokenException(c));
        return new NotionClient(settingsFor(c).credentials(Credentials.bearer(token)).build());
    }

    /**
     * A client that authenticates with the public connection's client id and secret (HTTP Basic), for
     * {@code /v1/oauth/token}, {@code /introspect} and {@code /revoke}. Blocking.
     */
    public NotionClient oauthClientFor(Connection c) throws IOException, SecretStoreException {
        ConnectionInstallations.requirePublic(c);
        Secret secret = secrets.clientSecret(c).orElseThrow(() -> new MissingTokenException(c, "client secret"));
        if (c.clientId() == null) {
            throw new IllegalArgumentException("\"" + c.name() + "\" has no OAuth client id.");
        }
        return new NotionClient(settingsFor(c).credentials(Credentials.basic(c.clientId(), secret)).build());
    }

    /** One bucket per connection and plan, shared by all its clients (docs/notion-api.md §4.5). */
    public RateLimiter rateLimiterFor(Connection c) {
        return rateLimiters.compute(c.id(), (id, existing) -> existing != null
                && existing.snapshot().limitPerMinute() == c.ratePlan().perMinute()
                ? existing : RateLimiter.perMinute(c.ratePlan().perMinute()));
    }

    /** Resolves the base URL: the running sandbox's for {@value Connection#SANDBOX}. Blocking (may start it). */
    public String resolveBaseUrl(Connection c) throws IOException {
        return c.isSandbox() ? sandbox.baseUrl() : c.baseUrl().replaceAll("/+$", "");
    }

    /** A removed connection's bucket goes with it. */
    @Override
    public void connectionsChanged(List<Connection> connections) {
        Set<String> ids = connections.stream().map(Connection::id).collect(Collectors.toSet());
        rateLimiters.keySet().retainAll(ids);
    }

    private ClientSettings.Builder settingsFor(Connection c) throws IOException {
        return ClientSettings.builder().baseUrl(resolveBaseUrl(c)).notionVersion(c.notionVersion())
                .rateLimiter(rateLimiterFor(c));
    }
}
