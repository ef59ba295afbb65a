package dev.notionconsole.ui.connections;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.IdentityCheck;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskHandle;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.DialogService.NotificationKind;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Test connection" and what the form shows of a connection's identity check: the last check's outcome, when,
 * the workspace and the request ID. The test runs in the background with progress and cancel.
 */
public final class ConnectionTestViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ConnectionService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ConnectionFormViewModel form;
    private final ReadOnlyObjectProperty<Connection> selected;
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<IdentityCheck> lastCheck = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper lastCheckText = new ReadOnlyStringWrapper("");
    private TaskHandle running;

    ConnectionTestViewModel(ConnectionService service, TaskRunner tasks, DialogService dialogs, ConnectionFormViewModel form,
                            ReadOnlyObjectProperty<Connection> selected) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.form = form;
        this.selected = selected;
    }

    /**
     * "Test connection": GET /v1/users/me in the background, with progress and cancel. A new or edited form is
     * tested with the values it shows, unsaved (issue 16, item 10): the typed token goes to the service as a
     * {@code Secret}, never through a field or message; the result is shown but not recorded.
     */
    public void testConnection() {
        Connection sel = selected.get();
        if (testing.get() || (sel == null && !form.isNewProperty().get())) {
            return;
        }
        boolean draft = sel == null || form.dirtyProperty().get();
        Connection target = draft ? form.toConnection() : sel;
        Secret typed = draft ? form.changedToken() : null;
        Connection shownBefore = form.original();
        testing.set(true);
        progress.set(target.isSandbox() ? "Starting the sandbox and calling GET /v1/users/me…" : "Calling GET /v1/users/me…");
        running = BackgroundTask.of("Test " + target.name(), ctx -> {
            ctx.progress(-1, progress.get());
            return draft ? service.testDraft(target, typed, ctx.cancellation()) : service.testConnection(sel, ctx.cancellation());
        }).onSuccess(check -> {
            if (form.original() == shownBefore) { // the form still shows what was tested
                show(check);
                if (draft) {
                    lastCheckText.set(lastCheckText.get() + "\nTested with the form's values; not saved.");
                }
            }
            dialogs.notify(check.outcome().good() ? NotificationKind.SUCCESS : NotificationKind.WARNING,
                    (target.name().isBlank() ? "New connection" : target.name()) + (draft ? " (unsaved)" : "") + ": " + check.summary());
        }).onCancelled(() -> dialogs.notify(NotificationKind.INFO, "Test cancelled."))
                .onFailure(e -> dialogs.showError("Test failed", Redactor.redact(String.valueOf(e.getMessage())), e))
                .onFinally(() -> {
                    testing.set(false);
                    progress.set("");
                    running = null;
                })
                .executeWith(tasks);
    }

    public void cancelTest() {
        if (running != null) {
            running.cancel();
        }
    }

    /** Shows a connection's recorded check; null: not tested yet. */
    void show(IdentityCheck check) {
        lastCheck.set(check);
        lastCheckText.set(check == null ? "Not tested yet." : describe(check));
    }

    /** The check as the form and the list's tooltip say it: outcome and time, summary, workspace, request ID. */
    static String describe(IdentityCheck check) {
        String outcome = switch (check.outcome()) {
            case OK -> "Works";
            case KIND_MISMATCH -> "Works, but not the declared kind";
            case UNAUTHORIZED -> "Token rejected";
            case UNREACHABLE -> "Unreachable";
            case NO_TOKEN -> "No token";
            case API_ERROR -> "Error";
        };
        StringBuilder sb = new StringBuilder(outcome).append(" (").append(WHEN.format(check.checkedAt())).append(")\n")
                .append(check.summary());
        if (check.workspaceId() != null) {
            sb.append("\nWorkspace: ").append(check.workspaceName() != null ? check.workspaceName() : "(no name)")
                    .append(" · ").append(check.workspaceId());
        }
        if (check.requestId() != null) {
            sb.append("\nRequest id: ").append(check.requestId());
        }
        return sb.toString();
    }

    public ReadOnlyBooleanProperty testingProperty() { return testing.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<IdentityCheck> lastCheckProperty() { return lastCheck.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lastCheckTextProperty() { return lastCheckText.getReadOnlyProperty(); }
}
