package dev.notionconsole.ui.request;

import dev.notionconsole.request.render.BodyRenderer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import dev.notionconsole.ui.common.Pulses;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyledDocument;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * Read-only, virtualized, highlighted view of a response body. The document is built on a worker
 * ({@link BodyDocument}); the JavaFX thread only splices it in, and only visible paragraphs are laid out
 * (Flowless). A long document goes in over four pulses: 12 lines, 36, a screenful (120), then the rest, so
 * the cells of the first screen are made a few at a time and the splice of thousands of paragraphs comes on
 * a pulse of its own (ResponseViewBench, decision 0065).
 */
public final class BodyViewer extends StackPane {
    /** Lines spliced in the first pulse: fewer than any viewport shows, so the cells made are split too. */
    static final int FIRST_LINES = 12;
    /** Lines in place after the second pulse: more than a tall screen shows, so the last splice makes no cells. */
    static final int SCREEN_LINES = 120;

    private final CodeArea area = new CodeArea();
    private final LineNumbers lineNumbers = new LineNumbers(area);
    private BodyDocument shown = BodyDocument.EMPTY;
    /** Parts of {@link #shown} still to be appended, one per pulse; empty when the whole document is in the area. */
    private final java.util.ArrayDeque<StyledDocument<Collection<String>, String, Collection<String>>> pending = new java.util.ArrayDeque<>();
    private final ReadOnlyBooleanWrapper priming = new ReadOnlyBooleanWrapper(this, "priming");
    private boolean primed;
    /** Counts {@link #show} calls: priming stops once a body has been shown. */
    private int shows;

    public BodyViewer() {
        getStyleClass().add("body-viewer");
        area.setEditable(false);
        area.setUndoManager(UndoUtils.noOpUndoManager());
        area.getStyleClass().add("json-area");
        area.setParagraphGraphicFactory(lineNumbers);
        getChildren().add(new VirtualizedScrollPane<>(area));
    }

    public void show(BodyDocument doc) {
        if (doc == shown) {
            return;
        }
        shown = doc;
        shows++;
        var d = doc.document();
        boolean renumber = lineNumbers.expect(d.getParagraphs().size());
        Scene scene = getScene();
        pending.clear();
        int lines = d.getParagraphs().size();
        if (scene == null || lines <= FIRST_LINES * 2) {
            area.replace(0, area.getLength(), d);
        } else {
            int first = d.position(FIRST_LINES, 0).toOffset();
            int from = first;
            for (int stop : new int[] {FIRST_LINES * 3, SCREEN_LINES}) {
                if (lines > stop * 2) {
                    int to = d.position(stop, 0).toOffset();
                    pending.add(d.subSequence(from, to));
                    from = to;
                }
            }
            pending.add(d.subSequence(from, d.length()));
            area.replace(0, area.getLength(), d.subSequence(0, first));
            afterNextPulse(scene, doc);
        }
        if (renumber) { // cells RichTextFX reused keep their old graphic: make the visible ones again
            area.setParagraphGraphicFactory(null);
            area.setParagraphGraphicFactory(lineNumbers);
        }
        area.moveTo(0);
        area.showParagraphAtTop(0);
    }

    /** Appends the next part once the last one has been laid out, unless another body came since. */
    private void afterNextPulse(Scene scene, BodyDocument doc) {
        Pulses.afterNextPulse(scene, () -> {
            if (shown == doc && !pending.isEmpty()) {
                append(pending.poll());
                if (!pending.isEmpty()) {
                    afterNextPulse(scene, doc);
                }
            }
        });
    }

    /** Puts any part of the shown document still waiting into the area now. */
    private void flush() {
        while (!pending.isEmpty()) {
            append(pending.poll());
        }
    }

    private void append(StyledDocument<Collection<String>, String, Collection<String>> part) {
        area.replace(area.getLength(), area.getLength(), part);
    }

    /**
     * Lays out a small highlighted sample, a few lines and then a screenful, one pulse each, and empties the
     * area again. The first body a viewer shows otherwise pays on one pulse for everything done there for the
     * first time: CSS matching for its cells in this scene, class loading, interpreted layout code (about
     * 130 ms for even a 3 KB body, ResponseViewBench). Runs once per viewer, only while it is in a scene; the
     * owner keeps it laid out but unseen while {@link #primingProperty()} is true. A real body arriving meanwhile
     * ends the priming.
     */
    public void prime(Runnable whenDone) {
        Scene scene = getScene();
        if (primed || scene == null) {
            whenDone.run();
            return;
        }
        primed = true;
        priming.set(true);
        List<BodyDocument> steps = List.of(sample(2), sample(30), BodyDocument.EMPTY);
        primeStep(scene, steps, 0, shows, whenDone);
    }

    private void primeStep(Scene scene, List<BodyDocument> steps, int i, int showsBefore, Runnable whenDone) {
        if (i == steps.size() || shows != showsBefore) {
            priming.set(false);
            whenDone.run();
            return;
        }
        lineNumbers.expect(steps.get(i).document().getParagraphs().size());
        area.replace(0, area.getLength(), steps.get(i).document());
        Pulses.afterNextPulse(scene, () -> primeStep(scene, steps, i + 1, showsBefore, whenDone));
    }

    /** A made-up list answer of {@code items} pages with every kind of JSON token, rendered as bodies are. */
    private static BodyDocument sample(int items) {
        StringBuilder json = new StringBuilder("{\"object\":\"list\",\"results\":[");
        for (int i = 0; i < items; i++) {
            json.append(i == 0 ? "" : ",").append("{\"object\":\"page\",\"id\":\"").append(i)
                    .append("\",\"in_trash\":false,\"icon\":null,\"n\":").append(i * 1.5).append('}');
        }
        json.append("],\"next_cursor\":null,\"has_more\":false}");
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        return BodyDocument.build(new BodyRenderer().render(bytes, true, BodyRenderer.Mode.PRETTY, () -> false), () -> false);
    }

    public ReadOnlyBooleanProperty primingProperty() {
        return priming.getReadOnlyProperty();
    }

    public BodyDocument shown() {
        return shown;
    }

    /** The text area, with the whole shown document in it. */
    public CodeArea area() {
        flush();
        return area;
    }

    /** Selects {@code [from, to)} and scrolls it into view (search hits). */
    public void select(int from, int to) {
        flush();
        area.selectRange(from, to);
        area.requestFollowCaret();
    }
}
