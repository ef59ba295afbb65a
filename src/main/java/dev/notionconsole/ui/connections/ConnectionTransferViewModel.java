package dev.notionconsole.ui.connections;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionTransfer;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.core.io.AtomicFiles;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.DialogService.NotificationKind;
import dev.notionconsole.ui.common.FileType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ObservableList;

/**
 * Export of the saved connections (definitions only, never a secret) and import of such an export, asking for
 * each imported connection's secret, which the user may skip. The file work runs in the background; while an
 * import writes, the workspace's busy flag is set.
 */
public final class ConnectionTransferViewModel {
    private final ConnectionService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final SecretPrompt secretPrompt;
    private final ObservableList<Connection> connections;
    private final BooleanProperty busy;
    private final Consumer<Connection> show;

    ConnectionTransferViewModel(ConnectionService service, TaskRunner tasks, DialogService dialogs, SecretPrompt secretPrompt,
                                ObservableList<Connection> connections, BooleanProperty busy, Consumer<Connection> show) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.secretPrompt = secretPrompt;
        this.connections = connections;
        this.busy = busy;
        this.show = show;
    }

    public void exportConnections() {
        Optional<Path> target = dialogs.chooseFileToSave("Export connections (no secrets)", "notion-connections.json",
                List.of(FileType.JSON));
        if (target.isEmpty()) {
            return;
        }
        List<Connection> all = List.copyOf(connections);
        BackgroundTask.of("Export connections", ctx -> {
            AtomicFiles.write(target.get(), ConnectionTransfer.export(all, Instant.now()));
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
                        show.accept(report.added().get(0));
                    }
                })
                .onFailure(e -> dialogs.showError("Import failed", Redactor.redact(String.valueOf(e.getMessage())), e))
                .onFinally(() -> busy.set(false))
                .executeWith(tasks);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
