package dev.notionconsole.core.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task runner: work runs on one executor, every callback on another ({@code Platform::runLater} in the GUI),
 * so ViewModels change their state on one thread only. Two set-ups: a bounded pool of daemon threads (this
 * class's public constructor; {@code ui.common.FxTaskRunner}), and everything on the calling thread
 * ({@link InlineTaskRunner}, for tests and the command line).
 *
 * <p>Every task ends with exactly one outcome (success, failure or cancelled) followed by {@code onFinally},
 * also when it is cancelled while still queued or the runner closes before it ran (decision 0080).
 * Cancellation goes through the task's {@link CancellationToken}: cancelling the handle or the token is
 * the same for a queued task (it never starts); a running one sees the token, and {@link TaskHandle#cancel()} also
 * interrupts its pool thread after the token's callbacks ran.
 */
public final class ExecutorTaskRunner implements TaskRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorTaskRunner.class);

    private final ExecutorService pool;
    private final Executor work;
    private final Executor callbacks;
    private final Consumer<Throwable> uncaughtFailures;
    private final boolean interruptOnCancel;
    private final ActivityTracker activity = new ActivityTracker();
    /** Jobs submitted while {@link #hold held}, in order; guarded by itself, as is {@code held}. */
    private final List<Job<?>> heldJobs = new ArrayList<>();
    private boolean held;

    /**
     * A pool of daemon worker threads.
     *
     * @param threads worker threads
     * @param callbacks where callbacks run
     * @param uncaughtFailures receives failures of tasks that have no failure callback (on {@code callbacks})
     */
    public ExecutorTaskRunner(int threads, Executor callbacks, Consumer<Throwable> uncaughtFailures) {
        this(Executors.newFixedThreadPool(threads, daemonThreads()), callbacks, uncaughtFailures);
    }

    private ExecutorTaskRunner(ExecutorService pool, Executor callbacks, Consumer<Throwable> uncaughtFailures) {
        this.pool = pool;
        this.work = pool;
        this.callbacks = callbacks;
        this.uncaughtFailures = uncaughtFailures;
        this.interruptOnCancel = true;
    }

    /** Work and callbacks on the calling thread; a failure without a failure callback goes to {@code uncaughtFailures}. */
    ExecutorTaskRunner(Consumer<Throwable> uncaughtFailures) {
        this.pool = null;
        this.work = Runnable::run;
        this.callbacks = Runnable::run;
        this.uncaughtFailures = uncaughtFailures;
        this.interruptOnCancel = false; // the calling thread is not ours to interrupt
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        Job<T> job = new Job<>(task, activity.started(task.title()));
        callbacks.execute(task.onRunning());
        synchronized (heldJobs) {
            if (held) {
                heldJobs.add(job); // shown as running in the status bar; cancellable as if queued
                return job;
            }
        }
        submit(job);
        return job;
    }

    private void submit(Job<?> job) {
        try {
            work.execute(job);
        } catch (RejectedExecutionException closed) {
            // the runner was closed (app stopping, or a test's @Stop): the work is cancelled, not an error
            LOG.debug("Task '{}' submitted after close; cancelled", job.task.title());
            job.token.cancel();
        }
    }

    /**
     * From now until {@link #release}, submitted tasks wait, in order, without starting: the app holds what its
     * sections start while the window draws its first frames (the keychain probe, secret reads), so the two share
     * no processor with them (docs/decisions/0200). A held task can be cancelled; {@link #close} cancels them.
     */
    public void hold() {
        synchronized (heldJobs) {
            held = true;
        }
    }

    /** Starts the held tasks in the order they came and stops holding. Does nothing when not held. */
    public void release() {
        List<Job<?>> jobs;
        synchronized (heldJobs) {
            held = false;
            jobs = new ArrayList<>(heldJobs);
            heldJobs.clear();
        }
        jobs.forEach(this::submit);
    }

    @Override
    public ActivityTracker activity() {
        return activity;
    }

    /** Stops the workers: running tasks are interrupted and cancelled, queued ones get their cancelled outcome. */
    @Override
    public void close() {
        List<Job<?>> heldNever;
        synchronized (heldJobs) {
            heldNever = new ArrayList<>(heldJobs);
            heldJobs.clear();
        }
        heldNever.forEach(job -> job.token.cancel());
        if (pool == null) {
            return;
        }
        for (Runnable never : pool.shutdownNow()) {
            if (never instanceof Job<?> job) {
                job.token.cancel();
            }
        }
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private enum State { QUEUED, RUNNING, DONE }

    /** One submitted task: queued, then running, then done; the outcome is delivered exactly once. */
    private final class Job<T> implements Runnable, TaskHandle {
        private final BackgroundTask<T> task;
        private final long activityId;
        private final CancellationToken token = new CancellationToken();
        private State state = State.QUEUED; // guarded by this
        private Thread runner; // guarded by this, set while RUNNING

        Job(BackgroundTask<T> task, long activityId) {
            this.task = task;
            this.activityId = activityId;
            token.onCancel(this::cancelled);
        }

        private void cancelled() {
            synchronized (this) {
                if (state == State.RUNNING) {
                    return; // the running work sees the token and ends as cancelled
                }
                if (state == State.DONE) {
                    return;
                }
                state = State.DONE; // still queued: it will never run
            }
            deliver(task.onCancelled());
        }

        @Override
        public void run() {
            synchronized (this) {
                if (state != State.QUEUED) {
                    return; // cancelled while queued, outcome already delivered
                }
                state = State.RUNNING;
                runner = Thread.currentThread();
            }
            Runnable outcome;
            try {
                T result = task.work().call(context());
                outcome = token.isCancelled() ? task.onCancelled() : () -> task.onSuccess().accept(result);
            } catch (Throwable t) {
                boolean cancelled = token.isCancelled() || t instanceof CancellationException || t instanceof InterruptedException;
                outcome = cancelled ? task.onCancelled() : () -> fail(t);
            } finally {
                synchronized (this) {
                    state = State.DONE;
                    runner = null;
                }
                if (interruptOnCancel) {
                    Thread.interrupted(); // a cancel's interrupt must not leak into the pool thread's next task
                }
            }
            deliver(outcome);
        }

        /** The activity ends before the callbacks run, so a callback sees the status bar it leaves behind. */
        private void deliver(Runnable outcome) {
            activity.finished(activityId);
            callbacks.execute(() -> {
                try {
                    outcome.run();
                } finally {
                    task.onFinally().run();
                }
            });
        }

        private void fail(Throwable t) {
            if (task.onFailure() != null) {
                task.onFailure().accept(t);
            } else {
                LOG.error("Background task '{}' failed", task.title(), t);
                uncaughtFailures.accept(t);
            }
        }

        private TaskContext context() {
            return TaskContext.of(token, (fraction, message) -> {
                Progress p = new Progress(fraction, message);
                activity.progressed(activityId, p);
                callbacks.execute(() -> task.onProgress().accept(p));
            });
        }

        /**
         * Cancels the token (the work's own cancel callbacks run first, e.g. a listener closes), then interrupts a
         * running task's pool thread for work blocked in an interruptible call.
         */
        @Override
        public void cancel() {
            token.cancel();
            synchronized (this) {
                if (state == State.RUNNING && interruptOnCancel && runner != null) {
                    runner.interrupt();
                }
            }
        }

        @Override
        public synchronized boolean isDone() {
            return state == State.DONE;
        }

        @Override
        public CancellationToken cancellation() {
            return token;
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
