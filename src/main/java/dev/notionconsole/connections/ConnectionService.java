package dev.notionconsole.connections;

import dev.notionconsole.notion.Capability;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.ClientSettings;
import dev.notionconsole.notion.Credentials;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionClient;
import dev.notionconsole.notion.NotionTransportException;
import dev.notionconsole.notion.NotionVersion;
import dev.notionconsole.notion.RateLimiter;
import dev.notionconsole.secrets.SecretStorage;
import dev.notionconsole.secrets.SecretStore;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved connections as the rest of the console sees them: the list, the current connection, their secrets and
 * (through {@link #clientFor}) a ready {@code NotionClient}. Thread-safe. Methods that touch secrets block (the
 * keychain) and must run in a background task; {@link #list()}, {@link #current()} and {@link #setCurrent}
 * only touch memory and hand the file write to the save executor.
 *
 * <p>Create it with {@link ConnectionServices#open}.
 */
public final class ConnectionService {
    /** Id of the temporary connection made from {@value #TOKEN_ENV}. */
    public static final String ENV_CONNECTION_ID = "env-notion-token";
    public static final String TOKEN_ENV = "NOTION_TOKEN";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionService.class);

    private final ConnectionStore store;
    private final SecretStorage secrets;
    private final SandboxAccess sandbox;
    private final Executor saveExecutor;
    private final Clock clock;
    private final List<ConnectionsListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    /** Secrets of temporary connections: never in any store. */
    private final Map<String, Secret> temporarySecrets = new ConcurrentHashMap<>();
    private final Map<String, RateLimiter> rateLimiters = new ConcurrentHashMap<>();
    private volatile InstallationRevoker revoker;

    private List<Connection> connections = new ArrayList<>();
    private String currentId;
    /** The last current connection that is saved: what the file remembers while a temporary one is current. */
    private String savedCurrentId;
    private boolean sandboxDefaultsAdded;

    ConnectionService(ConnectionStore store, SecretStorage secrets, SandboxAccess sandbox, Executor saveExecutor, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.sandbox = sandbox;
        this.saveExecutor = saveExecutor;
        this.clock = clock;
    }

    /** Loads the file, adds the environment's and (on a first start) the sandbox's connections. Blocking. */
    synchronized void initialize(ConnectionStore.LoadResult loaded, Map<String, String> env) {
        notices.addAll(loaded.notices());
        ConnectionsDocument doc = loaded.document();
        connections = new ArrayList<>(doc.connections());
        currentId = doc.currentConnectionId();
        savedCurrentId = currentId;
        sandboxDefaultsAdded = doc.sandboxDefaultsAdded();
        boolean changed = false;
        if (!sandboxDefaultsAdded) {
            changed = addSandboxDefaults();
        }
        String envToken = env.get(TOKEN_ENV);
        Secret token = null;
        try {
            token = TokenInput.normalize(Secret.ofNullable(envToken), "token");
        } catch (InvalidConnectionException e) {
            notices.add(TOKEN_ENV + " is set but was not used: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // only white space: treated as unset
        }
        if (token != null) {
            temporarySecrets.put(ENV_CONNECTION_ID, token);
            connections.add(0, Connection.builder(ConnectionKind.INTERNAL)
                    .id(ENV_CONNECTION_ID).name(TOKEN_ENV + " (environment)")
                    .notes("From the " + TOKEN_ENV + " environment variable: used for this session, never saved. "
                            + "Its kind is found out by Test connection.")
                    .createdAt(clock.instant()).temporary(true).build());
            // set for this run: it is what the user asked for; the saved choice is kept for the next run
            currentId = ENV_CONNECTION_ID;
        }
        if (find(currentId).isEmpty()) {
            // first start with nothing configured: a sandbox connection, so the console works at once
            currentId = connections.stream().filter(Connection::isSandbox)
                    .filter(c -> c.kind() == ConnectionKind.INTERNAL).map(Connection::id).findFirst()
                    .orElse(connections.isEmpty() ? null : connections.get(0).id());
            changed = true;
        }
        if (changed && !store.readOnly()) {
            persist();
        }
    }

    private boolean addSandboxDefaults() {
        List<SandboxAccess.FixtureConnection> fixture;
        try {
            fixture = sandbox.fixtureConnections();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The sandbox's default connections could not be read: {}", e.getMessage());
            return false;
        }
        if (fixture.isEmpty()) {
            return false;
        }
        for (SandboxAccess.FixtureConnection f : fixture) {
            String name = uniqueName("Sandbox: " + f.name(), connections);
            Connection.Builder b = Connection.builder(f.kind()).id(newId()).name(name).baseUrl(Connection.SANDBOX)
                    .sandboxRef(f.ref()).createdAt(clock.instant())
                    .ratePlan(RatePlan.ofPerMinute(f.ratePerMinute())) // the fixture workspace's plan (docs/notion-api.md §4.5)
                    .notes("Built-in sandbox" + (f.workspaceName() != null ? ", workspace " + f.workspaceName() : "")
                            + (f.description() != null && !f.description().isBlank() ? ". " + f.description().strip().replaceAll("\\.+$", "") : "")
                            + ". Its fake token comes from the sandbox's fixture.");
            if (f.kind() == ConnectionKind.PUBLIC_OAUTH) {
                b.clientId(f.clientId()).redirectUri(f.redirectUris().isEmpty() ? null : f.redirectUris().get(0));
            }
            connections.add(b.build());
        }
        sandboxDefaultsAdded = true;
        return true;
    }

    // ---- reading -------------------------------------------------------------------------------------

    public synchronized List<Connection> list() {
        return List.copyOf(connections);
    }

    public synchronized Optional<Connection> find(String id) {
        return id == null ? Optional.empty() : connections.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** By id, else by name (case-insensitive): what the command line accepts. */
    public synchronized Optional<Connection> findByIdOrName(String idOrName) {
        Optional<Connection> byId = find(idOrName);
        return byId.isPresent() ? byId
                : connections.stream().filter(c -> c.name().equalsIgnoreCase(idOrName.strip())).findFirst();
    }

    public synchronized Optional<Connection> current() {
        return find(currentId);
    }

    /**
     * Messages from loading the connections file (moved aside, migrated, newer format) for the UI to show once.
     * Does not block; the secret storage's own notices come from {@code secretStorage().notices()}, which may
     * probe the keychain.
     */
    public List<String> startupNotices() {
        return List.copyOf(notices);
    }

    public SecretStorage secretStorage() {
        return secrets;
    }

    public ConnectionStore store() {
        return store;
    }

    // ---- changing ------------------------------------------------------------------------------------

    /** Makes a connection current for the whole app (null: none). Does not block. */
    public void setCurrent(String id) {
        Optional<Connection> now;
        synchronized (this) {
            if (id != null && find(id).isEmpty()) {
                throw new IllegalArgumentException("No connection with id " + id);
            }
            if (Objects.equals(id, currentId)) {
                return;
            }
            currentId = id;
            now = current();
            persist();
        }
        listeners.forEach(l -> l.currentChanged(now));
    }

    /**
     * Saves a new connection and its secrets. Blocking (secret store).
     *
     * @param token internal or PAT token; null for a public connection
     * @param clientSecret public connections only
     * @throws InvalidConnectionException when the definition breaks a rule
     */
    public Connection add(Connection draft, Secret token, Secret clientSecret) throws SecretStoreException {
        Connection c = draft.toBuilder().id(newId()).createdAt(clock.instant()).temporary(false).build();
        synchronized (this) {
            requireValid(c, token != null || usesFixture(c), clientSecret != null || usesFixture(c));
        }
        storeSecrets(c, token, clientSecret);
        synchronized (this) {
            connections.add(c);
            persist();
        }
        fireChanged();
        return c;
    }

    /**
     * Saves changes to a connection; a null secret leaves the stored one as it is. Changing the kind removes
     * the secrets the new kind does not use. Blocking.
     */
    public Connection update(Connection changed, Secret newToken, Secret newClientSecret) throws SecretStoreException {
        Connection before = require(changed.id());
        if (before.temporary()) {
            return updateTemporary(before, changed, newToken);
        }
        // only the definition comes from the caller: installations, checks and observations may have changed
        // since the caller read the connection (an OAuth flow, a test) and are kept as stored
        Connection c = before.toBuilder().name(changed.name()).kind(changed.kind()).baseUrl(changed.baseUrl())
                .notionVersion(changed.notionVersion()).ratePlan(changed.ratePlan()).notes(changed.notes())
                .clientId(changed.clientId()).redirectUri(changed.redirectUri())
                .installationScope(changed.installationScope()).build();
        if (c.sandboxRef() != null && !c.isSandbox()) {
            c = c.toBuilder().sandboxRef(null).build(); // pointed elsewhere: no longer backed by the fixture
        }
        boolean hasToken = newToken != null || usesFixture(c) || secrets.get(SecretKeys.token(c.id())).isPresent();
        boolean hasClientSecret = newClientSecret != null || usesFixture(c) || secrets.get(SecretKeys.clientSecret(c.id())).isPresent();
        synchronized (this) {
            requireValid(c, hasToken, hasClientSecret);
        }
        storeSecrets(c, newToken, newClientSecret);
        if (before.kind() != c.kind()) {
            if (c.kind() == ConnectionKind.PUBLIC_OAUTH) {
                secrets.delete(SecretKeys.token(c.id()));
            } else if (before.kind() == ConnectionKind.PUBLIC_OAUTH) {
                deleteOAuthSecrets(before);
                c = c.toBuilder().installations(List.of()).activeBotId(null).clientId(null).redirectUri(null).build();
            }
        }
        if (!sameEndpoint(before, c)) {
            c = c.toBuilder().lastCheck(null).build(); // the old result says nothing about the new endpoint or token
        }
        replace(c);
        return c;
    }

    private Connection updateTemporary(Connection before, Connection changed, Secret newToken) {
        // the environment's connection can be adjusted for this session (e.g. pointed at another base URL)
        Connection c = changed.toBuilder().id(before.id()).temporary(true).createdAt(before.createdAt()).build();
        if (newToken != null) {
            temporarySecrets.put(c.id(), TokenInput.normalize(newToken, "token"));
        }
        replace(c);
        return c;
    }

    /** Copies a connection and its token or client secret under a new name; installations are not copied. */
    public Connection duplicate(String id) throws SecretStoreException {
        Connection original = require(id);
        String name;
        synchronized (this) {
            name = uniqueName(original.name() + " (copy)", connections);
        }
        // installations are not copied: two entries refreshing one rotating refresh token would break each other
        Connection copy = original.toBuilder().id(newId()).name(name).installations(List.of()).activeBotId(null)
                .lastCheck(null).temporary(false).createdAt(clock.instant()).build();
        Secret token = token(original).orElse(null);
        Secret clientSecret = clientSecret(original).orElse(null);
        storeSecrets(copy, original.kind() == ConnectionKind.PUBLIC_OAUTH ? null : token, clientSecret);
        synchronized (this) {
            connections.add(connections.indexOf(original) + 1, copy);
            persist();
        }
        fireChanged();
        return copy;
    }

    /** Removes a connection and all its secrets. Blocking. */
    public void remove(String id) throws SecretStoreException {
        Connection c = require(id);
        if (c.temporary()) {
            throw new IllegalArgumentException("\"" + c.name() + "\" comes from the " + TOKEN_ENV
                    + " environment variable; unset it to remove the connection.");
        }
        secrets.delete(SecretKeys.token(id));
        deleteOAuthSecrets(c);
        boolean currentChanged;
        Optional<Connection> now;
        synchronized (this) {
            connections.removeIf(x -> x.id().equals(id));
            rateLimiters.remove(id);
            currentChanged = id.equals(currentId);
            if (currentChanged) {
                currentId = connections.isEmpty() ? null : connections.get(0).id();
            }
            now = current();
            persist();
        }
        fireChanged();
        if (currentChanged) {
            listeners.forEach(l -> l.currentChanged(now));
        }
    }

    /** Remembers the result of an identity check. The environment's connection adopts the kind found. */
    public Connection recordCheck(String id, IdentityCheck check) {
        Connection c = require(id);
        Connection.Builder b = c.toBuilder().lastCheck(check);
        if (c.temporary() && check.detectedKind() != null) {
            b.kind(check.detectedKind());
        }
        Connection updated = b.build();
        replace(updated);
        return updated;
    }

    /** Remembers one capability observation, replacing the previous one for that capability. */
    public Connection recordCapability(String id, Capability capability, boolean present, String evidence) {
        Connection c = require(id);
        List<LearnedCapability> caps = new ArrayList<>(c.capabilities());
        caps.removeIf(x -> x.capability() == capability);
        caps.add(new LearnedCapability(capability, present, clock.instant(), evidence));
        caps.sort(java.util.Comparator.comparing(LearnedCapability::capability));
        Connection updated = c.toBuilder().capabilities(caps).build();
        replace(updated);
        return updated;
    }

    /**
     * Learns from an answer what the connection can do ({@link CapabilityEvidence}); for the request feature to
     * call after every exchange. Writes only when something changed or the last observation is an hour old.
     */
    public void learnFrom(Connection c, Exchange exchange) {
        Optional<CapabilityEvidence.Observation> obs = CapabilityEvidence.of(c.kind(), exchange);
        if (obs.isEmpty() || find(c.id()).isEmpty()) {
            return;
        }
        CapabilityEvidence.Observation o = obs.get();
        Optional<LearnedCapability> before = find(c.id()).flatMap(x -> x.learned(o.capability()));
        boolean fresh = before.isPresent() && before.get().present() == o.present() && before.get().observedAt() != null
                && before.get().observedAt().isAfter(clock.instant().minus(java.time.Duration.ofHours(1)));
        if (!fresh) {
            recordCapability(c.id(), o.capability(), o.present(), o.evidence());
        }
    }

    // ---- secrets -------------------------------------------------------------------------------------

    /**
     * The bearer token requests use: the connection's own token (internal, PAT), the active installation's
     * access token (public), or for a default sandbox connection the fixture's fake token. Blocking.
     */
    public Optional<Secret> token(Connection c) throws SecretStoreException {
        if (c.temporary()) {
            return Optional.ofNullable(temporarySecrets.get(c.id()));
        }
        if (c.kind() == ConnectionKind.PUBLIC_OAUTH) {
            Optional<Installation> inst = c.activeInstallation();
            if (inst.isPresent()) {
                return secrets.get(SecretKeys.accessToken(c.id(), inst.get().botId()));
            }
            // a default sandbox public connection uses the fixture's pre-made installation until the user authorizes
            return usesFixture(c) ? fixture(c).map(SandboxAccess.FixtureConnection::token) : Optional.empty();
        }
        Optional<Secret> stored = secrets.get(SecretKeys.token(c.id()));
        if (stored.isPresent() || !usesFixture(c)) {
            return stored;
        }
        return fixture(c).map(SandboxAccess.FixtureConnection::token);
    }

    /** Sets the token of an internal connection or PAT. Blocking. */
    public void setToken(String id, Secret pasted) throws SecretStoreException {
        Secret token = TokenInput.normalize(pasted, "token");
        Connection c = require(id);
        if (c.temporary()) {
            temporarySecrets.put(id, token);
        } else {
            secrets.put(SecretKeys.token(id), token);
        }
        Connection cleared = c.toBuilder().lastCheck(null).build();
        replace(cleared);
    }

    /** A public connection's OAuth client secret (stored, or the sandbox fixture's). Blocking. */
    public Optional<Secret> clientSecret(Connection c) throws SecretStoreException {
        Optional<Secret> stored = secrets.get(SecretKeys.clientSecret(c.id()));
        if (stored.isPresent() || !usesFixture(c)) {
            return stored;
        }
        return fixture(c).map(SandboxAccess.FixtureConnection::clientSecret);
    }

    public void setClientSecret(String id, Secret clientSecret) throws SecretStoreException {
        Secret normalized = TokenInput.normalize(clientSecret, "client secret");
        require(id);
        secrets.put(SecretKeys.clientSecret(id), normalized);
    }

    public Optional<Secret> accessToken(Connection c, String botId) throws SecretStoreException {
        return secrets.get(SecretKeys.accessToken(c.id(), botId));
    }

    public Optional<Secret> refreshToken(Connection c, String botId) throws SecretStoreException {
        return secrets.get(SecretKeys.refreshToken(c.id(), botId));
    }

    /**
     * Adds an installation after an OAuth code exchange, or replaces the one with the same bot id (the user
     * authorized again), and makes it the active one. Blocking.
     *
     * @param refreshToken null when Notion returned none
     */
    public Connection putInstallation(String connectionId, Installation installation, Secret accessToken,
                                      Secret refreshToken) throws SecretStoreException {
        Connection c = require(connectionId);
        requirePublic(c);
        secrets.put(SecretKeys.accessToken(c.id(), installation.botId()), accessToken);
        if (refreshToken != null) {
            secrets.put(SecretKeys.refreshToken(c.id(), installation.botId()), refreshToken);
        } else {
            secrets.delete(SecretKeys.refreshToken(c.id(), installation.botId()));
        }
        Installation stamped = installation.installedAt() != null ? installation
                : installation.withInstalledAt(clock.instant()).withRefreshedAt(null);
        List<Installation> list = new ArrayList<>(c.installations());
        list.removeIf(i -> i.botId().equals(installation.botId()));
        list.add(stamped);
        Connection updated = c.toBuilder().installations(list).activeBotId(installation.botId()).lastCheck(null).build();
        replace(updated);
        return updated;
    }

    /** Stores the tokens a refresh returned (Notion rotates the refresh token, docs/notion-api.md §2.10). Blocking. */
    public Connection updateInstallationTokens(String connectionId, String botId, Secret accessToken,
                                               Secret refreshToken) throws SecretStoreException {
        Connection c = require(connectionId);
        Installation inst = c.installation(botId).orElseThrow(
                () -> new IllegalArgumentException("No installation " + botId + " in \"" + c.name() + "\""));
        secrets.put(SecretKeys.accessToken(c.id(), botId), accessToken);
        if (refreshToken != null) {
            secrets.put(SecretKeys.refreshToken(c.id(), botId), refreshToken);
        }
        Installation refreshed = inst.withRefreshedAt(clock.instant());
        List<Installation> list = new ArrayList<>(c.installations());
        list.replaceAll(i -> i.botId().equals(botId) ? refreshed : i);
        Connection updated = c.toBuilder().installations(list).build();
        replace(updated);
        return updated;
    }

    /** Changes what is recorded about an installation (not its tokens), e.g. its template copy's title. Blocking. */
    public Connection updateInstallation(String connectionId, String botId, UnaryOperator<Installation> change) {
        Connection c = require(connectionId);
        List<Installation> list = new ArrayList<>(c.installations());
        list.replaceAll(i -> i.botId().equals(botId) ? change.apply(i) : i);
        Connection updated = c.toBuilder().installations(list).build();
        replace(updated);
        return updated;
    }

    /** Forgets an installation and its tokens (after revoking it, or when Notion says it is gone). Blocking. */
    public Connection removeInstallation(String connectionId, String botId) throws SecretStoreException {
        Connection c = require(connectionId);
        secrets.delete(SecretKeys.accessToken(c.id(), botId));
        secrets.delete(SecretKeys.refreshToken(c.id(), botId));
        List<Installation> list = new ArrayList<>(c.installations());
        list.removeIf(i -> i.botId().equals(botId));
        Connection updated = c.toBuilder().installations(list)
                .activeBotId(botId.equals(c.activeBotId()) ? null : c.activeBotId()).lastCheck(null).build();
        replace(updated);
        return updated;
    }

    /** Chooses which installation of a public connection requests act as. */
    public Connection setActiveInstallation(String connectionId, String botId) {
        Connection c = require(connectionId);
        c.installation(botId).orElseThrow(() -> new IllegalArgumentException("No installation " + botId));
        Connection updated = c.toBuilder().activeBotId(botId).lastCheck(null).build();
        replace(updated);
        return updated;
    }

    /** The OAuth feature registers how to revoke an installation; the UI offers it on delete when present. */
    public void setRevoker(InstallationRevoker revoker) {
        this.revoker = revoker;
    }

    public Optional<InstallationRevoker> revoker() {
        return Optional.ofNullable(revoker);
    }

    // ---- listeners -----------------------------------------------------------------------------------

    public void addListener(ConnectionsListener l) {
        listeners.add(l);
    }

    public void removeListener(ConnectionsListener l) {
        listeners.remove(l);
    }

    /** Switches secrets to the 0600 file (no keychain), then saves that choice. Blocking. */
    public void optInToSecretsFile() throws SecretStoreException {
        secrets.optInToFile();
        synchronized (this) {
            persist();
        }
    }

    public void optOutOfSecretsFile() throws SecretStoreException {
        secrets.optOutOfFile();
        synchronized (this) {
            persist();
        }
    }

    // ---- calling the API ------------------------------------------------------------------------------

    /**
     * A client for the connection: its base URL (the running sandbox's for {@value Connection#SANDBOX}), its
     * token, its pinned Notion-Version and the rate limiter all its clients share. Blocking (secret store, may
     * start the sandbox): call it in a background task.
     *
     * @throws MissingTokenException when no token is stored (e.g. session-only secrets after a restart)
     * @throws IOException when the sandbox cannot start
     */
    public NotionClient clientFor(Connection c) throws IOException, SecretStoreException {
        Secret token = token(c).orElseThrow(() -> new MissingTokenException(c));
        return new NotionClient(settingsFor(c).credentials(Credentials.bearer(token)).build());
    }

    /**
     * A client that authenticates with the public connection's client id and secret (HTTP Basic), for
     * {@code /v1/oauth/token}, {@code /introspect} and {@code /revoke}. Blocking.
     */
    public NotionClient oauthClientFor(Connection c) throws IOException, SecretStoreException {
        requirePublic(c);
        Secret secret = clientSecret(c).orElseThrow(() -> new MissingTokenException(c, "client secret"));
        if (c.clientId() == null) {
            throw new IllegalArgumentException("\"" + c.name() + "\" has no OAuth client id.");
        }
        return new NotionClient(settingsFor(c).credentials(Credentials.basic(c.clientId(), secret)).build());
    }

    private ClientSettings.Builder settingsFor(Connection c) throws IOException {
        return ClientSettings.builder().baseUrl(resolveBaseUrl(c)).notionVersion(c.notionVersion())
                .rateLimiter(rateLimiterFor(c));
    }

    /** One bucket per connection and plan, shared by all its clients (docs/notion-api.md §4.5). */
    public RateLimiter rateLimiterFor(Connection c) {
        return rateLimiters.compute(c.id(), (id, existing) -> existing != null
                && existing.snapshot().limitPerMinute() == c.ratePlan().perMinute()
                ? existing : RateLimiter.perMinute(c.ratePlan().perMinute()));
    }

    /**
     * "Test connection": GET /v1/users/me, interpreted by {@link IdentityInterpreter}, remembered with the time
     * together with the capabilities it reveals. Never throws for an API or network failure: that is the result.
     * Blocking.
     */
    public IdentityCheck testConnection(Connection c, CancellationToken cancel) throws SecretStoreException {
        Instant at = clock.instant();
        IdentityCheck check;
        List<LearnedCapability> learned = List.of();
        String base = c.baseUrl();
        try {
            base = resolveBaseUrl(c);
            NotionClient client = clientFor(c);
            Exchange ex = client.send(ApiRequest.get("/v1/users/me"), cancel, CallObserver.NONE);
            IdentityInterpreter.Result r = IdentityInterpreter.interpret(find(c.id()).orElse(c), ex, at);
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
        if (find(c.id()).isPresent()) {
            for (LearnedCapability cap : learned) {
                recordCapability(c.id(), cap.capability(), cap.present(), cap.evidence());
            }
            recordCheck(c.id(), check);
        }
        return check;
    }

    // ---- internals -----------------------------------------------------------------------------------

    /** Resolves the base URL: the running sandbox's for {@value Connection#SANDBOX}. Blocking (may start it). */
    public String resolveBaseUrl(Connection c) throws IOException {
        return c.isSandbox() ? sandbox.baseUrl() : c.baseUrl().replaceAll("/+$", "");
    }

    /** A default sandbox connection still pointed at the sandbox: its secrets are the fixture's fake ones. */
    private static boolean usesFixture(Connection c) {
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

    private void storeSecrets(Connection c, Secret token, Secret clientSecret) throws SecretStoreException {
        if (token != null && c.kind() != ConnectionKind.PUBLIC_OAUTH) {
            secrets.put(SecretKeys.token(c.id()), TokenInput.normalize(token, "token"));
        }
        if (clientSecret != null && c.kind() == ConnectionKind.PUBLIC_OAUTH) {
            secrets.put(SecretKeys.clientSecret(c.id()), TokenInput.normalize(clientSecret, "client secret"));
        }
    }

    private void deleteOAuthSecrets(Connection c) throws SecretStoreException {
        secrets.delete(SecretKeys.clientSecret(c.id()));
        for (Installation i : c.installations()) {
            secrets.delete(SecretKeys.accessToken(c.id(), i.botId()));
            secrets.delete(SecretKeys.refreshToken(c.id(), i.botId()));
        }
    }

    private void requireValid(Connection c, boolean hasToken, boolean hasClientSecret) {
        List<ConnectionValidator.Problem> problems = ConnectionValidator.validate(c, connections, hasToken,
                hasClientSecret, NotionVersion.ALL);
        if (ConnectionValidator.blocking(problems)) {
            throw new InvalidConnectionException(problems);
        }
    }

    private static void requirePublic(Connection c) {
        if (c.kind() != ConnectionKind.PUBLIC_OAUTH) {
            throw new IllegalArgumentException("\"" + c.name() + "\" is not a public (OAuth) connection.");
        }
    }

    private synchronized Connection require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("No connection with id " + id));
    }

    private void replace(Connection c) {
        boolean isCurrent;
        synchronized (this) {
            int i = indexOf(c.id());
            if (i < 0) {
                throw new IllegalArgumentException("No connection with id " + c.id());
            }
            connections.set(i, c);
            isCurrent = c.id().equals(currentId);
            persist();
        }
        fireChanged();
        if (isCurrent) {
            listeners.forEach(l -> l.currentChanged(Optional.of(c)));
        }
    }

    private int indexOf(String id) {
        for (int i = 0; i < connections.size(); i++) {
            if (connections.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void fireChanged() {
        List<Connection> snapshot = list();
        listeners.forEach(l -> l.connectionsChanged(snapshot));
    }

    /** Snapshots under the lock, writes on the save executor (a background thread in the app). */
    private void persist() {
        find(currentId).filter(c -> !c.temporary()).ifPresent(c -> savedCurrentId = c.id());
        String savedCurrent = find(savedCurrentId).map(Connection::id).orElse(null);
        ConnectionsDocument doc = new ConnectionsDocument(ConnectionStore.FORMAT_VERSION, savedCurrent,
                secrets.fileOptedIn(), sandboxDefaultsAdded, List.copyOf(connections));
        saveExecutor.execute(() -> {
            try {
                store.save(doc);
            } catch (IOException | RuntimeException e) {
                String message = "Connections could not be saved: " + e.getMessage();
                LOG.warn(message);
                listeners.forEach(l -> l.saveFailed(message));
            }
        });
    }

    private static boolean sameEndpoint(Connection a, Connection b) {
        return a.kind() == b.kind() && a.baseUrl().equals(b.baseUrl()) && a.notionVersion().equals(b.notionVersion());
    }

    static String uniqueName(String wanted, Collection<Connection> existing) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        existing.forEach(c -> taken.add(c.name().toLowerCase(java.util.Locale.ROOT)));
        String name = wanted;
        for (int n = 2; taken.contains(name.toLowerCase(java.util.Locale.ROOT)); n++) {
            name = wanted + " " + n;
        }
        return name;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
