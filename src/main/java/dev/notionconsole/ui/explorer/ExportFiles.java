package dev.notionconsole.ui.explorer;

import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.FileType;
import java.nio.charset.StandardCharsets;
import dev.notionconsole.core.io.AtomicFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Asks where to save an export, then writes it on a worker and says where it went. */
final class ExportFiles {
    private ExportFiles() {
    }

    static void save(DialogService dialogs, TaskRunner tasks, String title, String suggested, ExportFormat format,
                     Supplier<String> content) {
        Optional<Path> target = dialogs.chooseFileToSave(title, suggested, List.of(format.fileType(), FileType.ALL));
        if (target.isEmpty()) {
            return;
        }
        Path file = target.get();
        BackgroundTask.of(title, ctx -> {
                    AtomicFiles.write(file, content.get().getBytes(StandardCharsets.UTF_8));
                    return file;
                })
                .onSuccess(p -> dialogs.notify(DialogService.NotificationKind.SUCCESS, "Saved " + p.getFileName()))
                .onFailure(t -> dialogs.showError("Could not save " + file.getFileName(), t.getMessage(), t))
                .executeWith(tasks);
    }
}
