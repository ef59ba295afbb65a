package dev.notionconsole.ui.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.request.render.BodyRenderer;
import dev.notionconsole.request.render.RenderedBody;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The styled document is built off the JavaFX thread and matches the rendered text and spans exactly. */
class BodyDocumentTest {
    @Test
    void paragraphsAndStylesFollowTheSpans() {
        byte[] body = "{\"object\":\"list\",\"results\":[{\"n\":1,\"ok\":true}],\"next_cursor\":null}".getBytes(StandardCharsets.UTF_8);
        RenderedBody r = new BodyRenderer().render(body, true, BodyRenderer.Mode.PRETTY, () -> false);
        BodyDocument d = BodyDocument.build(r, () -> false);
        assertEquals(r.text(), d.document().getText(), "no text lost or added");
        assertEquals(r.text().split("\n", -1).length, d.document().getParagraphCount());
        var line2 = d.document().getParagraph(1);
        assertEquals("  \"object\" : \"list\",", line2.getText());
        assertEquals(List.of("json-key"), List.copyOf(line2.getStyleAtPosition(3)));
        assertEquals(List.of("json-string"), List.copyOf(line2.getStyleAtPosition(15)));
        assertTrue(line2.getStyleAtPosition(1).isEmpty(), "indentation is plain");
    }

    @Test
    void unhighlightedBodiesArePlainParagraphs() {
        RenderedBody r = new BodyRenderer().render("<html>\n502\n</html>".getBytes(StandardCharsets.UTF_8), false,
                BodyRenderer.Mode.PRETTY, () -> false);
        BodyDocument d = BodyDocument.build(r, () -> false);
        assertEquals(3, d.document().getParagraphCount());
        assertEquals("<html>\n502\n</html>", d.document().getText());
    }
}
