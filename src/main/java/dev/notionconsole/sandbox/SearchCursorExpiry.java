package dev.notionconsole.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * When the sandbox's search cursors stop working (explorer-diagnostics.md §0.2: Notion's expire about 11,200
 * results or about 50 s into a walk, with 400 {@code The start_cursor provided is invalid: <cursor>}). A walk is
 * the chain of cursors that starts with a search without {@code start_cursor}; its cursors expire once the walk
 * has been given {@code afterResults} results, or is {@code afterTime} old. {@code times} caps how many walks are
 * cut (null: every walk), so a test can model one index change and see a restart complete. Off by default.
 *
 * <p>Set by {@code sandbox --search-cursor-expiry results=N,seconds=S,times=K}, by
 * {@link SandboxOptions.Builder#searchCursorExpiry}, or in a fixture as
 * {@code "search_cursors": {"expire_after_results": N, "expire_after_seconds": S, "times": K}}.
 */
public record SearchCursorExpiry(Integer afterResults, Duration afterTime, Integer times) {
    public static final SearchCursorExpiry OFF = new SearchCursorExpiry(null, null, null);

    public SearchCursorExpiry {
        if (afterResults != null && afterResults < 1) {
            throw new IllegalArgumentException("the number of results after which search cursors expire must be at least 1, not " + afterResults);
        }
        if (afterTime != null && (afterTime.isNegative() || afterTime.isZero())) {
            throw new IllegalArgumentException("the age after which search cursors expire must be positive, not " + afterTime);
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1, not " + times);
        }
    }

    public boolean off() {
        return afterResults == null && afterTime == null;
    }

    /** Parses {@code results=500,seconds=50,times=1} (any subset, at least results or seconds), or {@code off}. */
    public static SearchCursorExpiry parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("off")) {
            return OFF;
        }
        Integer results = null;
        Duration time = null;
        Integer times = null;
        for (String part : s.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("\"" + part.trim() + "\" is not key=value (results=N, seconds=S, times=K)");
            }
            int value;
            try {
                value = Integer.parseInt(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + kv[1].trim() + "\" is not a whole number (in " + part.trim() + ")");
            }
            switch (kv[0].trim()) {
                case "results" -> results = value;
                case "seconds" -> time = Duration.ofSeconds(value);
                case "times" -> times = value;
                default -> throw new IllegalArgumentException("unknown key \"" + kv[0].trim() + "\": use results, seconds or times");
            }
        }
        if (results == null && time == null) {
            throw new IllegalArgumentException("say after how many results or seconds cursors expire (results=N or seconds=S)");
        }
        return new SearchCursorExpiry(results, time, times);
    }

    /** Reads the fixture's {@code search_cursors} object, adding problems (with their paths) to {@code problems}. */
    public static SearchCursorExpiry fromFixture(JsonNode v, String path, List<String> problems) {
        if (v == null || v.isNull()) {
            return OFF;
        }
        if (!v.isObject()) {
            problems.add(path + ": should be an object");
            return OFF;
        }
        Integer results = null;
        Duration time = null;
        Integer times = null;
        for (var it = v.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            JsonNode x = v.get(k);
            if (!List.of("expire_after_results", "expire_after_seconds", "times", "note").contains(k)) {
                problems.add(path + "." + k + ": unknown field (expire_after_results, expire_after_seconds, times)");
                continue;
            }
            if (k.equals("note")) {
                continue;
            }
            if (!x.isIntegralNumber() || x.asInt() < 1) {
                problems.add(path + "." + k + ": should be a whole number of at least 1, not " + x);
                continue;
            }
            switch (k) {
                case "expire_after_results" -> results = x.asInt();
                case "expire_after_seconds" -> time = Duration.ofSeconds(x.asInt());
                default -> times = x.asInt();
            }
        }
        if (results == null && time == null && problems.stream().noneMatch(p -> p.startsWith(path))) {
            problems.add(path + ": give expire_after_results or expire_after_seconds");
            return OFF;
        }
        return results == null && time == null ? OFF : new SearchCursorExpiry(results, time, times);
    }

    /** The fixture form, for FixtureWriter. */
    public ObjectNode toFixture() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (afterResults != null) {
            o.put("expire_after_results", afterResults);
        }
        if (afterTime != null) {
            o.put("expire_after_seconds", afterTime.toSeconds());
        }
        if (times != null) {
            o.put("times", times);
        }
        return o;
    }

    public String describe() {
        if (off()) {
            return "search cursors never expire";
        }
        StringBuilder sb = new StringBuilder("search cursors expire after ");
        if (afterResults != null) {
            sb.append(afterResults).append(" results");
        }
        if (afterTime != null) {
            sb.append(afterResults != null ? " or " : "").append(afterTime.toSeconds()).append(" s");
        }
        sb.append(times == null ? " in every walk" : " in the first " + times + " walk" + (times == 1 ? "" : "s"));
        return sb.toString();
    }
}
