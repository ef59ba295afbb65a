package dev.notionconsole.core.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one parser for {@code application/x-www-form-urlencoded} text: URL query strings and form bodies (the
 * sandbox's router and consent form, the OAuth redirect listener, IDs pasted as URLs, paths typed with a query).
 * Lenient on purpose: a malformed escape is kept as typed rather than failing the whole string, so the caller
 * decides what an odd value means (an OAuth answer with a mangled state is refused as forged, for example).
 */
public final class QueryString {
    /** One {@code name=value} pair, in the order it appeared. */
    public record Param(String name, String value) {
    }

    private QueryString() {
    }

    /** Every pair in order; repeats are kept, empty pairs skipped, a pair without {@code =} has an empty value. */
    public static List<Param> parse(String raw) {
        List<Param> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.add(new Param(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1))));
        }
        return out;
    }

    /** The pairs grouped by name (insertion order), every value of a repeated name kept. */
    public static Map<String, List<String>> parseMulti(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Param p : parse(raw)) {
            out.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p.value());
        }
        return out;
    }

    /** Form-decodes one component ({@code +} is a space); a malformed escape leaves the text as it was. */
    public static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }
}
