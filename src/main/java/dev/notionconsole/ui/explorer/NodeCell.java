package dev.notionconsole.ui.explorer;

import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.ui.common.LazyTooltip;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;

/**
 * One row of the Explorer tree: a node's {@link RowGraphic} (kind badge, title, the other badges, its child count),
 * or the lazy-children row ("Loading…", "Load more", "Could not load: … Retry"). Only visible rows exist, and each
 * batch that changes how many rows the tree has makes the flow empty every visible cell and fill it again; so a
 * cell sets its row graphic once (when it first shows a node), hides it while empty and re-texts it: a graphic set
 * anew is re-matched against every stylesheet, with the cell's disclosure arrow (docs/decisions/0180).
 */
final class NodeCell extends TreeCell<TreeRow> {
    private final ExplorerTree tree;
    private final Consumer<String> loadMore;
    /**
     * Made when the cell first shows a node, or before that by {@link Warmer} while the tree is idle; then kept. Not
     * made with the cell: the flow fills the viewport below the last row with empty cells (an empty tree, the
     * Explorer as it opens), and every one of them would take the graphic's first CSS pass in that one pulse.
     */
    private RowGraphic row;
    /** The lazy-children row's parts, made the first time this cell shows one: most cells never do. */
    private Hyperlink more;
    private Label lazyText;
    private HBox lazyBox;
    /** Made on the first hover: a tooltip per cell made with the cell costs every newly shown row (docs/decisions/0151). */
    private final StringProperty tipText = new SimpleStringProperty();
    /** What the row shows now: a batch rebuilds every visible cell, and most show the very node they showed. */
    private MapNode shown;
    private int shownCount = -1;
    private String shownTip;
    private String shownSaid;

    /** @param loadMore asked to load (more of) a node's lazy children */
    NodeCell(ExplorerTree tree, Consumer<String> loadMore) {
        this.tree = tree;
        this.loadMore = loadMore;
        getStyleClass().add("explorer-cell");
        LazyTooltip.install(this, tipText);
    }

    @Override
    protected void updateItem(TreeRow item, boolean empty) {
        super.updateItem(item, empty);
        MapNode n = empty || item == null || item.type() != TreeRow.Type.NODE ? null : tree.node(item.id());
        if (n == null) {
            showTip(null);
            setAccessibleText(null);
            if (item != null && !empty && item.type() == TreeRow.Type.LAZY) {
                shown = null;
                showLazy(item.id());
            } else if (row != null && getGraphic() == row) {
                row.setVisible(false); // kept for the next fill, most likely the same node again
            } else {
                shown = null;
                setGraphic(null);
            }
            if (empty && getDisclosureNode() != null) {
                // the skin leaves an empty cell's arrow as it was (JavaFX counts on a graphic or text change to drop
                // it); it shows it again when the cell is filled with a parent
                getDisclosureNode().setVisible(false);
            }
            if (empty && row == null) {
                Warmer.add(this);
            }
            return;
        }
        int count = tree.childCount(n.id());
        if (row == null) {
            row = new RowGraphic();
        }
        if (n != shown || count != shownCount || getGraphic() != row) {
            show(n, count); // nodes are immutable: the same instance with the same count renders the same
        }
        showTip(shownTip);
        setAccessibleText(shownSaid);
        row.setVisible(true);
        setGraphic(row);
    }

    private void show(MapNode n, int count) {
        shown = n;
        shownCount = count;
        List<Badge> all = Badge.of(n);
        String t = ExplorerText.title(n);
        row.show(all, t, n.placeholder(), n.inTrash(), count);
        StringBuilder tipText = new StringBuilder(t).append("\n").append(all.get(0).meaning());
        StringBuilder said = new StringBuilder(t).append(", ").append(all.get(0).label());
        for (int i = 1; i < all.size(); i++) {
            Badge b = all.get(i);
            tipText.append("\n").append(b.label()).append(": ").append(b.meaning());
            said.append(", ").append(b.label());
        }
        if (count > 0) {
            said.append(", ").append(String.format("%,d", count)).append(count == 1 ? " child" : " children");
        }
        shownTip = tipText.toString();
        shownSaid = said.toString(); // the chips are plain text nodes: the row is said as one line
    }

    private void showTip(String text) {
        tipText.set(text);
    }

    private void showLazy(String parentId) {
        ExplorerTree.Lazy l = tree.lazy(parentId);
        if (l == null) {
            setGraphic(null);
            return;
        }
        if (lazyBox == null) {
            lazyText = new Label();
            lazyText.getStyleClass().add("muted");
            more = new Hyperlink();
            more.setId("loadMoreLink");
            more.setOnAction(e -> {
                TreeRow r = getItem();
                if (r != null) {
                    loadMore.accept(r.id());
                }
            });
            lazyBox = new HBox(6, lazyText, more);
            lazyBox.setAlignment(Pos.CENTER_LEFT);
        }
        switch (l.state()) {
            case LOADING -> {
                lazyText.setText("Loading…");
                more.setVisible(false);
            }
            case MORE -> {
                lazyText.setText(l.message() == null ? "" : l.message());
                more.setText("Load more");
                more.setVisible(true);
            }
            case FAILED -> {
                lazyText.setText("Could not load: " + l.message());
                more.setText("Retry");
                more.setVisible(true);
            }
            default -> {
            }
        }
        setGraphic(lazyBox);
    }

    /**
     * Gives empty cells their (hidden) row graphic two per pulse, so that the pulse in which the rows first fill a
     * viewport of empty cells (the first map, a big parent expanded in a short tree) does not make and style a
     * graphic for every one of them at once (docs/decisions/0180). JavaFX thread only.
     */
    private static final class Warmer extends AnimationTimer {
        private static final int PER_PULSE = 2;
        private static final Warmer INSTANCE = new Warmer();
        private final ArrayDeque<NodeCell> cold = new ArrayDeque<>();
        private boolean running;

        static void add(NodeCell cell) {
            if (!INSTANCE.cold.contains(cell)) {
                INSTANCE.cold.add(cell);
                if (!INSTANCE.running) {
                    INSTANCE.running = true;
                    INSTANCE.start();
                }
            }
        }

        @Override
        public void handle(long now) {
            for (int done = 0; done < PER_PULSE && !cold.isEmpty(); ) {
                NodeCell c = cold.poll();
                if (c.row == null && c.isEmpty() && c.getGraphic() == null && c.getScene() != null) {
                    c.row = new RowGraphic();
                    c.row.setVisible(false);
                    c.setGraphic(c.row);
                    done++;
                }
            }
            if (cold.isEmpty()) {
                running = false;
                stop();
            }
        }
    }
}
