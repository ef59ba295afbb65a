package dev.notionconsole.core.concurrent;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs submitted work one piece at a time, in submission order, on a {@link TaskRunner}: for file writes that
 * must land in the order they were made (the newest snapshot last) without a thread of their own. It can be
 * {@linkplain #hold held}: work is queued but not started until {@link #release}, so that writes no one waits for
 * stay off the processors while the app starts.
 */
public final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    private final TaskRunner runner;
    private final String title;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean running;
    private boolean held;

    /** @param title what the status bar shows while work runs, e.g. "Saving connections" */
    public SerialExecutor(TaskRunner runner, String title) {
        this.runner = runner;
        this.title = title;
    }

    @Override
    public void execute(Runnable command) {
        synchronized (this) {
            queue.add(command);
            if (running || held) {
                return;
            }
            running = true;
        }
        drainOnRunner();
    }

    /** From now until {@link #release}, work is queued in order and none of it starts. */
    public synchronized void hold() {
        held = true;
    }

    /**
     * Starts what was held, in order, and stops holding. {@code here}: runs it on this thread before returning, for
     * a caller that is shutting the runner down; otherwise on the runner as usual. Does nothing when not held.
     */
    public void release(boolean here) {
        synchronized (this) {
            if (!held) {
                return;
            }
            held = false;
            if (running || queue.isEmpty()) {
                return;
            }
            running = true;
        }
        if (here) {
            drain();
        } else {
            drainOnRunner();
        }
    }

    private void drainOnRunner() {
        BackgroundTask.of(title, ctx -> {
            drain();
            return null;
        }).executeWith(runner);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // one failed write must not stop the ones queued behind it
                LOG.error("{} failed", title, e);
            }
        }
    }
}
