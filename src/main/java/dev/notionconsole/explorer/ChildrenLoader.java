package dev.notionconsole.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import dev.notionconsole.notion.NotionVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads what a map never reads, one page of 100 at a time when the user expands a node (explorer-diagnostics.md
 * §1.5 "Design consequence"): a block's children ({@code GET /v1/blocks/{id}/children}) and a data source's rows
 * (its query). A {@code child_database} block the map does not know is retrieved once: a 404 makes it a hole
 * ({@link NodeFlag#HOLE}: the connection was removed there), another failure a linked view whose source is elsewhere
 * ({@link NodeFlag#LINKED_VIEW}, docs/notion-api.md §5.2). A {@code child_page} block the map does not know is read
 * once too (with a map only): 404 is a hole, 200 a page search did not list ("not in search"); one the map holds as
 * an unreadable placeholder is a hole without a request. The next cursor is handed back for "load more" and lives
 * only in memory. Blocking; thread-safe.
 */
public final class ChildrenLoader {
    /**
     * One page of children.
     *
     * @param parentId   what was expanded
     * @param children   in order; objects the map knows come back as the map has them
     * @param hasMore    more to load with {@link #more}
     * @param nextCursor the cursor for the next page (do not store it), or null
     * @param requests   calls this page took
     * @param failure    the error when the listing failed (children then empty), else null
     */
    public record ChildPage(String parentId, List<MapNode> children, boolean hasMore, String nextCursor, int requests,
                            Exchange failure) {
    }

    private final ApiCalls calls;
    private final WorkspaceMap map;
    private final String notionVersion;

    /** @param map the map the nodes belong to (known objects are returned as mapped), or null */
    public ChildrenLoader(ApiCalls calls, WorkspaceMap map, String notionVersion) {
        this.calls = calls;
        this.map = map;
        this.notionVersion = notionVersion == null ? NotionVersion.LATEST : notionVersion;
    }

    /** The first page of a page's or block's children. */
    public ChildPage blockChildren(String blockId, CancellationToken cancel) throws IOException, SecretStoreException {
        return blockChildren(blockId, null, cancel);
    }

    /** The first page of a data source's rows (a database ID before 2025-09-03). */
    public ChildPage rows(String dataSourceId, CancellationToken cancel) throws IOException, SecretStoreException {
        return rows(dataSourceId, null, cancel);
    }

    /** The next page after {@code page}. */
    public ChildPage more(ChildPage page, boolean rows, CancellationToken cancel) throws IOException, SecretStoreException {
        if (!page.hasMore()) {
            throw new IllegalArgumentException("nothing more to load under " + page.parentId());
        }
        return rows ? rows(page.parentId(), page.nextCursor(), cancel) : blockChildren(page.parentId(), page.nextCursor(), cancel);
    }

    private ChildPage blockChildren(String blockId, String cursor, CancellationToken cancel) throws IOException, SecretStoreException {
        ApiRequest r = ApiRequest.get("/v1/blocks/" + blockId + "/children").query("page_size", "100");
        if (cursor != null) {
            r = r.query("start_cursor", cursor);
        }
        Exchange x = calls.send(r, cancel, CallObserver.NONE);
        int requests = Math.max(1, x.attempts());
        if (!x.ok()) {
            return new ChildPage(blockId, List.of(), false, null, requests, x);
        }
        List<MapNode> out = new ArrayList<>();
        for (JsonNode block : x.json().path("results")) {
            String id = block.path("id").asText();
            MapNode mapped = map == null ? null : map.node(id).orElse(null);
            if (mapped != null && !mapped.placeholder()) {
                out.add(mapped);
                continue;
            }
            MapBuilder.Draft d = NotionObjects.draft(block, FoundBy.CHILDREN);
            if (d == null) {
                continue;
            }
            String type = block.path("type").asText();
            MapBuilder.Draft node = d;
            if ("child_page".equals(type) || "child_database".equals(type)) {
                boolean page = "child_page".equals(type);
                node = retyped(d, page ? "page" : "database");
                // a placeholder of the map already answered 404; a page the map does not know is read once (only then:
                // a complete map knows every readable page, so this is one request per hole or search gap)
                Exchange read = mapped != null || (page && map == null) ? null
                        : calls.send(ApiRequest.get((page ? "/v1/pages/" : "/v1/databases/") + id), cancel, CallObserver.NONE);
                requests += read == null ? 0 : Math.max(1, read.attempts());
                if (mapped != null || (read != null && isNotFound(read))) {
                    // a hole: the parent lists it, yet it cannot be read (explorer-diagnostics.md §1.4, §3.3 C3)
                    node.flags.add(NodeFlag.HOLE);
                    node.flags.add(NodeFlag.UNREADABLE);
                    out.add(node.freeze(null));
                    continue;
                }
                if (read != null && read.ok() && page) {
                    // readable but not in the map: search did not list it (a lagging leaf, explorer-diagnostics.md §1.1)
                    MapBuilder.Draft probed = NotionObjects.draft(read.json(), map.complete() ? FoundBy.PROBE : FoundBy.CHILDREN);
                    node = probed != null ? probed : node;
                } else if (read != null && !page) {
                    if (!read.ok()) {
                        node.flags.add(NodeFlag.LINKED_VIEW); // "is a linked database" and its kin (§1.3)
                    } else {
                        for (JsonNode s : read.json().path("data_sources")) {
                            node.related.add(s.path("id").asText());
                        }
                    }
                }
            }
            out.add(node.freeze(sharingRootOf(blockId)));
        }
        return page(blockId, x, out, requests);
    }

    private ChildPage rows(String dataSourceId, String cursor, CancellationToken cancel) throws IOException, SecretStoreException {
        boolean split = NotionVersion.atLeast(notionVersion, NotionVersion.DATA_SOURCES);
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("page_size", 100);
        if (cursor != null) {
            body.put("start_cursor", cursor);
        }
        String path = split ? "/v1/data_sources/" + dataSourceId + "/query" : "/v1/databases/" + dataSourceId + "/query";
        Exchange x = calls.send(ApiRequest.post(path, Json.compact(body)), cancel, CallObserver.NONE);
        int requests = Math.max(1, x.attempts());
        if (!x.ok()) {
            return new ChildPage(dataSourceId, List.of(), false, null, requests, x);
        }
        List<MapNode> out = new ArrayList<>();
        for (JsonNode row : x.json().path("results")) {
            MapNode known = map == null ? null : map.node(row.path("id").asText()).orElse(null);
            MapBuilder.Draft d = known != null ? null : NotionObjects.draft(row, FoundBy.CHILDREN);
            if (known != null) {
                out.add(known);
            } else if (d != null) {
                out.add(d.freeze(sharingRootOf(dataSourceId)));
            }
        }
        return page(dataSourceId, x, out, requests);
    }

    private static ChildPage page(String parentId, Exchange x, List<MapNode> out, int requests) {
        boolean more = x.json().path("has_more").asBoolean(false);
        String next = more && x.json().path("next_cursor").isTextual() ? x.json().path("next_cursor").asText() : null;
        return new ChildPage(parentId, out, more && next != null, next, requests, null);
    }

    /** Notion's 404 for an object it will not show this token; a linked database answers otherwise (§1.3). */
    private static boolean isNotFound(Exchange x) {
        return x.status() == 404 && x.error() != null && "object_not_found".equals(x.error().code())
                && !x.error().saysLinkedDatabase();
    }

    private static MapBuilder.Draft retyped(MapBuilder.Draft d, String object) {
        MapBuilder.Draft n = new MapBuilder.Draft(d.id, object, d.title, d.parent, FoundBy.CHILDREN);
        n.url = d.url;
        n.lastEdited = d.lastEdited;
        n.inTrash = d.inTrash;
        n.flags.addAll(d.flags);
        return n;
    }

    private String sharingRootOf(String parentId) {
        return map == null ? null : map.node(parentId).map(MapNode::sharingRoot).orElse(null);
    }
}
