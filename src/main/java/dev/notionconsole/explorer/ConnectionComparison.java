package dev.notionconsole.explorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What two connections see of the same workspace (explorer-diagnostics.md §2 "Diff two connections"): only A, only
 * B, both, each side grouped by its sharing root; and for what only B sees, where A would have to be added: the
 * highest ancestor that B can read and A cannot. Comparing a PAT (B) with a bot (A) shows what the bot lacks.
 * Pages, databases and data sources count; blocks and placeholders do not.
 *
 * @param addAHere for each suggested page (by ID, in B's map) the objects only B sees below it
 */
public record ConnectionComparison(WorkspaceMap a, WorkspaceMap b, List<MapNode> onlyA, List<MapNode> onlyB,
                                   List<MapNode> both, Map<String, List<MapNode>> onlyAByRoot,
                                   Map<String, List<MapNode>> onlyBByRoot, Map<String, List<MapNode>> addAHere) {
    public static ConnectionComparison compare(WorkspaceMap a, WorkspaceMap b) {
        List<MapNode> onlyA = new ArrayList<>();
        List<MapNode> onlyB = new ArrayList<>();
        List<MapNode> both = new ArrayList<>();
        for (MapNode n : a.all()) {
            if (counts(n)) {
                (readable(b, n.id()) ? both : onlyA).add(n);
            }
        }
        for (MapNode n : b.all()) {
            if (counts(n) && !readable(a, n.id())) {
                onlyB.add(n);
            }
        }
        Map<String, List<MapNode>> addHere = new LinkedHashMap<>();
        for (MapNode n : onlyB) {
            addHere.computeIfAbsent(highestUnreadableByA(a, b, n), k -> new ArrayList<>()).add(n);
        }
        return new ConnectionComparison(a, b, onlyA, onlyB, both, group(onlyA), group(onlyB), addHere);
    }

    /** Walks up B's tree while A cannot read the parent either; blocks are passed through, never suggested. */
    static String highestUnreadableByA(WorkspaceMap a, WorkspaceMap b, MapNode start) {
        String best = start.id();
        MapNode cur = start;
        while (cur.parentId() != null) {
            MapNode p = b.node(cur.parentId()).orElse(null);
            if (p == null || p.placeholder() || readable(a, p.id())) {
                break;
            }
            if (!"block".equals(p.object())) {
                best = p.id();
            }
            cur = p;
        }
        return best;
    }

    private static boolean counts(MapNode n) {
        return !n.placeholder() && !"block".equals(n.object());
    }

    private static boolean readable(WorkspaceMap m, String id) {
        return m.node(id).filter(n -> !n.placeholder()).isPresent();
    }

    private static Map<String, List<MapNode>> group(List<MapNode> nodes) {
        Map<String, List<MapNode>> out = new LinkedHashMap<>();
        for (MapNode n : nodes) {
            out.computeIfAbsent(n.sharingRoot() == null ? "" : n.sharingRoot(), k -> new ArrayList<>()).add(n);
        }
        return out;
    }
}
