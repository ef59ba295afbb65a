package dev.notionconsole.ui.explorer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskHandle;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.explorer.ApiCalls;
import dev.notionconsole.explorer.ConnectionComparison;
import dev.notionconsole.explorer.MapDiff;
import dev.notionconsole.explorer.MapExport;
import dev.notionconsole.explorer.MapListener;
import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.explorer.MapProgress;
import dev.notionconsole.explorer.Mapper;
import dev.notionconsole.explorer.SnapshotStore;
import dev.notionconsole.explorer.TokenKind;
import dev.notionconsole.explorer.WorkspaceMap;
import dev.notionconsole.ui.common.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Explorer's Compare tab: two connections (what only A sees, only B, both, grouped by sharing root, and for
 * what only B sees the page A would have to be added to), or two snapshots of one connection (newly visible, no
 * longer visible with the re-probe's verdict, moved). The engine compares ({@link ConnectionComparison},
 * {@link MapDiff}); this class maps both sides in the background and turns the answer into {@link CompareRow}s.
 */
public final class CompareViewModel {
    private final ConnectionService connections;
    private final ConnectionCaller caller;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final SnapshotStore snapshots;
    private final Consumer<Runnable> uiThread;

    private final ObservableList<Connection> choices = FXCollections.observableArrayList();
    private final ObjectProperty<Connection> left = new SimpleObjectProperty<>(this, "left");
    private final ObjectProperty<Connection> right = new SimpleObjectProperty<>(this, "right");
    private final ObservableList<Path> snapshotChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Path> olderSnapshot = new SimpleObjectProperty<>(this, "olderSnapshot");
    private final ObjectProperty<Path> newerSnapshot = new SimpleObjectProperty<>(this, "newerSnapshot");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary",
            "Pick two connections (a personal access token and a bot is the usual pair) and compare what each can read.");
    private final ReadOnlyObjectWrapper<List<CompareRow>> rows = new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final BooleanProperty redactTitles = new SimpleBooleanProperty(this, "redactTitles", false);
    private ConnectionComparison comparison;
    private MapDiff diff;
    private TaskHandle task;

    public CompareViewModel(ConnectionService connections, ConnectionCaller caller, TaskRunner tasks, DialogService dialogs,
                            SnapshotStore snapshots, Consumer<Runnable> uiThread) {
        this.connections = connections;
        this.caller = caller;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.snapshots = snapshots;
        this.uiThread = uiThread;
        refreshChoices();
        left.addListener((o, a, b) -> refreshSnapshots());
    }

    /** Re-reads the saved connections (the view calls it when the tab is shown). */
    public void refreshChoices() {
        choices.setAll(connections.list());
        if (left.get() == null || !choices.contains(left.get())) {
            left.set(connections.current().orElse(choices.isEmpty() ? null : choices.get(0)));
        }
        if (right.get() == null || !choices.contains(right.get())) {
            right.set(choices.stream().filter(c -> !c.equals(left.get())).findFirst().orElse(null));
        }
        refreshSnapshots();
    }

    /** The snapshots of connection A, newest first (for "compare two snapshots"). */
    public void refreshSnapshots() {
        Connection a = left.get();
        if (a == null) {
            snapshotChoices.clear();
            return;
        }
        BackgroundTask.of("Listing snapshots", ctx -> snapshots.list(a.name()))
                .onSuccess(list -> {
                    snapshotChoices.setAll(list);
                    newerSnapshot.set(list.isEmpty() ? null : list.get(0));
                    olderSnapshot.set(list.size() < 2 ? null : list.get(1));
                })
                .onFailure(t -> snapshotChoices.clear())
                .executeWith(tasks);
    }

    /** Maps A and B (one after the other, each through its own pacing budget) and compares them. */
    public void compareConnections() {
        Connection a = left.get();
        Connection b = right.get();
        if (a == null || b == null || a.equals(b)) {
            dialogs.showWarning("Pick two connections", "Choose two different connections to compare.");
            return;
        }
        start("Comparing " + a.name() + " with " + b.name(), ctx -> {
            WorkspaceMap ma = mapOf(a, ctx.cancellation(), "A");
            WorkspaceMap mb = mapOf(b, ctx.cancellation(), "B");
            return ConnectionComparison.compare(ma, mb);
        }, c -> {
            comparison = c;
            diff = null;
            rows.set(CompareRow.of(c));
            summary.set(String.format("%s (A) and %s (B): %,d both, %,d only A, %,d only B", c.a().connection(),
                    c.b().connection(), c.both().size(), c.onlyA().size(), c.onlyB().size())
                    + (c.onlyB().isEmpty() ? "" : " · add A at " + ExplorerText.count(c.addAHere().size(), "page", "pages")
                    + " to see what B sees"));
        });
    }

    /** Compares the two chosen snapshots of connection A (older first). */
    public void compareSnapshots() {
        Path older = olderSnapshot.get();
        Path newer = newerSnapshot.get();
        if (older == null || newer == null || older.equals(newer)) {
            dialogs.showWarning("Pick two snapshots", "Save a snapshot of a map at least twice (Map tab, Save snapshot), "
                    + "then choose an older and a newer one.");
            return;
        }
        start("Comparing snapshots", ctx -> MapDiff.between(SnapshotStore.load(older), SnapshotStore.load(newer)), d -> {
            diff = d;
            comparison = null;
            rows.set(CompareRow.of(d));
            summary.set(String.format("%s → %s: %,d newly visible, %,d no longer visible, %,d moved",
                    older.getFileName(), newer.getFileName(), d.newlyVisible().size(), d.noLongerVisible().size(), d.moved().size()));
        });
    }

    private <T> void start(String title, BackgroundTask.Work<T> work, Consumer<T> done) {
        cancel();
        running.set(true);
        progressText.set("Starting…");
        task = BackgroundTask.of(title, work)
                .onSuccess(done::accept)
                .onFailure(t -> dialogs.showError(title + " failed", t.getMessage(), t))
                .onCancelled(() -> summary.set("Cancelled."))
                .onFinally(() -> {
                    running.set(false);
                    progressText.set("");
                })
                .executeWith(tasks);
    }

    private WorkspaceMap mapOf(Connection c, dev.notionconsole.core.concurrent.CancellationToken cancel, String side) throws Exception {
        Mapper mapper = new Mapper(ApiCalls.as(caller, c), c.name(), TokenKind.of(c.kind()), c.notionVersion());
        return mapper.map(new MapListener() {
            @Override
            public void onProgress(MapProgress p) {
                String text = side + " (" + c.name() + "): " + p.describe();
                uiThread.accept(() -> progressText.set(text));
            }
        }, cancel);
    }

    public void cancel() {
        if (task != null && !task.isDone()) {
            task.cancel();
        }
    }

    /** Saves the comparison as CSV (the engine's audit rows plus side and add_a_here) or JSON. */
    public void export(ExportFormat format) {
        if (comparison == null && diff == null) {
            dialogs.showInformation("Nothing to export", "Compare two connections or two snapshots first.");
            return;
        }
        boolean redact = redactTitles.get();
        ConnectionComparison c = comparison;
        MapDiff d = diff;
        String name = c != null ? "compare-" + FileNames.safe(c.a().connection()) + "-" + FileNames.safe(c.b().connection())
                : "snapshot-diff";
        ExportFiles.save(dialogs, tasks, "Export the comparison", name + "." + format.extension(), format, () -> {
            if (c != null) {
                return format == ExportFormat.CSV ? MapExport.csv(c, redact) : Json.pretty(json(c, redact));
            }
            return Json.pretty(json(d, redact)); // a diff has no CSV of its own: JSON either way
        });
    }

    static ObjectNode json(ConnectionComparison c, boolean redact) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("a", c.a().connection());
        o.put("b", c.b().connection());
        nodes(o.putArray("both"), c.both(), redact);
        nodes(o.putArray("only_a"), c.onlyA(), redact);
        ArrayNode onlyB = o.putArray("only_b");
        for (Map.Entry<String, List<MapNode>> e : c.addAHere().entrySet()) {
            for (MapNode n : e.getValue()) {
                node(onlyB, n, redact).put("add_a_here", e.getKey());
            }
        }
        return o;
    }

    static ObjectNode json(MapDiff d, boolean redact) {
        ObjectNode o = Json.mapper().createObjectNode();
        nodes(o.putArray("newly_visible"), d.newlyVisible(), redact);
        ArrayNode gone = o.putArray("no_longer_visible");
        d.noLongerVisible().forEach((n, verdict) -> node(gone, n, redact).put("verdict", verdict == null ? null : verdict.wire()));
        nodes(o.putArray("moved"), d.moved(), redact);
        return o;
    }

    private static void nodes(ArrayNode into, List<MapNode> nodes, boolean redact) {
        nodes.forEach(n -> node(into, n, redact));
    }

    private static ObjectNode node(ArrayNode into, MapNode n, boolean redact) {
        ObjectNode j = into.addObject();
        j.put("id", n.id());
        j.put("object", n.object());
        j.put("title", redact && !n.title().isEmpty() ? "[redacted]" : n.title());
        j.put("sharing_root_id", n.sharingRoot());
        return j;
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<Connection> choices() {
        return choices;
    }

    public ObjectProperty<Connection> leftProperty() {
        return left;
    }

    public ObjectProperty<Connection> rightProperty() {
        return right;
    }

    public ObservableList<Path> snapshotChoices() {
        return snapshotChoices;
    }

    public ObjectProperty<Path> olderSnapshotProperty() {
        return olderSnapshot;
    }

    public ObjectProperty<Path> newerSnapshotProperty() {
        return newerSnapshot;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<CompareRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public BooleanProperty redactTitlesProperty() {
        return redactTitles;
    }

    /** The last comparison of two connections, or null. */
    public ConnectionComparison comparison() {
        return comparison;
    }
}
