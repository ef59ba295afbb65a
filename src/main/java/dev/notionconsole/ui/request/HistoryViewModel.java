package dev.notionconsole.ui.request;

import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.request.history.HistoryEntry;
import dev.notionconsole.request.history.HistoryQuery;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.ui.common.DialogService;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The history list: every exchange recorded (redacted), filtered by the query typed above it. Reopening an entry
 * is the run's business ({@link RunViewModel#reopen}): it shows that entry's own answer.
 */
public final class HistoryViewModel {
    private final HistoryStore store;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ObservableList<HistoryEntry> all = FXCollections.observableArrayList();
    /** Made once: a read-only view listens weakly, so listeners added to one made per call went deaf once it was collected. */
    private final ObservableList<HistoryEntry> allView = FXCollections.unmodifiableObservableList(all);
    private final ObservableList<HistoryEntry> shown = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty(this, "historyQuery", "");

    /** @param store null when history is off (tests, the command line) */
    public HistoryViewModel(HistoryStore store, TaskRunner tasks, DialogService dialogs) {
        this.store = store;
        this.tasks = tasks;
        this.dialogs = dialogs;
        query.addListener((o, a, b) -> filter());
        load(true);
    }

    /** Reads the store in the background; {@code tellProblems}: a damaged file is reported (once, at start). */
    private void load(boolean tellProblems) {
        if (store == null) {
            return;
        }
        BackgroundTask.of("Load history", ctx -> store.entries()).onSuccess(list -> {
            all.setAll(list);
            filter();
            if (tellProblems && store.loadProblem() != null) {
                dialogs.notify(DialogService.NotificationKind.WARNING, store.loadProblem());
            }
        }).onFailure(t -> {
            if (tellProblems) {
                dialogs.notify(DialogService.NotificationKind.WARNING, "History could not be read: " + t.getMessage());
            }
        }).executeWith(tasks);
    }

    /** After a failed or cancelled send the sender may have recorded an entry: read the store again. */
    void reload() {
        load(false);
    }

    /** A fresh exchange, newest first. */
    void record(HistoryEntry entry) {
        all.add(0, entry.redacted());
        filter();
    }

    private void filter() {
        shown.setAll(HistoryQuery.parse(query.get()).filter(all));
    }

    public void clear() {
        if (store == null || !dialogs.confirm("Clear the history?", "All " + all.size() + " recorded exchanges will be deleted.", "Clear")) {
            return;
        }
        BackgroundTask.of("Clear history", ctx -> {
            store.clear();
            return true;
        }).onSuccess(ok -> {
            all.clear();
            filter();
        }).onFailure(t -> dialogs.showError("Could not clear the history", String.valueOf(t.getMessage()), t)).executeWith(tasks);
    }

    public ObservableList<HistoryEntry> entries() {
        return shown;
    }

    /** Every recorded entry, whatever the filter shows: "Clear history" clears them all, so it is enabled by these. */
    public ObservableList<HistoryEntry> allEntries() {
        return allView;
    }

    public StringProperty queryProperty() {
        return query;
    }
}
