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
import dev.notionconsole.sandbox.model.Page;
import dev.notionconsole.sandbox.model.RichText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** Data-source endpoints, 2025-09-03 and later (docs/notion-api.md §2.4, 3.4); older versions get invalid_request_url. */
public final class DataSourcesApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private DataSourcesApi() {
    }

    public static void register(Router router) {
        router.route("GET", "/v1/data_sources/{data_source_id}").since(ApiVersion.DATA_SOURCES).handle(DataSourcesApi::retrieve);
        router.route("POST", "/v1/data_sources").since(ApiVersion.DATA_SOURCES).mutating().handle(DataSourcesApi::create);
        router.route("PATCH", "/v1/data_sources/{data_source_id}").since(ApiVersion.DATA_SOURCES).mutating().handle(DataSourcesApi::update);
        router.route("POST", "/v1/data_sources/{data_source_id}/query").since(ApiVersion.DATA_SOURCES).handle(DataSourcesApi::query);
        router.route("GET", "/v1/data_sources/{data_source_id}/templates").since(ApiVersion.DATA_SOURCES).handle(DataSourcesApi::templates);
    }

    static Response retrieve(Call call) {
        String id = Params.pathId(call, "data_source_id");
        Access.require(call, Capability.READ_CONTENT);
        return Response.ok(new Render(call).dataSource(Access.dataSource(call, id)));
    }

    /** Adds a data source to an existing database. */
    static Response create(Call call) {
        ObjectNode body = call.body();
        Params.onlyKeys(body, "body", Set.of("parent", "properties", "title", "icon"));
        Mutations.ParentRef parent = Mutations.parent(Params.required(body, "parent", "body"), "body.parent", List.of("database_id"));
        JsonNode props = Params.required(body, "properties", "body");
        ArrayNode title = DatabasesApi.richTextField(body, "title");
        JsonNode icon = Mutations.iconOrCover(body.get("icon"), "body.icon", false);
        Params.requireObject(props, "body.properties");
        Access.require(call, Capability.INSERT_CONTENT);
        Database db = Access.database(call, parent.id());
        ObjectNode schema = DatabasesApi.schemaFromRequest(call, props, "body.properties", null);
        Attachments uploads = new Attachments(call);
        icon = uploads.icon(icon, "body.icon");
        DataSource ds = new DataSource(call.model().newId(), db.workspace(), title, schema);
        ds.setIcon(icon);
        ds.setCreated(call.model().nowMinute(), call.identity().bot().id());
        call.model().attach(ds, db, -1);
        db.touch(call.model().nowMinute(), call.identity().bot().id());
        uploads.commit();
        if (!call.identity().has(Capability.READ_CONTENT)) {
            return Response.ok(Render.partial("data_source", ds.id()));
        }
        return Response.ok(new Render(call).dataSource(ds));
    }

    static Response update(Call call) {
        String id = Params.pathId(call, "data_source_id");
        ObjectNode body = call.body();
        Set<String> allowed = new HashSet<>(Set.of("title", "icon", "properties", "in_trash", "description"));
        if (!call.versionAtLeast(ApiVersion.NO_ARCHIVED)) {
            allowed.add("archived");
        }
        Params.onlyKeys(body, "body", allowed);
        Boolean trash = BlocksApi.trashFlag(call, body);
        ArrayNode title = body.has("title") ? DatabasesApi.richTextField(body, "title") : null;
        ArrayNode description = body.has("description") ? DatabasesApi.richTextField(body, "description") : null;
        JsonNode icon = body.has("icon") ? Mutations.iconOrCover(body.get("icon"), "body.icon", false) : null;
        if (body.has("properties")) {
            Params.requireObject(body.get("properties"), "body.properties");
        }
        Access.require(call, Capability.UPDATE_CONTENT);
        DataSource ds = Access.dataSource(call, id);
        Attachments uploads = new Attachments(call);
        icon = uploads.icon(icon, "body.icon");
        if (body.has("properties")) {
            ds.setProperties(DatabasesApi.schemaFromRequest(call, body.get("properties"), "body.properties", ds.properties()));
            Mutations.reconcileRows(ds);
        }
        if (title != null) {
            ds.setTitle(title);
        }
        if (description != null) {
            ds.setDescription(description);
        }
        if (body.has("icon")) {
            ds.setIcon(icon);
        }
        if (trash != null) {
            ds.setInTrash(trash);
        }
        ds.touch(call.model().nowMinute(), call.identity().bot().id());
        uploads.commit();
        return Response.ok(Access.readable(call) ? new Render(call).dataSource(ds) : Render.partial("data_source", ds.id()));
    }

    /** The parsed body of a query, validated before capability and visibility. */
    record QuerySpec(JsonNode filter, JsonNode sorts, Lists.Window window, boolean inTrash, String resultType) {
        static QuerySpec parse(Call call, boolean dataSourceRoute) {
            ObjectNode body = call.body();
            Set<String> allowed = new HashSet<>(Set.of("filter", "sorts", "start_cursor", "page_size"));
            if (dataSourceRoute) {
                allowed.add("in_trash");
                allowed.add("result_type");
            }
            if (!call.versionAtLeast(ApiVersion.NO_ARCHIVED)) {
                allowed.add("archived");
            }
            Params.onlyKeys(body, "body", allowed);
            JsonNode filter = body.hasNonNull("filter") ? Params.requireObject(body.get("filter"), "body.filter") : null;
            JsonNode sorts = null;
            if (body.hasNonNull("sorts")) {
                sorts = body.get("sorts");
                checkSorts(sorts, "body.sorts");
            }
            boolean trash = false;
            if (body.has("in_trash")) {
                trash = Params.requireBoolean(body.get("in_trash"), "body.in_trash");
            }
            if (body.has("archived")) {
                trash = Params.requireBoolean(body.get("archived"), "body.archived");
            }
            String resultType = null;
            if (body.hasNonNull("result_type")) {
                resultType = Params.requireString(body.get("result_type"), "body.result_type");
                if (!"page".equals(resultType) && !"data_source".equals(resultType)) {
                    throw ApiError.bodyInvalid("body.result_type should be `\"page\"` or `\"data_source\"`, instead was `" + Jsonish.quote(resultType) + "`.");
                }
            }
            Lists.Window w = Lists.window(body.get("page_size"), body.get("start_cursor"), "body");
            return new QuerySpec(filter, sorts, w, trash, resultType);
        }
    }

    /** The shape of a sorts array (property or timestamp, direction); property names are checked when sorting. */
    static void checkSorts(JsonNode sorts, String path) {
        Params.requireArray(sorts, path);
        for (int i = 0; i < sorts.size(); i++) {
            String ip = path + "[" + i + "]";
            ObjectNode s = Params.requireObject(sorts.get(i), ip);
            if (!s.has("property") && !s.has("timestamp")) {
                throw ApiError.validation("body failed validation. Fix one: " + ip + ".property should be defined, instead was `undefined`. "
                        + ip + ".timestamp should be defined, instead was `undefined`.");
            }
            String dir = Params.requireString(s.get("direction"), ip + ".direction");
            if (!"ascending".equals(dir) && !"descending".equals(dir)) {
                throw ApiError.bodyInvalid(ip + ".direction should be `\"ascending\"` or `\"descending\"`, instead was `" + Jsonish.quote(dir) + "`.");
            }
        }
    }

    static Response query(Call call) {
        String id = Params.pathId(call, "data_source_id");
        QuerySpec spec = QuerySpec.parse(call, true);
        Access.require(call, Capability.READ_CONTENT);
        return runQuery(call, Access.dataSource(call, id), spec);
    }

    /** Runs a query on a data source: rows, and for wikis the data sources of nested databases. */
    static Response runQuery(Call call, DataSource ds, QuerySpec spec) {
        Render render = new Render(call);
        List<QueryFilter.Row> rows = matchingRows(render, ds, spec.filter(), spec.sorts(), spec.inTrash(), spec.resultType());
        List<String> wanted = call.query().get("filter_properties");
        String type = render.dataSourceEra() ? "page_or_data_source" : "page_or_database";
        ObjectNode out = Lists.envelope(rows, spec.window(), type, r -> {
            if (r.node() instanceof Page p) {
                ObjectNode page = render.page(p);
                if (wanted != null && !wanted.isEmpty()) {
                    PagesApi.filterProperties(call, page);
                }
                return page;
            }
            return render.dataSource((DataSource) r.node());
        });
        return Response.ok(out);
    }

    /**
     * What a query matches, in order: rows (pages) passing the filter and, for wikis, the data sources of nested
     * databases. Shared by data-source queries and view queries (docs/notion-api.md §2.4, 2.5).
     *
     * @param filter     null for none; validated against the schema here (unknown property: validation_error)
     * @param resultType null for both, "page" or "data_source"
     */
    static List<QueryFilter.Row> matchingRows(Render render, DataSource ds, JsonNode filter, JsonNode sorts, boolean inTrash, String resultType) {
        Predicate<QueryFilter.Row> test = filter == null ? r -> true : QueryFilter.compile(filter, ds, "body.filter", 0);
        Comparator<QueryFilter.Row> order = comparator(sorts, ds);
        List<QueryFilter.Row> rows = new ArrayList<>();
        for (Node n : ds.children()) {
            if (n.inTrash() != inTrash) {
                continue;
            }
            if (n instanceof Page p && !"data_source".equals(resultType)) {
                QueryFilter.Row row = new QueryFilter.Row(p, render.pageProperties(p));
                if (test.test(row)) {
                    rows.add(row);
                }
            } else if (n instanceof Database nested && !"page".equals(resultType) && filter == null && render.dataSourceEra()) {
                for (DataSource child : nested.liveDataSources()) {
                    rows.add(new QueryFilter.Row(child, null));
                }
            }
        }
        rows.sort(order);
        return rows;
    }

    /** Sorts in order given; default: created_time descending, like Notion's default view order [inf]. */
    static Comparator<QueryFilter.Row> comparator(JsonNode sorts, DataSource ds) {
        Comparator<QueryFilter.Row> c = null;
        if (sorts != null) {
            for (JsonNode s : sorts) {
                boolean desc = "descending".equals(s.path("direction").asText());
                Comparator<QueryFilter.Row> next;
                if (s.has("timestamp")) {
                    String ts = s.get("timestamp").asText();
                    next = Comparator.comparing(r -> "created_time".equals(ts) ? r.node().createdTime() : r.node().lastEditedTime());
                } else {
                    String prop = s.path("property").asText();
                    var entry = Properties.find(ds.properties(), prop);
                    if (entry == null) {
                        throw ApiError.validation("Could not find sort property with name or id: " + prop);
                    }
                    String name = entry.getKey();
                    next = Comparator.comparing(r -> sortKey(r, name), Comparator.nullsLast(Comparator.naturalOrder()));
                }
                if (desc) {
                    next = next.reversed();
                }
                c = c == null ? next : c.thenComparing(next);
            }
        }
        Comparator<QueryFilter.Row> base = Comparator.comparing((QueryFilter.Row r) -> r.node().createdTime()).reversed()
                .thenComparing(r -> r.node().id());
        return c == null ? base : c.thenComparing(base);
    }

    /** A comparable key for a property value: numbers padded so strings order like numbers. */
    private static String sortKey(QueryFilter.Row r, String name) {
        JsonNode v = r.value(name);
        String type = v.path("type").asText();
        JsonNode inner = v.get(type);
        if (inner == null || inner.isNull() || inner.isMissingNode()) {
            return null;
        }
        return switch (type) {
            case "title", "rich_text" -> RichText.plain(inner).toLowerCase(Locale.ROOT);
            case "number" -> String.format(Locale.ROOT, "%030.6f", inner.asDouble() + 1e12);
            case "select", "status" -> inner.path("name").asText();
            case "date" -> inner.path("start").asText();
            case "checkbox" -> inner.asBoolean() ? "1" : "0";
            default -> inner.toString();
        };
    }

    /** {templates: [{id, name, is_default}], has_more, next_cursor} — not the list envelope (docs/notion-api.md §2.4). */
    static Response templates(Call call) {
        String id = Params.pathId(call, "data_source_id");
        Lists.Window w = Lists.window(BlocksApi.text(call.queryParam("page_size")), BlocksApi.text(call.queryParam("start_cursor")), "query");
        String name = call.queryParam("name");
        Access.require(call, Capability.READ_CONTENT);
        DataSource ds = Access.dataSource(call, id);
        List<DataSource.Template> all = new ArrayList<>();
        for (DataSource.Template t : ds.templates()) {
            if (name == null || t.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
                all.add(t);
            }
        }
        ObjectNode list = Lists.envelope(all, w, "template", t -> {
            ObjectNode o = F.objectNode();
            o.put("id", t.id());
            o.put("name", t.name());
            o.put("is_default", t.isDefault());
            return o;
        });
        ObjectNode out = F.objectNode();
        out.put("object", "list");
        out.set("templates", list.get("results"));
        out.set("has_more", list.get("has_more"));
        out.set("next_cursor", list.get("next_cursor"));
        return Response.ok(out);
    }
}
