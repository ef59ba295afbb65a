package dev.notionconsole.ui.explorer;

import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.explorer.NodeFlag;
import dev.notionconsole.explorer.WorkspaceMap;
import dev.notionconsole.request.RequestSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What the details pane shows for the selected node, worked out without a toolkit.
 *
 * @param node    the node
 * @param badges  its badges, kind first
 * @param ids     labelled IDs to copy: "Page ID", "Database ID", "Data source ID" (one per data source)
 * @param path    titles from the top of the tree down to the node
 * @param why     why the connection can read it ("shared with the connection at 'Engineering'"), or how that will
 *                be known
 * @param request the read that "Open as request" fills in, or null when there is none (an unreadable ancestor
 *                has one: the 404 is the point)
 */
public record NodeDetails(MapNode node, List<Badge> badges, List<Id> ids, List<String> path, String why, RequestSpec request) {
    /** One copyable ID. */
    public record Id(String label, String value) {
    }

    public NodeDetails {
        badges = List.copyOf(badges);
        ids = List.copyOf(ids);
        path = List.copyOf(path);
    }

    /** "Page" for the heading. */
    public String kindLabel() {
        String k = badges.get(0).label();
        return Character.toUpperCase(k.charAt(0)) + k.substring(1);
    }

    public String title() {
        return ExplorerText.title(node);
    }

    /** @param map the finished map, or null while mapping (why visible is known only once every node is placed) */
    static NodeDetails of(MapNode n, ExplorerTree tree, WorkspaceMap map) {
        List<Id> ids = new ArrayList<>();
        switch (n.object()) {
            case "database" -> {
                ids.add(new Id("Database ID", n.id()));
                n.related().forEach(ds -> ids.add(new Id("Data source ID", ds)));
            }
            case "data_source" -> {
                ids.add(new Id("Data source ID", n.id()));
                n.related().forEach(db -> ids.add(new Id("Database ID", db)));
            }
            case "block" -> ids.add(new Id("Block ID", n.id()));
            default -> ids.add(new Id("Page ID", n.id()));
        }
        if (n.parentId() != null) {
            ids.add(new Id("Parent ID (" + n.parentType() + ")", n.parentId()));
        }
        List<String> path = new ArrayList<>();
        for (String id : tree.pathTo(n.id())) {
            MapNode p = tree.node(id);
            path.add(p == null ? id : ExplorerText.title(p));
        }
        String why = n.has(NodeFlag.HOLE) ? holeWhy(map)
                : map != null ? map.whyVisible(n.id())
                : n.placeholder() ? "not readable by this connection: its ID shows only as a child's parent"
                : "known when the map is finished (every object must be placed first)";
        return new NodeDetails(n, Badge.of(n), ids, path, why, readOf(n));
    }

    /** A hole (explorer-diagnostics.md §1.4): for a personal token it is the user's own access that stops there. */
    private static String holeWhy(WorkspaceMap map) {
        if (map != null && map.identity().tokenKind() == dev.notionconsole.explorer.TokenKind.PERSONAL) {
            return "not readable: its parent lists it, but " + map.identity().actor() + " has no access to it (its permissions were "
                    + "edited there). Ask its owner to share it with " + map.identity().actor() + ": adding a connection cannot help.";
        }
        return "not readable: its parent lists it, but this connection was removed here (or the page's permissions were edited). "
                + "Add the connection on this page itself; re-sharing the parent does not re-grant it.";
    }

    /** GET of the object by its kind (the Request section shows the route with the ID in its field). */
    static RequestSpec readOf(MapNode n) {
        return switch (n.object()) {
            case "database" -> RequestSpec.of("GET", "/v1/databases/" + n.id());
            case "data_source" -> RequestSpec.of("GET", "/v1/data_sources/" + n.id());
            case "block" -> RequestSpec.of("GET", "/v1/blocks/" + n.id() + "/children");
            default -> RequestSpec.of("GET", "/v1/pages/" + n.id());
        };
    }
}
