package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.http.Jsonish;
import dev.notionconsole.sandbox.model.Connection;
import dev.notionconsole.sandbox.model.DataSource;
import dev.notionconsole.sandbox.model.Database;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.Page;
import java.util.Iterator;
import java.util.Map;

/** Shared parts of create/update/move: parent objects, icons and covers, property writes. */
final class Mutations {
    /** A parsed parent object: exactly one of the ids, or the workspace. */
    record ParentRef(String type, String id) {
        boolean workspace() {
            return "workspace".equals(type);
        }
    }

    private Mutations() {
    }

    /**
     * Reads {page_id} | {data_source_id} | {database_id} | {block_id} | {workspace: true}, with or without "type".
     * Which keys are accepted depends on the route.
     */
    static ParentRef parent(JsonNode parent, String path, java.util.List<String> accepted) {
        Params.requireObject(parent, path);
        for (String key : accepted) {
            if ("workspace".equals(key)) {
                if (parent.has("workspace")) {
                    if (!parent.get("workspace").isBoolean() || !parent.get("workspace").booleanValue()) {
                        throw ApiError.bodyInvalid(path + ".workspace should be `true`, instead was `" + Jsonish.show(parent.get("workspace")) + "`.");
                    }
                    return new ParentRef("workspace", null);
                }
            } else if (parent.has(key)) {
                return new ParentRef(key, Params.bodyId(parent.get(key), path + "." + key));
            }
        }
        StringBuilder sb = new StringBuilder("body failed validation. Fix one:");
        for (String key : accepted) {
            sb.append(' ').append(path).append('.').append(key).append(" should be defined, instead was `undefined`.");
        }
        throw ApiError.validation(sb.toString());
    }

    /** Internal connections have no owning user, so they cannot create workspace-level pages (notion-api.md 2.1, 5.2). */
    static void checkWorkspaceParentAllowed(Call call) {
        if (call.identity().kind() == Connection.Kind.INTERNAL) {
            throw ApiError.validation("Provide a `parent.page_id` or `parent.database_id` parameter to create a page, or use a public "
                    + "integration with `insert_content` capability. Internal integrations aren't owned by a single user, so creating "
                    + "workspace-level private pages is not supported.");
        }
    }

    /**
     * Writes to a trashed object, or to one inside a trashed page, are refused with Notion's messages
     * (docs/explorer-diagnostics.md §0.8, §3.4 D9); restoring the trashed object itself ({@code in_trash: false}) is not.
     *
     * @param trash the request's in_trash / archived value, or null
     * @param asPage the page route's wording, else the block route's
     */
    static void requireNotTrashed(Node n, Boolean trash, boolean asPage) {
        if (!n.inTrashOrUnderTrash() || (Boolean.FALSE.equals(trash) && n.inTrash())) {
            return;
        }
        throw ApiError.validation(asPage ? "Can't update a page that is archived. You must unarchive the page before updating."
                : "Can't edit block that is archived. You must unarchive the block before editing.");
    }

    /** Validates icon/cover shapes: null, {emoji}, {external:{url}}, {file_upload:{id}}, {custom_emoji}. */
    static JsonNode iconOrCover(JsonNode v, String path, boolean cover) {
        if (v == null || v.isNull()) {
            return null;
        }
        ObjectNode o = Params.requireObject(v, path);
        String type = o.has("type") ? o.get("type").asText() : o.has("emoji") ? "emoji" : o.has("external") ? "external"
                : o.has("file_upload") ? "file_upload" : o.has("custom_emoji") ? "custom_emoji" : null;
        if (type == null || (cover && ("emoji".equals(type) || "custom_emoji".equals(type)))) {
            throw ApiError.bodyInvalid(path + ".external should be defined, instead was `undefined`.");
        }
        ObjectNode out = o.deepCopy();
        out.put("type", type);
        if ("external".equals(type)) {
            Params.requireString(o.path("external").get("url"), path + ".external.url");
        }
        return out;
    }

    /**
     * Applies request property values to a page: rows against their data source's schema, other pages against the
     * title-only schema (notion-api.md 2.1). Returns the new property map.
     */
    static ObjectNode properties(Page page, DataSource ds, JsonNode input, ObjectNode existing) {
        ObjectNode out = existing == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : existing.deepCopy();
        if (input == null || input.isNull()) {
            return out;
        }
        Params.requireObject(input, "body.properties");
        ObjectNode schema = ds != null ? ds.properties() : Properties.pageSchema();
        for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Map.Entry<String, JsonNode> entry = Properties.find(schema, e.getKey());
            if (entry == null && ds == null && page != null && page.titleProperty() != null && page.titleProperty().getKey().equals(e.getKey())) {
                entry = Map.entry(e.getKey(), schema.get("title"));
            }
            if (entry == null) {
                throw ApiError.validation(e.getKey() + " is not a property that exists.");
            }
            JsonNode value = e.getValue();
            // Shorthand accepted by Notion for titles and rich text: the array itself.
            if (value.isArray() && ("title".equals(entry.getValue().path("type").asText()) || "rich_text".equals(entry.getValue().path("type").asText()))) {
                ObjectNode wrapped = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                wrapped.set(entry.getValue().path("type").asText(), value);
                value = wrapped;
            }
            String type = entry.getValue().path("type").asText();
            if (type.equals("created_time") || type.equals("last_edited_time") || type.equals("created_by") || type.equals("last_edited_by")) {
                throw ApiError.validation("Cannot update property \"" + entry.getKey() + "\" of type " + type + ".");
            }
            ObjectNode v = Properties.valueFromRequest((ObjectNode) entry.getValue(), value, "body.properties." + e.getKey());
            out.set(entry.getKey(), v);
        }
        return out;
    }

    /**
     * After a schema change: row values follow their property by id (a rename keeps them, a deleted property's
     * values go away).
     */
    static void reconcileRows(DataSource ds) {
        Map<String, String> nameById = new java.util.HashMap<>();
        ds.properties().fields().forEachRemaining(e -> nameById.put(e.getValue().path("id").asText(), e.getKey()));
        for (Node n : ds.children()) {
            if (n instanceof Page p) {
                ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                p.properties().fields().forEachRemaining(e -> {
                    String name = nameById.get(e.getValue().path("id").asText());
                    if (name != null) {
                        out.set(name, e.getValue());
                    }
                });
                p.setProperties(out);
            }
        }
    }

    /** True when target is node itself or one of its descendants (a move there would make a cycle). */
    static boolean isSelfOrDescendant(Node node, Node target) {
        for (Node n = target; n != null; n = n.parent()) {
            if (n == node) {
                return true;
            }
        }
        return false;
    }

    /** Data source named by {data_source_id} or the single data source of {database_id}. */
    static DataSource rowParent(Call call, ParentRef ref) {
        if ("data_source_id".equals(ref.type())) {
            return Access.dataSource(call, ref.id());
        }
        Database db = Access.database(call, ref.id());
        var sources = db.liveDataSources();
        if (sources.size() > 1) {
            throw DatabasesApi.multipleSources(db);
        }
        if (sources.isEmpty()) {
            throw ApiError.validation("Database with ID " + db.id() + " does not contain any data sources accessible by this API bot.");
        }
        return sources.get(0);
    }
}
