package dev.notionconsole.ui.explorer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * Keeps a {@link TreeView} in step with an {@link ExplorerTree} without building what nobody looks at: a node's
 * tree items are made the first time it is expanded (the JavaFX lazy {@code TreeItem} pattern), and a batch of
 * new nodes touches only parents whose children were already made, with one {@code addAll} per parent. So 100,000
 * streamed nodes cost the JavaFX thread what the visible part of the tree costs.
 */
final class TreeItems implements ExplorerTree.Listener {
    /** Children made at once when a parent is expanded; the rest follow a chunk per pulse. */
    static final int CHUNK = 500;
    private final ExplorerTree tree;
    private final TreeView<TreeRow> view;
    private final Consumer<String> onExpand;
    /** Items whose children were made, by parent key ("" for the root). */
    private final Map<String, NodeItem> built = new HashMap<>();
    private final Map<String, NodeItem> items = new HashMap<>();
    /** True while the tree expands ancestors itself (a filter's matches, a reveal): that loads nothing. */
    private boolean revealing;

    /** @param onExpand told when a node is expanded (the ViewModel loads its lazy children) */
    TreeItems(ExplorerTree tree, TreeView<TreeRow> view, Consumer<String> onExpand) {
        this.tree = tree;
        this.view = view;
        this.onExpand = onExpand;
        view.setFocusModel(new ItemFocusModel(view));
        tree.setListener(this);
        reset();
    }

    @Override
    public void reset() {
        built.clear();
        items.clear();
        NodeItem root = new NodeItem(ExplorerTree.TOP);
        root.setExpanded(true);
        // one handler for every branch (expand events bubble to the root): no listener per item
        root.addEventHandler(TreeItem.<TreeRow>branchExpandedEvent(), e -> {
            TreeItem<TreeRow> item = e.getTreeItem();
            if (!revealing && item != null && item.isExpanded() && item.getValue() != null
                    && item.getValue().type() == TreeRow.Type.NODE) {
                onExpand.accept(item.getValue().id());
            }
        });
        view.setRoot(root);
        view.setShowRoot(false);
    }

    @Override
    public void changed(Map<String, Set<String>> removed, Map<String, List<String>> added, Set<String> updated) {
        for (Map.Entry<String, Set<String>> e : removed.entrySet()) {
            NodeItem parent = built.get(e.getKey());
            if (parent != null) {
                Set<String> gone = e.getValue();
                parent.forgetPending(gone);
                parent.getChildren().removeIf(c -> c.getValue().type() == TreeRow.Type.NODE && gone.contains(c.getValue().id()));
                gone.forEach(id -> forget(id));
            }
        }
        for (Map.Entry<String, List<String>> e : added.entrySet()) {
            NodeItem parent = built.get(e.getKey());
            if (parent != null && parent.pending != null) {
                parent.pending.addAll(e.getValue()); // behind the children still being made, a chunk per pulse
            } else if (parent != null) {
                List<TreeItem<TreeRow>> more = new ArrayList<>(e.getValue().size());
                for (String id : e.getValue()) {
                    more.add(item(id));
                }
                ObservableList<TreeItem<TreeRow>> kids = parent.getChildren();
                int at = kids.size();
                if (at > 0 && kids.get(at - 1).getValue().type() == TreeRow.Type.LAZY) {
                    at--; // the lazy row stays last
                }
                kids.addAll(at, more);
            } else {
                // a leaf that just got its first child must show an expander
                NodeItem p = items.get(e.getKey());
                if (p != null) {
                    p.refreshLeaf();
                }
            }
        }
        for (String id : updated) {
            NodeItem i = items.get(id);
            if (i != null) {
                i.syncLazyRow();
                i.refreshLeaf();
                i.setValue(null); // the cell re-reads the node
                i.setValue(TreeRow.node(id));
            }
        }
    }

    /** The item of a node, making it (and its ancestors' children) if needed; for selecting a node from outside. */
    TreeItem<TreeRow> reveal(String id) {
        List<String> path = tree.pathTo(id);
        NodeItem at = (NodeItem) view.getRoot();
        revealing = true;
        try {
            for (String step : path) {
                at.getChildren(); // make children
                NodeItem next = items.get(step);
                if (next == null) {
                    return null;
                }
                if (!step.equals(id)) {
                    next.setExpanded(true);
                }
                at = next;
            }
        } finally {
            revealing = false;
        }
        return at == view.getRoot() ? null : at;
    }

    private NodeItem item(String id) {
        NodeItem i = new NodeItem(id);
        items.put(id, i);
        return i;
    }

    private void forget(String id) {
        items.remove(id);
        built.remove(id);
    }

    /** One node's item; its children are made on first use. */
    private final class NodeItem extends TreeItem<TreeRow> {
        private final String key;
        private boolean made;
        private boolean leaf;

        NodeItem(String key) {
            super(key.isEmpty() ? null : TreeRow.node(key));
            this.key = key;
            leaf = computeLeaf();
        }

        @Override
        public ObservableList<TreeItem<TreeRow>> getChildren() {
            ObservableList<TreeItem<TreeRow>> kids = super.getChildren();
            if (!made) {
                made = true;
                built.put(key, this);
                List<String> ids = tree.children(key);
                List<TreeItem<TreeRow>> list = new ArrayList<>();
                for (int i = 0; i < Math.min(CHUNK, ids.size()); i++) {
                    list.add(item(ids.get(i)));
                }
                if (ids.size() > CHUNK) {
                    // a 20,000-row data source expands a chunk per pulse, not in one long stall
                    pending = new java.util.ArrayDeque<>(ids.subList(CHUNK, ids.size()));
                    Platform.runLater(this::makeMore);
                }
                if (!key.isEmpty() && tree.lazy(key) != null) {
                    list.add(new TreeItem<>(TreeRow.lazy(key)));
                }
                kids.setAll(list);
            }
            return kids;
        }

        private java.util.ArrayDeque<String> pending;

        private void makeMore() {
            if (pending == null || built.get(key) != this) {
                return;
            }
            List<TreeItem<TreeRow>> more = new ArrayList<>(CHUNK);
            while (more.size() < CHUNK && !pending.isEmpty()) {
                more.add(item(pending.poll()));
            }
            ObservableList<TreeItem<TreeRow>> kids = super.getChildren();
            int at = kids.size();
            if (at > 0 && kids.get(at - 1).getValue().type() == TreeRow.Type.LAZY) {
                at--;
            }
            kids.addAll(at, more);
            if (pending.isEmpty()) {
                pending = null;
            } else {
                Platform.runLater(this::makeMore);
            }
        }

        /** Children not made yet (a big list being made a chunk per pulse) that left this parent. */
        void forgetPending(Set<String> gone) {
            if (pending != null) {
                pending.removeAll(gone);
            }
        }

        @Override
        public boolean isLeaf() {
            return leaf;
        }

        void refreshLeaf() {
            leaf = computeLeaf();
        }

        private boolean computeLeaf() {
            if (key.isEmpty()) {
                return false;
            }
            return tree.childCount(key) == 0 && tree.lazy(key) == null && !tree.mayHaveLazyChildren(key);
        }

        /** Adds, keeps or removes the lazy-children row (only once children are made). */
        void syncLazyRow() {
            if (!made) {
                return;
            }
            ObservableList<TreeItem<TreeRow>> kids = super.getChildren();
            boolean has = !kids.isEmpty() && kids.get(kids.size() - 1).getValue().type() == TreeRow.Type.LAZY;
            boolean want = tree.lazy(key) != null;
            if (has && !want) {
                kids.remove(kids.size() - 1);
            } else if (!has && want) {
                kids.add(new TreeItem<>(TreeRow.lazy(key)));
            } else if (has) {
                TreeItem<TreeRow> row = kids.get(kids.size() - 1);
                row.setValue(null);
                row.setValue(TreeRow.lazy(key));
            }
        }
    }
}
