package dev.notionconsole.notion;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Ends one blocking {@code HttpClient.send} early, from another thread: on cancel or when the attempt's
 * time is up. It aborts our body subscriber (stops reading, closes the connection) and interrupts the
 * sending thread, which makes the JDK cancel the exchange (JDK 16+) and return at once. The interrupt is
 * only ever delivered while the send is running, and the caller clears it afterwards, so it cannot leak
 * into later work on that thread.
 *
 * <p>Deadlines are watched by one daemon thread that looks every {@value #WATCH_MILLIS} ms, rather than a
 * timer task per attempt: arming and disarming is then a set insertion, with no thread wake-up per call
 * (measured in ClientOverheadBench). The JDK's own request timeout still ends the wait for headers exactly.
 */
final class AttemptGuard {
    static final int NONE = 0;
    static final int CANCELLED = 1;
    static final int TIMED_OUT = 2;

    static final long WATCH_MILLIS = 100;
    private static final Set<AttemptGuard> WATCHED = ConcurrentHashMap.newKeySet();
    private static volatile Thread watchdog;

    private final Thread sender;
    private final CappedBodyHandler handler;
    private final long deadline;
    private boolean running = true;
    private int reason = NONE;

    /** Starts watching the attempt: it is aborted as TIMED_OUT once {@code timeoutNanos} have passed. */
    AttemptGuard(Thread sender, CappedBodyHandler handler, long timeoutNanos) {
        this.sender = sender;
        this.handler = handler;
        this.deadline = System.nanoTime() + timeoutNanos;
        WATCHED.add(this);
        ensureWatchdog();
    }

    /** Called from the cancelling or timer thread. */
    void abort(int why) {
        synchronized (this) {
            if (!running || reason != NONE) {
                return;
            }
            reason = why;
            sender.interrupt();
        }
        handler.abort();
    }

    /**
     * Called by the sender once send returned: no interrupt can come after this. Clears an interrupt we
     * delivered and returns why the attempt was aborted, or {@link #NONE}.
     */
    int finish() {
        WATCHED.remove(this);
        synchronized (this) {
            running = false;
            if (reason != NONE) {
                Thread.interrupted();
            }
            return reason;
        }
    }

    private static void ensureWatchdog() {
        if (watchdog != null) {
            return;
        }
        synchronized (AttemptGuard.class) {
            if (watchdog == null) {
                Thread t = new Thread(AttemptGuard::watch, "notion-client-deadlines");
                t.setDaemon(true);
                t.start();
                watchdog = t;
            }
        }
    }

    private static void watch() {
        while (true) {
            try {
                TimeUnit.MILLISECONDS.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (AttemptGuard g : WATCHED) {
                if (now - g.deadline >= 0) {
                    WATCHED.remove(g);
                    g.abort(TIMED_OUT);
                }
            }
        }
    }
}
