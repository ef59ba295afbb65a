package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.ApiVersion;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.http.Jsonish;
import dev.notionconsole.sandbox.http.Response;
import dev.notionconsole.sandbox.http.Router;
import dev.notionconsole.sandbox.model.Capability;
import dev.notionconsole.sandbox.model.DataSource;
import dev.notionconsole.sandbox.model.Database;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.RichText;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Databases endpoints (docs/notion-api.md §2.3, 3.3, 1.5), including the legacy query route before 2025-09-03. */
public final class DatabasesApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private DatabasesApi() {
    }

    public static void register(Router router) {
        router.route("GET", "/v1/databases/{database_id}").handle(DatabasesApi::retrieve);
        router.route("POST", "/v1/databases").mutating().handle(DatabasesApi::create);
        router.route("PATCH", "/v1/databases/{database_id}").mutating().handle(DatabasesApi::update);
        router.route("POST", "/v1/databases/{database_id}/query").before(ApiVersion.DATA_SOURCES).handle(DatabasesApi::legacyQuery);
    }

    /** 400 for a multi-source database on a version before the split (docs/notion-api.md §1.5). */
    static ApiError multipleSources(Database db) {
        ObjectNode data = F.objectNode();
        data.put("error_type", "multiple_data_sources_for_database");
        data.put("database_id", db.id());
        ArrayNode ids = data.putArray("child_data_source_ids");
        for (DataSource ds : db.liveDataSources()) {
            ids.add(ds.id());
        }
        data.put("minimum_api_version", ApiVersion.DATA_SOURCES);
        return ApiError.validation("Databases with multiple data sources are not supported in this API version.", data);
    }

    static void checkSingleSourceOnOldVersion(Call call, Database db) {
        if (!call.versionAtLeast(ApiVersion.DATA_SOURCES) && db.liveDataSources().size() > 1) {
            throw multipleSources(db);
        }
    }

    static Response retrieve(Call call) {
        String id = Params.pathId(call, "database_id");
        Access.require(call, Capability.READ_CONTENT);
        Database db = Access.database(call, id);
        checkSingleSourceOnOldVersion(call, db);
        return Response.ok(new Render(call).database(db));
    }

    static Response create(Call call) {
        ObjectNode body = call.body();
        boolean newEra = call.versionAtLeast(ApiVersion.DATA_SOURCES);
        Set<String> allowed = new HashSet<>(Set.of("parent", "title", "description", "is_inline", "icon", "cover"));
        allowed.add(newEra ? "initial_data_source" : "properties");
        Params.onlyKeys(body, "body", allowed);
        Mutations.ParentRef parent = Mutations.parent(Params.required(body, "parent", "body"), "body.parent", List.of("page_id", "workspace"));
        ArrayNode title = richTextField(body, "title");
        ArrayNode description = richTextField(body, "description");
        boolean inline = body.has("is_inline") && Params.requireBoolean(body.get("is_inline"), "body.is_inline");
        JsonNode icon = Mutations.iconOrCover(body.get("icon"), "body.icon", false);
        JsonNode cover = Mutations.iconOrCover(body.get("cover"), "body.cover", true);
        JsonNode propsIn;
        String propsPath;
        if (newEra) {
            ObjectNode initial = body.has("initial_data_source") ? Params.requireObject(body.get("initial_data_source"), "body.initial_data_source") : F.objectNode();
            propsIn = initial.has("properties") ? initial.get("properties") : F.objectNode().set("Name", F.objectNode().set("title", F.objectNode()));
            propsPath = "body.initial_data_source.properties";
        } else {
            propsIn = Params.required(body, "properties", "body");
            propsPath = "body.properties";
        }
        ObjectNode schema = schemaFromRequest(call, propsIn, propsPath, null);
        Access.require(call, Capability.INSERT_CONTENT);
        Node parentNode = null;
        if (parent.workspace()) {
            Mutations.checkWorkspaceParentAllowed(call);
            if (inline) {
                throw ApiError.validation("Workspace-level databases must be full page databases: is_inline must be false.");
            }
        } else {
            parentNode = Access.page(call, parent.id());
        }
        Attachments uploads = new Attachments(call);
        icon = uploads.icon(icon, "body.icon");
        cover = uploads.icon(cover, "body.cover");
        String actor = call.identity().bot().id();
        var now = call.model().nowMinute();
        Database db = new Database(call.model().newId(), call.identity().workspace(), title);
        db.setDescription(description);
        db.setInline(inline);
        db.setIcon(icon);
        db.setCover(cover);
        db.setCreated(now, actor);
        call.model().attach(db, parentNode, -1);
        if (parentNode == null && call.identity().installation() != null) {
            call.identity().installation().pickedPages().add(db.id());
            call.model().sharesChanged();
        }
        DataSource ds = new DataSource(call.model().newId(), db.workspace(), title.deepCopy(), schema);
        ds.setCreated(now, actor);
        call.model().attach(ds, db, -1);
        uploads.commit();
        if (!call.identity().has(Capability.READ_CONTENT)) {
            return Response.ok(Render.partial("database", db.id()));
        }
        return Response.ok(new Render(call).database(db));
    }

    static ArrayNode richTextField(ObjectNode body, String key) {
        if (!body.hasNonNull(key)) {
            return RichText.array();
        }
        Params.richText(body.get(key), "body." + key);
        return RichText.normalise(body.get(key));
    }

    /**
     * A schema from a request: {"Name": {"title": {}}, "Status": {"select": {"options": [{"name": "A"}]}}}; with
     * {@code existing} given, merges into it (null deletes, {"name": "New"} renames).
     */
    static ObjectNode schemaFromRequest(Call call, JsonNode input, String path, ObjectNode existing) {
        Params.requireObject(input, path);
        ObjectNode schema = existing == null ? F.objectNode() : existing.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            Map.Entry<String, JsonNode> current = existing == null ? null : Properties.find(schema, e.getKey());
            if (e.getValue().isNull()) {
                if (current == null) {
                    throw ApiError.validation(e.getKey() + " is not a property that exists.");
                }
                if ("title".equals(current.getValue().path("type").asText())) {
                    throw ApiError.validation("Cannot delete the title property.");
                }
                schema.remove(current.getKey());
                continue;
            }
            ObjectNode spec = Params.requireObject(e.getValue(), p);
            String type = null;
            for (String t : Properties.TYPES) {
                if (spec.has(t)) {
                    type = t;
                }
            }
            if (spec.hasNonNull("type")) {
                type = spec.get("type").asText();
            }
            String name = spec.hasNonNull("name") ? Params.requireString(spec.get("name"), p + ".name") : (current != null ? current.getKey() : e.getKey());
            if (type == null && current != null) {
                // Rename only.
                ObjectNode renamed = ((ObjectNode) current.getValue()).deepCopy();
                renamed.put("name", name);
                schema.remove(current.getKey());
                schema.set(name, renamed);
                continue;
            }
            if (type == null || !Properties.TYPES.contains(type)) {
                throw ApiError.bodyInvalid(p + " should be a property schema with a supported type, instead was `" + Jsonish.show(spec) + "`.");
            }
            List<String> options = new java.util.ArrayList<>();
            JsonNode opts = spec.path(type).path("options");
            if (opts.isArray()) {
                Params.requireArray(opts, p + "." + type + ".options");
                for (int i = 0; i < opts.size(); i++) {
                    options.add(Params.requireString(opts.get(i).get("name"), p + "." + type + ".options[" + i + "].name"));
                }
            }
            ObjectNode relation = null;
            if ("relation".equals(type)) {
                JsonNode r = spec.get("relation");
                boolean newEra = call.versionAtLeast(ApiVersion.DATA_SOURCES);
                // 2025-09-03+ relations name a data source; older versions name a database (docs/notion-api.md §2.4).
                String key = newEra ? "data_source_id" : "database_id";
                if (r == null || !r.hasNonNull(key)) {
                    throw ApiError.bodyInvalid(p + ".relation." + key + " should be defined, instead was `undefined`.");
                }
                String targetId = Params.bodyId(r.get(key), p + ".relation." + key);
                DataSource target = newEra ? Access.dataSource(call, targetId) : Mutations.rowParent(call, new Mutations.ParentRef("database_id", targetId));
                relation = F.objectNode();
                relation.put("database_id", target.database().id());
                relation.put("data_source_id", target.id());
                relation.put("type", "single_property");
                relation.putObject("single_property");
            }
            if (current != null) {
                schema.remove(current.getKey());
            }
            schema.set(name, Properties.schemaEntry(name, type, options, relation));
        }
        int titles = 0;
        for (JsonNode v : schema) {
            if ("title".equals(v.path("type").asText())) {
                titles++;
            }
        }
        if (titles != 1) {
            throw ApiError.validation("Title property is required and only one is allowed: found " + titles + ".");
        }
        return schema;
    }

    static Response update(Call call) {
        String id = Params.pathId(call, "database_id");
        ObjectNode body = call.body();
        Set<String> allowed = new HashSet<>(Set.of("parent", "title", "description", "is_inline", "icon", "cover", "in_trash", "is_locked"));
        boolean newEra = call.versionAtLeast(ApiVersion.DATA_SOURCES);
        if (!call.versionAtLeast(ApiVersion.NO_ARCHIVED)) {
            allowed.add("archived");
        }
        if (!newEra) {
            allowed.add("properties");
        }
        Params.onlyKeys(body, "body", allowed);
        Boolean trash = BlocksApi.trashFlag(call, body);
        Mutations.ParentRef parent = body.hasNonNull("parent")
                ? Mutations.parent(body.get("parent"), "body.parent", List.of("page_id", "workspace")) : null;
        ArrayNode title = body.has("title") ? richTextField(body, "title") : null;
        ArrayNode description = body.has("description") ? richTextField(body, "description") : null;
        Boolean inline = body.has("is_inline") ? Params.requireBoolean(body.get("is_inline"), "body.is_inline") : null;
        Boolean locked = body.has("is_locked") ? Params.requireBoolean(body.get("is_locked"), "body.is_locked") : null;
        JsonNode icon = body.has("icon") ? Mutations.iconOrCover(body.get("icon"), "body.icon", false) : null;
        JsonNode cover = body.has("cover") ? Mutations.iconOrCover(body.get("cover"), "body.cover", true) : null;
        Access.require(call, Capability.UPDATE_CONTENT);
        Database db = Access.database(call, id);
        Attachments uploads = new Attachments(call);
        icon = uploads.icon(icon, "body.icon");
        cover = uploads.icon(cover, "body.cover");
        checkSingleSourceOnOldVersion(call, db);
        boolean willBeInline = inline != null ? inline : db.inline();
        if (body.hasNonNull("cover") && willBeInline) {
            throw ApiError.validation("Cannot set a cover on an inline database.");
        }
        if (body.has("properties")) {
            DataSource ds = db.liveDataSources().get(0);
            ds.setProperties(schemaFromRequest(call, body.get("properties"), "body.properties", ds.properties()));
            Mutations.reconcileRows(ds);
        }
        if (parent != null) {
            Node target = null;
            if (parent.workspace()) {
                Mutations.checkWorkspaceParentAllowed(call);
            } else {
                target = Access.page(call, parent.id());
                if (Mutations.isSelfOrDescendant(db, target)) {
                    throw ApiError.validation("Cannot move a database into one of its own pages.");
                }
            }
            call.model().move(db, target, -1);
        }
        if (title != null) {
            db.setTitle(title);
        }
        if (description != null) {
            db.setDescription(description);
        }
        if (inline != null) {
            db.setInline(inline);
        }
        if (locked != null) {
            db.setLocked(locked);
        }
        if (body.has("icon")) {
            db.setIcon(icon);
        }
        if (body.has("cover")) {
            db.setCover(cover);
        }
        if (trash != null) {
            db.setInTrash(trash);
        }
        db.touch(call.model().nowMinute(), call.identity().bot().id());
        uploads.commit();
        return Response.ok(Access.readable(call) ? new Render(call).database(db) : Render.partial("database", db.id()));
    }

    /** Before 2025-09-03: POST /v1/databases/{id}/query queries the database's single data source. */
    static Response legacyQuery(Call call) {
        String id = Params.pathId(call, "database_id");
        DataSourcesApi.QuerySpec spec = DataSourcesApi.QuerySpec.parse(call, false);
        Access.require(call, Capability.READ_CONTENT);
        Database db = Access.database(call, id);
        checkSingleSourceOnOldVersion(call, db);
        if (db.liveDataSources().isEmpty()) {
            throw ApiError.validation("Database with ID " + db.id() + " does not contain any data sources accessible by this API bot.");
        }
        return DataSourcesApi.runQuery(call, db.liveDataSources().get(0), spec);
    }
}
