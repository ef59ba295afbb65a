package dev.notionconsole.core.concurrent;

/**
 * The one background-work abstraction (docs/decisions/0003-background-work.md). Implementations:
 * {@link ExecutorTaskRunner} (worker pool; callbacks on a given executor, the JavaFX thread in the GUI) and
 * {@link InlineTaskRunner} (everything on the calling thread, for tests and the command line).
 */
public interface TaskRunner {
    <T> TaskHandle execute(BackgroundTask<T> task);

    /** The tasks running now, for a status bar. */
    ActivityTracker activity();
}
