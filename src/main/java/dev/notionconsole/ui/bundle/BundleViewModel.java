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
        this.connections = connections;
        this.engine = engine;
        this.snapshots = snapshots;
        this.tasks = tasks;
        this.dialogs = dialogs;
        pseudonyms.addListener((o, a, b) -> renderPreview());
    }

    /**
     * Starts a bundle of these history entries (as the first entry's connection): diagnoses the failed ones with the
     * answers they recorded, adds the connection's newest map snapshot if there is one, then shows the preview.
     */
    public void create(List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            dialogs.showInformation("Create bundle", "Select one or more calls in the history first.");
            return;
        }
        Connection c = connections.find(entries.get(0).connectionId()).orElse(null);
        if (c == null) {
            dialogs.showInformation("Create bundle", "The connection these calls were made as is no longer saved.");
            return;
        }
        List<HistoryEntry> chronological = new ArrayList<>(entries);
        chronological.sort(java.util.Comparator.comparing(HistoryEntry::at));
        run(BackgroundTask.of("Prepare support bundle", ctx -> {
            ctx.progress(-1, "Diagnosing the failed calls…");
            var diagnoses = BundleMaker.diagnose(engine, c.id(), chronological, ctx.cancellation());
            List<Path> maps = snapshots.list(c.name());
            WorkspaceMap map = maps.isEmpty() ? null : SnapshotStore.load(maps.get(0));
            Connection now = connections.find(c.id()).orElse(c);
            return BundleMaker.make(now, chronological, diagnoses, map, Instant.now());
        }).onSuccess(b -> {
            draft = b;
            status.set(b.exchanges().size() + " call(s), " + b.diagnoses().size() + " diagnosis(es), "
                    + (b.hasMap() ? "the newest map snapshot" : "no map (map the connection in the Explorer and save a snapshot to replay)")
                    + ". Below is exactly what will be saved.");
            renderPreview();
        }));
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
