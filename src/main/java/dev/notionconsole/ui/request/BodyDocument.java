package dev.notionconsole.ui.request;

import dev.notionconsole.request.json.HighlightSpans;
import dev.notionconsole.request.json.JsonLexer;
import dev.notionconsole.request.render.RenderedBody;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyledSegment;
import org.fxmisc.richtext.model.TextOps;

/**
 * A rendered body with its RichTextFX document built off the JavaFX thread: paragraphs and style segments
 * are constructed on a worker, so the JavaFX thread only swaps the finished document in with one
 * {@code replace} (never line-by-line appends, RichTextFX#121). The document is immutable data, not a node.
 */
public record BodyDocument(RenderedBody body, ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document) {
    private static final TextOps<String, Collection<String>> OPS = SegmentOps.styledTextOps();
    private static final Collection<String> PLAIN = List.of();
    private static final List<Collection<String>> KIND_STYLES;

    static {
        List<Collection<String>> styles = new ArrayList<>();
        for (JsonLexer.Kind k : JsonLexer.Kind.values()) {
            // punctuation stays plain: it merges with the spaces around it into one text node, and fewer nodes per
            // line is what the first layout of a large body costs (ResponseViewBench)
            styles.add(k == JsonLexer.Kind.PUNCTUATION ? PLAIN : List.of(k.styleClass()));
        }
        KIND_STYLES = List.copyOf(styles);
    }

    public static final BodyDocument EMPTY = build(RenderedBody.EMPTY, () -> false);

    public String text() {
        return body.text();
    }

    /** Builds the styled document; polls {@code cancelled} so a superseded build stops early. */
    public static BodyDocument build(RenderedBody body, BooleanSupplier cancelled) {
        String text = body.text();
        HighlightSpans spans = body.spans();
        ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> b =
                new ReadOnlyStyledDocumentBuilder<>(OPS, PLAIN, Math.max(16, text.length() / 40));
        int span = 0;
        int lineStart = 0;
        int lines = 0;
        while (true) {
            int eol = text.indexOf('\n', lineStart);
            int lineEnd = eol < 0 ? text.length() : eol;
            List<StyledSegment<String, Collection<String>>> segs = new ArrayList<>(4);
            if (spans == null) {
                segs.add(new StyledSegment<>(text.substring(lineStart, lineEnd), PLAIN));
            } else {
                int pos = lineStart;
                while (span < spans.size() && spans.start(span) < lineEnd) {
                    int s = Math.max(spans.start(span), pos);
                    int e = Math.min(spans.end(span), lineEnd);
                    if (s > pos) {
                        add(segs, text, pos, s, PLAIN);
                    }
                    if (e > s) {
                        add(segs, text, s, e, KIND_STYLES.get(spans.kind(span).ordinal()));
                        pos = e;
                    }
                    if (spans.end(span) <= lineEnd) {
                        span++;
                    } else {
                        break; // the span continues on the next line (an error span never does, but be safe)
                    }
                }
                if (pos < lineEnd || segs.isEmpty()) {
                    add(segs, text, pos, lineEnd, PLAIN);
                }
            }
            b.addParagraph(segs);
            if ((++lines & 0x3FF) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            if (eol < 0) {
                break;
            }
            lineStart = eol + 1;
        }
        return new BodyDocument(body, b.build());
    }

    /** Appends a segment, merging it into the previous one when the style is the same (one text node, not two). */
    private static void add(List<StyledSegment<String, Collection<String>>> segs, String text, int from, int to, Collection<String> style) {
        int last = segs.size() - 1;
        if (last >= 0 && segs.get(last).getStyle() == style) {
            StyledSegment<String, Collection<String>> prev = segs.get(last);
            segs.set(last, new StyledSegment<>(prev.getSegment() + text.substring(from, to), style));
        } else {
            segs.add(new StyledSegment<>(text.substring(from, to), style));
        }
    }
}
