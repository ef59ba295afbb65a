package dev.notionconsole.request.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Validates and formats a request body before it is sent, pointing at the line and column of the first
 * mistake with a hint in plain words (Notion would only say {@code invalid_json}, notion-api.md 4.2).
 */
public final class JsonCheck {
    private JsonCheck() {
    }

    /** A mistake in the text: 1-based line and column, 0-based char offset. */
    public record Problem(int line, int column, long offset, String message) {
        public String describe() {
            return "Line " + line + ", column " + column + ": " + message;
        }
    }

    /** The outcome: either a parsed value or a problem. An empty text is valid and means "no body". */
    public record Result(JsonNode value, Problem problem) {
        public boolean ok() {
            return problem == null;
        }

        public boolean empty() {
            return problem == null && value == null;
        }
    }

    public static Result check(String text) {
        if (text == null || text.isBlank()) {
            return new Result(null, null);
        }
        try (JsonParser p = Json.mapper().getFactory().createParser(text)) {
            JsonNode node = Json.mapper().readTree(p);
            JsonLocation after = p.currentLocation();
            JsonToken extra;
            try {
                extra = p.nextToken();
            } catch (JsonProcessingException e) {
                extra = JsonToken.NOT_AVAILABLE; // e.g. a stray closing bracket after the value
            }
            if (extra != null) {
                int at = firstNonSpace(text, (int) after.getCharOffset());
                int[] lc = lineColumn(text, at);
                return new Result(null, new Problem(lc[0], lc[1], at,
                        "Unexpected text after the end of the JSON value. A body is a single object; is a comma or bracket misplaced?"));
            }
            return new Result(node, null);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            // not a syntax mistake: beyond what the reader accepts (depth, text length); said in plain words
            return new Result(null, new Problem(1, 1, 0, "The body " + dev.notionconsole.core.json.JsonFiles.describe(e, false)
                    .replaceFirst("^it (is|holds) ", "$1 ") + ", more than the console reads."));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
            int col = loc == null ? 1 : Math.max(1, loc.getColumnNr());
            long offset = loc == null ? 0 : Math.max(0, loc.getCharOffset());
            return new Result(null, new Problem(line, col, offset, explain(text, offset, e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pretty-prints valid JSON (two-space indent); returns the text unchanged when it is not valid. */
    public static String format(String text) {
        Result r = check(text);
        return r.ok() && r.value() != null ? Json.pretty(r.value()) : text;
    }

    /** Jackson's message, shortened, plus the usual cause of that mistake in hand-written bodies. */
    static String explain(String text, long offset, String raw) {
        String msg = raw == null ? "Invalid JSON" : raw.split("\n")[0].replaceAll(" \\(for (root|Object|Array) starting at .*$", "");
        // Jackson names characters as "('}' (code 125))"; the character alone reads better
        msg = msg.replaceAll("\\(('[^']*'|'''|'\"') \\(code \\d+\\)\\)", "$1")
                .replace("Unexpected character", "Unexpected")
                .replace("'''", "single quote (')")
                .replace("was expecting double-quote to start field name", "expected a field name in double quotes");
        int at = (int) Math.min(Math.max(offset, 0), text.length());
        char here = at < text.length() ? text.charAt(at) : 0;
        char before = previousNonSpace(text, at);
        if ((here == '}' || here == ']') && before == ',') {
            return msg + ". JSON does not allow a trailing comma before " + here + ".";
        }
        if (here == '\'') {
            return msg + ". JSON strings and names use double quotes, not single quotes.";
        }
        if (msg.contains("Unexpected end-of-input")) {
            return msg + ". A bracket or quote is not closed.";
        }
        if (Character.isLetter(here) && msg.contains("field name")) {
            return msg + ". Field names must be in double quotes.";
        }
        if (msg.contains("was expecting comma")) {
            return msg + ". Is a comma missing between two values?";
        }
        return msg;
    }

    private static int firstNonSpace(String text, int from) {
        int i = Math.max(0, from);
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** 1-based line and column of a char offset. */
    static int[] lineColumn(String text, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }

    private static char previousNonSpace(String text, int at) {
        for (int i = Math.min(at, text.length()) - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c;
            }
        }
        return 0;
    }
}
