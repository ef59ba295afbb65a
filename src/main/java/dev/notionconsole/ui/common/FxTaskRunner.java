package dev.notionconsole.ui.common;

import dev.notionconsole.core.concurrent.ActivityTracker;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.ExecutorTaskRunner;
import dev.notionconsole.core.concurrent.TaskHandle;
import dev.notionconsole.core.concurrent.TaskRunner;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The GUI's task runner: work on a small pool of daemon threads, every callback on the JavaFX thread, so a
 * ViewModel only ever changes its properties there (docs/decisions/0003-background-work.md). Tests use
 * {@link dev.notionconsole.core.concurrent.InlineTaskRunner} instead.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    /** Two cores is the common case; requests mostly wait on the network, so a few more threads pay off. */
    private static final int THREADS = Math.max(4, Runtime.getRuntime().availableProcessors());

    private final ExecutorTaskRunner delegate;

    /** @param uncaughtFailures failures of tasks without a failure callback; called on the JavaFX thread */
    public FxTaskRunner(Consumer<Throwable> uncaughtFailures) {
        this.delegate = new ExecutorTaskRunner(THREADS, Platform::runLater, uncaughtFailures);
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        return delegate.execute(task);
    }

    /** See {@link ExecutorTaskRunner#hold()}. */
    public void hold() {
        delegate.hold();
    }

    /** See {@link ExecutorTaskRunner#release()}. */
    public void release() {
        delegate.release();
    }

    @Override
    public ActivityTracker activity() {
        return delegate.activity();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
