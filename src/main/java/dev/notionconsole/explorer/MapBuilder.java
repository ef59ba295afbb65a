package dev.notionconsole.explorer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The mutable state of one map run: drafts keyed by ID, placeholders, notes; {@link #freeze} makes the map. */
final class MapBuilder {
    /** A node being built. */
    static final class Draft {
        final String id;
        final String object;
        String title;
        NotionObjects.Parent parent;
        String url;
        String publicUrl;
        String lastEdited;
        boolean inTrash;
        FoundBy foundBy;
        final Set<NodeFlag> flags = EnumSet.noneOf(NodeFlag.class);
        final List<String> related = new ArrayList<>();

        Draft(String id, String object, String title, NotionObjects.Parent parent, FoundBy foundBy) {
            this.id = id;
            this.object = object;
            this.title = title;
            this.parent = parent;
            this.foundBy = foundBy;
        }

        /** A node of a previous map, carried into a re-map. */
        static Draft of(MapNode n) {
            Draft d = new Draft(n.id(), n.object(), n.title(),
                    n.parentType() == null ? NotionObjects.Parent.WORKSPACE : new NotionObjects.Parent(n.parentType(), n.parentId()),
                    n.foundBy());
            d.url = n.url();
            d.publicUrl = n.publicUrl();
            d.lastEdited = n.lastEditedTime();
            d.inTrash = n.inTrash();
            d.flags.addAll(n.flags());
            d.related.addAll(n.related());
            return d;
        }

        boolean placeholder() {
            return flags.contains(NodeFlag.UNREADABLE);
        }

        MapNode freeze(String sharingRoot) {
            // an unreadable ancestor's parent is unknown; a hole's is the readable page that lists it
            boolean parentKnown = !placeholder() || flags.contains(NodeFlag.HOLE);
            return new MapNode(id, object, title, parentKnown ? parent.type() : null, parentKnown ? parent.id() : null,
                    url, inTrash, publicUrl, lastEdited, foundBy, sharingRoot, flags, related);
        }
    }

    /** Read freely; change only through {@link #put}, {@link #placeholder} and {@link #remove} (they keep the count). */
    final Map<String, Draft> drafts = new LinkedHashMap<>();
    /** Readable drafts: progress reports it after every page and probe, so it is kept, not counted (O(1), not O(n)). */
    private int visible;
    final List<MapNote> notes = new ArrayList<>();
    int requests;
    String watermark;

    Draft get(String id) {
        return drafts.get(id);
    }

    boolean has(String id) {
        return drafts.containsKey(id);
    }

    void put(Draft d) {
        count(drafts.put(d.id, d), d);
        if (d.lastEdited != null && (watermark == null || d.lastEdited.compareTo(watermark) > 0)) {
            watermark = d.lastEdited;
        }
    }

    /** An unreadable ancestor seen only as a child's parent. */
    Draft placeholder(String id, String parentType) {
        String object = switch (parentType) {
            case "page_id" -> "page";
            case "database_id" -> "database";
            case "data_source_id" -> "data_source";
            case "block_id" -> "block";
            default -> parentType;
        };
        Draft d = new Draft(id, object, "", NotionObjects.Parent.WORKSPACE, FoundBy.PROBE);
        d.flags.add(NodeFlag.UNREADABLE);
        count(drafts.put(id, d), d);
        return d;
    }

    void remove(String id) {
        count(drafts.remove(id), null);
    }

    private void count(Draft before, Draft now) {
        if (before != null && !before.placeholder()) {
            visible--;
        }
        if (now != null && !now.placeholder()) {
            visible++;
        }
    }

    /** The probes ({@code /v1/<kind>/<id>}) of parents no object found so far, in the order placing meets them. */
    Set<String> missingParentProbes() {
        Set<String> missing = new java.util.LinkedHashSet<>();
        for (Draft d : drafts.values()) {
            if (d.parent.id() != null && d.parent.probeKind() != null && !has(d.parent.id())) {
                missing.add("/v1/" + d.parent.probeKind() + "/" + d.parent.id());
            }
        }
        return missing;
    }

    int visibleCount() {
        return visible;
    }

    /** Sharing roots (explorer-diagnostics.md §1.4): the topmost node of each chain of readable parents. */
    Map<String, String> sharingRoots() {
        Map<String, String> rootOf = new HashMap<>();
        List<Draft> chain = new ArrayList<>();
        for (Draft start : drafts.values()) {
            if (start.placeholder() || rootOf.containsKey(start.id)) {
                continue;
            }
            chain.clear();
            String root = null;
            Draft cur = start;
            while (root == null) {
                String known = rootOf.get(cur.id);
                if (known != null) {
                    root = known;
                    break;
                }
                chain.add(cur);
                Draft p = cur.parent.id() == null ? null : drafts.get(cur.parent.id());
                if (p == null || p.placeholder() || chain.size() > drafts.size()) {
                    root = cur.id;
                } else {
                    cur = p;
                }
            }
            for (Draft d : chain) {
                rootOf.put(d.id, root);
            }
        }
        return rootOf;
    }

    WorkspaceMap freeze(String connection, MapIdentity identity, String version, Map<String, WorkspaceMap.LostVerdict> lost) {
        Map<String, String> rootOf = sharingRoots();
        Map<String, MapNode> nodes = new LinkedHashMap<>();
        List<String> roots = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        for (Draft d : drafts.values()) {
            String root = rootOf.get(d.id);
            nodes.put(d.id, d.freeze(root));
            if (d.placeholder()) {
                placeholders.add(d.id);
            } else if (d.id.equals(root)) {
                roots.add(d.id);
            }
        }
        return new WorkspaceMap(connection, identity, version, nodes, roots, placeholders, notes, requests, watermark,
                Instant.now(), lost);
    }
}
