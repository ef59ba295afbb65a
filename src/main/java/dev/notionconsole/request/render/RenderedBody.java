package dev.notionconsole.request.render;

import dev.notionconsole.request.json.HighlightSpans;

/**
 * A response body made ready for display, off the JavaFX thread.
 *
 * @param text what the viewer shows: the body, pretty-printed when asked and possible, cut to the display
 *     limit at a line end
 * @param spans highlight spans for {@code text}, or null when highlighting was skipped (not JSON, or too big)
 * @param formatted true when {@code text} was pretty-printed
 * @param truncated true when {@code text} is a prefix of the body: the UI offers "Save full body"
 * @param bodyBytes size of the whole body on the wire
 * @param note a one-line explanation for the user when something was cut or skipped, or null
 */
public record RenderedBody(String text, HighlightSpans spans, boolean formatted, boolean truncated, long bodyBytes, String note) {
    public static final RenderedBody EMPTY = new RenderedBody("", null, false, false, 0, null);

    public boolean highlighted() {
        return spans != null;
    }
}
