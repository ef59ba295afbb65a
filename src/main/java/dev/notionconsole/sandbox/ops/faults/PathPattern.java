package dev.notionconsole.sandbox.ops.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A request path pattern for fault rules: literal segments, {@code *} for exactly one segment and {@code **} for
 * any number (including none). IDs compare in canonical form, so a rule written with a dashed ID matches a
 * request that sends the same ID as 32 hex digits. The query string never takes part.
 */
public final class PathPattern {
    private static final Pattern UUID_LIKE = Pattern.compile(
            "(?i)[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String source;
    private final List<String> segments;

    private PathPattern(String source, List<String> segments) {
        this.source = source;
        this.segments = segments;
    }

    /** @throws IllegalArgumentException when the pattern does not start with {@code /} */
    public static PathPattern parse(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("should start with / (e.g. /v1/pages/*)");
        }
        return new PathPattern(pattern, canonicalSegments(pattern));
    }

    public boolean matches(String path) {
        int q = path.indexOf('?');
        return matchFrom(0, canonicalSegments(q < 0 ? path : path.substring(0, q)), 0);
    }

    private boolean matchFrom(int p, List<String> path, int i) {
        if (p == segments.size()) {
            return i == path.size();
        }
        String seg = segments.get(p);
        if (seg.equals("**")) {
            for (int k = i; k <= path.size(); k++) {
                if (matchFrom(p + 1, path, k)) {
                    return true;
                }
            }
            return false;
        }
        if (i == path.size()) {
            return false;
        }
        return (seg.equals("*") || seg.equals(path.get(i))) && matchFrom(p + 1, path, i + 1);
    }

    private static List<String> canonicalSegments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(UUID_LIKE.matcher(s).matches() ? s.replace("-", "").toLowerCase(Locale.ROOT) : s);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return source;
    }
}
