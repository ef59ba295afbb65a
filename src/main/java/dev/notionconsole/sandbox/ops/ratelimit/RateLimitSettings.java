package dev.notionconsole.sandbox.ops.ratelimit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The fixture's optional {@code rate_limits} object (docs/sandbox-fixtures.md):
 * <pre>{@code
 * "rate_limits": {
 *   "blocked": ["retired-importer", "globex"],   // connection or workspace ids: 429 public_api_request_blocked, always
 *   "workspace_budget": 1800,                     // requests per window for each workspace, all connections together
 *   "workspace_window_seconds": 300
 * }
 * }</pre>
 * The per-connection budget is not set here: it follows each workspace's {@code plan} (notion-api.md 4.5).
 *
 * @param blocked                connection or workspace ids as written in the fixture
 * @param workspaceBudget        empty: 10 x the per-minute budget
 * @param workspaceWindowSeconds empty: 300
 */
public record RateLimitSettings(List<String> blocked, OptionalInt workspaceBudget, OptionalInt workspaceWindowSeconds) {
    private static final Set<String> KEYS = Set.of("blocked", "workspace_budget", "workspace_window_seconds", "note");

    public static RateLimitSettings none() {
        return new RateLimitSettings(List.of(), OptionalInt.empty(), OptionalInt.empty());
    }

    /**
     * @param known    whether a blocked entry names a connection or workspace of the fixture
     * @param problems receives {@code rate_limits.blocked[0]: no connection or workspace with id "x"} and the like
     */
    public static RateLimitSettings parse(JsonNode n, String at, Predicate<String> known, List<String> problems) {
        if (n == null || n.isNull()) {
            return none();
        }
        if (!n.isObject()) {
            problems.add(at + ": should be an object with blocked, workspace_budget, workspace_window_seconds");
            return none();
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                problems.add(at + ": unknown field \"" + k + "\" (rate_limits has blocked, workspace_budget, "
                        + "workspace_window_seconds)");
            }
        }
        List<String> blocked = new ArrayList<>();
        JsonNode b = n.get("blocked");
        if (b != null && !b.isNull()) {
            if (!b.isArray()) {
                problems.add(at + ".blocked: should be an array of connection or workspace ids");
            } else {
                for (int i = 0; i < b.size(); i++) {
                    JsonNode e = b.get(i);
                    if (!e.isTextual() || !known.test(e.asText())) {
                        problems.add(at + ".blocked[" + i + "]: no connection or workspace with id " + e);
                    } else {
                        blocked.add(e.asText());
                    }
                }
            }
        }
        return new RateLimitSettings(List.copyOf(blocked), positive(n, "workspace_budget", at, problems),
                positive(n, "workspace_window_seconds", at, problems));
    }

    private static OptionalInt positive(JsonNode n, String key, String at, List<String> problems) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return OptionalInt.empty();
        }
        if (!v.isInt() || v.intValue() < 1) {
            problems.add(at + "." + key + ": should be a whole number of at least 1, not " + v);
            return OptionalInt.empty();
        }
        return OptionalInt.of(v.intValue());
    }
}
