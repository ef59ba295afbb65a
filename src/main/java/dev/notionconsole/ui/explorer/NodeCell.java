package dev.notionconsole.ui.explorer;

import dev.notionconsole.explorer.MapNode;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;

/**
 * One row of the Explorer tree: kind badge, title, the other badges, and for a parent how many children it has;
 * or the lazy-children row ("Loading…", "Load more", "Could not load: … Retry"). Only visible rows exist, so the
 * graphic is re-filled on each update, reusing its labels; colours come from explorer.css ({@code .badge-<style>}).
 */
final class NodeCell extends TreeCell<TreeRow> {
    private final ExplorerTree tree;
    private final Consumer<String> loadMore;
    private final Label kind = new Label();
    private final Label title = new Label();
    private final HBox badges = new HBox(4);
    private final Label hint = new Label();
    private final HBox box = new HBox(6, kind, title, badges, hint);
    /** The lazy-children row's parts, made the first time this cell shows one: most cells never do. */
    private Hyperlink more;
    private Label lazyText;
    private HBox lazyBox;
    /** Made on the first hover: a tooltip per cell made with the cell costs every newly shown row (docs/decisions/0151). */
    private Tooltip tip;
    private String tipText;
    /** What the row shows now: a batch rebuilds every visible cell, and most show the very node they showed. */
    private MapNode shown;
    private int shownCount = -1;

    /** @param loadMore asked to load (more of) a node's lazy children */
    NodeCell(ExplorerTree tree, Consumer<String> loadMore) {
        this.tree = tree;
        this.loadMore = loadMore;
        getStyleClass().add("explorer-cell");
        box.setAlignment(Pos.CENTER_LEFT);
        title.getStyleClass().add("node-title");
        hint.getStyleClass().add("muted");
        kind.setMinWidth(USE_PREF_SIZE);
        title.setMinWidth(40);
        setOnMouseEntered(e -> {
            if (tipText != null && getTooltip() == null) {
                if (tip == null) {
                    tip = new Tooltip();
                }
                tip.setText(tipText);
                setTooltip(tip);
            }
        });
    }

    @Override
    protected void updateItem(TreeRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(null);
        if (empty || row == null) {
            shown = null;
            setGraphic(null);
            showTip(null);
            return;
        }
        if (row.type() == TreeRow.Type.LAZY) {
            shown = null;
            showLazy(row.id());
            return;
        }
        MapNode n = tree.node(row.id());
        if (n == null) {
            shown = null;
            setGraphic(null);
            return;
        }
        int count = tree.childCount(n.id());
        if (n == shown && count == shownCount && getGraphic() == box) {
            return; // nodes are immutable: the same instance renders the same
        }
        shown = n;
        shownCount = count;
        List<Badge> all = Badge.of(n);
        Badge k = all.get(0);
        showBadge(kind, k);
        String t = ExplorerText.title(n);
        title.setText(t);
        mark(title, "ghost-title", n.placeholder());
        mark(title, "trashed-title", n.inTrash());
        // badge labels are reused, and style classes set only when they change: a new label or a changed class
        // costs the next pass a CSS pass over it, for every visible row of every batch (docs/decisions/0152)
        List<Node> shownBadges = badges.getChildren();
        while (shownBadges.size() > all.size() - 1) {
            shownBadges.remove(shownBadges.size() - 1);
        }
        StringBuilder text = new StringBuilder(t).append("\n").append(k.meaning());
        for (int i = 1; i < all.size(); i++) {
            Badge b = all.get(i);
            if (shownBadges.size() < i) {
                shownBadges.add(new Label());
            }
            showBadge((Label) shownBadges.get(i - 1), b);
            text.append("\n").append(b.label()).append(": ").append(b.meaning());
        }
        hint.setText(count == 0 ? "" : String.format("%,d", count));
        showTip(text.toString());
        setGraphic(box);
    }

    private static void showBadge(Label l, Badge b) {
        l.setText(b.label());
        String style = "badge-" + b.style();
        ObservableList<String> classes = l.getStyleClass();
        if (classes.size() != 3 || !classes.get(2).equals(style)) {
            classes.setAll("label", "badge", style);
        }
    }

    private static void mark(Label l, String styleClass, boolean on) {
        if (on != l.getStyleClass().contains(styleClass)) {
            if (on) {
                l.getStyleClass().add(styleClass);
            } else {
                l.getStyleClass().remove(styleClass);
            }
        }
    }

    private void showTip(String text) {
        tipText = text;
        if (text == null) {
            setTooltip(null);
        } else if (getTooltip() != null) {
            tip.setText(text);
        }
    }

    private void showLazy(String parentId) {
        ExplorerTree.Lazy l = tree.lazy(parentId);
        showTip(null);
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
}
