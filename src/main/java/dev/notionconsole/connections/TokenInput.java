package dev.notionconsole.connections;

import dev.notionconsole.core.Secret;
import java.util.List;
import java.util.Locale;

/**
 * What a pasted token becomes before it is stored for a connection, whatever it came through (the GUI form, the
 * command line, NOTION_TOKEN): surrounding quotes, a leading {@code Bearer } or {@code Authorization:} and white
 * space are removed, because Notion would refuse each with a bare 401 (issue 12, item 10). What is left must be
 * one word of printable ASCII; anything else is refused with a sentence that never repeats the value. No prefix
 * is checked: Notion advises against validating tokens by shape (notion-api.md section 6).
 */
public final class TokenInput {
    private static final List<String> QUOTES = List.of("\"\"", "''", "``", "“”", "‘’");

    private TokenInput() {
    }

    /**
     * @param what "token" or "client secret", for the message
     * @throws InvalidConnectionException with a {@link ConnectionValidator.Field#TOKEN} (or CLIENT_SECRET) problem
     *     when the value cannot be a token
     */
    public static Secret normalize(Secret pasted, String what) {
        if (pasted == null) {
            return null;
        }
        String v = pasted.reveal(); // Secret.of already removed white space
        String before;
        do {
            before = v;
            for (String q : QUOTES) {
                if (v.length() >= 2 && v.charAt(0) == q.charAt(0) && v.charAt(v.length() - 1) == q.charAt(1)) {
                    v = v.substring(1, v.length() - 1);
                }
            }
            String lower = v.toLowerCase(Locale.ROOT);
            if (lower.startsWith("authorization:")) {
                v = v.substring("authorization:".length());
            } else if (lower.startsWith("bearer") && v.length() > "bearer".length() + 4) {
                v = v.substring("bearer".length()); // "Bearer ntn_..." arrives as "Bearerntn_..." once spaces are gone
            }
        } while (!v.equals(before));
        String problem = problem(v, what);
        if (problem != null) {
            ConnectionValidator.Field field = what.contains("secret") ? ConnectionValidator.Field.CLIENT_SECRET
                    : ConnectionValidator.Field.TOKEN;
            throw new InvalidConnectionException(List.of(new ConnectionValidator.Problem(field, problem, true)));
        }
        return v.equals(pasted.reveal()) ? pasted : Secret.of(v);
    }

    private static String problem(String v, String what) {
        if (v.isEmpty()) {
            return "The " + what + " is empty once quotes and \"Bearer\" are removed. Paste the " + what + " itself.";
        }
        if (v.contains("…") || v.contains("•")) {
            return "This " + what + " is a masked one (as the console shows it), not the " + what
                    + " itself. Copy the full value from Notion's connection settings.";
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch < 0x21 || ch > 0x7e || "\"'`<>,;\\".indexOf(ch) >= 0) {
                String shown = ch < 0x21 || ch > 0x7e ? String.format("U+%04X", (int) ch) : "'" + ch + "'";
                return "A " + what + " is one word of letters, digits and signs such as _ - . ~; this one has " + shown
                        + " at position " + (i + 1) + ". Paste only the " + what + ", without quotes or other text.";
            }
        }
        return null;
    }
}
