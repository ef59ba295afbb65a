package dev.notionconsole.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where failures nobody handled end up: uncaught exceptions on any thread (including the JavaFX thread, which
 * hands event-handler exceptions to the thread's handler) and background tasks without a failure callback.
 * Each is logged (redacted) and shown in the error dialog; never swallowed. A burst of failures (a handler
 * that throws on every pulse) opens a few dialogs and then only logs and says so, so the app stays usable.
 */
public final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UncaughtErrors.class);
    private static final int MAX_DIALOGS_PER_BURST = 3;
    private static final long BURST_NANOS = 10_000_000_000L;

    private final Supplier<DialogService> dialogs;
    /** When recent dialogs were shown; touched on the JavaFX thread only. */
    private final Deque<Long> recent = new ArrayDeque<>();
    private boolean toldAboutBurst;

    public UncaughtErrors(Supplier<DialogService> dialogs) {
        this.dialogs = dialogs;
    }

    /** Installs this as the default handler for every thread. */
    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Uncaught exception in thread {}", thread.getName(), error);
        show("Unexpected error", "Something went wrong in " + thread.getName() + ": " + ErrorReport.summary(error), error);
    }

    /** For the task runner: a background task failed and had no failure callback. */
    public void taskFailed(Throwable error) {
        // ExecutorTaskRunner has logged it already, with the task's title
        show("A background task failed", ErrorReport.summary(error), error);
    }

    private void show(String title, String message, Throwable error) {
        Runnable r = () -> {
            long now = System.nanoTime();
            while (!recent.isEmpty() && now - recent.peekFirst() > BURST_NANOS) {
                recent.removeFirst();
            }
            try {
                if (recent.size() >= MAX_DIALOGS_PER_BURST) {
                    if (!toldAboutBurst) {
                        toldAboutBurst = true;
                        dialogs.get().notify(DialogService.NotificationKind.ERROR,
                                "More errors occurred; they are in the log, not shown one by one.");
                    }
                    return;
                }
                toldAboutBurst = false;
                recent.addLast(now);
                dialogs.get().showError(title, message, error);
            } catch (RuntimeException e) {
                LOG.error("Could not show the error dialog", e);
            }
        };
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            try {
                Platform.runLater(r);
            } catch (IllegalStateException toolkitGone) {
                LOG.error("Toolkit not running; the error above was only logged");
            }
        }
    }
}
