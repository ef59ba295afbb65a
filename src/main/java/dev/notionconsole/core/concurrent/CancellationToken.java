package dev.notionconsole.core.concurrent;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cooperative cancellation shared by background tasks, the HTTP client (which aborts the exchange in flight
 * and any retry or pacing wait) and listeners such as the OAuth redirect listener.
 */
public final class CancellationToken {
    private static final CancellationToken NONE = new CancellationToken();

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private final Object sleepLock = new Object();

    /** A token that is never cancelled. */
    public static CancellationToken none() {
        return NONE;
    }

    public void cancel() {
        if (this == NONE || !cancelled.compareAndSet(false, true)) {
            return;
        }
        synchronized (sleepLock) {
            sleepLock.notifyAll();
        }
        for (Runnable r : callbacks) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // a failing callback must not keep the others from running
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new CancellationException("Cancelled");
        }
    }

    /**
     * Runs {@code callback} when the token is cancelled (at once if it already is).
     *
     * @return a handle that unregisters the callback
     */
    public Runnable onCancel(Runnable callback) {
        callbacks.add(callback);
        if (isCancelled()) {
            callback.run();
        }
        return () -> callbacks.remove(callback);
    }

    /**
     * Sleeps for the given time unless cancelled first.
     *
     * @throws CancellationException if the token is cancelled before or during the wait
     */
    public void sleep(long duration, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(duration);
        synchronized (sleepLock) {
            while (!isCancelled()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(sleepLock, left);
            }
        }
        throw new CancellationException("Cancelled");
    }
}
