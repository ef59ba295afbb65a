package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.ApiVersion;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.http.Jsonish;
import dev.notionconsole.sandbox.http.Response;
import dev.notionconsole.sandbox.http.Router;
import dev.notionconsole.sandbox.model.Block;
import dev.notionconsole.sandbox.model.Capability;
import dev.notionconsole.sandbox.model.Database;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.Page;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Blocks endpoints (notion-api.md 2.2, 3.5, 4.6, 5.3). */
public final class BlocksApi {
    private BlocksApi() {
    }

    public static void register(Router router) {
        router.route("GET", "/v1/blocks/{block_id}").handle(BlocksApi::retrieve);
        router.route("GET", "/v1/blocks/{block_id}/children").handle(BlocksApi::children);
        router.route("PATCH", "/v1/blocks/{block_id}/children").mutating().handle(BlocksApi::append);
        router.route("PATCH", "/v1/blocks/{block_id}").mutating().handle(BlocksApi::update);
        router.route("DELETE", "/v1/blocks/{block_id}").mutating().handle(BlocksApi::delete);
    }

    static Response retrieve(Call call) {
        String id = Params.pathId(call, "block_id");
        Access.require(call, Capability.READ_CONTENT);
        return Response.ok(new Render(call).block(Access.block(call, id)));
    }

    /** First level only, trashed children left out; a database or linked database has no block children. */
    static Response children(Call call) {
        String id = Params.pathId(call, "block_id");
        Lists.Window w = Lists.window(text(call.queryParam("page_size")), text(call.queryParam("start_cursor")), "query");
        Access.require(call, Capability.READ_CONTENT);
        Node parent = Access.block(call, id);
        List<Node> kids = new ArrayList<>();
        if (!(parent instanceof Database)) {
            for (Node n : parent.children()) {
                if (!n.inTrash()) {
                    kids.add(n);
                }
            }
        }
        Render r = new Render(call);
        return Response.ok(Lists.envelope(kids, w, "block", r::block));
    }

    /** Appends up to 100 children (two nesting levels) at the end, the start or after a block. */
    static Response append(Call call) {
        String id = Params.pathId(call, "block_id");
        ObjectNode body = call.body();
        boolean positional = call.versionAtLeast(ApiVersion.NO_ARCHIVED);
        Set<String> allowed = new HashSet<>(Set.of("children"));
        allowed.add(positional ? "position" : "after");
        Params.onlyKeys(body, "body", allowed);
        JsonNode children = Params.required(body, "children", "body");
        int count = BlockFactory.validate(children, "body.children", 1, BlockFactory.MAX_LEVELS);
        if (count > BlockFactory.MAX_BLOCKS_PER_REQUEST) {
            throw ApiError.bodyInvalid("body.children should contain ≤ `" + BlockFactory.MAX_BLOCKS_PER_REQUEST
                    + "` block elements, instead was `" + count + "`.");
        }
        String afterId = null;
        boolean atStart = false;
        if (body.has("after")) {
            afterId = Params.bodyId(body.get("after"), "body.after");
        }
        if (body.has("position")) {
            ObjectNode pos = Params.requireObject(body.get("position"), "body.position");
            String type = Params.requireString(pos.get("type"), "body.position.type");
            switch (type) {
                case "end" -> { }
                case "start" -> atStart = true;
                case "after_block" -> afterId = Params.bodyId(pos.path("after_block").get("id"), "body.position.after_block.id");
                default -> throw ApiError.bodyInvalid("body.position.type should be `\"end\"`, `\"start\"` or `\"after_block\"`, instead was `"
                        + Jsonish.quote(type) + "`.");
            }
        }
        Access.require(call, Capability.INSERT_CONTENT);
        Node parent = Access.block(call, id);
        Mutations.requireNotTrashed(parent, null, false);
        if (parent instanceof Database || (parent instanceof Block b && b.isLinkedDatabase())) {
            throw ApiError.validation("Block type child_database does not support children.");
        }
        int index = -1;
        if (atStart) {
            index = 0;
        } else if (afterId != null) {
            index = indexOf(parent, afterId);
            if (index < 0) {
                throw ApiError.validation("Block with ID " + afterId + " is not a child of block " + id + ".");
            }
            index++;
        }
        Attachments uploads = new Attachments(call);
        children = uploads.blocks(children, "body.children");
        String actor = call.identity().bot().id();
        List<Block> created = BlockFactory.create(call.model(), parent, index, children, call.model().nowMinute(), actor, call.model()::newId);
        parent.touch(call.model().nowMinute(), actor);
        uploads.commit();
        Render r = new Render(call);
        boolean full = call.identity().has(Capability.READ_CONTENT);
        if (!call.versionAtLeast("2021-08-16")) {
            return Response.ok(full ? r.block(parent) : Render.partial("block", parent.id()));
        }
        List<Node> out = new ArrayList<>(created);
        return Response.ok(Lists.envelope(out, new Lists.Window(0, out.size()), "block",
                n -> full ? r.block(n) : Render.partial("block", n.id())));
    }

    private static int indexOf(Node parent, String childId) {
        for (int i = 0; i < parent.children().size(); i++) {
            if (parent.children().get(i).id().equals(childId)) {
                return i;
            }
        }
        return -1;
    }

    /** Updates a block's type object, or trashes/restores it with in_trash (archived before 2026-03-11). */
    static Response update(Call call) {
        String id = Params.pathId(call, "block_id");
        ObjectNode body = call.body();
        Boolean trash = trashFlag(call, body);
        Access.require(call, Capability.UPDATE_CONTENT);
        Node n = Access.block(call, id);
        Mutations.requireNotTrashed(n, trash, false);
        Set<String> allowed = new HashSet<>(Set.of("in_trash", "type"));
        if (!call.versionAtLeast(ApiVersion.NO_ARCHIVED)) {
            allowed.add("archived");
        }
        String type = n instanceof Block b ? (b.isLinkedDatabase() ? "child_database" : b.type()) : n instanceof Page ? "child_page" : "child_database";
        String requestType = new Render(call).blockTypeName(type);
        allowed.add(requestType);
        Params.onlyKeys(body, "body", allowed);
        JsonNode value = body.get(requestType);
        Attachments uploads = new Attachments(call);
        if (value != null) {
            ObjectNode v = Params.requireObject(value, "body." + requestType);
            if (n instanceof Block b && !b.isLinkedDatabase()) {
                if (BlockFactory.TEXT_TYPES.contains(type) && v.has("rich_text")) {
                    Params.richText(v.get("rich_text"), "body." + requestType + ".rich_text");
                }
                ObjectNode merged = b.value().deepCopy();
                ObjectNode incoming = v.deepCopy();
                incoming.remove("children");
                if (Attachments.MEDIA.contains(type)) {
                    incoming = uploads.media(incoming, "body." + requestType);
                    if (incoming.has("type")) {
                        // The file's source changes (external <-> uploaded): the old one goes.
                        merged.remove(List.of("external", "file", "file_upload"));
                    }
                }
                merged.setAll(incoming);
                BlockFactory.normalise(type, merged);
                b.setValue(merged);
            } else if (n instanceof Page p && v.has("title")) {
                String title = Params.requireString(v.get("title"), "body.child_page.title");
                var t = p.titleProperty();
                ObjectNode props = p.properties().deepCopy();
                props.set(t == null ? "title" : t.getKey(), Properties.titleValue(Render.text(title)));
                p.setProperties(props);
            }
        }
        if (trash != null) {
            n.setInTrash(trash);
        }
        n.touch(call.model().nowMinute(), call.identity().bot().id());
        uploads.commit();
        return Response.ok(Access.readable(call) ? new Render(call).block(n) : Render.partial("block", n.id()));
    }

    /** Moves a block (or a page) to the trash; it can be restored with in_trash false (notion-api.md 2.2). */
    static Response delete(Call call) {
        String id = Params.pathId(call, "block_id");
        Access.require(call, Capability.UPDATE_CONTENT);
        Node n = Access.block(call, id);
        n.setInTrash(true);
        n.touch(call.model().nowMinute(), call.identity().bot().id());
        return Response.ok(Access.readable(call) ? new Render(call).block(n) : Render.partial("block", n.id()));
    }

    /** in_trash, or archived on versions before 2026-03-11; null when neither is given. */
    static Boolean trashFlag(Call call, ObjectNode body) {
        Boolean trash = null;
        if (body.has("archived")) {
            if (call.versionAtLeast(ApiVersion.NO_ARCHIVED)) {
                throw ApiError.bodyInvalid("body.archived should be not present, instead was `" + Jsonish.show(body.get("archived")) + "`.");
            }
            trash = Params.requireBoolean(body.get("archived"), "body.archived");
        }
        if (body.has("in_trash")) {
            trash = Params.requireBoolean(body.get("in_trash"), "body.in_trash");
        }
        return trash;
    }

    static TextNode text(String s) {
        return s == null ? null : new TextNode(s);
    }
}
