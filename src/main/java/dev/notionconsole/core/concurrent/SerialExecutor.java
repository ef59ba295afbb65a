package dev.notionconsole.core.concurrent;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs submitted work one piece at a time, in submission order, on a {@link TaskRunner}: for file writes that
 * must land in the order they were made (the newest snapshot last) without a thread of their own.
 */
public final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    private final TaskRunner runner;
    private final String title;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    /** @param title what the status bar shows while work runs, e.g. "Saving connections" */
    public SerialExecutor(TaskRunner runner, String title) {
        this.runner = runner;
        this.title = title;
    }

    @Override
    public void execute(Runnable command) {
        synchronized (this) {
            queue.add(command);
            if (running) {
                return;
            }
            running = true;
        }
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
