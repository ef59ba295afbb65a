package dev.notionconsole.sandbox.ops.ratelimit;

import java.util.OptionalInt;

/**
 * The outcome of {@link RateLimits#acquire}: allowed, or refused with the reason and, unless the reason is
 * {@link RateLimitReason#BLOCKED}, the whole seconds to wait (the {@code Retry-After} header value).
 */
public record RateLimitDecision(boolean allowed, RateLimitReason reason, OptionalInt retryAfterSeconds) {
    static final RateLimitDecision ALLOWED = new RateLimitDecision(true, null, OptionalInt.empty());

    static RateLimitDecision refused(RateLimitReason reason, long waitNanos) {
        // Round up: a client that waits exactly Retry-After seconds must find the window reset.
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return new RateLimitDecision(false, reason, OptionalInt.of((int) seconds));
    }

    static RateLimitDecision blocked() {
        return new RateLimitDecision(false, RateLimitReason.BLOCKED, OptionalInt.empty());
    }
}
