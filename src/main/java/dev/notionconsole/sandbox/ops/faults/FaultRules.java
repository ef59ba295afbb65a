package dev.notionconsole.sandbox.ops.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The fault rules of a sandbox: parsed from the fixture's {@code faults} array (problems named by their JSON
 * path, like the rest of fixture validation) and matched against requests in fixture order; the first rule
 * that matches and has firings left wins. Thread-safe: counting and matching happen under one lock.
 */
public final class FaultRules {
    static final Set<String> KEYS = Set.of("method", "path", "status", "times", "skip", "delay_ms", "retry_after",
            "body", "code", "message", "connection", "note");
    private static final Set<String> METHODS = Set.of("*", "GET", "POST", "PATCH", "PUT", "DELETE");
    private static final Set<String> WRITES = Set.of("POST", "PATCH", "PUT", "DELETE");
    private static final long MAX_DELAY_MS = 300_000;

    private final List<FaultRule> rules;
    private final int[] seen;
    private final int[] fired;

    private FaultRules(List<FaultRule> rules) {
        this.rules = List.copyOf(rules);
        this.seen = new int[rules.size()];
        this.fired = new int[rules.size()];
    }

    public static FaultRules none() {
        return new FaultRules(List.of());
    }

    public static FaultRules of(List<FaultRule> rules) {
        return new FaultRules(rules);
    }

    /**
     * Parses a {@code faults} array.
     *
     * @param at       the JSON path of the array, e.g. {@code faults}
     * @param problems receives one line per problem, e.g. {@code faults[2].status: must be 400 to 599, not 200}
     * @return the valid rules (the caller refuses the fixture when problems is not empty)
     */
    public static FaultRules parse(JsonNode array, String at, List<String> problems) {
        List<FaultRule> rules = new ArrayList<>();
        if (array == null || array.isNull() || array.isMissingNode()) {
            return none();
        }
        if (!array.isArray()) {
            problems.add(at + ": should be an array of fault rules");
            return none();
        }
        for (int i = 0; i < array.size(); i++) {
            FaultRule rule = parseRule(array.get(i), i, at + "[" + i + "]", problems);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return new FaultRules(rules);
    }

    private static FaultRule parseRule(JsonNode n, int index, String at, List<String> problems) {
        if (!n.isObject()) {
            problems.add(at + ": should be an object like {\"method\": \"GET\", \"path\": \"/v1/pages/*\", \"status\": 503}");
            return null;
        }
        int before = problems.size();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                problems.add(at + ": unknown field \"" + key + "\" (a fault rule has " + String.join(", ", sorted(KEYS)) + ")");
            }
        }
        String method = text(n, "method", at, problems, "*").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            problems.add(at + ".method: should be GET, POST, PATCH, PUT, DELETE or *, not \"" + method + "\"");
        }
        PathPattern path = null;
        String rawPath = text(n, "path", at, problems, null);
        if (rawPath == null) {
            problems.add(at + ".path: missing, e.g. \"/v1/pages/*\"");
        } else {
            try {
                path = PathPattern.parse(rawPath);
            } catch (IllegalArgumentException e) {
                problems.add(at + ".path: " + e.getMessage());
            }
        }
        FaultVariant variant = FaultVariant.NOTION;
        String rawVariant = text(n, "body", at, problems, null);
        if (rawVariant != null) {
            variant = FaultVariant.fromWire(rawVariant);
            if (variant == null) {
                problems.add(at + ".body: should be notion, saved_timeout, edge_html or empty, not \"" + rawVariant + "\"");
                variant = FaultVariant.NOTION;
            }
        }
        long delayMs = integer(n, "delay_ms", at, problems, 0, 0, MAX_DELAY_MS);
        int status = (int) integer(n, "status", at, problems, -1, 0, 599);
        if (status == -1) {
            if (variant == FaultVariant.SAVED_TIMEOUT) {
                status = 503;
            } else if (delayMs > 0) {
                status = 0; // a slow rule: delay the real answer
            } else {
                problems.add(at + ".status: missing (an HTTP error status, 400 to 599), unless the rule only sets delay_ms");
            }
        } else if (status < 400) {
            problems.add(at + ".status: should be an HTTP error status between 400 and 599");
        }
        String code = text(n, "code", at, problems, null);
        String message = text(n, "message", at, problems, null);
        if (variant == FaultVariant.NOTION && status >= 400 && code == null
                && FaultResponses.defaultCodeAndMessage(status) == null) {
            problems.add(at + ".code: missing; status " + status
                    + " has no default code (defaults exist for 409, 429, 500, 502, 503, 504, 529)");
        }
        if (code != null && message == null && FaultResponses.defaultCodeAndMessage(status) == null
                && variant == FaultVariant.NOTION) {
            problems.add(at + ".message: missing; a code for status " + status + " needs a message");
        }
        if (variant == FaultVariant.SAVED_TIMEOUT) {
            if (!WRITES.contains(method)) {
                problems.add(at + ".method: saved_timeout applies to writes only (POST, PATCH, PUT, DELETE)");
            }
            if (status != 503) {
                problems.add(at + ".status: saved_timeout answers 503, not " + status);
            }
        }
        int times = times(n.get("times"), at, problems);
        int skip = (int) integer(n, "skip", at, problems, 0, 0, Integer.MAX_VALUE);
        long retryAfter = integer(n, "retry_after", at, problems, -1, 0, 86_400);
        String connection = text(n, "connection", at, problems, null);
        if (problems.size() > before) {
            return null;
        }
        return new FaultRule(index, method, path, status, times, skip, Duration.ofMillis(delayMs),
                retryAfter < 0 ? OptionalInt.empty() : OptionalInt.of((int) retryAfter), variant, code, message,
                connection);
    }

    /**
     * The rule that answers this request instead of its handler (or, with status 0, only delays it), counting
     * it as fired. Rules with body saved_timeout are never returned here.
     */
    public Optional<FaultRule> before(String method, String path, String connectionName) {
        return match(method, path, connectionName, false);
    }

    /** The saved_timeout rule for a write that has just succeeded, counting it as fired. */
    public Optional<FaultRule> afterCommit(String method, String path, String connectionName) {
        return match(method, path, connectionName, true);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public List<FaultRule> rules() {
        return rules;
    }

    private synchronized Optional<FaultRule> match(String method, String path, String connection, boolean saved) {
        for (int i = 0; i < rules.size(); i++) {
            FaultRule r = rules.get(i);
            if ((r.variant() == FaultVariant.SAVED_TIMEOUT) != saved || !r.matches(method, path, connection)) {
                continue;
            }
            seen[i]++;
            if (seen[i] > r.skip() && fired[i] < r.times()) {
                fired[i]++;
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static int times(JsonNode t, String at, List<String> problems) {
        if (t == null || t.isNull()) {
            return FaultRule.ALWAYS;
        }
        if (t.isTextual() && t.asText().equals("once")) {
            return 1;
        }
        if (t.isTextual() && t.asText().equals("always")) {
            return FaultRule.ALWAYS;
        }
        if (t.isIntegralNumber() && t.asLong() >= 1 && t.asLong() < Integer.MAX_VALUE) {
            return t.asInt();
        }
        problems.add(at + ".times: should be once, always or a positive number, not " + t);
        return 1;
    }

    private static String text(JsonNode n, String key, String at, List<String> problems, String dflt) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(at + "." + key + ": should be a non-empty string, not " + v);
            return dflt;
        }
        return v.asText();
    }

    private static long integer(JsonNode n, String key, String at, List<String> problems, long dflt, long min,
                                long max) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            problems.add(at + "." + key + ": should be a whole number from " + min + " to " + max + ", not " + v);
            return dflt;
        }
        return v.asLong();
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
