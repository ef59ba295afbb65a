package dev.notionconsole.ui.request;

import java.util.function.IntFunction;
import javafx.scene.Node;
import javafx.scene.text.Text;
import org.fxmisc.richtext.GenericStyledArea;

/**
 * Line numbers for the read-only body viewer as plain {@link Text} nodes. RichTextFX's LineNumberFactory makes a
 * Label (a Control with a skin and its own CSS pass) per visible line, which was about half of what showing a
 * response cost the JavaFX thread (ResponseViewBench, decision 0065). The viewer tells it how many lines the
 * whole document has before any of it goes in ({@link #expect}), so lines made in the first pulse are padded
 * like the rest; the editable request body keeps LineNumberFactory, whose labels re-pad as lines are typed.
 */
final class LineNumbers implements IntFunction<Node> {
    private final GenericStyledArea<?, ?, ?> area;
    private int lines;

    LineNumbers(GenericStyledArea<?, ?, ?> area) {
        this.area = area;
    }

    /**
     * The line count of the document about to be shown (it may go in over more than one pulse). Returns whether
     * the labels' width changes: graphics RichTextFX keeps for reused cells then still carry the old padding, so the
     * viewer makes them again ({@link BodyViewer}; issue 16, item 9: a short body after a long one).
     */
    boolean expect(int lineCount) {
        boolean widthChanges = digits(lineCount) != digits(lines);
        lines = lineCount;
        return widthChanges;
    }

    @Override
    public Node apply(int paragraph) {
        // the expected count, not the area's: during a replace the area may still hold the previous document
        Text t = new Text(label(paragraph + 1, lines > 0 ? lines : area.getParagraphs().size()));
        t.getStyleClass().add("line-number");
        return t;
    }

    /** {@code n} right-aligned to the width of {@code count}, with a space either side. */
    static String label(int n, int count) {
        String num = Integer.toString(n);
        return " ".repeat(1 + Math.max(0, digits(count) - num.length())) + num + " ";
    }

    private static int digits(int count) {
        return Math.max(2, Integer.toString(Math.max(1, count)).length());
    }
}
