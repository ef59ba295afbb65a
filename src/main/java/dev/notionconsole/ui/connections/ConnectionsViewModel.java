package dev.notionconsole.ui.connections;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionTransfer;
import dev.notionconsole.connections.ConnectionsListener;
import dev.notionconsole.connections.IdentityCheck;
import dev.notionconsole.connections.Installation;
import dev.notionconsole.ui.common.ObjectRef;
import dev.notionconsole.connections.InvalidConnectionException;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskHandle;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.secrets.FileSecretStore;
import dev.notionconsole.secrets.SecretStorage;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.DialogService.NotificationKind;
import dev.notionconsole.ui.common.FileType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The Connections workspace: the saved connections, the form for the selected one, and the commands (add,
 * save, duplicate, delete, test, copy token, import, export, keep secrets in a file). Everything that touches
 * the secret store or the network runs as a background task; properties change only in task callbacks and in
 * service events handed to {@code uiThread}. Selecting a connection only shows it; {@link #useSelected()} (a
 * button, a double-click, Enter) makes it current for the whole app (issue 16: selecting is not choosing;
 * docs/decisions/0086-selecting-is-not-choosing.md).
 *
 * <p>Over 400 lines: the commands share the selection, the busy flag and the task runner; the natural cut
 * (installations, import/export, secret storage as their own small ViewModels) is not made yet.
 */
public final class ConnectionsViewModel {
    /** How long a copied token stays on the clipboard. */
    public static final Duration CLIPBOARD_CLEAR = Duration.ofSeconds(30);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ConnectionService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final SecretPrompt secretPrompt;
    private final Executor uiThread;
    private final ConnectionFormViewModel form = new ConnectionFormViewModel();

    private final ObservableList<Connection> connections = FXCollections.observableArrayList();
    private final ObservableList<Installation> installations = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Connection> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper currentId = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loadingSecrets = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper testProgress = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<IdentityCheck> lastCheck = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper lastCheckText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper storageText = new ReadOnlyStringWrapper("Looking for the system keychain…");
    private final ReadOnlyBooleanWrapper storageWarning = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper fileOptInOffered = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canEditSelection;
    private final BooleanBinding canSave;
    private final BooleanBinding selectedIsCurrent;
    private final ConnectionsListener listener;
    private final ReadOnlyBooleanWrapper authorizeAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper fileInUse = new ReadOnlyBooleanWrapper(false);
    private java.util.function.Consumer<Connection> authorizeAction;
    private java.util.function.Consumer<ObjectRef> openInExplorerAction;
    private TaskHandle runningTest;
    private long selectionGeneration;

    public ConnectionsViewModel(ConnectionService service, TaskRunner tasks, DialogService dialogs, SecretPrompt secretPrompt,
                                Executor uiThread) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.secretPrompt = secretPrompt;
        this.uiThread = uiThread;
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
        BackgroundTask.of("Check secret storage", ctx -> {
            SecretStorage.Status status = service.secretStorage().status();
            return Map.entry(status, service.secretStorage().notices());
        }).onSuccess(r -> {
            showStorage(r.getKey());
            r.getValue().forEach(n -> dialogs.notify(NotificationKind.WARNING, n));
        }).onFailure(e -> storageText.set("Secret storage could not be checked: " + e.getMessage())).executeWith(tasks);
    }

    public void dispose() {
        service.removeListener(listener);
        if (runningTest != null) {
            runningTest.cancel();
        }
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
        installations.setAll(c.installations());
        showCheck(c.lastCheck());
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
                installations.setAll(now.get().installations());
                showCheck(now.get().lastCheck());
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
        installations.clear();
        showCheck(null);
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

    // ---- test, copy ------------------------------------------------------------------------------------

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
        testProgress.set(target.isSandbox() ? "Starting the sandbox and calling GET /v1/users/me…" : "Calling GET /v1/users/me…");
        runningTest = BackgroundTask.of("Test " + target.name(), ctx -> {
            ctx.progress(-1, testProgress.get());
            return draft ? service.testDraft(target, typed, ctx.cancellation()) : service.testConnection(sel, ctx.cancellation());
        }).onSuccess(check -> {
            if (form.original() == shownBefore) { // the form still shows what was tested
                showCheck(check);
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
                    testProgress.set("");
                    runningTest = null;
                })
                .executeWith(tasks);
    }

    public void cancelTest() {
        if (runningTest != null) {
            runningTest.cancel();
        }
    }

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

    // ---- installations (public connections) -------------------------------------------------------------

    /** The OAuth feature sets how to start an authorization for a public connection (adds an installation). */
    /** Where "Open in Explorer" on an installation's template copy goes; null hides the button. */
    public void setOpenInExplorerAction(java.util.function.Consumer<ObjectRef> action) {
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
        Connection sel = selected.get();
        if (sel == null || openInExplorerAction == null || i.duplicatedTemplateId() == null) {
            return;
        }
        if (!sel.activeInstallation().map(a -> a.botId().equals(i.botId())).orElse(false)) {
            useInstallation(i);
        }
        useSelected();
        openInExplorerAction.accept(new ObjectRef(sel.id(), "page", i.duplicatedTemplateId(), i.duplicatedTemplateTitle(), null));
    }

    public void setAuthorizeAction(java.util.function.Consumer<Connection> action) {
        authorizeAction = action;
        authorizeAvailable.set(action != null);
    }

    public void authorize() {
        Connection sel = selected.get();
        if (sel != null && authorizeAction != null && sel.kind() == ConnectionKind.PUBLIC_OAUTH) {
            authorizeAction.accept(sel);
        }
    }

    /** Requests of the selected public connection act as this installation from now on. */
    public void useInstallation(Installation i) {
        Connection sel = selected.get();
        if (sel == null || sel.installation(i.botId()).isEmpty()) {
            return;
        }
        Connection updated = service.setActiveInstallation(sel.id(), i.botId());
        dialogs.notify(NotificationKind.INFO, "\"" + sel.name() + "\" now acts as " + i.displayName() + ".");
        selected.set(updated);
        installations.setAll(updated.installations());
        showCheck(updated.lastCheck());
    }

    /** Forgets an installation's tokens; offers to revoke them at Notion first when the OAuth feature can. */
    public void removeInstallation(Installation i) {
        Connection sel = selected.get();
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
            show(r.getKey());
            r.getValue().ifPresentOrElse(f -> dialogs.showWarning("Not revoked", Redactor.redact(f)),
                    () -> dialogs.notify(NotificationKind.SUCCESS, "Removed " + i.displayName() + "."));
        }).onFailure(e -> dialogs.showError("Could not remove the installation", Redactor.redact(String.valueOf(e.getMessage())), e))
                .onFinally(() -> busy.set(false))
                .executeWith(tasks);
    }

    // ---- import, export, secret storage ----------------------------------------------------------------

    public void exportConnections() {
        Optional<Path> target = dialogs.chooseFileToSave("Export connections (no secrets)", "notion-connections.json",
                List.of(FileType.JSON));
        if (target.isEmpty()) {
            return;
        }
        List<Connection> all = List.copyOf(connections);
        BackgroundTask.of("Export connections", ctx -> {
            dev.notionconsole.core.io.AtomicFiles.write(target.get(), ConnectionTransfer.export(all, Instant.now()));
            return all.stream().filter(c -> !c.temporary()).count();
        }).onSuccess(n -> dialogs.notify(NotificationKind.SUCCESS, "Exported " + n + " connection(s) without secrets to "
                + target.get().getFileName() + "."))
                .onFailure(e -> dialogs.showError("Export failed", String.valueOf(e.getMessage()), e))
                .executeWith(tasks);
    }

    /** Reads an export, asks for each connection's secret (skippable), then adds them. */
    public void importConnections() {
        Optional<Path> source = dialogs.chooseFileToOpen("Import connections", List.of(FileType.JSON, FileType.ALL));
        if (source.isEmpty()) {
            return;
        }
        BackgroundTask.of("Read connections export", ctx -> ConnectionTransfer.parse(Files.readAllBytes(source.get())))
                .onSuccess(this::askSecretsAndImport)
                .onFailure(e -> dialogs.showError("Cannot import", String.valueOf(e.getMessage())))
                .executeWith(tasks);
    }

    private void askSecretsAndImport(List<Connection> drafts) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (Connection d : drafts) {
            ConnectionTransfer.SecretNeed need = ConnectionTransfer.SecretNeed.of(d);
            if (need == ConnectionTransfer.SecretNeed.NONE || ConnectionTransfer.alreadyPresent(service, d).isPresent()) {
                continue;
            }
            String what = need == ConnectionTransfer.SecretNeed.TOKEN
                    ? (d.kind() == ConnectionKind.INTERNAL ? "internal connection token" : "personal access token")
                    : "OAuth client secret";
            Optional<String> answer = secretPrompt.ask("Import \"" + d.name() + "\"",
                    "Exports carry no secrets. Paste the " + what + " for \"" + d.name() + "\" (" + d.kind().label()
                            + ", " + d.baseUrl() + "), or skip this connection.", capitalize(what));
            answer.filter(a -> !a.isBlank()).ifPresent(a -> secrets.put(d.name(), Secret.of(a)));
        }
        busy.set(true);
        BackgroundTask.of("Import connections", ctx -> ConnectionTransfer.importInto(service, drafts,
                (draft, need) -> Optional.ofNullable(secrets.get(draft.name()))))
                .onSuccess(report -> {
                    String msg = "Imported " + report.added().size() + " connection(s)."
                            + (report.alreadyPresent().isEmpty() ? "" : " " + report.alreadyPresent().size() + " already here.");
                    if (report.skipped().isEmpty()) {
                        dialogs.notify(NotificationKind.SUCCESS, msg);
                    } else {
                        dialogs.showWarning("Import finished", msg + "\nSkipped:\n" + String.join("\n", report.skipped()));
                    }
                    if (!report.added().isEmpty()) {
                        show(report.added().get(0));
                    }
                })
                .onFailure(e -> dialogs.showError("Import failed", Redactor.redact(String.valueOf(e.getMessage())), e))
                .onFinally(() -> busy.set(false))
                .executeWith(tasks);
    }

    /** No keychain: after a plain warning, keep secrets in a file only the user can read. */
    public void useSecretsFile() {
        if (!dialogs.confirm("Keep secrets in a file?", FileSecretStore.WARNING
                + "\n\nWithout it, secrets are kept for this session only and must be entered again after a restart.",
                "Use a file")) {
            return;
        }
        BackgroundTask.of("Keep secrets in a file", ctx -> {
            service.optInToSecretsFile();
            return service.secretStorage().status();
        }).onSuccess(s -> {
            showStorage(s);
            dialogs.notify(NotificationKind.SUCCESS, "Secrets are now kept in " + service.secretStorage().secretsFile() + ".");
        }).onFailure(e -> dialogs.showError("Could not switch to the secrets file", String.valueOf(e.getMessage()), e))
                .executeWith(tasks);
    }

    /** Back to session-only secrets; the file is deleted. */
    public void stopUsingSecretsFile() {
        BackgroundTask.of("Stop using the secrets file", ctx -> {
            service.optOutOfSecretsFile();
            return service.secretStorage().status();
        }).onSuccess(this::showStorage)
                .onFailure(e -> dialogs.showError("Could not delete the secrets file", String.valueOf(e.getMessage()), e))
                .executeWith(tasks);
    }

    // ---- display helpers ---------------------------------------------------------------------------------

    private void showStorage(SecretStorage.Status s) {
        storageWarning.set(!s.keychainAvailable());
        fileOptInOffered.set(!s.keychainAvailable() && !s.fileOptedIn());
        fileInUse.set(s.persistence() == dev.notionconsole.secrets.SecretStore.Persistence.FILE);
        if (s.keychainAvailable()) {
            storageText.set("Secrets are kept in the " + s.description() + ".");
        } else if (s.fileOptedIn()) {
            storageText.set("Secrets are kept in a file only you can read: " + service.secretStorage().secretsFile()
                    + " (no system keychain).");
        } else {
            storageText.set(s.keychainProblem() + " Secrets are therefore kept for this session only and are gone "
                    + "when the console closes.");
        }
    }

    private void showCheck(IdentityCheck check) {
        lastCheck.set(check);
        lastCheckText.set(check == null ? "Not tested yet." : describe(check));
    }

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

    private List<Connection> others() {
        return List.copyOf(connections);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---- properties ------------------------------------------------------------------------------------

    public ConnectionFormViewModel form() { return form; }
    public ObservableList<Connection> connections() { return FXCollections.unmodifiableObservableList(connections); }
    public ObservableList<Installation> installations() { return FXCollections.unmodifiableObservableList(installations); }
    public ReadOnlyObjectProperty<Connection> selectedProperty() { return selected.getReadOnlyProperty(); }
    public ReadOnlyStringProperty currentIdProperty() { return currentId.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty testingProperty() { return testing.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingSecretsProperty() { return loadingSecrets.getReadOnlyProperty(); }
    public ReadOnlyStringProperty testProgressProperty() { return testProgress.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<IdentityCheck> lastCheckProperty() { return lastCheck.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lastCheckTextProperty() { return lastCheckText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty storageTextProperty() { return storageText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty storageWarningProperty() { return storageWarning.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty fileOptInOfferedProperty() { return fileOptInOffered.getReadOnlyProperty(); }
    public BooleanBinding canEditSelectionProperty() { return canEditSelection; }
    public ReadOnlyBooleanProperty authorizeAvailableProperty() { return authorizeAvailable.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty fileInUseProperty() { return fileInUse.getReadOnlyProperty(); }
    public BooleanBinding canSaveProperty() { return canSave; }
    /** The selected connection is the app's current one (the "current" badge; "Use this connection" hidden). */
    public BooleanBinding selectedIsCurrentProperty() { return selectedIsCurrent; }
}
