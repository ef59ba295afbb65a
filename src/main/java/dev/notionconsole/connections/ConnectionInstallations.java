package dev.notionconsole.connections;

import dev.notionconsole.core.Secret;
import dev.notionconsole.secrets.SecretStoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The OAuth installations of public connections: adding one after a code exchange, storing refreshed tokens,
 * forgetting one, choosing the active one, and how to revoke one. Methods that touch tokens block.
 */
public final class ConnectionInstallations {
    private final ConnectionRegistry registry;
    private final ConnectionSecrets secrets;
    private final Clock clock;
    private volatile InstallationRevoker revoker;

    ConnectionInstallations(ConnectionRegistry registry, ConnectionSecrets secrets, Clock clock) {
        this.registry = registry;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Adds an installation after an OAuth code exchange, or replaces the one with the same bot id (the user
     * authorized again), and makes it the active one. Blocking.
     *
     * @param refreshToken null when Notion returned none
     */
    public Connection put(String connectionId, Installation installation, Secret accessToken, Secret refreshToken)
            throws SecretStoreException {
        Connection c = registry.require(connectionId);
        requirePublic(c);
        secrets.putInstallationTokens(c, installation.botId(), accessToken, refreshToken, true);
        Installation stamped = installation.installedAt() != null ? installation
                : installation.withInstalledAt(clock.instant()).withRefreshedAt(null);
        List<Installation> list = new ArrayList<>(c.installations());
        list.removeIf(i -> i.botId().equals(installation.botId()));
        list.add(stamped);
        Connection updated = c.toBuilder().installations(list).activeBotId(installation.botId()).lastCheck(null).build();
        registry.replace(updated);
        return updated;
    }

    /** Stores the tokens a refresh returned (Notion rotates the refresh token, docs/notion-api.md §2.10). Blocking. */
    public Connection updateTokens(String connectionId, String botId, Secret accessToken, Secret refreshToken)
            throws SecretStoreException {
        Connection c = registry.require(connectionId);
        Installation inst = c.installation(botId).orElseThrow(
                () -> new IllegalArgumentException("No installation " + botId + " in \"" + c.name() + "\""));
        secrets.putInstallationTokens(c, botId, accessToken, refreshToken, false);
        Installation refreshed = inst.withRefreshedAt(clock.instant());
        List<Installation> list = new ArrayList<>(c.installations());
        list.replaceAll(i -> i.botId().equals(botId) ? refreshed : i);
        Connection updated = c.toBuilder().installations(list).build();
        registry.replace(updated);
        return updated;
    }

    /** Changes what is recorded about an installation (not its tokens), e.g. its template copy's title. */
    public Connection update(String connectionId, String botId, UnaryOperator<Installation> change) {
        Connection c = registry.require(connectionId);
        List<Installation> list = new ArrayList<>(c.installations());
        list.replaceAll(i -> i.botId().equals(botId) ? change.apply(i) : i);
        Connection updated = c.toBuilder().installations(list).build();
        registry.replace(updated);
        return updated;
    }

    /** Forgets an installation and its tokens (after revoking it, or when Notion says it is gone). Blocking. */
    public Connection remove(String connectionId, String botId) throws SecretStoreException {
        Connection c = registry.require(connectionId);
        secrets.deleteInstallationTokens(c, botId);
        List<Installation> list = new ArrayList<>(c.installations());
        list.removeIf(i -> i.botId().equals(botId));
        Connection updated = c.toBuilder().installations(list)
                .activeBotId(botId.equals(c.activeBotId()) ? null : c.activeBotId()).lastCheck(null).build();
        registry.replace(updated);
        return updated;
    }

    /** Chooses which installation of a public connection requests act as. */
    public Connection setActive(String connectionId, String botId) {
        Connection c = registry.require(connectionId);
        c.installation(botId).orElseThrow(() -> new IllegalArgumentException("No installation " + botId));
        Connection updated = c.toBuilder().activeBotId(botId).lastCheck(null).build();
        registry.replace(updated);
        return updated;
    }

    /** The OAuth feature registers how to revoke an installation; the UI offers it on delete when present. */
    public void setRevoker(InstallationRevoker revoker) {
        this.revoker = revoker;
    }

    public Optional<InstallationRevoker> revoker() {
        return Optional.ofNullable(revoker);
    }

    static void requirePublic(Connection c) {
        if (c.kind() != ConnectionKind.PUBLIC_OAUTH) {
            throw new IllegalArgumentException("\"" + c.name() + "\" is not a public (OAuth) connection.");
        }
    }
}
