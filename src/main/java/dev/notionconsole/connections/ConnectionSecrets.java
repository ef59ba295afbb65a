package dev.notionconsole.connections;

import dev.notionconsole.core.Secret;
import dev.notionconsole.secrets.SecretStorage;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secrets of saved connections: which key holds what for which kind, the session-only secrets of temporary
 * connections (never in any store), and the sandbox fixture's fake secrets for its default connections. Reads and
 * writes block (the keychain): call them from a background task. Thread-safe.
 */
public final class ConnectionSecrets {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSecrets.class);

    private final SecretStorage storage;
    private final SandboxAccess sandbox;
    private final Map<String, Secret> temporary = new ConcurrentHashMap<>();

    ConnectionSecrets(SecretStorage storage, SandboxAccess sandbox) {
        this.storage = storage;
        this.sandbox = sandbox;
    }

    public SecretStorage storage() {
        return storage;
    }

    /**
     * The bearer token requests use: the connection's own token (internal, PAT), the active installation's
     * access token (public), or for a default sandbox connection the fixture's fake token. Blocking.
     */
    public Optional<Secret> token(Connection c) throws SecretStoreException {
        if (c.temporary()) {
            return Optional.ofNullable(temporary.get(c.id()));
        }
        if (c.kind() == ConnectionKind.PUBLIC_OAUTH) {
            Optional<Installation> inst = c.activeInstallation();
            if (inst.isPresent()) {
                return accessToken(c, inst.get().botId());
            }
            // a default sandbox public connection uses the fixture's pre-made installation until the user authorizes
            return usesFixture(c) ? fixture(c).map(SandboxAccess.FixtureConnection::token) : Optional.empty();
        }
        Optional<Secret> stored = storage.get(SecretKeys.token(c.id()));
        if (stored.isPresent() || !usesFixture(c)) {
            return stored;
        }
        return fixture(c).map(SandboxAccess.FixtureConnection::token);
    }

    /** A public connection's OAuth client secret (stored, or the sandbox fixture's). Blocking. */
    public Optional<Secret> clientSecret(Connection c) throws SecretStoreException {
        Optional<Secret> stored = storage.get(SecretKeys.clientSecret(c.id()));
        if (stored.isPresent() || !usesFixture(c)) {
            return stored;
        }
        return fixture(c).map(SandboxAccess.FixtureConnection::clientSecret);
    }

    public Optional<Secret> accessToken(Connection c, String botId) throws SecretStoreException {
        return storage.get(SecretKeys.accessToken(c.id(), botId));
    }

    public Optional<Secret> refreshToken(Connection c, String botId) throws SecretStoreException {
        return storage.get(SecretKeys.refreshToken(c.id(), botId));
    }

    /** Whether the connection has (or, from the fixture, needs no) token and client secret, for validation. */
    boolean hasToken(Connection c) throws SecretStoreException {
        return usesFixture(c) || storage.get(SecretKeys.token(c.id())).isPresent();
    }

    boolean hasClientSecret(Connection c) throws SecretStoreException {
        return usesFixture(c) || storage.get(SecretKeys.clientSecret(c.id())).isPresent();
    }

    /** Keeps a temporary connection's token for this session only. */
    void putTemporary(String id, Secret token) {
        temporary.put(id, token);
    }

    /** Stores the secrets the connection's kind uses (the token, or a public connection's client secret). */
    void store(Connection c, Secret token, Secret clientSecret) throws SecretStoreException {
        if (token != null && c.kind() != ConnectionKind.PUBLIC_OAUTH) {
            storage.put(SecretKeys.token(c.id()), TokenInput.normalize(token, "token"));
        }
        if (clientSecret != null && c.kind() == ConnectionKind.PUBLIC_OAUTH) {
            storage.put(SecretKeys.clientSecret(c.id()), TokenInput.normalize(clientSecret, "client secret"));
        }
    }

    void putToken(String id, Secret token) throws SecretStoreException {
        storage.put(SecretKeys.token(id), token);
    }

    void putClientSecret(String id, Secret clientSecret) throws SecretStoreException {
        storage.put(SecretKeys.clientSecret(id), clientSecret);
    }

    void deleteToken(String id) throws SecretStoreException {
        storage.delete(SecretKeys.token(id));
    }

    /** An installation's tokens; a null refresh token deletes the stored one when {@code dropMissingRefresh}. */
    void putInstallationTokens(Connection c, String botId, Secret accessToken, Secret refreshToken,
                               boolean dropMissingRefresh) throws SecretStoreException {
        storage.put(SecretKeys.accessToken(c.id(), botId), accessToken);
        if (refreshToken != null) {
            storage.put(SecretKeys.refreshToken(c.id(), botId), refreshToken);
        } else if (dropMissingRefresh) {
            storage.delete(SecretKeys.refreshToken(c.id(), botId));
        }
    }

    void deleteInstallationTokens(Connection c, String botId) throws SecretStoreException {
        storage.delete(SecretKeys.accessToken(c.id(), botId));
        storage.delete(SecretKeys.refreshToken(c.id(), botId));
    }

    /** The client secret and every installation's tokens. */
    void deleteOAuth(Connection c) throws SecretStoreException {
        storage.delete(SecretKeys.clientSecret(c.id()));
        for (Installation i : c.installations()) {
            deleteInstallationTokens(c, i.botId());
        }
    }

    /** A default sandbox connection still pointed at the sandbox: its secrets are the fixture's fake ones. */
    static boolean usesFixture(Connection c) {
        return c.sandboxRef() != null && c.isSandbox();
    }

    private Optional<SandboxAccess.FixtureConnection> fixture(Connection c) {
        try {
            return sandbox.fixtureConnections().stream().filter(f -> f.ref().equals(c.sandboxRef())).findFirst();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The sandbox fixture could not be read: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
