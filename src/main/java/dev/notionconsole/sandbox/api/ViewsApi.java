package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.sandbox.model.View;
import dev.notionconsole.sandbox.model.ViewQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Views API (docs/notion-api.md §2.5; SDK {@code views.ts}; decision 0067): list, create, retrieve, update and delete
 * database views, and view queries, which run the data source query with the view's filter and sorts, cache the
 * matching page IDs for 15 minutes and hand them out page by page.
 *
 * <p>Views follow their database's visibility: a view of a database the token cannot see is "not found", never
 * 403. Capabilities per Notion's reference pages: read content to list, retrieve and query; insert and update
 * content to create; update content to update and delete.
 */
public final class ViewsApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** "Cached results expire after 15 minutes" (Notion's Create a view query reference). */
    static final Duration QUERY_TTL = Duration.ofMinutes(15);
    /** "This endpoint caches up to 10,000 results per query" (same page). */
    static final int QUERY_CACHE_LIMIT = 10_000;

    private ViewsApi() {
    }

    public static void register(Router router) {
        router.route("GET", "/v1/views").since(ApiVersion.VIEWS).handle(ViewsApi::list);
        router.route("POST", "/v1/views").since(ApiVersion.VIEWS).mutating().handle(ViewsApi::create);
        router.route("GET", "/v1/views/{view_id}").since(ApiVersion.VIEWS).handle(ViewsApi::retrieve);
        router.route("PATCH", "/v1/views/{view_id}").since(ApiVersion.VIEWS).mutating().handle(ViewsApi::update);
        router.route("DELETE", "/v1/views/{view_id}").since(ApiVersion.VIEWS).mutating().handle(ViewsApi::delete);
        router.route("POST", "/v1/views/{view_id}/queries").since(ApiVersion.VIEWS).mutating().handle(ViewsApi::createQuery);
        router.route("GET", "/v1/views/{view_id}/queries/{query_id}").since(ApiVersion.VIEWS).handle(ViewsApi::queryResults);
        router.route("DELETE", "/v1/views/{view_id}/queries/{query_id}").since(ApiVersion.VIEWS).mutating().handle(ViewsApi::deleteQuery);
    }

    // ---- views ---------------------------------------------------------------------------------------------

    /** {@code GET /v1/views?database_id=|data_source_id=}: view references {object:"view", id} in tab order. */
    static Response list(Call call) {
        String databaseId = queryId(call, "database_id");
        String dataSourceId = queryId(call, "data_source_id");
        if (databaseId == null && dataSourceId == null) {
            throw ApiError.validation("query failed validation. Fix one: query.database_id should be defined, instead was `undefined`. "
                    + "query.data_source_id should be defined, instead was `undefined`.");
        }
        Lists.Window w = Lists.window(BlocksApi.text(call.queryParam("page_size")), BlocksApi.text(call.queryParam("start_cursor")), "query");
        Access.require(call, Capability.READ_CONTENT);
        List<View> views = new ArrayList<>();
        if (databaseId != null) {
            Database db = Access.database(call, databaseId);
            DataSource ds = dataSourceId == null ? null : Access.dataSource(call, dataSourceId);
            for (View v : call.model().viewsOf(db)) {
                if (ds == null || v.dataSource() == ds) {
                    views.add(v);
                }
            }
        } else {
            // "including linked views across the workspace": every view scoped to this data source
            DataSource ds = Access.dataSource(call, dataSourceId);
            for (View v : call.model().views()) {
                if (v.dataSource() == ds) {
                    views.add(v);
                }
            }
        }
        return Response.ok(Lists.envelope(views, w, "view", v -> Render.partial("view", v.id())));
    }

    private static String queryId(Call call, String param) {
        String raw = call.queryParam(param);
        if (raw == null) {
            return null;
        }
        String id = Ids.canonical(raw);
        if (id == null) {
            throw ApiError.queryInvalid("query." + param + " should be a valid uuid, instead was `" + Jsonish.quote(raw) + "`.");
        }
        return id;
    }

    static Response retrieve(Call call) {
        String id = Params.pathId(call, "view_id");
        Access.require(call, Capability.READ_CONTENT);
        return Response.ok(new Render(call).view(visibleView(call, id)));
    }

    /** A view whose database the token can see, else the same 404 as for a view that does not exist. */
    static View visibleView(Call call, String id) {
        View v = call.model().view(id);
        if (v == null || !call.model().visibility().canSee(call.identity(), v.database())) {
            throw Access.notFound(call, "view", id);
        }
        return v;
    }

    /** {@code POST /v1/views}: a view on a database (database_id); dashboard widgets and create_database are not simulated. */
    static Response create(Call call) {
        ObjectNode body = call.body();
        Params.onlyKeys(body, "body", Set.of("data_source_id", "name", "type", "database_id", "view_id", "filter", "sorts", "quick_filters",
                "create_database", "configuration", "position", "placement"));
        String dataSourceId = Params.bodyId(body.get("data_source_id"), "body.data_source_id");
        String name = Params.requireString(Params.required(body, "name", "body"), "body.name");
        String type = Params.requireString(Params.required(body, "type", "body"), "body.type");
        if (!View.TYPES.contains(type)) {
            throw ApiError.bodyInvalid("body.type should be one of " + quotedList(View.TYPES) + ", instead was `" + Jsonish.quote(type) + "`.");
        }
        int targets = (body.hasNonNull("database_id") ? 1 : 0) + (body.hasNonNull("view_id") ? 1 : 0) + (body.hasNonNull("create_database") ? 1 : 0);
        if (targets != 1) {
            // Notion's reference: 400 when more than one of database_id, view_id, create_database is given, or none.
            throw ApiError.validation("body failed validation: provide exactly one of body.database_id, body.view_id or body.create_database.");
        }
        if (!body.hasNonNull("database_id")) {
            throw ApiError.validation("The sandbox does not simulate dashboard widgets (body.view_id) or new linked databases "
                    + "(body.create_database): create the view with body.database_id.");
        }
        if (body.has("placement")) {
            throw ApiError.bodyInvalid("body.placement should be not present, instead was `" + Jsonish.show(body.get("placement"))
                    + "`. It only applies with body.view_id.");
        }
        String databaseId = Params.bodyId(body.get("database_id"), "body.database_id");
        ViewSettings settings = ViewSettings.parse(body, type, false);
        JsonNode position = body.hasNonNull("position") ? Params.requireObject(body.get("position"), "body.position") : null;
        String after = position == null ? null : positionAfter(position);

        Access.require(call, Capability.INSERT_CONTENT);
        Access.require(call, Capability.UPDATE_CONTENT);
        Database db = Access.database(call, databaseId);
        DataSource ds = Access.dataSource(call, dataSourceId);
        if (ds.database() != db) {
            throw ApiError.validation("Data source " + ds.id() + " does not belong to database " + db.id() + ".");
        }
        int index = -1;
        if (position != null && "start".equals(position.path("type").asText())) {
            index = 0;
        } else if (after != null) {
            View anchor = call.model().view(after);
            int at = anchor == null ? -1 : call.model().viewsOf(db).indexOf(anchor);
            if (at < 0) {
                throw ApiError.validation("View " + after + " is not a view of database " + db.id() + ".");
            }
            index = at + 1;
        }
        View v = new View(call.model().newId(), db, "dashboard".equals(type) ? null : ds, type, name);
        settings.applyTo(v, new Render(call));
        v.setCreated(call.model().nowMinute(), call.identity().bot().id());
        call.model().addView(v, index);
        return Response.ok(Access.readable(call) ? new Render(call).view(v) : Render.viewPartial(v));
    }

    /** position: {type:"start"} | {type:"end"} | {type:"after_view", view_id}; returns the after_view id or null. */
    private static String positionAfter(JsonNode position) {
        String type = Params.requireString(position.get("type"), "body.position.type");
        return switch (type) {
            case "start", "end" -> null;
            case "after_view" -> Params.bodyId(position.get("view_id"), "body.position.view_id");
            default -> throw ApiError.bodyInvalid("body.position.type should be `\"start\"`, `\"end\"` or `\"after_view\"`, instead was `"
                    + Jsonish.quote(type) + "`.");
        };
    }

    static Response update(Call call) {
        String id = Params.pathId(call, "view_id");
        ObjectNode body = call.body();
        Params.onlyKeys(body, "body", Set.of("name", "filter", "sorts", "quick_filters", "configuration"));
        String name = body.has("name") ? Params.requireString(body.get("name"), "body.name") : null;
        Access.require(call, Capability.UPDATE_CONTENT);
        View v = visibleView(call, id);
        ViewSettings settings = ViewSettings.parse(body, v.type(), true);
        settings.applyTo(v, new Render(call));
        if (name != null) {
            v.setName(name);
        }
        v.touch(call.model().nowMinute(), call.identity().bot().id());
        return Response.ok(Access.readable(call) ? new Render(call).view(v) : Render.viewPartial(v));
    }

    /** Answers the partial view ({@code DeleteViewResponse} is {@code PartialDataSourceViewObjectResponse}). */
    static Response delete(Call call) {
        String id = Params.pathId(call, "view_id");
        Access.require(call, Capability.UPDATE_CONTENT);
        View v = visibleView(call, id);
        call.model().removeView(v);
        return Response.ok(Render.viewPartial(v));
    }

    /**
     * Checks and stores a view's filter, sorts, quick_filters and configuration as {@code POST /v1/views} does, for
     * views that do not come through the API (fixtures).
     *
     * @throws ApiError with the message create would give
     */
    public static void define(View v, ObjectNode settings) {
        ViewSettings.parse(settings, v.type(), false).applyTo(v, new Render(ApiVersion.LATEST, null));
    }

    // ---- view queries --------------------------------------------------------------------------------------

    /** {@code POST /v1/views/{id}/queries}: {object:"view_query", id, view_id, expires_at, total_count, results, next_cursor, has_more}. */
    static Response createQuery(Call call) {
        String id = Params.pathId(call, "view_id");
        ObjectNode body = call.body();
        Params.onlyKeys(body, "body", Set.of("page_size"));
        Lists.Window w = Lists.window(body.get("page_size"), null, "body");
        Access.require(call, Capability.READ_CONTENT);
        View v = visibleView(call, id);
        if (v.dataSource() == null) {
            throw ApiError.validation("View " + v.id() + " is a dashboard: it has no data source to query.");
        }
        List<String> ids = new ArrayList<>();
        for (QueryFilter.Row r : DataSourcesApi.matchingRows(new Render(call), v.dataSource(), v.filter(), v.sorts(), false, "page")) {
            ids.add(r.node().id());
        }
        boolean truncated = ids.size() > QUERY_CACHE_LIMIT;
        ViewQuery q = new ViewQuery(call.model().newId(), v, List.copyOf(truncated ? ids.subList(0, QUERY_CACHE_LIMIT) : ids),
                call.model().clock().instant().plus(QUERY_TTL), truncated);
        call.model().addViewQuery(q);

        ObjectNode page = resultsPage(q, w);
        ObjectNode out = F.objectNode();
        out.put("object", "view_query");
        out.put("id", q.id());
        out.put("view_id", v.id());
        out.put("expires_at", Render.time(q.expiresAt()));
        out.put("total_count", q.pageIds().size());
        out.set("results", page.get("results"));
        out.set("next_cursor", page.get("next_cursor"));
        out.set("has_more", page.get("has_more"));
        if (page.has("request_status")) {
            out.set("request_status", page.get("request_status"));
        }
        return Response.ok(out);
    }

    /** {@code GET /v1/views/{id}/queries/{query_id}}: a page of the cached result; an expired or unknown query is 404. */
    static Response queryResults(Call call) {
        String viewId = Params.pathId(call, "view_id");
        String queryId = Params.pathId(call, "query_id");
        Lists.Window w = Lists.window(BlocksApi.text(call.queryParam("page_size")), BlocksApi.text(call.queryParam("start_cursor")), "query");
        Access.require(call, Capability.READ_CONTENT);
        View v = visibleView(call, viewId);
        ViewQuery q = call.model().viewQuery(queryId);
        if (q == null || q.view() != v) {
            throw Access.notFound(call, "view_query", queryId);
        }
        return Response.ok(resultsPage(q, w));
    }

    /** Idempotent: "returns success even if the query doesn't exist or has already expired". */
    static Response deleteQuery(Call call) {
        String viewId = Params.pathId(call, "view_id");
        String queryId = Params.pathId(call, "query_id");
        Access.require(call, Capability.READ_CONTENT);
        View v = visibleView(call, viewId);
        ViewQuery q = call.model().viewQuery(queryId);
        if (q != null && q.view() == v) {
            call.model().removeViewQuery(queryId);
        }
        ObjectNode out = F.objectNode();
        out.put("object", "view_query");
        out.put("id", queryId);
        out.put("deleted", true);
        return Response.ok(out);
    }

    /** The list envelope of page references {object:"page", id}; request_status marks a truncated cache (docs/notion-api.md §3.6). */
    private static ObjectNode resultsPage(ViewQuery q, Lists.Window w) {
        ObjectNode page = Lists.envelope(q.pageIds(), w, "page", pageId -> Render.partial("page", pageId));
        if (q.truncated()) {
            page.putObject("request_status").put("type", "incomplete").put("incomplete_reason", "query_result_limit_reached");
        }
        return page;
    }

    private static String quotedList(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : i == values.size() - 1 ? " or " : ", ").append("`\"").append(values.get(i)).append("\"`");
        }
        return sb.toString();
    }

    /**
     * The settable parts of a view (filter, sorts, quick_filters, configuration) as sent: shapes are checked before
     * capability and visibility, property names against the data source after (the router's check order).
     */
    record ViewSettings(ObjectNode body, String type, boolean update) {

        static ViewSettings parse(ObjectNode body, String type, boolean update) {
            if (body.hasNonNull("filter")) {
                Params.requireObject(body.get("filter"), "body.filter");
            }
            if (body.hasNonNull("sorts")) {
                DataSourcesApi.checkSorts(body.get("sorts"), "body.sorts");
                if (update) {
                    // UpdateViewRequest.sorts is ViewPropertySortsRequest: property sorts only (SDK common.ts).
                    for (int i = 0; i < body.get("sorts").size(); i++) {
                        Params.required(body.get("sorts").get(i), "property", "body.sorts[" + i + "]");
                    }
                }
            }
            if (body.hasNonNull("quick_filters")) {
                ObjectNode qf = Params.requireObject(body.get("quick_filters"), "body.quick_filters");
                qf.fields().forEachRemaining(e -> {
                    if (!(update && e.getValue().isNull())) {
                        Params.requireObject(e.getValue(), "body.quick_filters." + e.getKey());
                    }
                });
            }
            if (body.has("configuration")) {
                if ("dashboard".equals(type)) {
                    throw ApiError.bodyInvalid("body.configuration should be not present, instead was `" + Jsonish.show(body.get("configuration"))
                            + "`. Dashboard views are laid out with rows, not a configuration.");
                }
                ObjectNode conf = Params.requireObject(body.get("configuration"), "body.configuration");
                String confType = Params.requireString(conf.get("type"), "body.configuration.type");
                if (!type.equals(confType)) {
                    throw ApiError.bodyInvalid("body.configuration.type should be `\"" + type + "\"`, instead was `" + Jsonish.quote(confType) + "`.");
                }
            }
            return new ViewSettings(body, type, update);
        }

        /** Checks names against the view's data source, then stores; on update, null clears and absent keeps. */
        void applyTo(View v, Render render) {
            DataSource ds = v.dataSource();
            boolean setsQuery = body.hasNonNull("filter") || body.hasNonNull("sorts") || body.hasNonNull("quick_filters");
            if (ds == null && setsQuery) {
                throw ApiError.validation("Dashboard views have no data source: filter, sorts and quick_filters do not apply.");
            }
            JsonNode filter = body.get("filter");
            JsonNode sorts = body.get("sorts");
            if (filter != null && !filter.isNull() || sorts != null && !sorts.isNull()) {
                // Runs the query once on the schema: unknown properties and bad conditions fail as they would later.
                DataSourcesApi.matchingRows(render, ds, filter == null || filter.isNull() ? null : filter,
                        sorts == null || sorts.isNull() ? null : sorts, false, "page");
            }
            if (filter != null) {
                v.setFilter(filter.isNull() ? null : filter.deepCopy());
            }
            if (sorts != null) {
                v.setSorts(sorts.isNull() ? null : sorts.deepCopy());
            }
            if (body.has("quick_filters")) {
                v.setQuickFilters(quickFilters(ds, body.get("quick_filters"), update ? v.quickFilters() : null));
            }
            if (body.has("configuration")) {
                v.setConfiguration(body.get("configuration").isNull() ? null : body.get("configuration").deepCopy());
            }
        }

        /** Quick filters keyed by property ID ("Keys are property IDs" in responses); null values remove one. */
        private static JsonNode quickFilters(DataSource ds, JsonNode in, JsonNode current) {
            if (in.isNull()) {
                return null;
            }
            ObjectNode out = current == null ? F.objectNode() : ((ObjectNode) current).deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Map.Entry<String, JsonNode> prop = Properties.find(ds.properties(), e.getKey());
                if (prop == null) {
                    throw ApiError.validation("Could not find property with name or id: " + e.getKey());
                }
                String propertyId = prop.getValue().path("id").asText(prop.getKey());
                if (e.getValue().isNull()) {
                    out.remove(propertyId);
                    continue;
                }
                ObjectNode asFilter = ((ObjectNode) e.getValue()).deepCopy();
                asFilter.put("property", prop.getKey());
                QueryFilter.compile(asFilter, ds, "body.quick_filters." + e.getKey(), 0);
                out.set(propertyId, e.getValue().deepCopy());
            }
            return out.isEmpty() ? null : out;
        }
    }
}
