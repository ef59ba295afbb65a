package dev.notionconsole.request.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class BodyRendererTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void smallJsonIsPrettyPrintedAndHighlightedLikeTheSharedMapper() throws Exception {
        String raw = "{\"object\":\"list\",\"results\":[{\"id\":\"a\",\"n\":1.50}],\"has_more\":false}";
        RenderedBody r = new BodyRenderer().render(utf8(raw), true, BodyRenderer.Mode.PRETTY, () -> false);
        assertEquals(Json.pretty(Json.mapper().readTree(raw)).replace("1.5", "1.50"), r.text(), "numbers keep their exact text");
        assertTrue(r.formatted());
        assertFalse(r.truncated());
        assertNotNull(r.spans());
        assertNull(r.note());
    }

    @Test
    void rawModeAndNonJsonAreShownAsTheyCame() {
        RenderedBody html = new BodyRenderer().render(utf8("<html>502 Bad Gateway</html>"), false, BodyRenderer.Mode.PRETTY, () -> false);
        assertEquals("<html>502 Bad Gateway</html>", html.text());
        assertNull(html.spans());
        RenderedBody broken = new BodyRenderer().render(utf8("{\"a\": [1, 2"), true, BodyRenderer.Mode.PRETTY, () -> false);
        assertEquals("{\"a\": [1, 2", broken.text(), "a cut-off JSON body falls back to raw");
    }

    @Test
    void aHugeBodyIsCutAtALineEndWithANoteAndTheWorkIsBounded() {
        byte[] body = LargeBodies.searchResults(10_000_000, 1);
        BodyRenderer renderer = new BodyRenderer(new BodyRenderer.Limits(500_000, 100_000, 50_000));
        RenderedBody r = renderer.render(body, true, BodyRenderer.Mode.PRETTY, () -> false);
        assertTrue(r.truncated());
        assertTrue(r.text().length() <= 500_000 && r.text().length() > 400_000, "length " + r.text().length());
        assertTrue(r.text().endsWith("\n"));
        assertNull(r.spans(), "over the highlight limit");
        assertTrue(r.note().contains("Showing the first") && r.note().contains("10 MB") && r.note().contains("Highlighting is off"), r.note());

        RenderedBody raw = renderer.render(body, true, BodyRenderer.Mode.RAW, () -> false);
        assertTrue(raw.truncated());
        assertTrue(raw.text().length() < 50_100, "one minified line is cut at the raw line limit: " + raw.text().length());
        assertTrue(raw.text().contains("[line cut at 50 KB]"));
    }

    @Test
    void cancellationStopsTheWork() {
        byte[] body = LargeBodies.searchResults(3_000_000, 2);
        assertThrows(CancellationException.class,
                () -> new BodyRenderer().render(body, true, BodyRenderer.Mode.PRETTY, () -> true));
    }
}
