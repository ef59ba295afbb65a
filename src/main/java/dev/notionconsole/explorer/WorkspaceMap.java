package dev.notionconsole.explorer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one connection can see, and through which sharing root (explorer-diagnostics.md §1.4). Immutable; built by
 * {@link Mapper}. Nodes are keyed by ID; a database container and each of its data sources are separate nodes that
 * name each other in {@link MapNode#related()}, so a lookup by either ID works.
 *
 * <p>{@code connection}:   the connection's name
 * <p>{@code identity}:     who the token acts as, from users/me
 * <p>{@code notionVersion}: the Notion-Version the map was made with
 * <p>{@code nodes}:        every readable object found, plus placeholders for unreadable ancestors
 * <p>{@code roots}:        sharing roots (IDs), in discovery order
 * <p>{@code placeholders}: unreadable ancestors (IDs)
 * <p>{@code notes}:        what is known to be partial
 * <p>{@code requests}:     API calls the map made (each retry counts)
 * <p>{@code watermark}:    the newest {@code last_edited_time} seen: where the next re-map's search stops
 * <p>{@code finishedAt}:   when the map was finished
 * <p>{@code lost}:         for a re-map: objects of the previous map that are gone, with the re-probe's verdict
 */
public final class WorkspaceMap {
    private final String connection;
    private final MapIdentity identity;
    private final String notionVersion;
    private final Map<String, MapNode> nodes;
    private final List<String> roots;
    private final List<String> placeholders;
    private final List<MapNote> notes;
    private final int requests;
    private final String watermark;
    private final Instant finishedAt;
    private final Map<String, LostVerdict> lost;
    private final Map<String, List<MapNode>> childIndex = new HashMap<>();

    /** Why a previously visible object is no longer in the map. */
    public enum LostVerdict {
        /** 404 now: the connection (or its user) lost access, or it was deleted. */
        LOST_ACCESS,
        /** Still readable, in the trash. */
        TRASHED,
        /** Still readable, under another parent that is not in the map. */
        MOVED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public WorkspaceMap(String connection, MapIdentity identity, String notionVersion, Map<String, MapNode> nodes,
                        List<String> roots, List<String> placeholders, List<MapNote> notes, int requests,
                        String watermark, Instant finishedAt, Map<String, LostVerdict> lost) {
        this.connection = connection;
        this.identity = identity;
        this.notionVersion = notionVersion;
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        this.roots = List.copyOf(roots);
        this.placeholders = List.copyOf(placeholders);
        this.notes = List.copyOf(notes);
        this.requests = requests;
        this.watermark = watermark;
        this.finishedAt = finishedAt;
        this.lost = Collections.unmodifiableMap(new LinkedHashMap<>(lost));
        for (MapNode n : this.nodes.values()) {
            if (n.parentId() != null) {
                childIndex.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
            }
        }
    }

    public String connection() {
        return connection;
    }

    public MapIdentity identity() {
        return identity;
    }

    public String notionVersion() {
        return notionVersion;
    }

    public Map<String, MapNode> nodes() {
        return nodes;
    }

    public List<String> roots() {
        return roots;
    }

    public List<String> placeholders() {
        return placeholders;
    }

    public List<MapNote> notes() {
        return notes;
    }

    public int requests() {
        return requests;
    }

    public String watermark() {
        return watermark;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Map<String, LostVerdict> lost() {
        return lost;
    }

    public Optional<MapNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** Readable objects (placeholders left out). */
    public int visibleCount() {
        return (int) nodes.values().stream().filter(n -> !n.placeholder()).count();
    }

    /** True when nothing is known to be missing (no cursor gave up, no probe failed). */
    public boolean complete() {
        return notes.stream().noneMatch(n -> n.kind() == MapNote.Kind.SEARCH_INCOMPLETE || n.kind() == MapNote.Kind.PROBE_FAILED);
    }

    /** Children as the map knows them (not the lazily loaded ones), in discovery order. */
    public List<MapNode> children(String id) {
        return Collections.unmodifiableList(childIndex.getOrDefault(id, List.of()));
    }

    /** The top-level nodes of the tree: roots under the workspace, and placeholders (with their subtrees). */
    public List<MapNode> treeTops() {
        List<MapNode> out = new ArrayList<>();
        for (MapNode n : nodes.values()) {
            if (n.parentId() == null || !nodes.containsKey(n.parentId())) {
                out.add(n);
            }
        }
        return out;
    }

    /** From the top of the tree down to the node (placeholders included). */
    public List<MapNode> path(String id) {
        List<MapNode> path = new ArrayList<>();
        MapNode n = nodes.get(id);
        while (n != null && path.size() <= nodes.size()) {
            path.add(0, n);
            n = n.parentId() == null ? null : nodes.get(n.parentId());
        }
        return path;
    }

    /** Readable nodes grouped by the sharing root they are visible through, roots in order. */
    public Map<String, List<MapNode>> byRoot() {
        Map<String, List<MapNode>> out = new LinkedHashMap<>();
        roots.forEach(r -> out.put(r, new ArrayList<>()));
        for (MapNode n : nodes.values()) {
            if (n.sharingRoot() != null) {
                out.computeIfAbsent(n.sharingRoot(), k -> new ArrayList<>()).add(n);
            }
        }
        return out;
    }

    /**
     * Why the connection can read the node, worded for its kind: "shared with the connection at 'Engineering'", or for
     * a PAT or OAuth install "visible because Alice Okafor can see 'Engineering'" (notion-api.md 5.1).
     */
    public String whyVisible(String id) {
        MapNode n = nodes.get(id);
        if (n == null) {
            return "not in this map";
        }
        if (n.placeholder()) {
            return "not readable by " + connection + ": its ID shows only as a child's parent";
        }
        MapNode root = nodes.get(n.sharingRoot());
        String where = root == null ? "?" : "'" + (root.title().isEmpty() ? root.id() : root.title()) + "'";
        if (identity.tokenKind().actsForUser()) {
            String who = identity.actor() == null ? "the token's user" : identity.actor();
            return n.isRoot() ? "visible because " + who + " can see it: " + who + "'s access starts here"
                    : "visible because " + who + " can see " + where;
        }
        return n.isRoot() ? "shared with the connection here" : "shared with the connection at " + where;
    }

    /** A root's label in the UI and in {@code --roots}: "shared with the connection here" or "Alice's access starts here". */
    public String rootPhrase() {
        if (identity.tokenKind().actsForUser()) {
            return (identity.actor() == null ? "the user" : identity.actor()) + "'s access starts here";
        }
        return "shared with the connection here";
    }

    public Collection<MapNode> all() {
        return nodes.values();
    }
}
