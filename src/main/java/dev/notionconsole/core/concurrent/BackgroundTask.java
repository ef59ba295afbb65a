package dev.notionconsole.core.concurrent;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A piece of work for a {@link TaskRunner}, with callbacks. The runner decides the threads: the GUI runs the
 * work on a worker pool and every callback on the JavaFX thread; tests and the command line run everything
 * inline. ViewModels therefore write their properties only from callbacks.
 *
 * <pre>{@code
 * BackgroundTask.of("Send request", ctx -> client.send(request, ctx))
 *     .onSuccess(this::showExchange)
 *     .onFailure(this::showError)
 *     .executeWith(runner);
 * }</pre>
 */
public final class BackgroundTask<T> {
    /** The work itself; it runs off the UI thread. */
    @FunctionalInterface
    public interface Work<T> {
        T call(TaskContext context) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private Runnable onRunning = () -> { };
    private Consumer<? super T> onSuccess = v -> { };
    private Consumer<Throwable> onFailure;
    private Consumer<Progress> onProgress = p -> { };
    private Runnable onCancelled = () -> { };
    private Runnable onFinally = () -> { };

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onRunning(Runnable r) {
        this.onRunning = r;
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> c) {
        this.onSuccess = c;
        return this;
    }

    /** Without a failure callback, failures go to the runner's uncaught-failure handler: never swallowed. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> c) {
        this.onFailure = c;
        return this;
    }

    public BackgroundTask<T> onProgress(Consumer<Progress> c) {
        this.onProgress = c;
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable r) {
        this.onCancelled = r;
        return this;
    }

    /** Runs after success, failure or cancellation. */
    public BackgroundTask<T> onFinally(Runnable r) {
        this.onFinally = r;
        return this;
    }

    public TaskHandle executeWith(TaskRunner runner) {
        return runner.execute(this);
    }

    public String title() {
        return title;
    }

    Work<T> work() {
        return work;
    }

    Runnable onRunning() {
        return onRunning;
    }

    Consumer<? super T> onSuccess() {
        return onSuccess;
    }

    Consumer<Throwable> onFailure() {
        return onFailure;
    }

    Consumer<Progress> onProgress() {
        return onProgress;
    }

    Runnable onCancelled() {
        return onCancelled;
    }

    Runnable onFinally() {
        return onFinally;
    }
}
