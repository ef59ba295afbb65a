package dev.notionconsole.ui.explorer;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.explorer.MapExport;
import dev.notionconsole.explorer.SnapshotStore;
import dev.notionconsole.explorer.WorkspaceMap;
import dev.notionconsole.ui.common.DialogService;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Where a finished map goes from the Explorer: an export for audits (CSV or JSON, titles optionally redacted), a
 * snapshot in the config folder for the Compare tab, a support bundle. A map still running or cancelled has no
 * sharing roots yet, so each of these says so instead of writing half an answer.
 */
public final class MapOutputsViewModel {
    private static final String NO_MAP = "Map a connection first; a map that is still running or was cancelled has "
            + "no sharing roots yet.";
    private final Supplier<WorkspaceMap> map;
    private final Supplier<Connection> mappedConnection;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final SnapshotStore snapshots;
    private final BooleanProperty redactTitles = new SimpleBooleanProperty(this, "redactTitles", false);
    private final ReadOnlyBooleanWrapper bundles = new ReadOnlyBooleanWrapper(this, "bundles");
    private BiConsumer<Connection, WorkspaceMap> bundle = (c, m) -> { };

    MapOutputsViewModel(Supplier<WorkspaceMap> map, Supplier<Connection> mappedConnection, TaskRunner tasks,
                        DialogService dialogs, SnapshotStore snapshots) {
        this.map = map;
        this.mappedConnection = mappedConnection;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.snapshots = snapshots;
    }

    /** Saves the finished map as CSV or JSON (titles redacted when asked), to a file the user picks. */
    public void exportMap(ExportFormat format) {
        WorkspaceMap m = map.get();
        if (m == null) {
            dialogs.showInformation("Nothing to export", NO_MAP);
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
        Connection c = mappedConnection.get();
        if (m == null || c == null) {
            dialogs.showInformation("Nothing to bundle", NO_MAP);
            return;
        }
        bundle.accept(c, m);
    }

    /** The finished map on screen when it is {@code connectionId}'s, else null (a bundle's map without a snapshot). */
    public WorkspaceMap mapOf(String connectionId) {
        WorkspaceMap m = map.get();
        Connection c = mappedConnection.get();
        return m != null && c != null && c.id().equals(connectionId) ? m : null;
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

    public ReadOnlyBooleanProperty bundlesProperty() { return bundles.getReadOnlyProperty(); }
    public BooleanProperty redactTitlesProperty() { return redactTitles; }
}
