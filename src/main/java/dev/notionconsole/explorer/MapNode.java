package dev.notionconsole.explorer;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One object of a {@link WorkspaceMap}. Immutable.
 *
 * @param id             dashed lowercase UUID
 * @param object         Notion's name for it: {@code page}, {@code database}, {@code data_source}, {@code block}
 * @param title          plain text ("" when it has none; for a block its type, e.g. "toggle")
 * @param parentType     Notion's parent type ({@code workspace}, {@code page_id}, {@code block_id},
 *                       {@code database_id}, {@code data_source_id}, {@code agent_id}), or null for a placeholder
 *                       (a hole's is the readable parent that lists it)
 * @param parentId       the parent's ID, or null for {@code workspace}
 * @param url            as Notion returned it, or null
 * @param inTrash        {@code in_trash}
 * @param publicUrl      {@code public_url} (shared to the web), or null
 * @param lastEditedTime ISO-8601 as returned, or null
 * @param foundBy        how it was found
 * @param sharingRoot    the root this node is visible through (itself for a root); null for a placeholder
 * @param flags          badges
 * @param related        for a database container its data-source IDs; for a data source its database's ID; else empty
 */
public record MapNode(String id, String object, String title, String parentType, String parentId, String url,
                      boolean inTrash, String publicUrl, String lastEditedTime, FoundBy foundBy, String sharingRoot,
                      Set<NodeFlag> flags, List<String> related) {
    public MapNode {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        related = List.copyOf(related);
        title = title == null ? "" : title;
    }

    public boolean has(NodeFlag flag) {
        return flags.contains(flag);
    }

    public boolean placeholder() {
        return flags.contains(NodeFlag.UNREADABLE);
    }

    public boolean isRoot() {
        return id.equals(sharingRoot);
    }

    /** A page, database or data source that search did not list although the connection can read it. */
    public boolean notInSearch() {
        return foundBy == FoundBy.PROBE && !"block".equals(object);
    }

    public MapNode withSharingRoot(String root) {
        return new MapNode(id, object, title, parentType, parentId, url, inTrash, publicUrl, lastEditedTime, foundBy, root,
                flags, related);
    }

    /** The kind as a person names it: "page", "row", "database", "data source", "linked view", "block". */
    public String kindLabel() {
        if (has(NodeFlag.LINKED_VIEW)) {
            return "linked view";
        }
        if (has(NodeFlag.ROW)) {
            return "row";
        }
        return object.replace('_', ' ');
    }
}
