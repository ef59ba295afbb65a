package dev.notionconsole.ui.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.request.render.BodyRenderer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The response viewer's two-pulse show and its one-time priming, on a real (headless) stage. */
@ExtendWith(ApplicationExtension.class)
class BodyViewerTest {
    BodyViewer viewer;

    @Start
    void start(Stage stage) {
        viewer = new BodyViewer();
        stage.setScene(new Scene(new StackPane(viewer), 800, 600));
        stage.show();
    }

    @Test
    void aLongBodyShowsItsFirstLinesAtOnceAndTheRestOnTheNextPulse(FxRobot robot) throws Exception {
        BodyDocument doc = document(200);
        CodeArea area = robot.lookup(".json-area").queryAs(CodeArea.class);
        int[] firstPulse = onFx(() -> {
            viewer.show(doc);
            return new int[] {area.getParagraphs().size(), area.getLength()};
        });
        assertEquals(BodyViewer.FIRST_LINES + 1, firstPulse[0], "the first lines, and the empty line the rest joins");
        assertTrue(firstPulse[1] < doc.text().length());
        // the rest comes over the next three pulses; a loaded machine may space them well past a few FX events
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(area::getText).equals(doc.text()));
        afterPulses(1);
        assertEquals(doc.document().getParagraphs().size(), onFx(() -> area.getParagraphs().size()));
        // lines made in the first pulse are padded for the whole document, like the rest
        java.util.Set<Integer> widths = new java.util.HashSet<>(robot.lookup(".line-number").queryAllAs(javafx.scene.text.Text.class)
                .stream().map(t -> t.getText().length()).toList());
        assertEquals(java.util.Set.of(LineNumbers.label(1, doc.document().getParagraphs().size()).length()), widths);
    }

    @Test
    void searchingBeforeTheRestArrivedSelectsInTheWholeBody(FxRobot robot) throws Exception {
        BodyDocument doc = document(200);
        String selected = onFx(() -> {
            viewer.show(doc);
            int at = doc.text().lastIndexOf("\"last\"");
            viewer.select(at, at + 6); // beyond the first lines: the rest goes in first
            return viewer.area().getSelectedText();
        });
        assertEquals("\"last\"", selected);
    }

    @Test
    void aNewerBodyWinsOverTheRestOfAnOlderOne(FxRobot robot) throws Exception {
        BodyDocument older = document(200);
        BodyDocument newer = document(3);
        onFx(() -> {
            viewer.show(older);
            viewer.show(newer);
            return null;
        });
        afterPulses(5); // the older body's rest would have arrived by now
        assertEquals(newer.text(), onFx(() -> viewer.area().getText()));
    }

    @Test
    void primingLaysOutSamplesThenLeavesTheAreaEmptyAndRunsOnce(FxRobot robot) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean primingAtStart = onFx(() -> {
            viewer.prime(() -> done.complete(null));
            return viewer.primingProperty().get();
        });
        assertTrue(primingAtStart);
        assertTrue(onFx(() -> viewer.area().getLength() > 0), "a sample is in the area while priming");
        done.get(10, TimeUnit.SECONDS);
        assertFalse(onFx(() -> viewer.primingProperty().get()));
        assertEquals("", onFx(() -> viewer.area().getText()));
        CompletableFuture<Void> again = new CompletableFuture<>();
        onFx(() -> {
            viewer.prime(() -> again.complete(null));
            return null;
        });
        assertTrue(again.isDone(), "a second prime returns at once");
        assertFalse(onFx(() -> viewer.primingProperty().get()));
    }

    @Test
    void aBodyArrivingWhilePrimingEndsThePrimingAndStays(FxRobot robot) throws Exception {
        BodyDocument doc = document(3);
        CompletableFuture<Void> done = new CompletableFuture<>();
        onFx(() -> {
            viewer.prime(() -> done.complete(null));
            viewer.show(doc);
            return null;
        });
        done.get(10, TimeUnit.SECONDS);
        afterPulses(2);
        assertEquals(doc.text(), onFx(() -> viewer.area().getText()));
        assertFalse(onFx(() -> viewer.primingProperty().get()));
    }

    @Test
    void aShortBodyAfterALongOneNumbersEveryLineAlike(FxRobot robot) throws Exception {
        // issue 16, item 9: after a long answer, the first line of a short one kept the long one's padding
        BodyDocument longer = document(200);
        BodyDocument shorter = document(1);
        showAllOf(longer);
        showAllOf(shorter);
        java.util.List<String> labels = robot.lookup(".line-number").queryAllAs(javafx.scene.text.Text.class).stream()
                .filter(javafx.scene.Node::isVisible).map(javafx.scene.text.Text::getText).sorted().toList();
        int lines = shorter.document().getParagraphs().size();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, lines).mapToObj(n -> LineNumbers.label(n, lines)).sorted().toList(),
                labels);
    }

    private void showAllOf(BodyDocument doc) throws Exception {
        onFx(() -> {
            viewer.show(doc);
            return null;
        });
        afterPulses(5); // the rest, and the layout of its cells
    }

    /** Waits until {@code n} pulses of the viewer's scene have passed (each one laid out and rendered). */
    private void afterPulses(int n) throws Exception {
        CompletableFuture<Void> passed = new CompletableFuture<>();
        onFx(() -> {
            dev.notionconsole.ui.common.Pulses.afterPulses(viewer.getScene(), n, () -> passed.complete(null));
            return null;
        });
        passed.get(10, TimeUnit.SECONDS);
    }

    @Test
    void lineNumbersArePaddedToTheWidthOfTheLastOne() {
        assertEquals("  7 ", LineNumbers.label(7, 40));
        assertEquals("    7 ", LineNumbers.label(7, 1200));
        assertEquals(" 1200 ", LineNumbers.label(1200, 1200));
    }

    /** A pretty-printed list of {@code items} pages, the last item carrying a "last" key. */
    private static BodyDocument document(int items) {
        StringBuilder json = new StringBuilder("{\"results\":[");
        for (int i = 0; i < items; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"in_trash\":false}");
        }
        json.append("],\"last\":true}");
        byte[] b = json.toString().getBytes(StandardCharsets.UTF_8);
        return BodyDocument.build(new BodyRenderer().render(b, true, BodyRenderer.Mode.PRETTY, () -> false), () -> false);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return dev.notionconsole.ui.OnFx.call(c, 10);
    }
}
