package dev.notionconsole.request.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.notionconsole.core.json.Json;
import java.io.IOException;

/**
 * Splits JSON text into highlight spans with Jackson's streaming parser (sturdier than a regex for strings
 * with escapes; javafx-house.md B5). Runs on a worker; the UI turns the spans into style classes. Text after
 * the first syntax error is marked as {@link Kind#ERROR} up to the end of that line and left plain after
 * it, so a half-typed body still shows where it breaks.
 */
public final class JsonLexer {
    public enum Kind {
        KEY("json-key"), STRING("json-string"), NUMBER("json-number"), LITERAL("json-literal"),
        PUNCTUATION("json-punct"), ERROR("json-error");

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    private JsonLexer() {
    }

    /**
     * Lexes {@code text}. Polls {@code cancelled} now and then so a superseded run stops early.
     *
     * @return the spans, in order and non-overlapping; gaps are plain text
     */
    public static HighlightSpans lex(String text, java.util.function.BooleanSupplier cancelled) {
        HighlightSpans.Builder out = new HighlightSpans.Builder(Math.max(16, text.length() / 12));
        try (JsonParser p = Json.mapper().getFactory().createParser(text)) {
            JsonToken t;
            int n = 0;
            while ((t = p.nextToken()) != null) {
                if ((++n & 0xFFF) == 0 && cancelled.getAsBoolean()) {
                    return out.build();
                }
                int start = (int) p.currentTokenLocation().getCharOffset();
                switch (t) {
                    case FIELD_NAME -> out.add(start, stringEnd(text, start), Kind.KEY);
                    case VALUE_STRING -> out.add(start, stringEnd(text, start), Kind.STRING);
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.add(start, numberEnd(text, start), Kind.NUMBER);
                    case VALUE_TRUE, VALUE_NULL -> out.add(start, start + 4, Kind.LITERAL);
                    case VALUE_FALSE -> out.add(start, start + 5, Kind.LITERAL);
                    case START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY -> out.add(start, start + 1, Kind.PUNCTUATION);
                    default -> { }
                }
            }
        } catch (JsonParseException e) {
            int at = (int) Math.max(0, e.getLocation() == null ? 0 : e.getLocation().getCharOffset());
            at = Math.min(at, text.length());
            int from = Math.min(at, text.length());
            while (from > out.lastEnd() && " \t\r\n,:[]{}".indexOf(text.charAt(from - 1)) < 0) {
                from--; // back to the start of the offending word: Jackson reports the offset after it
            }
            int eol = text.indexOf('\n', at);
            int to = eol < 0 ? text.length() : eol;
            if (to > from) {
                out.add(from, to, Kind.ERROR);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.build();
    }

    public static HighlightSpans lex(String text) {
        return lex(text, () -> false);
    }

    /** End (exclusive) of the string literal that starts at {@code start} (a double quote). */
    private static int stringEnd(String text, int start) {
        int i = start + 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return n;
    }

    private static int numberEnd(String text, int start) {
        int i = start;
        int n = text.length();
        while (i < n && "+-0123456789.eE".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }
}
