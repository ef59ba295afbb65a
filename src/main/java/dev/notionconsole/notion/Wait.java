package dev.notionconsole.notion;

import java.time.Duration;
import java.util.Objects;

/**
 * A pause the client is about to take before sending (again), reported through {@link CallObserver#onWait}
 * so a UI can say "Waiting 12 s: rate limited" and offer Cancel.
 *
 * @param reason   why
 * @param duration how long
 * @param attempt  the attempt that will follow the wait (1 = first send, 2 = first retry, ...)
 * @param detail   a short human note, e.g. "429 rate_limited (public_api_request_rate_limit), Retry-After 12"
 */
public record Wait(Reason reason, Duration duration, int attempt, String detail) {

    public enum Reason {
        /** Client-side pacing: the connection's request budget is spent for the moment. */
        PACING("pacing requests to stay under the rate limit"),
        /** 429 from Notion. */
        RATE_LIMITED("rate limited"),
        /** 529 service_overload from Notion. */
        OVERLOADED("Notion is overloaded"),
        /** 500/502/503/504 on a GET or DELETE. */
        SERVER_ERROR("server error, retrying");

        private final String phrase;

        Reason(String phrase) {
            this.phrase = phrase;
        }

        public String phrase() {
            return phrase;
        }
    }

    public Wait {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(duration, "duration");
        detail = detail == null ? "" : detail;
    }

    /** "Waiting 12 s: rate limited (retry 2)". Sub-second waits are shown in milliseconds. */
    public String describe() {
        String retry = attempt > 1 && reason != Reason.PACING ? " (retry " + (attempt - 1) + ")" : "";
        return "Waiting " + human(duration) + ": " + reason.phrase() + retry;
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = (ms + 500) / 1000;
        if (s < 120) {
            return s + " s";
        }
        return (s / 60) + " min " + (s % 60) + " s";
    }
}
