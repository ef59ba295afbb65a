package dev.notionconsole.connections;

import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.Capability;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionClient;
import dev.notionconsole.notion.RateLimiter;
import dev.notionconsole.secrets.SecretStorage;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.concurrent.Executor;

/**
 * Saved connections as the rest of the console sees them, made of six parts a caller can also take alone:
 * {@link #registry()} (the definitions, the current one, the file, listeners), {@link #secrets()},
 * {@link #installations()} (OAuth), {@link #ledger()} (checks and learned capabilities), {@link #clients()} and
 * {@link #tester()}. The methods here only delegate, so existing callers keep working while they move to the part
 * they need. Thread-safe. Methods that touch secrets block (the keychain) and must run in a background task;
 * {@link #list()}, {@link #current()} and {@link #setCurrent} only touch memory.
 *
 * <p>Create it with {@link ConnectionServices#open}.
 */
public final class ConnectionService {
    /** Id of the temporary connection made from {@value #TOKEN_ENV}. */
    public static final String ENV_CONNECTION_ID = "env-notion-token";
    public static final String TOKEN_ENV = "NOTION_TOKEN";

    private final ConnectionSecrets secrets;
    private final ConnectionRegistry registry;
    private final ConnectionInstallations installations;
    private final CapabilityLedger ledger;
    private final ConnectionClients clients;
    private final ConnectionTester tester;

    ConnectionService(ConnectionStore store, SecretStorage storage, SandboxAccess sandbox, Executor saveExecutor, Clock clock) {
        secrets = new ConnectionSecrets(storage, sandbox);
        registry = new ConnectionRegistry(store, secrets, sandbox, saveExecutor, clock);
        installations = new ConnectionInstallations(registry, secrets, clock);
        ledger = new CapabilityLedger(registry, clock);
        clients = new ConnectionClients(secrets, sandbox);
        tester = new ConnectionTester(registry, secrets, clients, ledger, clock);
        registry.addListener(clients);
    }

    void initialize(ConnectionStore.LoadResult loaded, Map<String, String> env) {
        registry.initialize(loaded, env);
    }

    public ConnectionRegistry registry() { return registry; }
    public ConnectionSecrets secrets() { return secrets; }
    public ConnectionInstallations installations() { return installations; }
    public CapabilityLedger ledger() { return ledger; }
    public ConnectionClients clients() { return clients; }
    public ConnectionTester tester() { return tester; }

    // ---- registry ----------------------------------------------------------------------------------------
    public List<Connection> list() { return registry.list(); }
    public Optional<Connection> find(String id) { return registry.find(id); }
    public Optional<Connection> findByIdOrName(String idOrName) { return registry.findByIdOrName(idOrName); }
    public Optional<Connection> current() { return registry.current(); }
    public List<String> startupNotices() { return registry.startupNotices(); }
    public ConnectionStore store() { return registry.store(); }
    public void setCurrent(String id) { registry.setCurrent(id); }
    public void addListener(ConnectionsListener l) { registry.addListener(l); }
    public void removeListener(ConnectionsListener l) { registry.removeListener(l); }

    public Connection add(Connection draft, Secret token, Secret clientSecret) throws SecretStoreException {
        return registry.add(draft, token, clientSecret);
    }

    public Connection update(Connection changed, Secret newToken, Secret newClientSecret) throws SecretStoreException {
        return registry.update(changed, newToken, newClientSecret);
    }

    public Connection duplicate(String id) throws SecretStoreException { return registry.duplicate(id); }
    public void remove(String id) throws SecretStoreException { registry.remove(id); }
    public void setToken(String id, Secret pasted) throws SecretStoreException { registry.setToken(id, pasted); }
    public void setClientSecret(String id, Secret s) throws SecretStoreException { registry.setClientSecret(id, s); }
    public void optInToSecretsFile() throws SecretStoreException { registry.optInToSecretsFile(); }
    public void optOutOfSecretsFile() throws SecretStoreException { registry.optOutOfSecretsFile(); }

    // ---- secrets -----------------------------------------------------------------------------------------
    public SecretStorage secretStorage() { return secrets.storage(); }
    public Optional<Secret> token(Connection c) throws SecretStoreException { return secrets.token(c); }
    public Optional<Secret> clientSecret(Connection c) throws SecretStoreException { return secrets.clientSecret(c); }

    public Optional<Secret> accessToken(Connection c, String botId) throws SecretStoreException {
        return secrets.accessToken(c, botId);
    }

    public Optional<Secret> refreshToken(Connection c, String botId) throws SecretStoreException {
        return secrets.refreshToken(c, botId);
    }

    // ---- installations -----------------------------------------------------------------------------------
    public Connection putInstallation(String connectionId, Installation installation, Secret accessToken,
                                      Secret refreshToken) throws SecretStoreException {
        return installations.put(connectionId, installation, accessToken, refreshToken);
    }

    public Connection updateInstallationTokens(String connectionId, String botId, Secret accessToken,
                                               Secret refreshToken) throws SecretStoreException {
        return installations.updateTokens(connectionId, botId, accessToken, refreshToken);
    }

    /** Changes what is recorded about an installation (not its tokens), e.g. its template copy's title. Blocking. */
    public Connection updateInstallation(String connectionId, String botId, UnaryOperator<Installation> change) {
        return installations.update(connectionId, botId, change);
    }

    public Connection removeInstallation(String connectionId, String botId) throws SecretStoreException {
        return installations.remove(connectionId, botId);
    }

    public Connection setActiveInstallation(String connectionId, String botId) {
        return installations.setActive(connectionId, botId);
    }

    public void setRevoker(InstallationRevoker revoker) { installations.setRevoker(revoker); }
    public Optional<InstallationRevoker> revoker() { return installations.revoker(); }

    // ---- capability ledger -------------------------------------------------------------------------------
    public Connection recordCheck(String id, IdentityCheck check) { return ledger.recordCheck(id, check); }

    public Connection recordCapability(String id, Capability capability, boolean present, String evidence) {
        return ledger.recordCapability(id, capability, present, evidence);
    }

    public void learnFrom(Connection c, Exchange exchange) { ledger.learnFrom(c, exchange); }

    // ---- clients and the tester --------------------------------------------------------------------------
    public NotionClient clientFor(Connection c) throws IOException, SecretStoreException { return clients.clientFor(c); }

    public NotionClient oauthClientFor(Connection c) throws IOException, SecretStoreException {
        return clients.oauthClientFor(c);
    }

    public RateLimiter rateLimiterFor(Connection c) { return clients.rateLimiterFor(c); }
    public String resolveBaseUrl(Connection c) throws IOException { return clients.resolveBaseUrl(c); }

    public IdentityCheck testConnection(Connection c, CancellationToken cancel) throws SecretStoreException {
        return tester.test(c, cancel);
    }

    /** "Test connection" on a form's unsaved values (issue 16, item 10); see {@link ConnectionTester#testDraft}. */
    public IdentityCheck testDraft(Connection draft, Secret typedToken, CancellationToken cancel) throws SecretStoreException {
        return tester.testDraft(draft, typedToken, cancel);
    }
}
