package dev.notionconsole.notion;

import dev.notionconsole.core.concurrent.CancellationToken;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How the client waits (pacing, Retry-After, backoff). Injectable so tests need not really sleep. */
@FunctionalInterface
public interface Sleeper {
    /** Waits on the cancellation token: cancel ends the wait at once. */
    Sleeper REAL = (d, cancel) -> cancel.sleep(d.toNanos(), TimeUnit.NANOSECONDS);

    /**
     * @throws java.util.concurrent.CancellationException when cancelled before or during the wait
     */
    void sleep(Duration duration, CancellationToken cancel) throws InterruptedException;
}
