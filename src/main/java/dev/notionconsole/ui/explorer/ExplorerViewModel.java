package dev.notionconsole.ui.explorer;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionsListener;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskHandle;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.explorer.ApiCalls;
import dev.notionconsole.explorer.ChildrenLoader;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Explorer section: map the current connection in the background (progress in requests done of estimated,
 * objects found, waits with their reason; cancel), stream the nodes into an {@link ExplorerTree} a slice per pulse,
 * group by hierarchy or by sharing root, and load a node's children
 * when it is expanded. No Node types: tested without a toolkit with an inline task runner.
 *
 * <p>Its parts: {@link #selection()} (the selected node's details and actions), {@link #filter()} (filter, search
 * Notion), {@link #outputs()} (export, snapshot, bundle); comparing lives in {@link CompareViewModel}. This class owns one connection's map.
 */
public final class ExplorerViewModel {
    /** One drain of streamed nodes may hold the UI thread this long before the next pulse (NodeInbox). */
    static final long DRAIN_BUDGET_MS = 8;

    private final ConnectionService connections;
    private final ConnectionCaller caller;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Consumer<Runnable> uiThread;

    private final ExplorerTree tree = new ExplorerTree();
    private final NodeInbox inbox;
    private final SelectedNodeViewModel selection;
    private final MapOutputsViewModel outputs;
    private final ExplorerFilterViewModel filter;
    private final ReadOnlyStringWrapper connectionLabel = new ReadOnlyStringWrapper(this, "connectionLabel", "");
    private final ReadOnlyBooleanWrapper mapping = new ReadOnlyBooleanWrapper(this, "mapping", false);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper waitText = new ReadOnlyStringWrapper(this, "waitText", "");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText",
            "Map the current connection to see everything it can read (Ctrl+R).");
    private final ReadOnlyObjectWrapper<WorkspaceMap> map = new ReadOnlyObjectWrapper<>(this, "map");
    private final ObjectProperty<ExplorerTree.Grouping> grouping =
            new SimpleObjectProperty<>(this, "grouping", ExplorerTree.Grouping.HIERARCHY);
    private final AtomicReference<MapProgress> latestProgress = new AtomicReference<>();
    /** The last page of lazily loaded children per node ("load more" continues it; never stored). */
    private final java.util.Map<String, ChildrenLoader.ChildPage> childPages = new java.util.HashMap<>();
    private TaskHandle running;
    private Connection mappedConnection;
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
        this.connections = connections;
        this.caller = caller;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.uiThread = uiThread;
        this.selection = new SelectedNodeViewModel(tree, map::get, () -> mappedConnection, caller, tasks, dialogs, browser,
                openAsRequest, diagnose);
        this.outputs = new MapOutputsViewModel(map::get, () -> mappedConnection, tasks, dialogs, snapshots);
        this.filter = new ExplorerFilterViewModel(tree, tasks, caller, mapping.getReadOnlyProperty(),
                () -> mappedConnection != null ? mappedConnection : connections.current().orElse(null), () -> generation);
        this.inbox = new NodeInbox(uiThread, tree::add, DRAIN_BUDGET_MS, System::nanoTime);
        inbox.onIdle(filter::afterBatch);
        tree.setLazyChildren(ExplorerViewModel::loadsChildren);
        grouping.addListener((o, a, b) -> {
            tree.setGrouping(b);
            filter.refilter();
        });
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
        selection.select(null);
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
        selection.refresh();
    }

    static String summary(WorkspaceMap m) {
        String who = m.identity() == null ? m.connection() : m.identity().actor();
        String ws = m.identity() == null || m.identity().workspaceName() == null ? "" : " in " + m.identity().workspaceName();
        return String.format("%s sees %,d objects%s through %s", who, m.visibleCount(), ws,
                ExplorerText.count(m.roots().size(), "sharing root", "sharing roots"))
                + (m.placeholders().isEmpty() ? "" : " · " + ExplorerText.count(m.placeholders().size(), "unreadable ancestor", "unreadable ancestors"))
                + (m.complete() ? "" : " · partial: " + m.notes().size() + " notes");
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

    /** The selected node: details, raw JSON, copy, open, open as request, diagnose access. */
    public SelectedNodeViewModel selection() {
        return selection;
    }

    /** The filter over loaded nodes and "search Notion". */
    public ExplorerFilterViewModel filter() {
        return filter;
    }

    /** Export, snapshot and support bundle of the finished map. */
    public MapOutputsViewModel outputs() {
        return outputs;
    }

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

    /** The connection of the map shown (null before the first map). */
    public Connection mappedConnection() {
        return mappedConnection;
    }

    MapIdentity identity() {
        return identity;
    }
}
