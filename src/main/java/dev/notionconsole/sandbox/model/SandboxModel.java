package dev.notionconsole.sandbox.model;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The sandbox's whole state: workspaces, users, the content tree, comments, file uploads, connections and tokens.
 *
 * <p>Thread safety: one read-write lock. The router runs read-only routes under {@link #read} and mutating routes
 * under {@link #write}; anything else that touches the model (fixture loading, the page generator, OAuth installs,
 * state persistence) must do the same. Lookups are O(1) by ID; the tree keeps parent references and ordered children.
 *
 * <p>Over 400 lines, knowingly: it is the one holder of the sandbox's state behind one lock; each collection is a few
 * small accessors, and separate stores would spread the locking rule over several classes.
 */
public final class SandboxModel {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Clock clock;
    private final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    private final Map<String, User> users = new HashMap<>();
    private final Map<String, Node> nodes;
    private final Map<String, Comment> comments = new LinkedHashMap<>();
    private final Map<Node, List<Comment>> commentsByParent = new HashMap<>();
    private final Map<String, View> views = new LinkedHashMap<>();
    private final Map<Database, List<View>> viewsByDatabase = new HashMap<>();
    private final Map<String, ViewQuery> viewQueries = new HashMap<>();
    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final Map<String, FileUpload> fileUploads = new LinkedHashMap<>();
    private final TokenRegistry tokens = new TokenRegistry();
    private com.fasterxml.jackson.databind.JsonNode faults;
    private com.fasterxml.jackson.databind.JsonNode rateLimits;
    private SearchCursorExpiry searchCursors = SearchCursorExpiry.OFF;
    private SearchLag searchLag = SearchLag.OFF;
    private final Visibility visibility = new Visibility(this);
    private final SearchOrders searchOrders = new SearchOrders();
    private final AtomicLong idCounter = new AtomicLong();
    private final String idSeed;

    public SandboxModel(Clock clock, int expectedNodes, String idSeed) {
        this.clock = clock;
        this.nodes = new HashMap<>(Math.max(16, expectedNodes * 4 / 3 + 1));
        this.idSeed = idSeed;
    }

    public SandboxModel(Clock clock) {
        this(clock, 256, "runtime");
    }

    // ---- locking -------------------------------------------------------------------------------------------

    public ReentrantReadWriteLock lock() {
        return lock;
    }

    public <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Orderings of recent search walks (docs/decisions/0150). */
    public SearchOrders searchOrders() {
        return searchOrders;
    }

    // ---- time and ids --------------------------------------------------------------------------------------

    public Clock clock() {
        return clock;
    }

    /** Now, truncated to the minute as Notion does for created/last-edited times. */
    public Instant nowMinute() {
        return clock.instant().truncatedTo(ChronoUnit.MINUTES);
    }

    /** A new object ID: deterministic for a given seed and creation order, so runs are reproducible. */
    public String newId() {
        while (true) {
            long n = idCounter.incrementAndGet();
            String id = UUID.nameUUIDFromBytes((idSeed + "/" + n).getBytes(StandardCharsets.UTF_8)).toString();
            // After a reload from saved state the counter restarts: skip ids already taken.
            if (!nodes.containsKey(id) && !comments.containsKey(id) && !users.containsKey(id) && !views.containsKey(id)
                    && !viewQueries.containsKey(id) && !fileUploads.containsKey(id)) {
                return id;
            }
        }
    }

    // ---- workspaces and users ------------------------------------------------------------------------------

    public void addWorkspace(Workspace w) {
        workspaces.put(w.id(), w);
    }

    public Collection<Workspace> workspaces() {
        return Collections.unmodifiableCollection(workspaces.values());
    }

    public Workspace workspace(String id) {
        return workspaces.get(id);
    }

    public void addUser(User u) {
        users.put(u.id(), u);
        u.workspace().users().add(u);
    }

    public User user(String id) {
        return users.get(id);
    }

    /** Every user (people and bots) of every workspace. */
    public Collection<User> users() {
        return Collections.unmodifiableCollection(users.values());
    }

    /**
     * What a user's page picker offers (OAuth consent, docs/notion-api.md §2.10 / 5.2): pages and databases the user can
     * see whose parent they cannot see (or that are workspace-level), not in the trash, in tree order.
     */
    public List<Node> pickerRoots(User user) {
        List<Node> out = new ArrayList<>();
        collectPickerRoots(user, user.workspace().topLevel(), out);
        return out;
    }

    private void collectPickerRoots(User user, List<Node> level, List<Node> out) {
        for (Node n : level) {
            if (n.inTrash() || !(n instanceof Page || n instanceof Database || n instanceof Block)) {
                continue;
            }
            boolean shareable = n instanceof Page || n instanceof Database;
            if (shareable && visibility.userCanSee(user, n)) {
                out.add(n);
            } else if (n.parent() == null || !visibility.userCanSee(user, n)) {
                collectPickerRoots(user, n.children(), out);
            }
        }
    }

    // ---- content tree --------------------------------------------------------------------------------------

    public Node node(String id) {
        return id == null ? null : nodes.get(id);
    }

    public int nodeCount() {
        return nodes.size();
    }

    /** All nodes, for search and persistence. Call under the lock; do not keep the view. */
    public Collection<Node> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    /**
     * Adds a new node under a parent (null: the workspace's top level) at an index (-1: the end).
     *
     * @throws IllegalArgumentException when the id is taken
     */
    public void attach(Node node, Node parent, int index) {
        if (nodes.putIfAbsent(node.id(), node) != null) {
            throw new IllegalArgumentException("duplicate id " + node.id());
        }
        link(node, parent, index);
    }

    /** Moves a node to another parent; visibility follows the new ancestry (docs/notion-api.md §5.2). */
    public void move(Node node, Node newParent, int index) {
        siblings(node).remove(node);
        link(node, newParent, index);
        visibility.invalidate();
    }

    private void link(Node node, Node parent, int index) {
        node.setParent(parent);
        List<Node> list = parent == null ? node.workspace().topLevel() : parent.children();
        if (index < 0 || index > list.size()) {
            list.add(node);
        } else {
            list.add(index, node);
        }
    }

    private List<Node> siblings(Node node) {
        return node.parent() == null ? node.workspace().topLevel() : node.parent().children();
    }

    // ---- comments ------------------------------------------------------------------------------------------

    public void addComment(Comment c) {
        comments.put(c.id(), c);
        commentsByParent.computeIfAbsent(c.parent(), k -> new ArrayList<>()).add(c);
    }

    public Comment comment(String id) {
        return comments.get(id);
    }

    public Collection<Comment> comments() {
        return Collections.unmodifiableCollection(comments.values());
    }

    public List<Comment> commentsOn(Node parent) {
        return commentsByParent.getOrDefault(parent, List.of());
    }

    /** Replaces a comment by one with the same id (an edit), keeping its place in its thread. */
    public void replaceComment(Comment edited) {
        Comment old = comments.put(edited.id(), edited);
        List<Comment> thread = commentsByParent.get(old.parent());
        thread.set(thread.indexOf(old), edited);
    }

    public void removeComment(Comment c) {
        comments.remove(c.id());
        List<Comment> thread = commentsByParent.get(c.parent());
        if (thread != null) {
            thread.remove(c);
        }
    }

    // ---- views (docs/notion-api.md §2.5) -------------------------------------------------------------------------

    /**
     * Adds a view to its database's tab bar at an index (-1: the end).
     *
     * @throws IllegalArgumentException when the id is taken
     */
    public void addView(View v, int index) {
        if (views.putIfAbsent(v.id(), v) != null) {
            throw new IllegalArgumentException("duplicate view id " + v.id());
        }
        List<View> tabs = viewsByDatabase.computeIfAbsent(v.database(), k -> new ArrayList<>());
        tabs.add(index < 0 || index > tabs.size() ? tabs.size() : index, v);
    }

    public View view(String id) {
        return id == null ? null : views.get(id);
    }

    /** Every view, for persistence. Call under the lock. */
    public Collection<View> views() {
        return Collections.unmodifiableCollection(views.values());
    }

    /** A database's views in tab order. */
    public List<View> viewsOf(Database db) {
        return Collections.unmodifiableList(viewsByDatabase.getOrDefault(db, List.of()));
    }

    /** Removes a view and drops its cached queries. */
    public void removeView(View v) {
        views.remove(v.id());
        List<View> tabs = viewsByDatabase.get(v.database());
        if (tabs != null) {
            tabs.remove(v);
        }
        viewQueries.values().removeIf(q -> q.view() == v);
    }

    /** Caches a view query; expired ones are dropped on the way. */
    public void addViewQuery(ViewQuery q) {
        Instant now = clock.instant();
        viewQueries.values().removeIf(old -> !old.expiresAt().isAfter(now));
        viewQueries.put(q.id(), q);
    }

    /** A cached view query that has not expired, or null. */
    public ViewQuery viewQuery(String id) {
        ViewQuery q = id == null ? null : viewQueries.get(id);
        return q == null || !q.expiresAt().isAfter(clock.instant()) ? null : q;
    }

    public void removeViewQuery(String id) {
        viewQueries.remove(id);
    }

    // ---- file uploads (docs/notion-api.md §2.9; in memory only, decision 0066) -----------------------------------

    public void addFileUpload(FileUpload u) {
        fileUploads.put(u.id(), u);
    }

    public FileUpload fileUpload(String id) {
        return id == null ? null : fileUploads.get(id);
    }

    /** Every upload, oldest first. Call under the lock. */
    public Collection<FileUpload> fileUploads() {
        return Collections.unmodifiableCollection(fileUploads.values());
    }

    // ---- connections and tokens ----------------------------------------------------------------------------

    public void addConnection(Connection c) {
        connections.put(c.id(), c);
    }

    public Collection<Connection> connections() {
        return Collections.unmodifiableCollection(connections.values());
    }

    public Connection connection(String id) {
        return connections.get(id);
    }

    public Connection connectionByClientId(String clientId) {
        for (Connection c : connections.values()) {
            if (clientId != null && clientId.equals(c.clientId())) {
                return c;
            }
        }
        return null;
    }

    /** Adds a bot user for an internal or personal connection. */
    public User addBot(Connection c, String botId) {
        User bot = new User(botId, User.Type.BOT, c.workspace(), c.name(), null, null, User.Role.BOT);
        c.setBot(bot);
        addUser(bot);
        return bot;
    }

    /**
     * Installs a public connection for a user in their workspace with the pages they picked, creating its bot.
     * Tokens are issued separately through {@link #tokens()}.
     */
    public Installation install(Connection c, User user, String botId, Collection<String> pickedPageIds) {
        User bot = new User(botId, User.Type.BOT, user.workspace(), c.name(), null, null, User.Role.BOT);
        Installation inst = new Installation(c, user.workspace(), user, bot, clock.instant());
        inst.pickedPages().addAll(pickedPageIds);
        addUser(bot);
        c.installations().add(inst);
        visibility.invalidate();
        return inst;
    }

    /** The installation of a public connection by a user, or null. */
    public Installation installationOf(Connection c, User user) {
        for (Installation i : c.installations()) {
            if (i.user() == user) {
                return i;
            }
        }
        return null;
    }

    /** Call after changing shares, picked pages or user access, so cached visibility is recomputed. */
    public void sharesChanged() {
        visibility.invalidate();
    }

    public TokenRegistry tokens() {
        return tokens;
    }

    public Visibility visibility() {
        return visibility;
    }

    // ---- fault rules ---------------------------------------------------------------------------------------

    /** The fixture's {@code rate_limits} object as written (validated by the loader), or null. */
    public com.fasterxml.jackson.databind.JsonNode rateLimits() {
        return rateLimits;
    }

    public void setRateLimits(com.fasterxml.jackson.databind.JsonNode rateLimits) {
        this.rateLimits = rateLimits;
    }

    /** The fixture's {@code search_cursors} setting (off unless given). */
    public SearchCursorExpiry searchCursors() {
        return searchCursors;
    }

    public void setSearchCursors(SearchCursorExpiry searchCursors) {
        this.searchCursors = searchCursors == null ? SearchCursorExpiry.OFF : searchCursors;
    }

    /** The fixture's {@code search_lag} (off unless given). */
    public SearchLag searchLag() {
        return searchLag;
    }

    public void setSearchLag(SearchLag searchLag) {
        this.searchLag = searchLag == null ? SearchLag.OFF : searchLag;
    }

    /** The fixture's {@code faults} array as written (validated by the loader), or null; the fault injector reads it. */
    public com.fasterxml.jackson.databind.JsonNode faults() {
        return faults;
    }

    public void setFaults(com.fasterxml.jackson.databind.JsonNode faults) {
        this.faults = faults;
    }
}
