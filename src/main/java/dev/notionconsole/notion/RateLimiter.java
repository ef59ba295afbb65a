package dev.notionconsole.notion;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Client-side pacing for one connection: a token bucket shared by every {@link NotionClient} of that
 * connection, so bulk work stays under Notion's per-connection budget instead of tripping it
 * (docs/notion-api.md §4.5; docs/decisions/0012-pacing-token-bucket.md).
 *
 * <p>Notion counts requests in fixed 60-second windows. A bucket of capacity C refilled at r per second lets
 * through at most C + 60r requests in any 60 seconds, wherever the window boundary falls. We use C = 10% of
 * the limit and 60r = 85% of it: a short burst for interactive use, and 95% of the budget in the worst
 * window, leaving a margin for clock drift and for other users of the same connection.
 *
 * <p>Callers reserve a slot and are told how long to wait for it (waits queue up fairly: the bucket may go
 * into debt). After a 429 the whole connection pauses until Retry-After has passed ({@link #pauseFor}).
 */
public final class RateLimiter {
    public static final int STANDARD_PER_MINUTE = 180;
    public static final int BUSINESS_PER_MINUTE = 600;
    private static final double BURST_SHARE = 0.10;
    private static final double REFILL_SHARE = 0.85;

    private final int limitPerMinute;
    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;
    private long pausedUntil;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /**
     * What the status bar shows as the rate-limit budget: the burst bucket ({@code available} of {@code capacity}
     * may go out at once), its refill rate and the plan's limit.
     */
    public record Snapshot(int available, int capacity, int refillPerMinute, int limitPerMinute, Duration paused) {
        /**
         * "18 of 18 can go at once · then 153/min (180/min plan)": what the bucket models, in words. "60/60
         * requests available (600/min)" read as a contradiction, and the bucket refills at 85 % of the plan, not at
         * the plan's rate (issue 16, item 11).
         */
        public String describe() {
            if (limitPerMinute <= 0) {
                return "no client-side rate limit";
            }
            String s = available + " of " + capacity + " can go at once · then " + refillPerMinute + "/min ("
                    + limitPerMinute + "/min plan)";
            return paused.isZero() ? s : s + ", paused " + Wait.human(paused) + " after a 429";
        }

        /** Nothing left to change by itself: the bucket is full and no pause runs (or there is no limit). */
        public boolean settled() {
            return limitPerMinute <= 0 || (available >= capacity && paused.isZero());
        }
    }

    private RateLimiter(int limitPerMinute, double capacity, double perSecond, LongSupplier nanoTime) {
        this.limitPerMinute = limitPerMinute;
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.last = nanoTime.getAsLong();
        this.pausedUntil = last;
    }

    /** Pacing for a per-connection limit (180 by default, 600 on Business and Enterprise). */
    public static RateLimiter perMinute(int limit) {
        return perMinute(limit, System::nanoTime);
    }

    public static RateLimiter perMinute(int limit, LongSupplier nanoTime) {
        if (limit <= 0) {
            throw new IllegalArgumentException("The rate limit must be positive, or use RateLimiter.unlimited().");
        }
        double capacity = Math.max(1, Math.floor(limit * BURST_SHARE));
        return new RateLimiter(limit, capacity, limit * REFILL_SHARE / 60.0, nanoTime);
    }

    /** The default plan's limit. */
    public static RateLimiter standard() {
        return perMinute(STANDARD_PER_MINUTE);
    }

    /** An exact bucket, for tests and tools: capacity, refill per second. */
    public static RateLimiter of(int capacity, double perSecond, LongSupplier nanoTime) {
        return new RateLimiter((int) Math.round(perSecond * 60), capacity, perSecond, nanoTime);
    }

    /** No pacing (a local sandbox with rate limiting turned off). */
    public static RateLimiter unlimited() {
        return new RateLimiter(0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, System::nanoTime);
    }

    public boolean isUnlimited() {
        return limitPerMinute == 0 && Double.isInfinite(capacity);
    }

    /**
     * Takes a slot and returns how long to wait before using it (0 = go now). Waits include any pause after
     * a 429. A caller that gives up while waiting should {@link #refund()}.
     */
    public Duration reserve() {
        if (isUnlimited()) {
            return Duration.ZERO;
        }
        Duration wait = take();
        changed();
        return wait;
    }

    private synchronized Duration take() {
        long now = nanoTime.getAsLong();
        refill(now);
        tokens -= 1;
        long wait = Math.max(0, last - now);
        if (tokens < 0) {
            wait += (long) Math.ceil(-tokens / perNano);
        }
        return Duration.ofNanos(wait);
    }

    /** Gives back a reserved slot that was not used (the caller was cancelled while waiting). */
    public void refund() {
        if (!isUnlimited()) {
            synchronized (this) {
                tokens = Math.min(capacity, tokens + 1);
            }
            changed();
        }
    }

    /**
     * Notion said 429 with Retry-After: every caller of this connection holds off until then, and the bucket
     * starts empty afterwards (the server's window was spent, whatever our count said).
     */
    public void pauseFor(Duration retryAfter) {
        if (isUnlimited() || retryAfter.isNegative() || retryAfter.isZero()) {
            return;
        }
        synchronized (this) {
            long now = nanoTime.getAsLong();
            refill(now);
            long until = now + retryAfter.toNanos();
            if (until > last) {
                tokens = Math.min(tokens, 0);
                last = until;
            }
            pausedUntil = Math.max(pausedUntil, until);
        }
        changed();
    }

    /**
     * Tells {@code listener} (on the caller's thread, outside the lock, so it should only post work elsewhere)
     * each time a slot is reserved or refunded or a pause begins: what a display of the budget needs to wake up,
     * instead of polling a bucket that is full (the refill between changes is {@link #snapshot()}'s to compute).
     *
     * @return removes the listener
     */
    public Runnable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    /** Time left of a pause after a 429 (zero when none). */
    public synchronized Duration pauseRemaining() {
        return Duration.ofNanos(Math.max(0, pausedUntil - nanoTime.getAsLong()));
    }

    public synchronized Snapshot snapshot() {
        if (isUnlimited()) {
            return new Snapshot(0, 0, 0, 0, Duration.ZERO);
        }
        long now = nanoTime.getAsLong();
        refill(now);
        int available = (int) Math.max(0, Math.floor(tokens));
        return new Snapshot(available, (int) capacity, (int) Math.round(perNano * 60e9), limitPerMinute, Duration.ofNanos(Math.max(0, pausedUntil - now)));
    }

    private void refill(long now) {
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
        }
    }

    @Override
    public String toString() {
        return "RateLimiter[" + snapshot().describe() + "]";
    }
}
