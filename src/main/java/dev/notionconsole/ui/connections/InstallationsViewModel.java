package dev.notionconsole.ui.connections;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.Installation;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.DialogService.NotificationKind;
import dev.notionconsole.ui.common.ObjectRef;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A public connection's installations (one per workspace user who authorized it): which one its requests act
 * as, removing one (revoking it at Notion first when the OAuth feature can), authorizing again, and opening the
 * template copy an installation was made with in the Explorer. The selection belongs to
 * {@link ConnectionsViewModel}; this works on whatever connection it shows.
 */
public final class InstallationsViewModel {
    /** What the installations need of the workspace around them. */
    interface Selection {
        Connection selected();

        /** Shows a connection afresh (form, secrets, installations) after it changed. */
        void show(Connection c);

        /** The selected connection changed without leaving the form (another active installation). */
        void updated(Connection c);

        /** Makes the selected connection the app's current one. */
        void useSelected();
    }

    private final ConnectionService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final BooleanProperty busy;
    private final Selection selection;
    private final ObservableList<Installation> installations = FXCollections.observableArrayList();
    /** Made once: a read-only view listens weakly, so listeners added to one made per call went deaf once it was collected. */
    private final ObservableList<Installation> installationsView = FXCollections.unmodifiableObservableList(installations);
    private final ReadOnlyBooleanWrapper authorizeAvailable = new ReadOnlyBooleanWrapper(false);
    private Consumer<Connection> authorizeAction;
    private Consumer<ObjectRef> openInExplorerAction;

    InstallationsViewModel(ConnectionService service, TaskRunner tasks, DialogService dialogs, BooleanProperty busy,
                           Selection selection) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.busy = busy;
        this.selection = selection;
    }

    /** Lists the installations of {@code c}; none for null (a new connection). */
    void showFor(Connection c) {
        if (c == null) {
            installations.clear();
        } else {
            installations.setAll(c.installations());
        }
    }

    /** The OAuth feature sets how to start an authorization for a public connection (adds an installation). */
    public void setAuthorizeAction(Consumer<Connection> action) {
        authorizeAction = action;
        authorizeAvailable.set(action != null);
    }

    public void authorize() {
        Connection sel = selection.selected();
        if (sel != null && authorizeAction != null && sel.kind() == ConnectionKind.PUBLIC_OAUTH) {
            authorizeAction.accept(sel);
        }
    }

    /** Where "Open in Explorer" on an installation's template copy goes; null hides the button. */
    public void setOpenInExplorerAction(Consumer<ObjectRef> action) {
        openInExplorerAction = action;
    }

    public boolean canOpenInExplorer() {
        return openInExplorerAction != null;
    }

    /**
     * Hands the template copy an installation was made with to the Explorer. The Explorer maps the current
     * connection, so this installation of the selected connection is used first: the map is what it sees.
     */
    public void openTemplateCopy(Installation i) {
        Connection sel = selection.selected();
        if (sel == null || openInExplorerAction == null || i.duplicatedTemplateId() == null) {
            return;
        }
        if (!sel.activeInstallation().map(a -> a.botId().equals(i.botId())).orElse(false)) {
            useInstallation(i);
        }
        selection.useSelected();
        openInExplorerAction.accept(new ObjectRef(sel.id(), "page", i.duplicatedTemplateId(), i.duplicatedTemplateTitle(), null));
    }

    /** Requests of the selected public connection act as this installation from now on. */
    public void useInstallation(Installation i) {
        Connection sel = selection.selected();
        if (sel == null || sel.installation(i.botId()).isEmpty()) {
            return;
        }
        Connection updated = service.setActiveInstallation(sel.id(), i.botId());
        dialogs.notify(NotificationKind.INFO, "\"" + sel.name() + "\" now acts as " + i.displayName() + ".");
        selection.updated(updated);
    }

    /** Forgets an installation's tokens; offers to revoke them at Notion first when the OAuth feature can. */
    public void removeInstallation(Installation i) {
        Connection sel = selection.selected();
        if (sel == null || !dialogs.confirm("Remove installation?", "Remove " + i.displayName() + " from \""
                + sel.name() + "\" and forget its tokens?", "Remove")) {
            return;
        }
        boolean revoke = service.revoker().isPresent() && dialogs.confirm("Revoke at Notion too?",
                "Revoke the installation's access token at Notion, so it stops working everywhere?", "Revoke");
        busy.set(true);
        BackgroundTask.of("Remove installation", ctx -> {
            String failure = null;
            if (revoke) {
                try {
                    service.revoker().orElseThrow().revoke(sel, i);
                } catch (Exception e) {
                    failure = e.getMessage();
                }
            }
            return Map.entry(service.removeInstallation(sel.id(), i.botId()), Optional.ofNullable(failure));
        }).onSuccess(r -> {
            selection.show(r.getKey());
            r.getValue().ifPresentOrElse(f -> dialogs.showWarning("Not revoked", Redactor.redact(f)),
                    () -> dialogs.notify(NotificationKind.SUCCESS, "Removed " + i.displayName() + "."));
        }).onFailure(e -> dialogs.showError("Could not remove the installation", Redactor.redact(String.valueOf(e.getMessage())), e))
                .onFinally(() -> busy.set(false))
                .executeWith(tasks);
    }

    public ObservableList<Installation> installations() { return installationsView; }
    public ReadOnlyBooleanProperty authorizeAvailableProperty() { return authorizeAvailable.getReadOnlyProperty(); }
}
