package dev.notionconsole.ui.request;

import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.notion.catalog.Endpoint;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.request.saved.SavedRequest;
import dev.notionconsole.request.saved.SavedRequestStore;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.FileType;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Saved requests in groups: save the composed request, open one into the builder, delete, export and import. */
public final class SavedRequestsViewModel {
    private final SavedRequestStore store;
    private final ComposeViewModel compose;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ObservableList<SavedRequest> requests = FXCollections.observableArrayList();

    /** @param store null when saved requests are off: every action then does nothing */
    public SavedRequestsViewModel(SavedRequestStore store, ComposeViewModel compose, TaskRunner tasks, DialogService dialogs) {
        this.store = store;
        this.compose = compose;
        this.tasks = tasks;
        this.dialogs = dialogs;
        if (store != null) {
            BackgroundTask.of("Load saved requests", ctx -> store.all()).onSuccess(list -> {
                requests.setAll(list);
                if (store.loadProblem() != null) {
                    dialogs.notify(DialogService.NotificationKind.WARNING, store.loadProblem());
                }
            }).executeWith(tasks);
        }
    }

    /** More ▸ Save request…: a name and a group chosen from the existing ones (or a new one), then saved. */
    public void saveAs() {
        if (store == null) {
            return;
        }
        List<String> groups = requests.stream().map(SavedRequest::group).distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        dialogs.askNameInGroup("Save request", "Name the request and choose its group.", compose.currentSpec().describe(), groups,
                groups.isEmpty() ? null : groups.get(0))
                .ifPresent(n -> save(n.name(), n.group()));
    }

    public void save(String name, String group) {
        if (store == null) {
            return;
        }
        RequestSpec spec = compose.currentSpec();
        Endpoint e = compose.endpointProperty().get();
        BackgroundTask.of("Save request", ctx -> store.save(name, group, e == null ? null : e.id(), spec))
                .onSuccess(r -> {
                    requests.setAll(store.all());
                    dialogs.notify(DialogService.NotificationKind.SUCCESS, "Saved \"" + r.name() + "\" in " + r.group() + ".");
                }).onFailure(t -> dialogs.showError("Could not save the request", String.valueOf(t.getMessage()), t)).executeWith(tasks);
    }

    public void open(SavedRequest r) {
        if (r != null) {
            compose.load(r.request());
        }
    }

    public void delete(SavedRequest r) {
        if (store == null || r == null) {
            return;
        }
        BackgroundTask.of("Delete saved request", ctx -> {
            store.delete(r.id());
            return store.all();
        }).onSuccess(requests::setAll).executeWith(tasks);
    }

    public void exportAll() {
        if (store == null) {
            return;
        }
        dialogs.chooseFileToSave("Export saved requests", "notion-requests.json", List.of(FileType.JSON)).ifPresent(p ->
                BackgroundTask.of("Export saved requests", ctx -> {
                    store.export(p, null);
                    return p;
                }).onSuccess(x -> dialogs.notify(DialogService.NotificationKind.SUCCESS, "Exported to " + x.getFileName()))
                        .onFailure(t -> dialogs.showError("Could not export", String.valueOf(t.getMessage()), t)).executeWith(tasks));
    }

    public void importFrom() {
        if (store == null) {
            return;
        }
        dialogs.chooseFileToOpen("Import saved requests", List.of(FileType.JSON)).ifPresent(p ->
                BackgroundTask.of("Import saved requests", ctx -> store.importFrom(p))
                        .onSuccess(n -> {
                            requests.setAll(store.all());
                            dialogs.notify(DialogService.NotificationKind.SUCCESS, "Imported " + n + " requests.");
                        }).onFailure(t -> dialogs.showError("Could not import", String.valueOf(t.getMessage()), t)).executeWith(tasks));
    }

    public ObservableList<SavedRequest> requests() {
        return requests;
    }
}
