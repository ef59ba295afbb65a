package dev.notionconsole.ui.explorer;

import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.notion.NotionIds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The filter over loaded nodes (explorer-diagnostics.md §2: it filters what is loaded, unlike "search Notion"):
 * a node matches when its title contains the text (any case) or its ID is the text (dashed or not, or a pasted
 * Notion URL). What it shows is the matches plus their ancestors, so every match keeps its place in the tree.
 * Pure and thread-safe: run on a worker over the tree's concurrent node table.
 */
public final class TreeFilter {
    /**
     * @param visible matches and their ancestors (IDs)
     * @param matches matching IDs, in table order, at most {@code keep}
     * @param count   how many nodes matched
     * @param loaded  how many nodes were looked at
     */
    public record Result(String text, Set<String> visible, List<String> matches, int count, int loaded) {
    }

    private TreeFilter() {
    }

    /** @param cancelled checked every few thousand nodes; a cancelled run returns null */
    public static Result run(String text, Map<String, MapNode> nodes, ExplorerTree.Grouping grouping, int keep,
                             BooleanSupplier cancelled) {
        String needle = text.trim().toLowerCase(Locale.ROOT);
        String id = idOf(text.trim());
        Set<String> visible = new HashSet<>();
        List<String> matches = new ArrayList<>();
        int count = 0;
        int seen = 0;
        for (MapNode n : nodes.values()) {
            if ((++seen & 4095) == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            if (!matches(n, needle, id)) {
                continue;
            }
            String parent = ExplorerTree.parentKeyFor(n, grouping, nodes);
            if (parent == null) {
                continue; // not shown in this grouping (a placeholder grouped by root)
            }
            count++;
            if (matches.size() < keep) {
                matches.add(n.id());
            }
            addWithAncestors(n, visible, nodes, grouping);
        }
        return new Result(text, visible, matches, count, seen);
    }

    /** The given IDs (e.g. what Notion's search answered) that are loaded, with their ancestors. */
    public static Result ofIds(String label, List<String> ids, Map<String, MapNode> nodes, ExplorerTree.Grouping grouping, int keep) {
        Set<String> visible = new HashSet<>();
        List<String> matches = new ArrayList<>();
        int count = 0;
        for (String id : ids) {
            MapNode n = nodes.get(id);
            if (n == null || ExplorerTree.parentKeyFor(n, grouping, nodes) == null) {
                continue;
            }
            count++;
            if (matches.size() < keep) {
                matches.add(id);
            }
            addWithAncestors(n, visible, nodes, grouping);
        }
        return new Result(label, visible, matches, count, nodes.size());
    }

    /** The node and its ancestors; stops at the first one already in (its ancestors are too). */
    private static void addWithAncestors(MapNode n, Set<String> visible, Map<String, MapNode> nodes, ExplorerTree.Grouping grouping) {
        MapNode c = n;
        int hops = 0;
        while (c != null && visible.add(c.id()) && hops++ < nodes.size()) {
            String p = ExplorerTree.parentKeyFor(c, grouping, nodes);
            c = p == null || p.isEmpty() ? null : nodes.get(p);
        }
    }

    static boolean matches(MapNode n, String needle, String id) {
        if (id != null && id.equals(n.id())) {
            return true;
        }
        return !needle.isEmpty() && n.title().toLowerCase(Locale.ROOT).contains(needle);
    }

    private static String idOf(String text) {
        if (text.length() < 32) {
            return null;
        }
        NotionIds.Result r = NotionIds.parse(text);
        return r.ok() ? r.id() : null;
    }
}
