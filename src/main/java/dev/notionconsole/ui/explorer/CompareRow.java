package dev.notionconsole.ui.explorer;

import dev.notionconsole.explorer.ConnectionComparison;
import dev.notionconsole.explorer.MapDiff;
import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.explorer.WorkspaceMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the comparison tree: a group ("Only B sees (12)", "Add A at 'Engineering'", "Through root
 * 'Roadmap'") or an object. Built without a toolkit from the engine's comparison.
 *
 * @param label    what the row says
 * @param style    {@code group}, {@code only-a}, {@code only-b}, {@code both}, {@code gone}, {@code add-here}
 * @param nodeId   the object's ID, or null for a group
 * @param children rows below it
 */
public record CompareRow(String label, String style, String nodeId, List<CompareRow> children) {
    public CompareRow {
        children = List.copyOf(children);
    }

    static CompareRow group(String label, String style, List<CompareRow> children) {
        return new CompareRow(label + " (" + String.format("%,d", count(children)) + ")", style, null, children);
    }

    static CompareRow object(MapNode n, String style, String note) {
        String kind = Badge.kindOf(n).label();
        return new CompareRow(ExplorerText.title(n) + "  · " + kind + (note == null ? "" : "  · " + note), style, n.id(), List.of());
    }

    /** Objects below this row (groups not counted). */
    static int count(List<CompareRow> rows) {
        int n = 0;
        for (CompareRow r : rows) {
            n += r.nodeId() != null ? 1 : count(r.children());
        }
        return n;
    }

    /** Only B (grouped by where A would have to be added), only A (by A's roots), both (by A's roots). */
    static List<CompareRow> of(ConnectionComparison c) {
        List<CompareRow> out = new ArrayList<>();
        List<CompareRow> addHere = new ArrayList<>();
        for (Map.Entry<String, List<MapNode>> e : c.addAHere().entrySet()) {
            String where = c.b().node(e.getKey()).map(ExplorerText::title).orElse(e.getKey());
            addHere.add(group("Add " + c.a().connection() + " at '" + where + "'", "add-here",
                    e.getValue().stream().map(n -> object(n, "only-b", null)).toList()));
        }
        out.add(group("Only " + c.b().connection() + " (B) sees", "only-b", addHere));
        out.add(group("Only " + c.a().connection() + " (A) sees", "only-a", byRoot(c.a(), c.onlyA(), "only-a")));
        out.add(group("Both see", "both", byRoot(c.a(), c.both(), "both")));
        return out;
    }

    /** Newly visible, no longer visible (with the verdict), moved. */
    static List<CompareRow> of(MapDiff d) {
        List<CompareRow> out = new ArrayList<>();
        out.add(group("Newly visible", "only-b", d.newlyVisible().stream().map(n -> object(n, "only-b", null)).toList()));
        List<CompareRow> gone = new ArrayList<>();
        d.noLongerVisible().forEach((n, v) -> gone.add(object(n, "only-a", v == null ? "verdict unknown"
                : switch (v) {
                    case LOST_ACCESS -> "lost access (404 now)";
                    case TRASHED -> "in the trash";
                    case MOVED -> "moved out of reach";
                })));
        out.add(group("No longer visible", "only-a", gone));
        out.add(group("Moved", "both", d.moved().stream().map(n -> object(n, "both", null)).toList()));
        return out;
    }

    private static List<CompareRow> byRoot(WorkspaceMap side, List<MapNode> nodes, String style) {
        Map<String, List<CompareRow>> groups = new LinkedHashMap<>();
        for (MapNode n : nodes) {
            groups.computeIfAbsent(n.sharingRoot() == null ? "" : n.sharingRoot(), k -> new ArrayList<>()).add(object(n, style, null));
        }
        List<CompareRow> out = new ArrayList<>();
        groups.forEach((root, rows) -> out.add(group("Through root '" + side.node(root).map(ExplorerText::title).orElse("?") + "'",
                "group", rows)));
        return out;
    }
}
