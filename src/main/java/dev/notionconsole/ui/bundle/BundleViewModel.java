package dev.notionconsole.ui.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.bundle.Bundle;
import dev.notionconsole.bundle.BundleExchange;
import dev.notionconsole.bundle.BundleFile;
import dev.notionconsole.bundle.BundleJson;
import dev.notionconsole.bundle.BundleMaker;
import dev.notionconsole.bundle.BundleReplay;
import dev.notionconsole.bundle.BundleSummary;
import dev.notionconsole.bundle.ReplayResult;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.diagnostics.Diagnosis;
import dev.notionconsole.diagnostics.DiagnosisRequest;
import dev.notionconsole.diagnostics.DiagnosticsEngine;
import dev.notionconsole.explorer.SnapshotStore;
import dev.notionconsole.explorer.WorkspaceMap;
import dev.notionconsole.request.history.HistoryEntry;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.FileType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A support bundle in the app (issue 13): made from history entries with the redaction preview shown before saving
 * (the preview is exactly the saved text), or opened from a file; its calls read-only with their diagnoses, the map's
 * counts, and "Replay in sandbox" (original vs replayed status per call). All work runs on the {@link TaskRunner}.
 */
public final class BundleViewModel {
    public static final FileType BUNDLE = new FileType("Support bundles", "*" + BundleFile.EXTENSION);

    /** One call of the opened bundle. */
    public record Row(int number, String call, String original, String diagnosis, String replayed, String same) {
        Row replayedAs(ReplayResult r) {
            return new Row(number, call, original, diagnosis, r.outcome(), r.same() ? "yes" : "NO");
        }
    }

    private final ConnectionService connections;
    private final DiagnosticsEngine engine;
    private final SnapshotStore snapshots;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Function<String, WorkspaceMap> liveMap;
    private final StringProperty preview = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty detail = new SimpleStringProperty("");
    private final BooleanProperty pseudonyms = new SimpleBooleanProperty(true);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty opened = new SimpleBooleanProperty();
    private final BooleanProperty replayable = new SimpleBooleanProperty();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private Bundle draft;
    private Bundle bundle;

    public BundleViewModel(ConnectionService connections, DiagnosticsEngine engine, SnapshotStore snapshots, TaskRunner tasks,
                           DialogService dialogs) {
        this(connections, engine, snapshots, tasks, dialogs, id -> null);
    }

    /**
     * @param liveMap a connection's map in memory by connection ID (the Explorer's, when it shows that connection's
     *     finished map), or null; asked on the JavaFX thread, used when the connection has no saved snapshot
     */
    public BundleViewModel(ConnectionService connections, DiagnosticsEngine engine, SnapshotStore snapshots, TaskRunner tasks,
                           DialogService dialogs, Function<String, WorkspaceMap> liveMap) {
        this.liveMap = liveMap;
        this.connections = connections;
        this.engine = engine;
        this.snapshots = snapshots;
        this.tasks = tasks;
        this.dialogs = dialogs;
        pseudonyms.addListener((o, a, b) -> renderPreview());
    }

    /**
     * Starts a bundle of these history entries (as the first entry's connection): diagnoses the failed ones with the
     * answers they recorded, adds the connection's map (see {@link #mapOf}), then shows the preview.
     *
     * @return false when nothing was started (a dialog said why)
     */
    public boolean create(List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            dialogs.showInformation("Create bundle", "Select one or more calls in the history first.");
            return false;
        }
        Connection c = connections.find(entries.get(0).connectionId()).orElse(null);
        if (c == null) {
            dialogs.showInformation("Create bundle", "The connection these calls were made as is no longer saved.");
            return false;
        }
        List<HistoryEntry> chronological = new ArrayList<>(entries);
        chronological.sort(java.util.Comparator.comparing(HistoryEntry::at));
        prepare(c, liveMap.apply(c.id()), ctx -> {
            ctx.progress(-1, "Diagnosing the failed calls…");
            return new Parts(chronological, BundleMaker.diagnose(engine, c.id(), chronological, ctx.cancellation()));
        });
        return true;
    }

    /**
     * Diagnostics' "Create bundle…": the diagnosed call, its diagnosis with its evidence, and the connection's map.
     *
     * @return false when nothing was started (a dialog said why)
     */
    public boolean createFromDiagnosis(DiagnosisRequest request, Diagnosis diagnosis) {
        Connection c = connections.find(request.connectionId()).orElse(null);
        if (c == null) {
            dialogs.showInformation("Create bundle", "The connection this call was diagnosed as is no longer saved.");
            return false;
        }
        var call = BundleMaker.diagnosedCall(c, request, diagnosis);
        if (call.isEmpty()) {
            dialogs.showInformation("Create bundle", "This diagnosis has no answered call to bundle (a write is checked, "
                    + "not sent): send the call from the Request section, then diagnose and bundle it.");
            return false;
        }
        prepare(c, liveMap.apply(c.id()), ctx -> new Parts(List.of(call.get()), List.of(diagnosis)));
        return true;
    }

    /**
     * Explorer's "Create bundle…": this map (the one on screen) with the connection's failed calls in the history
     * (newest {@value #MAP_CALLS} at most), diagnosed with the answers they recorded; no calls is fine.
     */
    public boolean createFromMap(Connection c, WorkspaceMap map, List<HistoryEntry> failedCalls) {
        if (map == null) {
            dialogs.showInformation("Create bundle", "Map a connection first; a map that is still running or was "
                    + "cancelled has no sharing roots yet.");
            return false;
        }
        List<HistoryEntry> calls = failedCalls.stream().filter(e -> c.id().equals(e.connectionId()) && !e.ok() && e.status() != 0)
                .sorted(java.util.Comparator.comparing(HistoryEntry::at).reversed()).limit(MAP_CALLS)
                .sorted(java.util.Comparator.comparing(HistoryEntry::at)).toList();
        prepare(c, map, true, ctx -> {
            ctx.progress(-1, "Diagnosing the failed calls…");
            return new Parts(calls, BundleMaker.diagnose(engine, c.id(), calls, ctx.cancellation()));
        });
        return true;
    }

    /** The failed calls Explorer's bundle takes from the history at most. */
    public static final int MAP_CALLS = 10;

    private record Parts(List<HistoryEntry> entries, List<Diagnosis> diagnoses) {
    }

    private void prepare(Connection c, WorkspaceMap live, BackgroundTask.Work<Parts> parts) {
        prepare(c, live, false, parts);
    }

    /**
     * Collects the parts in the background and shows the preview. The map: {@code live} when {@code preferLive} (the
     * Explorer's own map), else the connection's newest snapshot, else {@code live} (the Explorer's map in memory,
     * read on the JavaFX thread by the caller), else none.
     */
    private void prepare(Connection c, WorkspaceMap live, boolean preferLive, BackgroundTask.Work<Parts> parts) {
        draft = null;
        preview.set("");
        run(BackgroundTask.of("Prepare support bundle", ctx -> {
            Parts p = parts.call(ctx);
            List<Path> maps = preferLive ? List.of() : snapshots.list(c.name());
            WorkspaceMap map = maps.isEmpty() ? live : SnapshotStore.load(maps.get(0));
            String source = map == null ? "no map (map the connection in the Explorer to replay)"
                    : maps.isEmpty() ? "the Explorer's current map" : "the newest map snapshot";
            Connection now = connections.find(c.id()).orElse(c);
            return new Draft(BundleMaker.make(now, p.entries(), p.diagnoses(), map, Instant.now()), source);
        }).onSuccess(d -> {
            draft = d.bundle();
            Bundle b = d.bundle();
            status.set(b.exchanges().size() + " call(s), " + b.diagnoses().size() + " diagnosis(es), " + d.mapSource()
                    + ". Below is exactly what will be saved.");
            renderPreview();
        }));
    }

    private record Draft(Bundle bundle, String mapSource) {
    }

    private void renderPreview() {
        if (draft == null) {
            return;
        }
        Bundle b = draft;
        boolean p = pseudonyms.get();
        run(BackgroundTask.of("Redact support bundle", ctx -> BundleFile.preview(b, p)).onSuccess(preview::set));
    }

    /** Asks where, saves the previewed text, and opens what was saved. */
    public void save() {
        String text = preview.get();
        if (draft == null || text.isEmpty()) {
            return;
        }
        dialogs.chooseFileToSave("Save support bundle", "support" + BundleFile.EXTENSION, List.of(BUNDLE)).ifPresent(this::saveTo);
    }

    /** Saves the previewed text to {@code file} (the dialog-free half of {@link #save}, for tests). */
    public void saveTo(Path file) {
        String text = preview.get();
        run(BackgroundTask.of("Save support bundle", ctx -> {
            BundleFile.save(file, text);
            return BundleJson.read(Json.mapper().readTree(text));
        }).onSuccess(b -> {
            dialogs.notify(DialogService.NotificationKind.SUCCESS, "Saved " + file.getFileName());
            show(b);
        }));
    }


    public void openFile(Path file) {
        run(BackgroundTask.of("Open support bundle", ctx -> BundleFile.open(file)).onSuccess(this::show));
    }

    private void show(Bundle b) {
        bundle = b;
        BundleSummary s = new BundleSummary(b);
        summary.set(String.join("\n", s.header()) + "\n" + s.mapLine());
        rows.clear();
        for (int i = 0; i < b.exchanges().size(); i++) {
            BundleExchange x = b.exchanges().get(i);
            JsonNode d = b.diagnosisOf(i);
            rows.add(new Row(i + 1, x.describe(), x.outcome(), d == null ? "" : d.path("cause").asText() + ": " + d.path("summary").asText(), "", ""));
        }
        replayable.set(b.hasMap());
        opened.set(true);
        status.set(b.hasMap() ? "Replay rebuilds what the connection saw in a sandbox and sends the calls again."
                : "This bundle has no map, so it cannot be replayed.");
    }

    /** Shows one call's request and answer, read-only. */
    public void select(int index) {
        if (bundle == null || index < 0 || index >= bundle.exchanges().size()) {
            detail.set("");
            return;
        }
        BundleExchange x = bundle.exchanges().get(index);
        detail.set(x.describe() + "\nNotion-Version: " + x.notionVersion() + "\n\n" + (x.requestBody().isEmpty() ? "" : x.requestBody() + "\n\n")
                + "→ " + x.outcome() + "\n\n" + pretty(x.responseBody()));
    }

    public void replay() {
        Bundle b = bundle;
        if (b == null || !b.hasMap()) {
            return;
        }
        run(BackgroundTask.of("Replay support bundle", ctx -> {
            ctx.progress(-1, "Starting a sandbox with the bundle's setup…");
            try (BundleReplay replay = BundleReplay.start(b, 0)) {
                return replay.replay(b, ctx.cancellation());
            }
        }).onSuccess(results -> {
            for (int i = 0; i < results.size() && i < rows.size(); i++) {
                rows.set(i, rows.get(i).replayedAs(results.get(i)));
            }
            long same = results.stream().filter(ReplayResult::same).count();
            status.set("Replayed " + results.size() + " call(s): " + same + " answered as in the bundle"
                    + (same == results.size() ? "." : ", " + (results.size() - same) + " differently."));
        }));
    }

    private <T> void run(BackgroundTask<T> task) {
        busy.set(true);
        tasks.execute(task.onFailure(t -> dialogs.showError(task.title(), String.valueOf(t.getMessage()), t))
                .onFinally(() -> busy.set(false)));
    }

    private static String pretty(String body) {
        try {
            return Json.pretty(Json.mapper().readTree(body));
        } catch (java.io.IOException | RuntimeException notJson) {
            return body;
        }
    }

    public StringProperty previewProperty() { return preview; }
    public ReadOnlyStringProperty summaryProperty() { return summary; }
    public ReadOnlyStringProperty statusProperty() { return status; }
    public ReadOnlyStringProperty detailProperty() { return detail; }
    public BooleanProperty pseudonymsProperty() { return pseudonyms; }
    public ReadOnlyBooleanProperty busyProperty() { return busy; }
    public ReadOnlyBooleanProperty openedProperty() { return opened; }
    public ReadOnlyBooleanProperty replayableProperty() { return replayable; }
    public ObservableList<Row> rows() { return rows; }
}
