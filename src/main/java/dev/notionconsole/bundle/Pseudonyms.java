package dev.notionconsole.bundle;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable stand-ins for personal data within one bundle: the same title always becomes the same "Page 3", the same
 * email the same "user-2@example.invalid", so the structure stays readable while the words are gone. Values are
 * learned first ({@link #learn}), then replaced wherever they occur ({@link #apply}): whole, or inside longer text
 * (an error message quoting a title) when they are long enough not to be an ordinary word.
 */
final class Pseudonyms {
    /** Shorter values are replaced only where they are the whole text: "API" must not eat "API token". */
    private static final int MIN_INSIDE = 4;
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final String INVALID = "example.invalid";

    enum Kind {
        TITLE("Page %d"), TEXT("Text %d"), NAME("User %d"), EMAIL("user-%d@" + INVALID), WORKSPACE("Workspace %d");

        private final String pattern;

        Kind(String pattern) {
            this.pattern = pattern;
        }
    }

    private final Map<String, String> byValue = new LinkedHashMap<>();
    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    private List<String> inside;

    /** Remembers {@code value} as personal data of {@code kind}; its pseudonym is fixed from now on. */
    void learn(Kind kind, String value) {
        if (value == null || value.isBlank() || byValue.containsKey(value) || value.endsWith(INVALID) || isPseudonym(value)) {
            return;
        }
        int n = counts.merge(kind, 1, Integer::sum);
        byValue.put(value, String.format(kind.pattern, n));
        inside = null;
    }

    /** {@code text} with every learned value (and every email address, learned on the way) replaced. */
    String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String whole = byValue.get(text);
        if (whole != null) {
            return whole;
        }
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            learn(Kind.EMAIL, m.group());
        }
        if (inside == null) {
            inside = byValue.keySet().stream().filter(v -> v.length() >= MIN_INSIDE)
                    .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }
        String out = text;
        for (String v : inside) {
            if (out.contains(v)) {
                out = out.replace(v, byValue.get(v));
            }
        }
        return out;
    }

    /** How many distinct values of each kind were replaced. */
    Map<Kind, Integer> counts() {
        return counts;
    }

    private static boolean isPseudonym(String v) {
        return v.matches("(Page|Text|User|Workspace) \\d+");
    }
}
