package dev.notionconsole.ui.explorer;

import dev.notionconsole.explorer.MapNode;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;

/**
 * One row of the Explorer tree: kind badge, title, the other badges, and for a parent how many children it has;
 * or the lazy-children row ("Loading…", "Load more", "Could not load: … Retry"). Only visible rows exist, so the
 * graphic is rebuilt on each update; colours come from explorer.css ({@code .badge-<style>}).
 */
final class NodeCell extends TreeCell<TreeRow> {
    private final ExplorerTree tree;
    private final Consumer<String> loadMore;
    private final Label kind = new Label();
    private final Label title = new Label();
    private final HBox badges = new HBox(4);
    private final Label hint = new Label();
    private final HBox box = new HBox(6, kind, title, badges, hint);
    private final Hyperlink more = new Hyperlink();
    private final Label lazyText = new Label();
    private final HBox lazyBox = new HBox(6, lazyText, more);
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
        lazyBox.setAlignment(Pos.CENTER_LEFT);
        title.getStyleClass().add("node-title");
        hint.getStyleClass().add("muted");
        lazyText.getStyleClass().add("muted");
        more.setId("loadMoreLink");
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
        more.setOnAction(e -> {
            TreeRow r = getItem();
            if (r != null) {
                loadMore.accept(r.id());
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
        kind.setText(k.label());
        kind.getStyleClass().setAll("label", "badge", "badge-" + k.style());
        String t = ExplorerText.title(n);
        title.setText(t);
        title.getStyleClass().setAll("label", "node-title");
        if (n.placeholder()) {
            title.getStyleClass().add("ghost-title");
        }
        if (n.inTrash()) {
            title.getStyleClass().add("trashed-title");
        }
        badges.getChildren().clear();
        StringBuilder text = new StringBuilder(t).append("\n").append(k.meaning());
        for (int i = 1; i < all.size(); i++) {
            Badge b = all.get(i);
            Label l = new Label(b.label());
            l.getStyleClass().addAll("badge", "badge-" + b.style());
            badges.getChildren().add(l);
            text.append("\n").append(b.label()).append(": ").append(b.meaning());
        }
        hint.setText(count == 0 ? "" : String.format("%,d", count));
        showTip(text.toString());
        setGraphic(box);
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
