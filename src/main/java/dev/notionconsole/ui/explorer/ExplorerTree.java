package dev.notionconsole.ui.explorer;

import dev.notionconsole.explorer.MapNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The Explorer's tree as data (no JavaFX): the nodes loaded so far, who is whose child in the chosen
 * {@link Grouping}, and an optional filter. Nodes stream in by batches ({@link #add}); each batch tells the
 * {@link Listener} which parents gained or lost children, so the view touches only the tree items it has built
 * (children are built lazily, when a parent is expanded). A node that arrives before its parent sits at the top
 * until the parent comes, then moves under it.
 *
 * <p>Changed on the UI thread only. The node table is a concurrent map so a filter can be computed on a worker
 * over what is loaded while more nodes stream in (the filter runs again after each batch, see the ViewModel).
 */
public final class ExplorerTree {
    /** The key of the tree's top level. */
    public static final String TOP = "";

    /** How the top of the tree is chosen. */
    public enum Grouping {
        /** As Notion nests them: workspace-level pages and unreadable ancestors at the top. */
        HIERARCHY,
        /** Every sharing root at the top, with what is visible through it beneath (placeholders hidden). */
        BY_ROOT
    }

    /** The state of a node's lazily loaded children, shown as a row under it. */
    public record Lazy(State state, String message) {
        public enum State { LOADING, MORE, FAILED }
    }

    /** Hears about changes; called on the UI thread, once per batch. */
    public interface Listener {
        /** Everything changed (grouping, filter, a new map): rebuild from {@link #children(String)}. */
        void reset();

        /**
         * @param removed per parent key, the child IDs that left it (moved under a parent that arrived)
         * @param added   per parent key, child IDs appended to it, in order
         * @param updated nodes whose content changed (re-render their rows)
         */
        void changed(Map<String, Set<String>> removed, Map<String, List<String>> added, Set<String> updated);
    }

    private final Map<String, MapNode> nodes = new ConcurrentHashMap<>();
    /** Discovery order, for rebuilding the index (the concurrent table has none). */
    private final List<String> order = new ArrayList<>();
    private final Map<String, Set<String>> children = new HashMap<>();
    /** Nodes waiting at the top for a parent that has not arrived: parent ID to child IDs. */
    private final Map<String, Set<String>> waiting = new HashMap<>();
    /** Where each node sits now (parent key), in the current grouping. */
    private final Map<String, String> placedUnder = new HashMap<>();
    /** Children loaded on expand (block children, rows): loading, more to load, or failed; absent when done or never. */
    private final Map<String, Lazy> lazy = new HashMap<>();
    private Predicate<MapNode> lazyChildren = n -> false;
    private Grouping grouping = Grouping.HIERARCHY;
    private Set<String> filterVisible; // null: no filter
    private Listener listener = new Listener() {
        @Override
        public void reset() {
        }

        @Override
        public void changed(Map<String, Set<String>> removed, Map<String, List<String>> added, Set<String> updated) {
        }
    };

    public void setListener(Listener l) {
        this.listener = l;
    }

    public Grouping grouping() {
        return grouping;
    }

    public void setGrouping(Grouping g) {
        if (g != grouping) {
            grouping = g;
            rebuildIndex();
            listener.reset();
        }
    }

    /** Empties the tree (a new map starts). */
    public void clear() {
        nodes.clear();
        order.clear();
        children.clear();
        waiting.clear();
        placedUnder.clear();
        filterVisible = null;
        listener.reset();
    }

    public int size() {
        return nodes.size();
    }

    public MapNode node(String id) {
        return nodes.get(id);
    }

    /** Every loaded node (a live view: safe to read from a worker while batches arrive). */
    public Collection<MapNode> nodes() {
        return nodes.values();
    }

    /** The live node table (concurrent), for {@link TreeFilter} on a worker. */
    Map<String, MapNode> table() {
        return nodes;
    }

    /** Adds or replaces nodes: one batch, one {@link Listener#changed} call. */
    public void add(List<MapNode> batch) {
        Map<String, Set<String>> removed = new LinkedHashMap<>();
        Map<String, List<String>> added = new LinkedHashMap<>();
        Set<String> updated = new LinkedHashSet<>();
        for (MapNode n : batch) {
            MapNode before = nodes.put(n.id(), n);
            if (before != null) {
                updated.add(n.id());
            } else {
                order.add(n.id());
            }
            place(n, removed, added);
            // children that arrived first and waited at the top move under their parent now
            Set<String> orphans = before == null ? waiting.remove(n.id()) : null;
            if (orphans != null) {
                for (String orphan : orphans) {
                    place(nodes.get(orphan), removed, added);
                }
            }
        }
        if (filterVisible != null) {
            // a filtered tree shows only what the filter let through: new nodes wait for the next filter run
            return;
        }
        if (!removed.isEmpty() || !added.isEmpty() || !updated.isEmpty()) {
            listener.changed(removed, added, updated);
        }
    }

    /** Which nodes may have children that load only when expanded (the engine knows: block children, rows). */
    public void setLazyChildren(Predicate<MapNode> p) {
        this.lazyChildren = p;
    }

    /** True when the node may have children not loaded yet (it shows an expander even without children). */
    public boolean mayHaveLazyChildren(String id) {
        MapNode n = nodes.get(id);
        return n != null && lazyChildren.test(n);
    }

    /** The lazy-children row under a node, or null for none. */
    public Lazy lazy(String id) {
        return lazy.get(id);
    }

    /** Sets (or with null clears) the lazy-children row under a node and re-renders it. */
    public void setLazy(String id, Lazy state) {
        if (state == null) {
            lazy.remove(id);
        } else {
            lazy.put(id, state);
        }
        listener.changed(Map.of(), Map.of(), Set.of(id));
    }

    /** Children of a parent key ({@link #TOP} or a node ID) as the tree shows them (filter applied). */
    public List<String> children(String parentKey) {
        Set<String> all = children.getOrDefault(parentKey, Set.of());
        if (filterVisible == null) {
            return new ArrayList<>(all);
        }
        List<String> out = new ArrayList<>();
        for (String id : all) {
            if (filterVisible.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** Children count without the filter (for "12 objects" hints). */
    public int childCount(String id) {
        return children.getOrDefault(id, Set.of()).size();
    }

    /** The parent key a node sits under in the current grouping. */
    public String parentKeyOf(String id) {
        return placedUnder.getOrDefault(id, TOP);
    }

    /** From the top of the tree down to the node, by the current grouping. */
    public List<String> pathTo(String id) {
        List<String> out = new ArrayList<>();
        String k = id;
        while (k != null && !TOP.equals(k) && out.size() <= nodes.size()) {
            out.add(0, k);
            k = placedUnder.get(k);
        }
        return out;
    }

    /**
     * Shows only these node IDs (matches and their ancestors, from {@link TreeFilter}), or everything for null.
     * Resets the listener.
     */
    public void setFilter(Set<String> visible) {
        this.filterVisible = visible == null ? null : Set.copyOf(visible);
        listener.reset();
    }

    public boolean filtered() {
        return filterVisible != null;
    }

    /** Where a node belongs in the current grouping, or null when it is not shown at all. */
    String parentKeyFor(MapNode n) {
        return parentKeyFor(n, grouping, nodes);
    }

    /** Thread-safe form, for filters computed on a worker over {@link #nodes()}. */
    static String parentKeyFor(MapNode n, Grouping grouping, Map<String, MapNode> nodes) {
        if (grouping == Grouping.BY_ROOT) {
            if (n.placeholder()) {
                return null;
            }
            if (n.isRoot()) {
                return TOP;
            }
        }
        String p = n.parentId();
        return p != null && nodes.containsKey(p) && !p.equals(n.id()) ? p : TOP;
    }

    private void place(MapNode n, Map<String, Set<String>> removed, Map<String, List<String>> added) {
        String want = parentKeyFor(n);
        String now = placedUnder.get(n.id());
        if (want != null && want.equals(now)) {
            return;
        }
        if (now != null) {
            children.get(now).remove(n.id());
            placedUnder.remove(n.id());
            List<String> a = added.get(now);
            if (a == null || !a.remove(n.id())) {
                removed.computeIfAbsent(now, k -> new LinkedHashSet<>()).add(n.id());
            }
            unwait(n);
        }
        if (want != null) {
            index(n, want);
            added.computeIfAbsent(want, k -> new ArrayList<>()).add(n.id());
        }
    }

    private void index(MapNode n, String parentKey) {
        children.computeIfAbsent(parentKey, k -> new LinkedHashSet<>()).add(n.id());
        placedUnder.put(n.id(), parentKey);
        if (TOP.equals(parentKey) && n.parentId() != null && !nodes.containsKey(n.parentId())) {
            waiting.computeIfAbsent(n.parentId(), k -> new LinkedHashSet<>()).add(n.id());
        }
    }

    private void unwait(MapNode n) {
        if (n.parentId() != null) {
            Set<String> w = waiting.get(n.parentId());
            if (w != null) {
                w.remove(n.id());
            }
        }
    }

    private void rebuildIndex() {
        children.clear();
        placedUnder.clear();
        waiting.clear();
        for (String id : order) {
            MapNode n = nodes.get(id);
            String want = parentKeyFor(n);
            if (want != null) {
                index(n, want);
            }
        }
    }
}
