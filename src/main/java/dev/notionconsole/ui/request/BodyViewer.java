package dev.notionconsole.ui.request;

import java.util.function.IntFunction;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * Read-only, virtualized, highlighted view of a response body. {@link #show} swaps in a document built on a
 * worker ({@link BodyDocument}) with a single replace, so even the largest body costs the JavaFX thread one
 * splice; only the visible paragraphs are laid out (Flowless).
 */
public final class BodyViewer extends StackPane {
    private final CodeArea area = new CodeArea();
    private BodyDocument shown = BodyDocument.EMPTY;

    public BodyViewer() {
        getStyleClass().add("body-viewer");
        area.setEditable(false);
        area.setUndoManager(UndoUtils.noOpUndoManager());
        area.getStyleClass().add("json-area");
        IntFunction<Node> numbers = LineNumberFactory.get(area);
        area.setParagraphGraphicFactory(numbers);
        getChildren().add(new VirtualizedScrollPane<>(area));
    }

    public void show(BodyDocument doc) {
        if (doc == shown) {
            return;
        }
        shown = doc;
        area.replace(0, area.getLength(), doc.document());
        area.moveTo(0);
        area.showParagraphAtTop(0);
    }

    public BodyDocument shown() {
        return shown;
    }

    public CodeArea area() {
        return area;
    }

    /** Selects {@code [from, to)} and scrolls it into view (search hits). */
    public void select(int from, int to) {
        area.selectRange(from, to);
        area.requestFollowCaret();
    }
}
