package dev.notionconsole.ui.connections;

import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.secrets.FileSecretStore;
import dev.notionconsole.secrets.SecretStorage;
import dev.notionconsole.secrets.SecretStore;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.DialogService.NotificationKind;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Where the Connections workspace says secrets are kept (the system keychain, a file only the user can read, or
 * this session only) and the opt-in to the file when there is no keychain. Probing the keychain can take
 * seconds on a headless Linux, so it runs as a background task ({@link #start()}).
 */
public final class SecretStorageViewModel {
    private final ConnectionService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("Looking for the system keychain…");
    private final ReadOnlyBooleanWrapper warning = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper fileOptInOffered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper fileInUse = new ReadOnlyBooleanWrapper(false);

    SecretStorageViewModel(ConnectionService service, TaskRunner tasks, DialogService dialogs) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** Finds out where secrets go, then shows the secret storage's notices once (the shell shows the connections file's). */
    void start() {
        BackgroundTask.of("Check secret storage", ctx -> {
            SecretStorage.Status status = service.secretStorage().status();
            return Map.entry(status, service.secretStorage().notices());
        }).onSuccess(r -> {
            show(r.getKey());
            r.getValue().forEach(n -> dialogs.notify(NotificationKind.WARNING, n));
        }).onFailure(e -> text.set("Secret storage could not be checked: " + e.getMessage())).executeWith(tasks);
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
            show(s);
            dialogs.notify(NotificationKind.SUCCESS, "Secrets are now kept in " + service.secretStorage().secretsFile() + ".");
        }).onFailure(e -> dialogs.showError("Could not switch to the secrets file", String.valueOf(e.getMessage()), e))
                .executeWith(tasks);
    }

    /** Back to session-only secrets; the file is deleted. */
    public void stopUsingSecretsFile() {
        BackgroundTask.of("Stop using the secrets file", ctx -> {
            service.optOutOfSecretsFile();
            return service.secretStorage().status();
        }).onSuccess(this::show)
                .onFailure(e -> dialogs.showError("Could not delete the secrets file", String.valueOf(e.getMessage()), e))
                .executeWith(tasks);
    }

    private void show(SecretStorage.Status s) {
        warning.set(!s.keychainAvailable());
        fileOptInOffered.set(!s.keychainAvailable() && !s.fileOptedIn());
        fileInUse.set(s.persistence() == SecretStore.Persistence.FILE);
        if (s.keychainAvailable()) {
            text.set("Secrets are kept in the " + s.description() + ".");
        } else if (s.fileOptedIn()) {
            text.set("Secrets are kept in a file only you can read: " + service.secretStorage().secretsFile()
                    + " (no system keychain).");
        } else {
            text.set(s.keychainProblem() + " Secrets are therefore kept for this session only and are gone "
                    + "when the console closes.");
        }
    }

    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty warningProperty() { return warning.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty fileOptInOfferedProperty() { return fileOptInOffered.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty fileInUseProperty() { return fileInUse.getReadOnlyProperty(); }
}
