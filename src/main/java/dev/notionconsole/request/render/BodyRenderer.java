package dev.notionconsole.request.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.notionconsole.core.ByteSizes;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.request.json.HighlightSpans;
import dev.notionconsole.request.json.JsonLexer;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Prepares a response body for the viewer on a worker thread, with work bounded by what is shown rather
 * than by the body: pretty-printing streams token by token and stops once the display limit is reached, so a
 * 50 MB answer costs about as much as a 2 MB one. Highlight spans are built here too (Jackson lexer), and
 * skipped above {@link Limits#highlightChars()}. See docs/decisions/0061-large-response-rendering.md.
 */
public final class BodyRenderer {
    /**
     * @param displayChars characters shown at most (cut at a line end); the rest is behind "Save full body"
     * @param highlightChars above this many shown characters, no highlighting
     * @param rawLineChars in raw mode, a line longer than this (minified JSON is one line) is shown only up to
     *     here: one huge line is what text controls lay out worst (RichTextFX#668)
     */
    public record Limits(int displayChars, int highlightChars, int rawLineChars) {
        // measured (ResponseViewBench, docs/decisions/0061): the swap costs the JavaFX thread 15-35 ms and the first
        // layout of highlighted lines most of the rest, so 250 K characters shown and highlighting up to 100 K
        public static final Limits DEFAULT = new Limits(250_000, 100_000, 20_000);
    }

    public enum Mode { PRETTY, RAW }

    private final Limits limits;

    public BodyRenderer(Limits limits) {
        this.limits = limits;
    }

    public BodyRenderer() {
        this(Limits.DEFAULT);
    }

    public Limits limits() {
        return limits;
    }

    /**
     * @param json whether the body is JSON (content type or a successful parse); others are shown raw
     * @throws CancellationException when {@code cancelled} turns true (a newer body replaced this one)
     */
    public RenderedBody render(byte[] body, boolean json, Mode mode, BooleanSupplier cancelled) {
        if (body == null || body.length == 0) {
            return RenderedBody.EMPTY;
        }
        if (json && mode == Mode.PRETTY) {
            Pretty p = prettyPrefix(body, limits.displayChars(), cancelled);
            if (p != null) {
                return finish(p.text, true, p.truncated, body.length, cancelled);
            }
            // not valid JSON after all (e.g. cut off by a proxy): show it as it came
        }
        Raw raw = rawPrefix(body, limits.displayChars(), limits.rawLineChars());
        return finish(raw.text, false, raw.truncated, body.length, json ? cancelled : null);
    }

    private RenderedBody finish(String text, boolean formatted, boolean truncated, long bytes, BooleanSupplier lexIfNotNull) {
        HighlightSpans spans = null;
        String note = null;
        if (lexIfNotNull != null && text.length() <= limits.highlightChars()) {
            spans = JsonLexer.lex(text, lexIfNotNull);
            if (lexIfNotNull.getAsBoolean()) {
                throw new CancellationException();
            }
        } else if (lexIfNotNull != null) {
            note = "Highlighting is off for bodies over " + ByteSizes.human(limits.highlightChars()) + ".";
        }
        if (truncated) {
            note = "Showing the first " + ByteSizes.human(text.length()) + (formatted ? " (formatted)" : "") + " of a " + ByteSizes.human(bytes)
                    + " body. Save the full body to see the rest." + (note == null ? "" : " " + note);
        }
        return new RenderedBody(text, spans, formatted, truncated, bytes, note);
    }

    private record Pretty(String text, boolean truncated) {
    }

    /** Pretty-prints until {@code limit} characters are written; null when the bytes are not valid JSON. */
    static Pretty prettyPrefix(byte[] body, int limit, BooleanSupplier cancelled) {
        JsonFactory f = Json.mapper().getFactory();
        LimitedWriter out = new LimitedWriter(limit);
        try (JsonParser p = f.createParser(body); JsonGenerator g = f.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            int n = 0;
            try {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if ((++n & 0x3FFF) == 0 && cancelled.getAsBoolean()) {
                        throw new CancellationException();
                    }
                    g.copyCurrentEventExact(p);
                }
                g.flush();
            } catch (LimitedWriter.Full full) {
                String text = out.text();
                int eol = text.lastIndexOf('\n');
                return new Pretty(eol > 0 ? text.substring(0, eol + 1) : text, true);
            }
            return new Pretty(out.text(), false);
        } catch (IOException e) {
            return null;
        }
    }

    private record Raw(String text, boolean truncated) {
    }

    /** Decodes at most {@code limit} characters; long lines are cut at {@code lineLimit} with a marker. */
    static Raw rawPrefix(byte[] body, int limit, int lineLimit) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate((int) Math.min((long) limit + 1, (long) body.length + 1));
        dec.decode(ByteBuffer.wrap(body), chars, true);
        chars.flip();
        boolean truncated = chars.remaining() > limit || body.length > limit * 4L;
        String text = chars.length() > limit ? chars.subSequence(0, limit).toString() : chars.toString();
        if (text.length() > lineLimit) {
            StringBuilder sb = new StringBuilder(Math.min(text.length(), limit));
            int start = 0;
            while (start < text.length()) {
                int eol = text.indexOf('\n', start);
                int end = eol < 0 ? text.length() : eol;
                if (end - start > lineLimit) {
                    sb.append(text, start, start + lineLimit).append(" … [line cut at ").append(ByteSizes.human(lineLimit)).append(']');
                    truncated = true;
                } else {
                    sb.append(text, start, end);
                }
                if (eol < 0) {
                    break;
                }
                sb.append('\n');
                start = eol + 1;
            }
            text = sb.toString();
        }
        return new Raw(text, truncated || body.length > text.length() * 4L);
    }

    /** A writer that refuses to hold more than its limit, ending a pretty-print run early. */
    static final class LimitedWriter extends Writer {
        static final class Full extends IOException {
            Full() {
                super("display limit reached");
            }

            @Override
            public synchronized Throwable fillInStackTrace() {
                return this; // control flow, not an error: no stack trace to fill
            }
        }

        private final StringBuilder sb;
        private final int limit;
        private boolean full;

        LimitedWriter(int limit) {
            this.limit = limit;
            this.sb = new StringBuilder(Math.min(limit, 1 << 20));
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            if (full) {
                return; // the generator flushes again on close; the text is already complete
            }
            int room = limit - sb.length();
            if (len > room) {
                sb.append(cbuf, off, Math.max(0, room));
                full = true;
                throw new Full();
            }
            sb.append(cbuf, off, len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        String text() {
            return sb.toString();
        }
    }
}
