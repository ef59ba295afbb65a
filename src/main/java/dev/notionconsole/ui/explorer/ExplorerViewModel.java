package dev.notionconsole.ui.explorer;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionsListener;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskHandle;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.explorer.ApiCalls;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.explorer.ChildrenLoader;
import dev.notionconsole.explorer.MapExport;
import dev.notionconsole.explorer.MapIdentity;
import dev.notionconsole.explorer.MapListener;
import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.explorer.MapProgress;
import dev.notionconsole.explorer.Mapper;
import dev.notionconsole.explorer.SnapshotStore;
import dev.notionconsole.explorer.TokenKind;
import dev.notionconsole.explorer.WorkspaceMap;
import dev.notionconsole.oauth.BrowserOpener;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.ObjectRef;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Explorer section: map the current connection in the background (progress in requests done of estimated,
 * objects found, waits with their reason; cancel), stream the nodes into an {@link ExplorerTree} a slice per pulse,
 * group by hierarchy or by sharing root, filter what is loaded, and act on the selected node (details, copy, open in
 * the browser, open as request, diagnose access). No Node types: tested without a toolkit with an inline task runner.
 *
 * <p>Comparing lives in {@link CompareViewModel}; this class owns one connection's map.
 *
 * <p>Over 400 lines, knowingly: mapping, streaming, filtering and the node actions share the current map and selection;
 * the next cut is the node actions (copy, open, request, diagnose, export, snapshot) into their own ViewModel, as
 * {@link CompareViewModel} was cut out.
 */
public final class ExplorerViewModel {
    /** One drain of streamed nodes may hold the UI thread this long before the next pulse (NodeInbox). */
    static final long DRAIN_BUDGET_MS = 8;
    /** Matches whose path the filter expands. */
    static final int FILTER_EXPAND = 50;

    private final ConnectionService connections;
    private final ConnectionCaller caller;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final BrowserOpener browser;
    private final SnapshotStore snapshots;
    private final Consumer<RequestSpec> openAsRequest;
    private final Consumer<ObjectRef> diagnose;
    private final Consumer<Runnable> uiThread;

    private final ExplorerTree tree = new ExplorerTree();
    private final NodeInbox inbox;
    private final ReadOnlyStringWrapper connectionLabel = new ReadOnlyStringWrapper(this, "connectionLabel", "");
    private final ReadOnlyBooleanWrapper mapping = new ReadOnlyBooleanWrapper(this, "mapping", false);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper waitText = new ReadOnlyStringWrapper(this, "waitText", "");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText",
            "Map the current connection to see everything it can read (Ctrl+R).");
    private final ReadOnlyObjectWrapper<WorkspaceMap> map = new ReadOnlyObjectWrapper<>(this, "map");
    private final ObjectProperty<ExplorerTree.Grouping> grouping =
            new SimpleObjectProperty<>(this, "grouping", ExplorerTree.Grouping.HIERARCHY);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ReadOnlyStringWrapper filterSummary = new ReadOnlyStringWrapper(this, "filterSummary", "");
    private final ReadOnlyObjectWrapper<TreeFilter.Result> filterResult = new ReadOnlyObjectWrapper<>(this, "filterResult");
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper(this, "selected");
    private final ReadOnlyObjectWrapper<NodeDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyStringWrapper rawJson = new ReadOnlyStringWrapper(this, "rawJson", "");
    private final BooleanProperty redactTitles = new SimpleBooleanProperty(this, "redactTitles", false);
    private final AtomicReference<MapProgress> latestProgress = new AtomicReference<>();
    /** The last page of lazily loaded children per node ("load more" continues it; never stored). */
    private final java.util.Map<String, ChildrenLoader.ChildPage> childPages = new java.util.HashMap<>();
    private TaskHandle running;
    private TaskHandle filtering;
    private TaskHandle jsonLoad;
    private Connection mappedConnection;
    private BiConsumer<Connection, WorkspaceMap> bundle = (c, m) -> { };
    private final ReadOnlyBooleanWrapper bundles = new ReadOnlyBooleanWrapper(this, "bundles");
    private MapIdentity identity;
    private int generation;

    private final ConnectionsListener connectionsListener = new ConnectionsListener() {
        @Override
        public void currentChanged(Optional<Connection> current) {
            uiThread.accept(ExplorerViewModel.this::refreshConnection);
        }
    };

    /**
     * @param uiThread      how work reaches the UI thread from the map's worker ({@code Platform::runLater})
     * @param openAsRequest receives the read of the selected node (AppContext hands it to the Request section)
     * @param diagnose      receives the selected node (AppContext hands it to the Diagnostics section)
     */
    public ExplorerViewModel(ConnectionService connections, ConnectionCaller caller, TaskRunner tasks, DialogService dialogs,
                             SnapshotStore snapshots, BrowserOpener browser, Consumer<Runnable> uiThread,
                             Consumer<RequestSpec> openAsRequest, Consumer<ObjectRef> diagnose) {
        this.snapshots = snapshots;
        this.connections = connections;
        this.caller = caller;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.browser = browser;
        this.uiThread = uiThread;
        this.openAsRequest = openAsRequest;
        this.diagnose = diagnose;
        this.inbox = new NodeInbox(uiThread, tree::add, DRAIN_BUDGET_MS, System::nanoTime);
        inbox.onIdle(this::afterBatch);
        tree.setLazyChildren(ExplorerViewModel::loadsChildren);
        grouping.addListener((o, a, b) -> {
            tree.setGrouping(b);
            refilter();
        });
        filterText.addListener((o, a, b) -> refilter());
        connections.addListener(connectionsListener);
        refreshConnection();
    }

    // ------------------------------------------------------------------ map

    /** Maps the current connection; a map already running is cancelled first. */
    public void map() {
        Optional<Connection> current = connections.current();
        if (current.isEmpty()) {
            dialogs.showWarning("No connection", "Pick a connection in the toolbar first, then map it.");
            return;
        }
        cancel();
        Connection c = current.get();
        int gen = ++generation;
        mappedConnection = c;
        identity = null;
        refreshConnection();
        inbox.clear();
        tree.clear();
        childPages.clear();
        select(null);
        map.set(null);
        mapping.set(true);
        waitText.set("");
        progressText.set("Starting…");
        statusText.set("Mapping " + c.name() + "…");
        Mapper mapper = new Mapper(ApiCalls.as(caller, c), c.name(), TokenKind.of(c.kind()), c.notionVersion());
        MapListener listener = new MapListener() {
            @Override
            public void onIdentity(MapIdentity id) {
                uiThread.accept(() -> {
                    if (gen == generation) {
                        identity = id;
                    }
                });
            }

            @Override
            public void onNodes(List<MapNode> nodes) {
                if (gen == generation) {
                    inbox.offer(nodes);
                }
            }

            @Override
            public void onProgress(MapProgress p) {
                // coalesced: only the newest report is shown, at most one hop queued
                if (latestProgress.getAndSet(p) == null) {
                    uiThread.accept(() -> showProgress(gen));
                }
            }
        };
        running = BackgroundTask.of("Mapping " + c.name(), ctx -> mapper.map(listener, ctx.cancellation()))
                .onSuccess(m -> {
                    if (gen == generation) {
                        finished(m);
                    }
                })
                .onFailure(t -> {
                    if (gen == generation) {
                        mapping.set(false);
                        waitText.set("");
                        statusText.set("The map stopped: " + t.getMessage() + " (what was found so far is kept)");
                        dialogs.showError("Could not map " + c.name(), t.getMessage(), t);
                    }
                })
                .onCancelled(() -> {
                    if (gen == generation) {
                        mapping.set(false);
                        waitText.set("");
                        statusText.set("Cancelled: " + ExplorerText.count(tree.size(), "object", "objects")
                                + " found so far are kept (partial).");
                    }
                })
                .executeWith(tasks);
    }

    /** Stops the running map within one request; what was found stays. */
    public void cancel() {
        if (running != null && !running.isDone()) {
            running.cancel();
        }
    }

    private void showProgress(int gen) {
        MapProgress p = latestProgress.getAndSet(null);
        if (p == null || gen != generation || !mapping.get()) {
            return;
        }
        progressText.set(String.format("%s · %,d of ~%,d requests · %,d objects found", p.phase().phrase(),
                p.requestsDone(), Math.max(p.requestsDone(), p.requestsEstimated()), p.objectsFound())
                + (p.restarts() > 0 ? " · " + ExplorerText.count(p.restarts(), "search restart", "search restarts") : ""));
        waitText.set(p.currentWait() == null ? "" : p.currentWait().describe());
    }

    private void finished(WorkspaceMap m) {
        // the finished map knows every node's sharing root: the streamed nodes are replaced in slices, then it shows
        inbox.offer(new ArrayList<>(m.all()));
        map.set(m);
        mapping.set(false);
        waitText.set("");
        progressText.set(String.format("%,d requests", m.requests()));
        statusText.set(summary(m));
        refreshDetails();
    }

    static String summary(WorkspaceMap m) {
        String who = m.identity() == null ? m.connection() : m.identity().actor();
        String ws = m.identity() == null || m.identity().workspaceName() == null ? "" : " in " + m.identity().workspaceName();
        return String.format("%s sees %,d objects%s through %s", who, m.visibleCount(), ws,
                ExplorerText.count(m.roots().size(), "sharing root", "sharing roots"))
                + (m.placeholders().isEmpty() ? "" : " · " + ExplorerText.count(m.placeholders().size(), "unreadable ancestor", "unreadable ancestors"))
                + (m.complete() ? "" : " · partial: " + m.notes().size() + " notes");
    }

    private void afterBatch() {
        if (tree.filtered() || !filterText.get().isBlank()) {
            refilter();
        }
    }

    // ------------------------------------------------------------------ filter

    /** Runs the filter over what is loaded, on a worker; the newest text wins. */
    private void refilter() {
        String text = filterText.get() == null ? "" : filterText.get().trim();
        if (filtering != null) {
            filtering.cancel();
        }
        if (text.isEmpty()) {
            if (tree.filtered()) {
                tree.setFilter(null);
            }
            filterResult.set(null);
            filterSummary.set("");
            return;
        }
        ExplorerTree.Grouping g = tree.grouping();
        filtering = BackgroundTask.of("Filtering the tree", ctx -> TreeFilter.run(text, tree.table(), g, FILTER_EXPAND, ctx::isCancelled))
                .onSuccess(r -> {
                    if (r == null || !text.equals(filterText.get().trim()) || g != tree.grouping()) {
                        return;
                    }
                    tree.setFilter(r.visible());
                    filterResult.set(r);
                    filterSummary.set(String.format("%,d of %,d loaded objects match", r.count(), r.loaded())
                            + (mapping.get() ? " (still loading)" : ""));
                })
                .executeWith(tasks);
    }

    // ------------------------------------------------------------------ search Notion

    /**
     * Asks Notion's search for the text (POST /v1/search, one page of 100) and shows what it found in the tree: the
     * loaded ones with their ancestors. Unlike the filter it asks Notion, whose index may lag (explorer-diagnostics.md
     * §0.1), so it says how many answers are not in the loaded map.
     */
    public void searchNotion() {
        String text = searchText.get() == null ? "" : searchText.get().trim();
        Connection c = mappedConnection != null ? mappedConnection : connections.current().orElse(null);
        if (text.isEmpty() || c == null) {
            return;
        }
        int gen = generation;
        filterSummary.set("Searching Notion for \"" + text + "\"…");
        String body = Json.compact(Json.mapper().createObjectNode().put("query", text).put("page_size", 100));
        BackgroundTask.of("Searching Notion", ctx -> ApiCalls.as(caller, c).send(ApiRequest.post("/v1/search", body),
                        ctx.cancellation(), null))
                .onSuccess(x -> {
                    if (gen != generation) {
                        return;
                    }
                    if (!x.ok()) {
                        filterSummary.set("Notion's search failed: " + x.status() + (x.error() == null ? "" : " " + x.error().code()));
                        return;
                    }
                    List<String> ids = new ArrayList<>();
                    x.json().path("results").forEach(r -> ids.add(r.path("id").asText()));
                    TreeFilter.Result r = TreeFilter.ofIds("search: " + text, ids, tree.table(), tree.grouping(), FILTER_EXPAND);
                    tree.setFilter(r.visible());
                    filterResult.set(r);
                    filterSummary.set(String.format("Notion's search (its index may lag): %,d found, %,d in the loaded map",
                            ids.size(), r.count()) + (ids.size() > r.count() ? ", " + (ids.size() - r.count()) + " not loaded (map again)" : "")
                            + (x.json().path("has_more").asBoolean() ? ", more in Notion" : ""));
                })
                .onFailure(t -> filterSummary.set("Notion's search failed: " + t.getMessage()))
                .executeWith(tasks);
    }

    // ------------------------------------------------------------------ lazy children

    /** Which nodes load children when expanded: pages and blocks (their blocks), data sources (their rows). */
    static boolean loadsChildren(MapNode n) {
        return !n.placeholder() && switch (n.object()) {
            case "page", "block", "data_source" -> true;
            default -> false;
        };
    }

    /**
     * Blocks that never hold a page or a database (text, media, dividers...) are left out of the tree: it shows where
     * things are, not page content. Containers (toggles, columns, callouts, synced blocks, list items) stay.
     */
    static boolean holdsStructure(MapNode n) {
        return !"block".equals(n.object()) || !LEAF_BLOCKS.contains(n.title());
    }

    private static final java.util.Set<String> LEAF_BLOCKS = java.util.Set.of("paragraph", "divider", "image", "video", "audio",
            "file", "pdf", "code", "equation", "bookmark", "embed", "link_preview", "breadcrumb", "table_of_contents",
            "table", "table_row", "template", "link_to_page", "unsupported");

    /** A node was expanded: its block children or rows load once, one page of 100, in the background. */
    public void expand(String id) {
        MapNode n = tree.node(id);
        if (n == null || !loadsChildren(n) || childPages.containsKey(id) || tree.lazy(id) != null || mappedConnection == null) {
            return;
        }
        loadChildren(n, null);
    }

    /** "Load more" (or "Retry") under a node. */
    public void loadMore(String id) {
        MapNode n = tree.node(id);
        ExplorerTree.Lazy l = tree.lazy(id);
        if (n == null || l == null || l.state() == ExplorerTree.Lazy.State.LOADING) {
            return;
        }
        loadChildren(n, l.state() == ExplorerTree.Lazy.State.MORE ? childPages.get(id) : null);
    }

    private void loadChildren(MapNode n, ChildrenLoader.ChildPage after) {
        Connection c = mappedConnection;
        int gen = generation;
        boolean rows = "data_source".equals(n.object());
        ChildrenLoader loader = new ChildrenLoader(ApiCalls.as(caller, c), map.get(), c.notionVersion());
        tree.setLazy(n.id(), new ExplorerTree.Lazy(ExplorerTree.Lazy.State.LOADING, null));
        BackgroundTask.of("Loading children of " + ExplorerText.title(n), ctx -> after != null ? loader.more(after, rows, ctx.cancellation())
                        : rows ? loader.rows(n.id(), ctx.cancellation()) : loader.blockChildren(n.id(), ctx.cancellation()))
                .onSuccess(page -> {
                    if (gen != generation) {
                        return;
                    }
                    childPages.put(n.id(), page);
                    if (page.failure() != null) {
                        tree.setLazy(n.id(), new ExplorerTree.Lazy(ExplorerTree.Lazy.State.FAILED, page.failure().status()
                                + (page.failure().error() == null ? "" : " " + page.failure().error().code())));
                        return;
                    }
                    tree.add(page.children().stream().filter(ExplorerViewModel::holdsStructure).toList());
                    int loaded = tree.childCount(n.id());
                    tree.setLazy(n.id(), page.hasMore() ? new ExplorerTree.Lazy(ExplorerTree.Lazy.State.MORE,
                            String.format("%,d loaded, more in Notion", loaded)) : null);
                })
                .onFailure(t -> {
                    if (gen == generation) {
                        tree.setLazy(n.id(), new ExplorerTree.Lazy(ExplorerTree.Lazy.State.FAILED, t.getMessage()));
                    }
                })
                .executeWith(tasks);
    }

    // ------------------------------------------------------------------ selection and actions

    /** Selects a node by ID (null clears). */
    public void select(String id) {
        selected.set(id);
        rawJson.set("");
        if (jsonLoad != null) {
            jsonLoad.cancel();
        }
        refreshDetails();
    }

    private void refreshDetails() {
        String id = selected.get();
        MapNode n = id == null ? null : tree.node(id);
        details.set(n == null ? null : NodeDetails.of(n, tree, map.get()));
    }

    /** Loads the selected object's JSON with a read as the mapped connection (its answer, 404 included). */
    public void loadRawJson() {
        NodeDetails d = details.get();
        Connection c = mappedConnection;
        if (d == null || c == null) {
            return;
        }
        rawJson.set("Loading…");
        String id = d.node().id();
        RequestSpec spec = d.request();
        jsonLoad = BackgroundTask.of("Reading " + id, ctx -> ApiCalls.as(caller, c)
                        .send(ApiRequest.method(spec.method(), spec.path()), ctx.cancellation(), null))
                .onSuccess(x -> {
                    if (id.equals(selected.get())) {
                        rawJson.set(x.status() + " " + spec.method() + " " + spec.path() + "\n" + pretty(x));
                    }
                })
                .onFailure(t -> {
                    if (id.equals(selected.get())) {
                        rawJson.set("Could not read it: " + t.getMessage());
                    }
                })
                .executeWith(tasks);
    }

    private static String pretty(dev.notionconsole.notion.Exchange x) {
        return x.json() != null ? dev.notionconsole.core.json.Json.pretty(x.json()) : x.text();
    }

    public void copyId(String value) {
        if (value != null) {
            dialogs.copyToClipboard(value);
            dialogs.notify(DialogService.NotificationKind.INFO, "Copied " + value);
        }
    }

    public void copyUrl() {
        NodeDetails d = details.get();
        if (d != null && d.node().url() != null) {
            dialogs.copyToClipboard(d.node().url());
            dialogs.notify(DialogService.NotificationKind.INFO, "Copied the link");
        }
    }

    public void openInBrowser() {
        NodeDetails d = details.get();
        if (d == null || d.node().url() == null) {
            return;
        }
        try {
            browser.open(URI.create(d.node().url()));
        } catch (Exception e) {
            dialogs.showError("Could not open the browser", "Open it yourself: " + d.node().url(), e);
        }
    }

    /** Hands the selected node's read to the Request section (which opens with the route and ID filled in). */
    public void openAsRequest() {
        NodeDetails d = details.get();
        if (d != null && d.request() != null) {
            openAsRequest.accept(d.request());
        }
    }

    /** Hands the selected node to the Diagnostics section. */
    public void diagnoseAccess() {
        NodeDetails d = details.get();
        Connection c = mappedConnection;
        if (d != null && c != null) {
            MapNode n = d.node();
            diagnose.accept(new ObjectRef(c.id(), n.object(), n.id(), n.title().isBlank() ? null : n.title(), n.url()));
        }
    }

    // ------------------------------------------------------------------ export

    /** Saves the finished map as CSV or JSON (titles redacted when asked), to a file the user picks. */
    public void exportMap(ExportFormat format) {
        WorkspaceMap m = map.get();
        if (m == null) {
            dialogs.showInformation("Nothing to export", "Map a connection first; a map that is still running or was "
                    + "cancelled has no sharing roots yet.");
            return;
        }
        String name = "map-" + FileNames.safe(m.connection()) + "." + format.extension();
        boolean redact = redactTitles.get();
        ExportFiles.save(dialogs, tasks, "Export the map", name, format, () -> format == ExportFormat.CSV ? MapExport.csv(m, redact)
                : Json.pretty(MapExport.json(m, redact)));
    }

    /** Where "Create bundle…" goes (AppContext opens the support-bundle preview); shows the menu item. */
    public void bundleAction(BiConsumer<Connection, WorkspaceMap> action) {
        bundle = action;
        bundles.set(true);
    }

    /** A support bundle with the map on screen (issue 13); says so when there is no finished map. */
    public void createBundle() {
        WorkspaceMap m = map.get();
        if (m == null || mappedConnection == null) {
            dialogs.showInformation("Nothing to bundle", "Map a connection first; a map that is still running or was "
                    + "cancelled has no sharing roots yet.");
            return;
        }
        bundle.accept(mappedConnection, m);
    }

    /** The finished map on screen when it is {@code connectionId}'s, else null (a bundle's map without a snapshot). */
    public WorkspaceMap mapOf(String connectionId) {
        WorkspaceMap m = map.get();
        return m != null && mappedConnection != null && mappedConnection.id().equals(connectionId) ? m : null;
    }

    public ReadOnlyBooleanProperty bundlesProperty() {
        return bundles.getReadOnlyProperty();
    }

    /** Keeps the finished map in the config folder (bounded per connection) for the Compare tab. */
    public void saveSnapshot() {
        WorkspaceMap m = map.get();
        if (m == null) {
            return;
        }
        BackgroundTask.of("Saving a snapshot", ctx -> snapshots.save(m))
                .onSuccess(p -> dialogs.notify(DialogService.NotificationKind.SUCCESS, "Snapshot saved: " + p.getFileName()))
                .onFailure(t -> dialogs.showError("Could not save the snapshot", t.getMessage(), t))
                .executeWith(tasks);
    }

    public void dispose() {
        cancel();
        connections.removeListener(connectionsListener);
    }

    private void refreshConnection() {
        Connection now = connections.current().orElse(null);
        Connection shown = mappedConnection;
        connectionLabel.set(now == null ? "No connection selected"
                : shown == null || shown.id().equals(now.id()) ? "Maps " + now.name()
                : "Showing " + shown.name() + " · Map to switch to " + now.name());
    }

    // ------------------------------------------------------------------ properties

    public ExplorerTree tree() {
        return tree;
    }

    public ReadOnlyStringProperty connectionLabelProperty() {
        return connectionLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mappingProperty() {
        return mapping.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty waitTextProperty() {
        return waitText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WorkspaceMap> mapProperty() {
        return map.getReadOnlyProperty();
    }

    public ObjectProperty<ExplorerTree.Grouping> groupingProperty() {
        return grouping;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** The text for "search Notion" (asks the API, unlike the filter). */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ReadOnlyStringProperty filterSummaryProperty() {
        return filterSummary.getReadOnlyProperty();
    }

    /** The last filter run (its first matches are expanded by the view), or null without a filter. */
    public ReadOnlyObjectProperty<TreeFilter.Result> filterResultProperty() {
        return filterResult.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NodeDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rawJsonProperty() {
        return rawJson.getReadOnlyProperty();
    }

    public BooleanProperty redactTitlesProperty() {
        return redactTitles;
    }

    /** The connection of the map shown (null before the first map). */
    public Connection mappedConnection() {
        return mappedConnection;
    }

    MapIdentity identity() {
        return identity;
    }
}
