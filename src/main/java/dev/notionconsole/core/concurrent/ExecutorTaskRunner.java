package dev.notionconsole.core.concurrent;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on a bounded pool of daemon threads and delivers every callback through {@code callbacks}
 * ({@code Platform::runLater} in the GUI), so ViewModels change their state on one thread only.
 */
public final class ExecutorTaskRunner implements TaskRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorTaskRunner.class);

    private final ExecutorService workers;
    private final Executor callbacks;
    private final Consumer<Throwable> uncaughtFailures;
    private final ActivityTracker activity = new ActivityTracker();

    /**
     * @param threads worker threads
     * @param callbacks where callbacks run
     * @param uncaughtFailures receives failures of tasks that have no failure callback (on {@code callbacks})
     */
    public ExecutorTaskRunner(int threads, Executor callbacks, Consumer<Throwable> uncaughtFailures) {
        this.workers = Executors.newFixedThreadPool(threads, daemonThreads());
        this.callbacks = callbacks;
        this.uncaughtFailures = uncaughtFailures;
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        CancellationToken token = new CancellationToken();
        long id = activity.started(task.title());
        TaskContext context = new TaskContext() {
            @Override
            public CancellationToken cancellation() {
                return token;
            }

            @Override
            public void progress(double fraction, String message) {
                Progress p = new Progress(fraction, message);
                activity.progressed(id, p);
                callbacks.execute(() -> task.onProgress().accept(p));
            }
        };
        callbacks.execute(task.onRunning());
        Future<?> future;
        try {
            future = submit(task, context, token, id);
        } catch (RejectedExecutionException closed) {
            // the runner was closed (app stopping, or a test's @Stop): the work is cancelled, not an error
            LOG.debug("Task '{}' submitted after close; cancelled", task.title());
            token.cancel();
            activity.finished(id);
            callbacks.execute(() -> finish(task, task.onCancelled()));
            future = java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        Future<?> submitted = future;
        return new TaskHandle() {
            @Override
            public void cancel() {
                token.cancel();
                submitted.cancel(true);
            }

            @Override
            public boolean isDone() {
                return submitted.isDone();
            }

            @Override
            public CancellationToken cancellation() {
                return token;
            }
        };
    }

    private <T> Future<?> submit(BackgroundTask<T> task, TaskContext context, CancellationToken token, long id) {
        return workers.submit(() -> {
            Runnable outcome;
            try {
                T result = task.work().call(context);
                outcome = token.isCancelled() ? task.onCancelled() : () -> task.onSuccess().accept(result);
            } catch (Throwable t) {
                boolean cancelled = token.isCancelled() || t instanceof CancellationException
                        || t instanceof InterruptedException;
                outcome = cancelled ? task.onCancelled() : () -> fail(task, t);
            }
            // the activity ends before the callbacks run, so a callback sees the status bar it leaves behind
            activity.finished(id);
            Runnable deliver = outcome;
            callbacks.execute(() -> finish(task, deliver));
        });
    }

    private <T> void fail(BackgroundTask<T> task, Throwable t) {
        if (task.onFailure() != null) {
            task.onFailure().accept(t);
        } else {
            LOG.error("Background task '{}' failed", task.title(), t);
            uncaughtFailures.accept(t);
        }
    }

    private static <T> void finish(BackgroundTask<T> task, Runnable outcome) {
        try {
            outcome.run();
        } finally {
            task.onFinally().run();
        }
    }

    @Override
    public ActivityTracker activity() {
        return activity;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
