package dev.notionconsole.sandbox.ops.faults;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * One fault rule of a fixture's {@code faults} array (format: docs/sandbox-fixtures.md, "Fault rules").
 *
 * @param index      position in the fixture, for messages
 * @param method     HTTP method, or {@code *} for any
 * @param path       path pattern
 * @param status     HTTP status to answer with, or 0 for a "slow" rule that only delays the real answer
 * @param times      how often it fires: {@link #ALWAYS} (the default) or a positive count ("once" = 1)
 * @param skip       matching requests let through before it starts firing
 * @param delay      how long to wait before answering
 * @param retryAfter {@code Retry-After} seconds (defaults for 429 and 529)
 * @param variant    the {@code body} field: Notion envelope, saved-but-timed-out 503, edge HTML or empty
 * @param code       overrides the code that goes with the status (e.g. {@code database_connection_unavailable})
 * @param message    overrides the message
 * @param connection only requests made with this connection (by name), or null for all
 */
public record FaultRule(int index, String method, PathPattern path, int status, int times, int skip, Duration delay,
                        OptionalInt retryAfter, FaultVariant variant, String code, String message,
                        String connection) {
    public static final int ALWAYS = Integer.MAX_VALUE;

    boolean matches(String requestMethod, String requestPath, String connectionName) {
        return (method.equals("*") || method.equalsIgnoreCase(requestMethod))
                && (connection == null || connection.equals(connectionName))
                && path.matches(requestPath);
    }

    /** A one-line description for logs and the CLI: {@code PATCH /v1/pages/* -> 409 once}. */
    public String describe() {
        String what = status == 0 ? "delay " + delay.toMillis() + " ms" : String.valueOf(status);
        if (variant != FaultVariant.NOTION) {
            what += " " + variant.wireName();
        }
        String when = times == ALWAYS ? "always" : times == 1 ? "once" : times + " times";
        return method.toUpperCase(Locale.ROOT) + " " + path + " -> " + what + " " + when
                + (skip > 0 ? " after " + skip : "") + (connection != null ? " for \"" + connection + "\"" : "");
    }
}
