package dev.notionconsole.core.concurrent;

/** A submitted task. */
public interface TaskHandle {
    void cancel();

    boolean isDone();

    CancellationToken cancellation();
}
