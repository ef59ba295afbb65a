package dev.notionconsole.connections;

import dev.notionconsole.core.Secret;
import dev.notionconsole.notion.NotionVersion;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved connection definitions: the list, the current one, adding, changing and removing them (with the
 * secrets a definition carries), the connections file and the listeners. Reading and {@link #setCurrent} only
 * touch memory and hand the file write to the save executor; edits that store secrets block. Thread-safe: the
 * list is guarded by this object's lock, secrets are written outside it.
 */
public final class ConnectionRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRegistry.class);

    private final ConnectionStore store;
    private final ConnectionSecrets secrets;
    private final SandboxAccess sandbox;
    private final Executor saveExecutor;
    private final Clock clock;
    private final List<ConnectionsListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> notices = new CopyOnWriteArrayList<>();

    private List<Connection> connections = new ArrayList<>();
    private String currentId;
    /** The last current connection that is saved: what the file remembers while a temporary one is current. */
    private String savedCurrentId;
    private boolean sandboxDefaultsAdded;

    ConnectionRegistry(ConnectionStore store, ConnectionSecrets secrets, SandboxAccess sandbox, Executor saveExecutor,
                       Clock clock) {
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
            List<Connection> defaults = SandboxDefaults.of(sandbox, connections, clock);
            connections.addAll(defaults);
            sandboxDefaultsAdded = changed = !defaults.isEmpty();
        }
        String envToken = env.get(ConnectionService.TOKEN_ENV);
        Secret token = null;
        try {
            token = TokenInput.normalize(Secret.ofNullable(envToken), "token");
        } catch (InvalidConnectionException e) {
            notices.add(ConnectionService.TOKEN_ENV + " is set but was not used: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // only white space: treated as unset
        }
        if (token != null) {
            secrets.putTemporary(ConnectionService.ENV_CONNECTION_ID, token);
            connections.add(0, Connection.builder(ConnectionKind.INTERNAL)
                    .id(ConnectionService.ENV_CONNECTION_ID).name(ConnectionService.TOKEN_ENV + " (environment)")
                    .notes("From the " + ConnectionService.TOKEN_ENV + " environment variable: used for this session, "
                            + "never saved. Its kind is found out by Test connection.")
                    .createdAt(clock.instant()).temporary(true).build());
            // set for this run: it is what the user asked for; the saved choice is kept for the next run
            currentId = ConnectionService.ENV_CONNECTION_ID;
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

    /** Messages from loading the connections file (moved aside, migrated, newer format) for the UI to show once. */
    public List<String> startupNotices() {
        return List.copyOf(notices);
    }

    public ConnectionStore store() {
        return store;
    }

    public void addListener(ConnectionsListener l) {
        listeners.add(l);
    }

    public void removeListener(ConnectionsListener l) {
        listeners.remove(l);
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
        boolean fixture = ConnectionSecrets.usesFixture(c);
        synchronized (this) {
            requireValid(c, token != null || fixture, clientSecret != null || fixture);
        }
        secrets.store(c, token, clientSecret);
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
        boolean hasToken = newToken != null || secrets.hasToken(c);
        boolean hasClientSecret = newClientSecret != null || secrets.hasClientSecret(c);
        synchronized (this) {
            requireValid(c, hasToken, hasClientSecret);
        }
        secrets.store(c, newToken, newClientSecret);
        if (before.kind() != c.kind()) {
            if (c.kind() == ConnectionKind.PUBLIC_OAUTH) {
                secrets.deleteToken(c.id());
            } else if (before.kind() == ConnectionKind.PUBLIC_OAUTH) {
                secrets.deleteOAuth(before);
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
            secrets.putTemporary(c.id(), TokenInput.normalize(newToken, "token"));
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
        Secret token = secrets.token(original).orElse(null);
        Secret clientSecret = secrets.clientSecret(original).orElse(null);
        secrets.store(copy, original.kind() == ConnectionKind.PUBLIC_OAUTH ? null : token, clientSecret);
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
            throw new IllegalArgumentException("\"" + c.name() + "\" comes from the " + ConnectionService.TOKEN_ENV
                    + " environment variable; unset it to remove the connection.");
        }
        secrets.deleteToken(id);
        secrets.deleteOAuth(c);
        boolean currentChanged;
        Optional<Connection> now;
        synchronized (this) {
            connections.removeIf(x -> x.id().equals(id));
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

    /** Sets the token of an internal connection or PAT; the last check no longer applies. Blocking. */
    public void setToken(String id, Secret pasted) throws SecretStoreException {
        Secret token = TokenInput.normalize(pasted, "token");
        Connection c = require(id);
        if (c.temporary()) {
            secrets.putTemporary(id, token);
        } else {
            secrets.putToken(id, token);
        }
        replace(c.toBuilder().lastCheck(null).build());
    }

    public void setClientSecret(String id, Secret clientSecret) throws SecretStoreException {
        Secret normalized = TokenInput.normalize(clientSecret, "client secret");
        require(id);
        secrets.putClientSecret(id, normalized);
    }

    /** Switches secrets to the 0600 file (no keychain), then saves that choice. Blocking. */
    public void optInToSecretsFile() throws SecretStoreException {
        secrets.storage().optInToFile();
        synchronized (this) {
            persist();
        }
    }

    public void optOutOfSecretsFile() throws SecretStoreException {
        secrets.storage().optOutOfFile();
        synchronized (this) {
            persist();
        }
    }

    // ---- for the other parts of the service ----------------------------------------------------------

    synchronized Connection require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("No connection with id " + id));
    }

    /** Puts a changed connection in place of the stored one, saves, and tells the listeners. */
    void replace(Connection c) {
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

    // ---- internals -----------------------------------------------------------------------------------

    private void requireValid(Connection c, boolean hasToken, boolean hasClientSecret) {
        List<ConnectionValidator.Problem> problems = ConnectionValidator.validate(c, connections, hasToken,
                hasClientSecret, NotionVersion.ALL);
        if (ConnectionValidator.blocking(problems)) {
            throw new InvalidConnectionException(problems);
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
                secrets.storage().fileOptedIn(), sandboxDefaultsAdded, List.copyOf(connections));
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

    /** {@code wanted}, or with " 2", " 3", … appended until no existing name matches (case-insensitive). */
    public static String uniqueName(String wanted, Collection<Connection> existing) {
        Set<String> taken = new HashSet<>();
        existing.forEach(c -> taken.add(c.name().toLowerCase(Locale.ROOT)));
        String name = wanted;
        for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
            name = wanted + " " + n;
        }
        return name;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
