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

    /** The line count of the document about to be shown (it may go in over more than one pulse). */
    void expect(int lineCount) {
        lines = lineCount;
    }

    @Override
    public Node apply(int paragraph) {
        Text t = new Text(label(paragraph + 1, Math.max(lines, area.getParagraphs().size())));
        t.getStyleClass().add("line-number");
        return t;
    }

    /** {@code n} right-aligned to the width of {@code count}, with a space either side. */
    static String label(int n, int count) {
        int digits = Math.max(2, Integer.toString(Math.max(1, count)).length());
        String num = Integer.toString(n);
        return " ".repeat(1 + Math.max(0, digits - num.length())) + num + " ";
    }
}
