package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.ApiVersion;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.http.Response;
import dev.notionconsole.sandbox.http.Router;
import dev.notionconsole.sandbox.model.Block;
import dev.notionconsole.sandbox.model.Capability;
import dev.notionconsole.sandbox.model.DataSource;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.Page;
import dev.notionconsole.sandbox.model.RichText;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pages endpoints (docs/notion-api.md §2.1, 3.2, 5.2, 5.3). */
public final class PagesApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PagesApi() {
    }

    public static void register(Router router) {
        router.route("GET", "/v1/pages/{page_id}").handle(PagesApi::retrieve);
        router.route("POST", "/v1/pages").mutating().handle(PagesApi::create);
        router.route("PATCH", "/v1/pages/{page_id}").mutating().handle(PagesApi::update);
        router.route("POST", "/v1/pages/{page_id}/move").mutating().handle(PagesApi::move);
        router.route("GET", "/v1/pages/{page_id}/properties/{property_id}").handle(PagesApi::propertyItem);
    }

    static Response retrieve(Call call) {
        String id = Params.pathId(call, "page_id");
        Access.require(call, Capability.READ_CONTENT);
        Page p = Access.page(call, id);
        return Response.ok(filterProperties(call, new Render(call).page(p)));
    }

    /** filter_properties (repeatable) keeps only the named property ids/names. */
    static ObjectNode filterProperties(Call call, ObjectNode page) {
        List<String> wanted = call.query().get("filter_properties");
        if (wanted == null || wanted.isEmpty()) {
            return page;
        }
        ObjectNode props = (ObjectNode) page.get("properties");
        ObjectNode kept = F.objectNode();
        props.fields().forEachRemaining(e -> {
            if (wanted.contains(e.getKey()) || wanted.contains(e.getValue().path("id").asText())) {
                kept.set(e.getKey(), e.getValue());
            }
        });
        page.set("properties", kept);
        return page;
    }

    static Response create(Call call) {
        ObjectNode body = call.body();
        Params.onlyKeys(body, "body", Set.of("parent", "properties", "icon", "cover", "children", "content", "template", "position", "markdown"));
        Mutations.ParentRef parent = body.has("parent") && !body.get("parent").isNull()
                ? Mutations.parent(body.get("parent"), "body.parent", List.of("page_id", "data_source_id", "database_id", "workspace"))
                : new Mutations.ParentRef("workspace", null);
        JsonNode children = body.has("children") ? body.get("children") : body.get("content");
        if (children != null) {
            int count = BlockFactory.validate(children, body.has("children") ? "body.children" : "body.content", 1, BlockFactory.MAX_LEVELS);
            if (count > BlockFactory.MAX_BLOCKS_PER_REQUEST) {
                throw ApiError.bodyInvalid("body.children should contain ≤ `" + BlockFactory.MAX_BLOCKS_PER_REQUEST + "` block elements, instead was `" + count + "`.");
            }
        }
        JsonNode icon = Mutations.iconOrCover(body.get("icon"), "body.icon", false);
        JsonNode cover = Mutations.iconOrCover(body.get("cover"), "body.cover", true);
        if (body.has("properties")) {
            Params.requireObject(body.get("properties"), "body.properties");
        }
        // Enhanced markdown, the subset PATCH /v1/pages/{id}/markdown reads (decision 0067); checked before anything changes.
        ArrayNode markdownBlocks = body.hasNonNull("markdown")
                ? PageMarkdownApi.newBlocks(Params.requireString(body.get("markdown"), "body.markdown"), "body.markdown") : null;
        Access.require(call, Capability.INSERT_CONTENT);

        Node parentNode = null;
        DataSource ds = null;
        if (parent.workspace()) {
            Mutations.checkWorkspaceParentAllowed(call);
        } else if ("page_id".equals(parent.type())) {
            parentNode = Access.page(call, parent.id());
        } else {
            ds = Mutations.rowParent(call, parent);
            parentNode = ds;
        }
        if (parentNode != null) {
            Mutations.requireNotTrashed(parentNode, null, false); // a new page is a new child block of a trashed parent
        }
        Attachments uploads = new Attachments(call);
        icon = uploads.icon(icon, "body.icon");
        cover = uploads.icon(cover, "body.cover");
        children = uploads.blocks(children, body.has("children") ? "body.children" : "body.content");
        String actor = call.identity().bot().id();
        Page page = new Page(call.model().newId(), call.identity().workspace(), F.objectNode());
        ObjectNode props = uploads.files(Mutations.properties(null, ds, body.get("properties"), null));
        if (ds == null && !props.has("title")) {
            props.set("title", Properties.titleValue(RichText.array()));
        }
        page.setProperties(props);
        page.setIcon(icon);
        page.setCover(cover);
        page.setCreated(call.model().nowMinute(), actor);
        if (parent.workspace()) {
            // A private page of the authorizing user / token creator (docs/notion-api.md §5.2).
            page.setPrivateTo(call.identity().person().id());
        }
        call.model().attach(page, parentNode, -1);
        if (parent.workspace() && call.identity().installation() != null) {
            // The install created it, so it can see it.
            call.identity().installation().pickedPages().add(page.id());
            call.model().sharesChanged();
        }
        if (children != null) {
            BlockFactory.create(call.model(), page, -1, children, call.model().nowMinute(), actor, call.model()::newId);
        }
        if (markdownBlocks != null) {
            BlockFactory.create(call.model(), page, -1, markdownBlocks, call.model().nowMinute(), actor, call.model()::newId);
        }
        uploads.commit();
        if (parentNode != null) {
            parentNode.touch(call.model().nowMinute(), actor);
        }
        if (!call.identity().has(Capability.READ_CONTENT)) {
            return Response.ok(Render.partial("page", page.id()));
        }
        return Response.ok(new Render(call).page(page));
    }

    static Response update(Call call) {
        String id = Params.pathId(call, "page_id");
        ObjectNode body = call.body();
        Set<String> allowed = new HashSet<>(Set.of("properties", "icon", "cover", "is_locked", "in_trash", "is_archived", "template", "erase_content"));
        if (!call.versionAtLeast(ApiVersion.NO_ARCHIVED)) {
            allowed.add("archived");
        }
        Params.onlyKeys(body, "body", allowed);
        Boolean trash = BlocksApi.trashFlag(call, body);
        JsonNode icon = body.has("icon") ? Mutations.iconOrCover(body.get("icon"), "body.icon", false) : null;
        JsonNode cover = body.has("cover") ? Mutations.iconOrCover(body.get("cover"), "body.cover", true) : null;
        Boolean locked = body.has("is_locked") ? Params.requireBoolean(body.get("is_locked"), "body.is_locked") : null;
        boolean erase = body.has("erase_content") && Params.requireBoolean(body.get("erase_content"), "body.erase_content");
        if (body.has("properties")) {
            Params.requireObject(body.get("properties"), "body.properties");
        }
        Access.require(call, Capability.UPDATE_CONTENT);
        Page page = Access.page(call, id);
        Mutations.requireNotTrashed(page, trash, true);
        Attachments uploads = new Attachments(call);
        icon = uploads.icon(icon, "body.icon");
        cover = uploads.icon(cover, "body.cover");
        if (page.locked() && body.has("properties") && (locked == null || locked)) {
            throw ApiError.validation("Page with ID " + page.id() + " is locked. Unlock it to edit its properties.");
        }
        if (body.has("properties")) {
            page.setProperties(uploads.files(Mutations.properties(page, page.dataSource(), body.get("properties"), page.properties())));
        }
        if (body.has("icon")) {
            page.setIcon(icon);
        }
        if (body.has("cover")) {
            page.setCover(cover);
        }
        if (locked != null) {
            page.setLocked(locked);
        }
        if (trash != null) {
            page.setInTrash(trash);
        }
        if (erase) {
            page.children().removeIf(n -> n instanceof Block);
        }
        page.touch(call.model().nowMinute(), call.identity().bot().id());
        uploads.commit();
        if (!call.identity().has(Capability.READ_CONTENT)) {
            return Response.ok(Render.partial("page", page.id()));
        }
        return Response.ok(new Render(call).page(page));
    }

    /** Moves a page under another page or into a data source; access then follows the new ancestry. */
    static Response move(Call call) {
        String id = Params.pathId(call, "page_id");
        ObjectNode body = call.body();
        Params.onlyKeys(body, "body", Set.of("parent"));
        Mutations.ParentRef parent = Mutations.parent(Params.required(body, "parent", "body"), "body.parent",
                List.of("page_id", "data_source_id"));
        Access.require(call, Capability.UPDATE_CONTENT);
        Page page = Access.page(call, id);
        Node target = "page_id".equals(parent.type()) ? Access.page(call, parent.id()) : Access.dataSource(call, parent.id());
        if (Mutations.isSelfOrDescendant(page, target)) {
            throw ApiError.validation("Cannot move a page into itself or one of its descendants.");
        }
        if (target instanceof DataSource ds) {
            // Keep only properties the new schema knows; the title follows.
            ObjectNode props = F.objectNode();
            var title = page.titleProperty();
            if (title != null) {
                ObjectNode t = title.getValue().deepCopy();
                props.set(ds.titlePropertyName(), t);
            }
            page.properties().fields().forEachRemaining(e -> {
                if (ds.properties().has(e.getKey()) && !"title".equals(e.getValue().path("type").asText())) {
                    props.set(e.getKey(), e.getValue());
                }
            });
            page.setProperties(props);
        } else if (page.dataSource() != null) {
            var title = page.titleProperty();
            ObjectNode props = F.objectNode();
            props.set("title", title == null ? Properties.titleValue(RichText.array()) : Properties.titleValue((ArrayNode) title.getValue().get("title")));
            page.setProperties(props);
        }
        page.setPrivateTo(null);
        call.model().move(page, target, -1);
        page.touch(call.model().nowMinute(), call.identity().bot().id());
        return Response.ok(Access.readable(call) ? new Render(call).page(page) : Render.partial("page", page.id()));
    }

    /**
     * A single property value; title, rich_text, people and relation are paginated lists of property_item
     * objects (docs/notion-api.md §2.1).
     */
    static Response propertyItem(Call call) {
        String id = Params.pathId(call, "page_id");
        String propertyId = call.pathParam("property_id");
        Lists.Window w = Lists.window(BlocksApi.text(call.queryParam("page_size")), BlocksApi.text(call.queryParam("start_cursor")), "query");
        Access.require(call, Capability.READ_CONTENT);
        Page page = Access.page(call, id);
        ObjectNode props = new Render(call).pageProperties(page);
        Map.Entry<String, JsonNode> found = null;
        for (var it = props.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().path("id").asText().equals(propertyId) || e.getKey().equals(propertyId)) {
                found = e;
                break;
            }
        }
        if (found == null) {
            throw ApiError.validation("Could not find property with id or name: " + propertyId);
        }
        JsonNode value = found.getValue();
        String type = value.path("type").asText();
        String pid = value.path("id").asText();
        if (List.of("title", "rich_text", "people", "relation").contains(type)) {
            List<JsonNode> items = new java.util.ArrayList<>();
            value.path(type).forEach(items::add);
            ObjectNode list = Lists.envelope(items, w, "property_item", item -> {
                ObjectNode pi = F.objectNode();
                pi.put("object", "property_item");
                pi.put("id", pid);
                pi.put("type", type);
                pi.set(type, item);
                return pi;
            });
            ObjectNode info = list.putObject("property_item");
            info.put("id", pid);
            info.put("next_url", (String) null);
            info.put("type", type);
            info.putObject(type);
            return Response.ok(list);
        }
        ObjectNode pi = F.objectNode();
        pi.put("object", "property_item");
        pi.put("id", pid);
        pi.put("type", type);
        pi.set(type, value.get(type));
        return Response.ok(pi);
    }
}
