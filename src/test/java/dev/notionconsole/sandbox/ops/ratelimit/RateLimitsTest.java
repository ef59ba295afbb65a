package dev.notionconsole.sandbox.ops.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
    private final long[] now = {1_000_000_000_000L};

    private RateLimits limits(RateLimitPolicy policy) {
        return new RateLimits(policy, () -> now[0]);
    }

    private void advance(Duration d) {
        now[0] += d.toNanos();
    }

    private static int allowedOf(RateLimits limits, int attempts, String token, String ws, String plan) {
        int ok = 0;
        for (int i = 0; i < attempts; i++) {
            if (limits.acquire(token, ws, plan).allowed()) {
                ok++;
            }
        }
        return ok;
    }

    @Test
    void freePlanAllows180PerWindowInOneBurstThenTellsWhenTheWindowResets() {
        RateLimits limits = limits(RateLimitPolicy.defaults());
        assertEquals(180, allowedOf(limits, 180, "bot-a", "ws", "free"));
        advance(Duration.ofMillis(20_500));
        RateLimitDecision refused = limits.acquire("bot-a", "ws", "free");
        assertFalse(refused.allowed());
        assertEquals(RateLimitReason.CONNECTION, refused.reason());
        assertEquals("public_api_request_rate_limit", refused.reason().wireValue());
        // window opened at t=0, now t=20.5 s: 39.5 s left, rounded up
        assertEquals(OptionalInt.of(40), refused.retryAfterSeconds());

        advance(Duration.ofMillis(39_499));
        assertFalse(limits.acquire("bot-a", "ws", "free").allowed(), "1 ms before the reset");
        advance(Duration.ofMillis(1));
        assertTrue(limits.acquire("bot-a", "ws", "free").allowed(), "at the reset a new window opens");
        assertEquals(179, limits.remainingForToken("bot-a"));
    }

    @Test
    void businessAndEnterprisePlansGet600AndOtherPlans180() {
        RateLimits limits = limits(RateLimitPolicy.defaults());
        assertEquals(600, allowedOf(limits, 700, "b1", "ws-b", "business"));
        assertEquals(600, allowedOf(limits, 700, "e1", "ws-e", "Enterprise"));
        assertEquals(180, allowedOf(limits, 700, "p1", "ws-p", "plus"));
        assertEquals(180, allowedOf(limits, 700, "n1", "ws-n", null));
    }

    @Test
    void eachTokenHasItsOwnBudget() {
        RateLimits limits = limits(RateLimitPolicy.defaults());
        assertEquals(180, allowedOf(limits, 200, "bot-a", "ws", "free"));
        assertEquals(180, allowedOf(limits, 200, "bot-b", "ws", "free"));
    }

    @Test
    void theWorkspaceBudgetIsSharedAndItsRetryAfterCanExceedSixtySeconds() {
        RateLimitPolicy policy = RateLimitPolicy.defaults().withWorkspaceBudget(250, Duration.ofSeconds(300));
        RateLimits limits = limits(policy);
        assertEquals(180, allowedOf(limits, 180, "bot-a", "ws", "free"));
        advance(Duration.ofSeconds(1));
        assertEquals(70, allowedOf(limits, 180, "bot-b", "ws", "free"));
        RateLimitDecision refused = limits.acquire("bot-c", "ws", "free");
        assertEquals(RateLimitReason.WORKSPACE, refused.reason());
        assertEquals("public_api_space_request_rate_limit", refused.reason().wireValue());
        assertEquals(OptionalInt.of(299), refused.retryAfterSeconds());
        assertTrue(limits.acquire("bot-c", "other-ws", "free").allowed(), "other workspaces are not affected");

        // bot-b's own window resets after 60 s but the workspace budget still refuses it
        advance(Duration.ofSeconds(61));
        assertEquals(RateLimitReason.WORKSPACE, limits.acquire("bot-b", "ws", "free").reason());
        advance(Duration.ofSeconds(300));
        assertTrue(limits.acquire("bot-b", "ws", "free").allowed());
    }

    @Test
    void aRefusedRequestSpendsNeitherBudget() {
        RateLimitPolicy policy = RateLimitPolicy.defaults().withCommandLineValue("5")
                .withWorkspaceBudget(8, Duration.ofSeconds(300));
        RateLimits limits = limits(policy);
        assertEquals(5, allowedOf(limits, 50, "bot-a", "ws", "free"));
        // bot-a's 45 refusals did not eat the workspace budget: 3 remain for bot-b
        assertEquals(3, allowedOf(limits, 50, "bot-b", "ws", "free"));
    }

    @Test
    void defaultWorkspaceBudgetLetsOneConnectionRunFlatOutButNotThree() {
        RateLimits limits = limits(RateLimitPolicy.defaults());
        int refusedForWorkspace = 0;
        for (int minute = 0; minute < 5; minute++) {
            assertEquals(180, allowedOf(limits, 180, "solo", "ws-solo", "free"), "minute " + minute);
            for (String bot : List.of("a", "b", "c")) {
                for (int i = 0; i < 180; i++) {
                    RateLimitDecision d = limits.acquire(bot, "ws-busy", "free");
                    if (!d.allowed() && d.reason() == RateLimitReason.WORKSPACE) {
                        refusedForWorkspace++;
                    }
                }
            }
            advance(Duration.ofSeconds(60));
        }
        assertTrue(refusedForWorkspace > 0, "three connections at full speed reach the workspace budget");
    }

    @Test
    void theCommandLineOverridesThePlanOrTurnsBudgetsOff() {
        RateLimits limited = limits(RateLimitPolicy.defaults().withCommandLineValue("10"));
        assertEquals(10, allowedOf(limited, 50, "t", "ws", "enterprise"));

        RateLimits off = limits(RateLimitPolicy.defaults().withCommandLineValue("OFF"));
        assertEquals(5000, allowedOf(off, 5000, "t", "ws", "free"));

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> RateLimitPolicy.defaults().withCommandLineValue("fast"));
        assertEquals("--rate-limit must be a number of requests per minute or 'off', not 'fast'", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RateLimitPolicy.defaults().withCommandLineValue("0"));
    }

    @Test
    void blockedNeverClearsHasNoRetryAfterAndSurvivesBudgetsOff() {
        RateLimits limits = limits(RateLimitPolicy.defaults().withCommandLineValue("off")
                .withBlocked(Set.of("bot-blocked", "ws-blocked")));
        for (int i = 0; i < 3; i++) {
            RateLimitDecision d = limits.acquire("bot-blocked", "ws", "free");
            assertEquals(RateLimitReason.BLOCKED, d.reason());
            assertEquals("public_api_request_blocked", d.reason().wireValue());
            assertTrue(d.retryAfterSeconds().isEmpty());
            advance(Duration.ofDays(1));
        }
        assertEquals(RateLimitReason.BLOCKED, limits.acquire("any-bot", "ws-blocked", "free").reason());
        assertTrue(limits.acquire("bot-ok", "ws", "free").allowed());
    }

    @Test
    void concurrentCallersNeverOverspendTheBudget() throws Exception {
        RateLimits limits = new RateLimits(RateLimitPolicy.defaults()); // real clock: the test takes < 60 s
        AtomicInteger allowed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 100; i++) {
                    if (limits.acquire("shared", "ws", "business").allowed()) {
                        allowed.incrementAndGet();
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        start.countDown();
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(600, allowed.get());
    }
}
