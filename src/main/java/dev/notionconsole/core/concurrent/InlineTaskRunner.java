package dev.notionconsole.core.concurrent;

/**
 * Runs work and callbacks on the calling thread, deterministically: ViewModel tests and the command line use
 * it. The {@link ExecutorTaskRunner} with both executors being the calling thread; a failure with no failure
 * callback is rethrown (wrapped in an {@link IllegalStateException}), so a test never passes over a swallowed
 * error.
 */
public final class InlineTaskRunner implements TaskRunner {
    private final ExecutorTaskRunner runner = new ExecutorTaskRunner(t -> {
        throw new IllegalStateException("A background task failed and nothing handled it", t);
    });

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        return runner.execute(task);
    }

    @Override
    public ActivityTracker activity() {
        return runner.activity();
    }
}
