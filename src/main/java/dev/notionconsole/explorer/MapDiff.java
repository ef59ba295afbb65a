package dev.notionconsole.explorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One connection over time (two snapshots, or a map and its re-map): newly visible, no longer visible with the
 * re-probe's verdict when the newer map has one (null: unknown, e.g. two full maps), and moved (another parent).
 */
public record MapDiff(List<MapNode> newlyVisible, Map<MapNode, WorkspaceMap.LostVerdict> noLongerVisible, List<MapNode> moved) {
    public static MapDiff between(WorkspaceMap older, WorkspaceMap newer) {
        List<MapNode> added = new ArrayList<>();
        List<MapNode> moved = new ArrayList<>();
        Map<MapNode, WorkspaceMap.LostVerdict> gone = new LinkedHashMap<>();
        for (MapNode n : newer.all()) {
            if (n.placeholder()) {
                continue;
            }
            MapNode before = older.node(n.id()).filter(o -> !o.placeholder()).orElse(null);
            if (before == null) {
                added.add(n);
            } else if (!Objects.equals(before.parentId(), n.parentId())) {
                moved.add(n);
            }
        }
        for (MapNode o : older.all()) {
            if (!o.placeholder() && newer.node(o.id()).filter(n -> !n.placeholder()).isEmpty()) {
                gone.put(o, newer.lost().get(o.id()));
            }
        }
        return new MapDiff(added, gone, moved);
    }
}
