package dev.notionconsole.notion;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to send again (docs/notion-api.md §4.5, docs/decisions/0011-retry-policy.md):
 * <ul>
 *   <li>429 and 529: after {@code Retry-After} (seconds or an HTTP date; else {@code additional_data.retry_after};
 *       else backoff), for every method, except {@code rate_limit_reason = public_api_request_blocked}, which
 *       never clears by waiting.</li>
 *   <li>500, 502, 503, 504: only for GET and DELETE, after exponential backoff with jitter. A write may
 *       have been saved even though it failed (503 {@code retry_guidance}), so it is never repeated blindly.</li>
 *   <li>Everything else is final: 4xx need fixing, not repeating.</li>
 * </ul>
 * A budget bounds it all: at most {@code maxRetries} retries, no single wait over {@code maxSingleWait}
 * (a longer Retry-After is handed back to the caller instead), and no more than {@code maxTotalWait} in all.
 *
 * @param maxRetries    retries after the first attempt
 * @param baseBackoff   first backoff step (doubles each retry)
 * @param maxBackoff    cap on one backoff step
 * @param maxSingleWait longest single wait the client takes on its own
 * @param maxTotalWait  longest the client waits in total for one call
 * @param jitter        randomise backoff (half fixed, half random) so parallel callers spread out
 */
public record RetryPolicy(int maxRetries, Duration baseBackoff, Duration maxBackoff, Duration maxSingleWait,
                          Duration maxTotalWait, boolean jitter) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        Objects.requireNonNull(baseBackoff);
        Objects.requireNonNull(maxBackoff);
        Objects.requireNonNull(maxSingleWait);
        Objects.requireNonNull(maxTotalWait);
    }

    /** 3 retries, backoff 1 s doubling to 30 s, single waits up to 2 min, 5 min in all. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(5), true);
    }

    /** Never retry: for tools that want to show the raw first answer. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO, false);
    }

    public RetryPolicy withMaxRetries(int n) {
        return new RetryPolicy(n, baseBackoff, maxBackoff, maxSingleWait, maxTotalWait, jitter);
    }

    public RetryPolicy withBackoff(Duration base, Duration max) {
        return new RetryPolicy(maxRetries, base, max, maxSingleWait, maxTotalWait, jitter);
    }

    public RetryPolicy withWaitBudget(Duration single, Duration total) {
        return new RetryPolicy(maxRetries, baseBackoff, maxBackoff, single, total, jitter);
    }

    public RetryPolicy withJitter(boolean on) {
        return new RetryPolicy(maxRetries, baseBackoff, maxBackoff, maxSingleWait, maxTotalWait, on);
    }

    /**
     * The wait before the next attempt, or empty when {@code answer} is final.
     *
     * @param retriesSoFar retries already made for this call
     * @param waitedSoFar  time already spent waiting between attempts of this call
     * @param now          the current wall-clock time (for an HTTP-date Retry-After)
     */
    public Optional<Wait> next(ApiRequest request, Exchange answer, int retriesSoFar, Duration waitedSoFar, Instant now) {
        if (retriesSoFar >= maxRetries) {
            return Optional.empty();
        }
        int status = answer.status();
        NotionError error = answer.error();
        Wait.Reason reason;
        if (status == 429 || status == 529) {
            if (error != null && error.blocked()) {
                return Optional.empty();
            }
            reason = status == 429 ? Wait.Reason.RATE_LIMITED : Wait.Reason.OVERLOADED;
        } else if ((status == 500 || status == 502 || status == 503 || status == 504) && request.idempotent()) {
            reason = Wait.Reason.SERVER_ERROR;
        } else {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = retryAfter(answer, now);
        Duration delay = retryAfter.orElseGet(() -> backoff(retriesSoFar + 1));
        if (delay.compareTo(maxSingleWait) > 0 || waitedSoFar.plus(delay).compareTo(maxTotalWait) > 0) {
            return Optional.empty();
        }
        StringBuilder detail = new StringBuilder().append(status);
        if (error != null && error.code() != null) {
            detail.append(' ').append(error.code());
            error.rateLimitReason().ifPresent(r -> detail.append(" (").append(r).append(')'));
        }
        detail.append(retryAfter.isPresent() ? ", Retry-After " + Wait.human(delay) : ", backoff " + Wait.human(delay));
        return Optional.of(new Wait(reason, delay, retriesSoFar + 2, detail.toString()));
    }

    /** Exponential backoff for the n-th retry (1-based): base * 2^(n-1), capped; with jitter half of it random. */
    public Duration backoff(int retry) {
        long base = baseBackoff.toMillis();
        long ms = base << Math.min(Math.max(retry - 1, 0), 20);
        ms = Math.min(ms, maxBackoff.toMillis());
        if (jitter && ms > 1) {
            ms = ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1);
        }
        return Duration.ofMillis(ms);
    }

    /**
     * {@code Retry-After} as a duration: whole (or decimal) seconds, or an HTTP date (RFC 7231); a date in
     * the past means "now". Falls back to {@code additional_data.retry_after} (docs/notion-api.md §4.5).
     */
    public static Optional<Duration> retryAfter(Exchange answer, Instant now) {
        Optional<Duration> fromHeader = answer.header("retry-after").flatMap(v -> parseRetryAfter(v, now));
        if (fromHeader.isPresent()) {
            return fromHeader;
        }
        NotionError error = answer.error();
        return error == null ? Optional.empty() : error.additional("retry_after").flatMap(v -> parseRetryAfter(v, now));
    }

    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.matches("\\d{1,9}(\\.\\d+)?")) {
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
