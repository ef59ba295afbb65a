package dev.notionconsole.sandbox.ops.ratelimit;

/**
 * A fixed-window request budget: the window opens with the first request and everything up to {@code budget}
 * in it is allowed, in any burst; the rest waits for the window to end (docs/notion-api.md §4.5: "fixed budget per
 * 60-second window ... can be spent in a burst; Retry-After is time to window reset").
 *
 * <p>Not thread-safe on its own: {@link RateLimits} guards its windows with one lock, so that the connection
 * and workspace budgets are checked and spent together.
 */
final class FixedWindow {
    private final int budget;
    private final long windowNanos;
    private long windowStart;
    private boolean open;
    private int used;

    FixedWindow(int budget, long windowNanos) {
        if (budget < 1 || windowNanos < 1) {
            throw new IllegalArgumentException("budget and window must be positive");
        }
        this.budget = budget;
        this.windowNanos = windowNanos;
    }

    /** Whether one more request fits now (rolls over to a fresh window when the old one has ended). */
    boolean hasRoom(long now) {
        roll(now);
        return used < budget;
    }

    /** Spends one request; call only after {@link #hasRoom(long)} said yes at the same instant. */
    void spend(long now) {
        roll(now);
        if (!open) {
            open = true;
            windowStart = now;
        }
        used++;
    }

    /** Nanoseconds until the current window ends (0 when no window is open). */
    long nanosUntilReset(long now) {
        roll(now);
        return open ? windowStart + windowNanos - now : 0;
    }

    int remaining(long now) {
        roll(now);
        return budget - used;
    }

    int budget() {
        return budget;
    }

    private void roll(long now) {
        if (open && now - windowStart >= windowNanos) {
            open = false;
            used = 0;
        }
    }
}
