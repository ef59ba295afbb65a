package dev.notionconsole.ui.connections;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionsListener;
import dev.notionconsole.connections.Installation;
import dev.notionconsole.connections.InvalidConnectionException;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.DialogService.NotificationKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Connections workspace: the saved connections, which one is selected and which is current, the form for
 * the selected one, and the commands on it (add, save, revert, duplicate, delete, copy token). Its parts have
 * their own ViewModels, reached from here: {@link #test()} (test connection, the identity check),
 * {@link #installations()} (a public connection's installations), {@link #transfer()} (import, export) and
 * {@link #storage()} (where secrets are kept). Everything that touches the secret store or the network runs as a
 * background task; properties change only in task callbacks and in service events handed to {@code uiThread}.
 * Selecting a connection only shows it; {@link #useSelected()} (a button, a double-click, Enter) makes it current
 * for the whole app (issue 16: selecting is not choosing; docs/decisions/0086-selecting-is-not-choosing.md).
 */
public final class ConnectionsViewModel {
    /** How long a copied token stays on the clipboard. */
    public static final Duration CLIPBOARD_CLEAR = Duration.ofSeconds(30);

    private final ConnectionService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Executor uiThread;
    private final ConnectionFormViewModel form = new ConnectionFormViewModel();
    private final SecretStorageViewModel storage;
    private final InstallationsViewModel installations;
    private final ConnectionTestViewModel test;
    private final ConnectionTransferViewModel transfer;

    private final ObservableList<Connection> connections = FXCollections.observableArrayList();
    /**
     * One read-only view, made once: a view listens to {@link #connections} weakly, so listeners added to a view made
     * per call stopped hearing changes once that view was collected.
     */
    private final ObservableList<Connection> connectionsView = FXCollections.unmodifiableObservableList(connections);
    private final ReadOnlyObjectWrapper<Connection> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper currentId = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loadingSecrets = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canEditSelection;
    private final BooleanBinding canSave;
    private final BooleanBinding selectedIsCurrent;
    private final ConnectionsListener listener;
    private long selectionGeneration;

    public ConnectionsViewModel(ConnectionService service, TaskRunner tasks, DialogService dialogs, SecretPrompt secretPrompt,
                                Executor uiThread) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.uiThread = uiThread;
        storage = new SecretStorageViewModel(service, tasks, dialogs);
        test = new ConnectionTestViewModel(service, tasks, dialogs, form, selected.getReadOnlyProperty());
        installations = new InstallationsViewModel(service, tasks, dialogs, busy, new InstallationsViewModel.Selection() {
            @Override
            public Connection selected() {
                return selected.get();
            }

            @Override
            public void show(Connection c) {
                ConnectionsViewModel.this.show(c);
            }

            @Override
            public void updated(Connection c) {
                selected.set(c);
                installations.showFor(c);
                test.show(c.lastCheck());
            }

            @Override
            public void useSelected() {
                ConnectionsViewModel.this.useSelected();
            }
        });
        transfer = new ConnectionTransferViewModel(service, tasks, dialogs, secretPrompt, connections, busy, this::show);
        canEditSelection = Bindings.createBooleanBinding(() -> selected.get() != null && !busy.get(), selected, busy);
        canSave = Bindings.createBooleanBinding(() -> form.dirtyProperty().get() && !busy.get() && !loadingSecrets.get(),
                form.dirtyProperty(), busy, loadingSecrets);
        selectedIsCurrent = Bindings.createBooleanBinding(() -> selected.get() != null
                && selected.get().id().equals(currentId.get()), selected, currentId);
        listener = new ConnectionsListener() {
            @Override
            public void connectionsChanged(List<Connection> all) {
                uiThread.execute(() -> refresh(all));
            }

            @Override
            public void currentChanged(Optional<Connection> current) {
                uiThread.execute(() -> currentId.set(current.map(Connection::id).orElse(null)));
            }

            @Override
            public void saveFailed(String message) {
                uiThread.execute(() -> dialogs.notify(NotificationKind.ERROR, message));
            }
        };
        service.addListener(listener);
        connections.setAll(service.list());
        currentId.set(service.current().map(Connection::id).orElse(null));
    }

    /**
     * Shows the current connection and finds out where secrets go (probing the keychain, in the background),
     * then shows the secret storage's notices once (the shell shows the connections file's).
     */
    public void start() {
        service.current().ifPresentOrElse(this::show, () -> {
            if (!connections.isEmpty()) {
                show(connections.get(0));
            } else {
                form.newDraft(ConnectionKind.INTERNAL, null);
            }
        });
        storage.start();
    }

    public void dispose() {
        service.removeListener(listener);
        test.cancelTest();
    }

    // ---- selection -------------------------------------------------------------------------------------

    /**
     * The user selected a connection in the list: the form shows it; the app's current connection stays as it
     * is. Unsaved edits are not dropped without asking.
     *
     * @return whether the connection is shown now
     */
    public boolean select(Connection c) {
        if (c == null) {
            return false;
        }
        if (selected.get() != null && selected.get().id().equals(c.id())) {
            return true;
        }
        if (!confirmDiscard()) {
            return false;
        }
        show(c);
        return true;
    }

    /** "Use this connection": the selected connection becomes current for every section. */
    public void useSelected() {
        Connection sel = selected.get();
        if (sel == null || sel.id().equals(currentId.get())) {
            return;
        }
        service.setCurrent(sel.id());
        currentId.set(sel.id()); // the service's event confirms it; the badge moves at once
        dialogs.notify(NotificationKind.INFO, "Requests now go through \"" + sel.name() + "\".");
    }

    /** Selects and uses a connection in one gesture (double-click, Enter on a row). */
    public void use(Connection c) {
        if (select(c)) {
            useSelected();
        }
    }

    private boolean confirmDiscard() {
        if (!form.dirtyProperty().get() || (form.original() == null && form.nameProperty().get().isBlank())) {
            return true;
        }
        return dialogs.confirm("Discard changes?", "The changes to \""
                + (form.nameProperty().get().isBlank() ? "the new connection" : form.nameProperty().get())
                + "\" are not saved.", "Discard");
    }

    private void show(Connection c) {
        long generation = ++selectionGeneration;
        // the form first: listeners of the selection then see a consistent, clean form
        form.load(c, null, null);
        installations.showFor(c);
        test.show(c.lastCheck());
        selected.set(c);
        loadingSecrets.set(true);
        BackgroundTask.of("Read the secrets of " + c.name(), ctx -> {
            Secret token = service.token(c).orElse(null);
            Secret clientSecret = c.kind() == ConnectionKind.PUBLIC_OAUTH ? service.clientSecret(c).orElse(null) : null;
            return new Secret[] {token, clientSecret};
        }).onSuccess(s -> {
            if (generation == selectionGeneration) {
                form.load(c, c.kind() == ConnectionKind.PUBLIC_OAUTH ? null : s[0], s[1]);
            }
        }).onFailure(e -> dialogs.showError("Could not read the secrets", Redactor.redact(e.getMessage()), e))
                .onFinally(() -> {
                    if (generation == selectionGeneration) {
                        loadingSecrets.set(false);
                    }
                })
                .executeWith(tasks);
    }

    private void refresh(List<Connection> all) {
        connections.setAll(all);
        Connection sel = selected.get();
        if (sel != null) {
            Optional<Connection> now = all.stream().filter(c -> c.id().equals(sel.id())).findFirst();
            if (now.isEmpty()) {
                selected.set(null);
            } else if (!now.get().equals(sel)) {
                selected.set(now.get());
                installations.showFor(now.get());
                test.show(now.get().lastCheck());
            }
        }
    }

    // ---- add, save, revert, duplicate, delete ------------------------------------------------------------

    /** Starts a new connection in the form. */
    public void newConnection(ConnectionKind kind) {
        if (!confirmDiscard()) {
            return;
        }
        selected.set(null);
        installations.showFor(null);
        test.show(null);
        form.newDraft(kind, null);
    }

    public void validateForm() {
        form.validate(others());
    }

    public void save() {
        if (!form.validate(others())) {
            return;
        }
        Connection draft = form.toConnection();
        Connection before = form.original();
        boolean losesSecrets = before != null && before.kind() != draft.kind()
                && (before.kind() == ConnectionKind.PUBLIC_OAUTH || draft.kind() == ConnectionKind.PUBLIC_OAUTH);
        if (losesSecrets && !dialogs.confirm("Change the kind?",
                "\"" + before.name() + "\" becomes a " + draft.kind().label().toLowerCase() + ". "
                        + (before.kind() == ConnectionKind.PUBLIC_OAUTH
                        ? "Its client secret and its " + before.installations().size() + " installation(s) with their tokens are removed."
                        : "Its token is removed; a public connection gets its tokens by authorizing."),
                "Change kind")) {
            return;
        }
        Secret token = form.changedToken();
        Secret clientSecret = form.changedClientSecret();
        boolean adding = form.original() == null;
        busy.set(true);
        BackgroundTask.of(adding ? "Add connection" : "Save connection", ctx -> adding
                ? service.add(draft, token, clientSecret) : service.update(draft, token, clientSecret))
                .onSuccess(saved -> {
                    dialogs.notify(NotificationKind.SUCCESS, (adding ? "Added \"" : "Saved \"") + saved.name() + "\".");
                    if (adding) {
                        service.setCurrent(saved.id());
                    }
                    show(saved);
                })
                .onFailure(e -> {
                    if (e instanceof InvalidConnectionException) {
                        form.validate(others());
                    } else {
                        dialogs.showError("Could not save the connection", Redactor.redact(String.valueOf(e.getMessage())), e);
                    }
                })
                .onFinally(() -> busy.set(false))
                .executeWith(tasks);
    }

    public void revert() {
        Connection sel = selected.get();
        if (sel != null) {
            show(sel);
        } else {
            form.newDraft(form.kindProperty().get(), null);
        }
    }

    public void duplicate() {
        Connection sel = selected.get();
        if (sel == null || sel.temporary()) {
            return;
        }
        busy.set(true);
        BackgroundTask.of("Duplicate connection", ctx -> service.duplicate(sel.id()))
                .onSuccess(copy -> {
                    show(copy);
                    dialogs.notify(NotificationKind.SUCCESS, "Duplicated as \"" + copy.name() + "\".");
                })
                .onFailure(e -> dialogs.showError("Could not duplicate", Redactor.redact(String.valueOf(e.getMessage())), e))
                .onFinally(() -> busy.set(false))
                .executeWith(tasks);
    }

    /** Deletes the selected connection after confirmation; for OAuth, offers to revoke its installations first. */
    public void delete() {
        Connection sel = selected.get();
        if (sel == null) {
            return;
        }
        if (sel.temporary()) {
            dialogs.showInformation("Cannot delete", "\"" + sel.name() + "\" comes from the "
                    + ConnectionService.TOKEN_ENV + " environment variable and is not saved. Unset the variable to remove it.");
            return;
        }
        if (!dialogs.confirm("Delete connection?", "Delete \"" + sel.name() + "\" and remove its secrets from "
                + service.secretStorage().whereQuietly() + "? This cannot be undone.", "Delete")) {
            return;
        }
        boolean revoke = sel.kind() == ConnectionKind.PUBLIC_OAUTH && !sel.installations().isEmpty()
                && service.revoker().isPresent()
                && dialogs.confirm("Revoke at Notion too?", "\"" + sel.name() + "\" has " + sel.installations().size()
                + " installation(s). Revoke their access tokens at Notion, so they stop working everywhere? "
                + "Without revoking, only this console forgets them.", "Revoke and delete");
        busy.set(true);
        BackgroundTask.of("Delete connection", ctx -> {
            List<String> failures = new ArrayList<>();
            if (revoke) {
                for (Installation i : sel.installations()) {
                    try {
                        service.revoker().orElseThrow().revoke(sel, i);
                    } catch (Exception e) {
                        failures.add(i.displayName() + ": " + e.getMessage());
                    }
                }
            }
            service.remove(sel.id());
            return failures;
        }).onSuccess(failures -> {
            dialogs.notify(NotificationKind.SUCCESS, "Deleted \"" + sel.name() + "\".");
            if (!failures.isEmpty()) {
                dialogs.showWarning("Some tokens were not revoked", Redactor.redact(String.join("\n", failures)));
            }
            service.current().ifPresentOrElse(this::show, () -> newConnection(ConnectionKind.INTERNAL));
        }).onFailure(e -> dialogs.showError("Could not delete", Redactor.redact(String.valueOf(e.getMessage())), e))
                .onFinally(() -> busy.set(false))
                .executeWith(tasks);
    }

    // ---- copy ------------------------------------------------------------------------------------

    /** Copies the selected connection's token; the clipboard is cleared after {@link #CLIPBOARD_CLEAR}. */
    public void copyToken() {
        Connection sel = selected.get();
        if (sel == null) {
            return;
        }
        BackgroundTask.of("Read token", ctx -> service.token(sel))
                .onSuccess(token -> token.ifPresentOrElse(t -> {
                    dialogs.copyToClipboard(t.reveal(), CLIPBOARD_CLEAR);
                    dialogs.notify(NotificationKind.INFO, "Token " + t.masked() + " copied; the clipboard is cleared in "
                            + CLIPBOARD_CLEAR.toSeconds() + " s.");
                }, () -> dialogs.notify(NotificationKind.WARNING, "\"" + sel.name() + "\" has no token stored.")))
                .onFailure(e -> dialogs.showError("Could not read the token", Redactor.redact(String.valueOf(e.getMessage())), e))
                .executeWith(tasks);
    }

    // ---- display helpers ---------------------------------------------------------------------------------

    private List<Connection> others() {
        return List.copyOf(connections);
    }

    // ---- properties ------------------------------------------------------------------------------------

    public ConnectionFormViewModel form() { return form; }
    public SecretStorageViewModel storage() { return storage; }
    public InstallationsViewModel installations() { return installations; }
    public ConnectionTestViewModel test() { return test; }
    public ConnectionTransferViewModel transfer() { return transfer; }
    public ObservableList<Connection> connections() { return connectionsView; }
    public ReadOnlyObjectProperty<Connection> selectedProperty() { return selected.getReadOnlyProperty(); }
    public ReadOnlyStringProperty currentIdProperty() { return currentId.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingSecretsProperty() { return loadingSecrets.getReadOnlyProperty(); }
    public BooleanBinding canEditSelectionProperty() { return canEditSelection; }
    public BooleanBinding canSaveProperty() { return canSave; }
    /** The selected connection is the app's current one (the "current" badge; "Use this connection" hidden). */
    public BooleanBinding selectedIsCurrentProperty() { return selectedIsCurrent; }
}
