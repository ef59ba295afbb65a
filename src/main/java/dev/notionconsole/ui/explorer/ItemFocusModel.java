package dev.notionconsole.ui.explorer;

import javafx.event.EventHandler;
import javafx.scene.control.FocusModel;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The Explorer tree's focus: it follows the focused item and re-reads that item's row once per change of the tree.
 * {@code TreeView}'s own focus model re-reads the row of every added child ({@code getRow} is O(siblings)), so 500
 * rows added under a 20,000-row data source cost 10 million steps on the JavaFX thread, on every batch while a map
 * streams in (docs/decisions/0151, ExplorerTreeBench).
 */
final class ItemFocusModel extends FocusModel<TreeItem<TreeRow>> {
    private final TreeView<TreeRow> view;
    private TreeItem<TreeRow> item;
    private final EventHandler<TreeItem.TreeModificationEvent<TreeRow>> onChange = e -> follow();

    ItemFocusModel(TreeView<TreeRow> view) {
        this.view = view;
        view.rootProperty().addListener((o, before, now) -> {
            if (before != null) {
                before.removeEventHandler(TreeItem.<TreeRow>treeNotificationEvent(), onChange);
            }
            if (now != null) {
                now.addEventHandler(TreeItem.<TreeRow>treeNotificationEvent(), onChange);
            }
            item = null;
            super.focus(-1);
        });
        if (view.getRoot() != null) {
            view.getRoot().addEventHandler(TreeItem.<TreeRow>treeNotificationEvent(), onChange);
        }
    }

    @Override
    protected int getItemCount() {
        return view.getExpandedItemCount();
    }

    @Override
    protected TreeItem<TreeRow> getModelItem(int index) {
        return index < 0 || index >= getItemCount() ? null : view.getTreeItem(index);
    }

    @Override
    public void focus(int index) {
        super.focus(index);
        item = getFocusedItem();
    }

    /** The focused item moved (rows added or removed above it, a parent collapsed): one row lookup. */
    private void follow() {
        if (item == null) {
            return;
        }
        int row = view.getRow(item);
        if (row != getFocusedIndex()) {
            TreeItem<TreeRow> keep = item;
            super.focus(row);
            item = row < 0 ? null : keep;
        }
    }
}
