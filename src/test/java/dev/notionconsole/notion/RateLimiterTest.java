package dev.notionconsole.notion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The pacing bucket against Notion's fixed 60-second window (docs/notion-api.md §4.5). */
class RateLimiterTest {
    final AtomicLong now = new AtomicLong(0);

    @ParameterizedTest
    @ValueSource(ints = {RateLimiter.STANDARD_PER_MINUTE, RateLimiter.BUSINESS_PER_MINUTE})
    void aGreedyCallerNeverExceedsTheLimitInAnySixtySeconds(int limit) {
        RateLimiter r = RateLimiter.perMinute(limit, now::get);
        Deque<Long> window = new ArrayDeque<>();
        long minute = Duration.ofSeconds(60).toNanos();
        int sent = 0;
        int maxInWindow = 0;
        long end = Duration.ofMinutes(10).toNanos();
        while (now.get() < end) {
            Duration wait = r.reserve();
            now.addAndGet(wait.toNanos());
            sent++;
            window.addLast(now.get());
            while (window.peekFirst() <= now.get() - minute) {
                window.pollFirst();
            }
            maxInWindow = Math.max(maxInWindow, window.size());
        }
        assertTrue(maxInWindow <= limit * 0.95 + 1, "at most " + maxInWindow + " in a sliding minute, limit " + limit);
        double perMinute = sent / 10.0;
        assertTrue(perMinute >= limit * 0.85, "sustained " + perMinute + "/min");
    }

    @Test
    void burstThenSteady() {
        RateLimiter r = RateLimiter.perMinute(180, now::get);
        RateLimiter.Snapshot s = r.snapshot();
        assertEquals(18, s.capacity());
        assertEquals(18, s.available());
        assertEquals(180, s.limitPerMinute());
        for (int i = 0; i < 18; i++) {
            assertEquals(Duration.ZERO, r.reserve());
        }
        assertEquals(0, r.snapshot().available());
        Duration wait = r.reserve();
        assertEquals(1000.0 / 2.55, wait.toNanos() / 1e6, 1.0, "one slot every 60/153 s");
        assertEquals("0 of 18 can go at once · then 153/min (180/min plan)", r.snapshot().describe());
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertEquals(18, r.snapshot().available(), "refills up to capacity, no further");
        assertEquals(60, RateLimiter.perMinute(600).snapshot().capacity());
        assertEquals("60 of 60 can go at once · then 510/min (600/min plan)", RateLimiter.perMinute(600).snapshot().describe());
    }

    @Test
    void pauseAfterA429HoldsEveryoneAndEmptiesTheBucket() {
        RateLimiter r = RateLimiter.perMinute(180, now::get);
        r.pauseFor(Duration.ofSeconds(20));
        assertEquals(Duration.ofSeconds(20), r.pauseRemaining());
        assertTrue(r.snapshot().describe().contains("paused 20 s"), r.snapshot().describe());
        assertTrue(r.reserve().compareTo(Duration.ofSeconds(20)) >= 0);
        now.addAndGet(Duration.ofSeconds(21).toNanos());
        assertEquals(Duration.ZERO, r.pauseRemaining());
    }

    @Test
    void refundAndUnlimited() {
        RateLimiter r = RateLimiter.of(1, 1, now::get);
        r.reserve();
        Duration second = r.reserve();
        assertEquals(1000, second.toMillis());
        r.refund();
        assertEquals(1000, r.reserve().toMillis(), "the refunded slot is the next one again");
        RateLimiter u = RateLimiter.unlimited();
        for (int i = 0; i < 1000; i++) {
            assertEquals(Duration.ZERO, u.reserve());
        }
        assertTrue(u.isUnlimited());
    }

    @Test
    void tellsItsListenersOfEveryChangeAndIsSettledOnlyWhenFullAndUnpaused() {
        RateLimiter r = RateLimiter.of(2, 1, now::get);
        AtomicInteger changes = new AtomicInteger();
        Runnable stop = r.onChange(changes::incrementAndGet);
        assertTrue(r.snapshot().settled(), "a full bucket has nothing to refresh");
        r.reserve();
        assertEquals(1, changes.get());
        assertFalse(r.snapshot().settled(), "it refills by itself now");
        r.refund();
        assertEquals(2, changes.get());
        assertTrue(r.snapshot().settled());
        r.pauseFor(Duration.ofSeconds(5));
        assertEquals(3, changes.get());
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertFalse(r.snapshot().settled(), "a pause runs");
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        assertTrue(r.snapshot().settled(), "the pause is over and the bucket full again");
        stop.run();
        r.reserve();
        assertEquals(3, changes.get(), "a removed listener hears nothing");
        assertTrue(RateLimiter.unlimited().snapshot().settled());
    }
}
