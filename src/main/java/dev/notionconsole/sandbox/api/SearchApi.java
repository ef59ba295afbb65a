package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.http.Jsonish;
import dev.notionconsole.sandbox.http.Response;
import dev.notionconsole.sandbox.http.Router;
import dev.notionconsole.sandbox.model.Capability;
import dev.notionconsole.sandbox.model.DataSource;
import dev.notionconsole.sandbox.model.Database;
import dev.notionconsole.sandbox.model.Identity;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.Page;
import dev.notionconsole.sandbox.model.SearchLag;
import dev.notionconsole.sandbox.model.SearchOrders;
import dev.notionconsole.sandbox.model.Visibility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * POST /v1/search (docs/notion-api.md §2.6): pages and data sources (databases before 2025-09-03) the token can see,
 * title substring match (a data source also matches on its database's title), filter by object and trash,
 * sort by last_edited_time or relevance, paginated; a walk's later pages keep its first page's order (decision 0150).
 * With the fixture's {@code search_lag}, objects not shared directly are left out until indexed ({@link SearchLag}).
 */
public final class SearchApi {
    private SearchApi() {
    }

    public static void register(Router router) {
        router.route("POST", "/v1/search").handle(SearchApi::search);
    }

    static Response search(Call call) {
        ObjectNode body = call.body();
        Params.onlyKeys(body, "body", Set.of("query", "filter", "sort", "start_cursor", "page_size"));
        Render render = new Render(call);
        boolean newEra = render.dataSourceEra();
        String containerWord = newEra ? "data_source" : "database";
        String query = "";
        if (body.hasNonNull("query")) {
            query = Params.requireString(body.get("query"), "body.query").trim().toLowerCase(Locale.ROOT);
        }
        String objectFilter = null;
        boolean trashed = false;
        if (body.hasNonNull("filter")) {
            ObjectNode f = Params.requireObject(body.get("filter"), "body.filter");
            Params.onlyKeys(f, "body.filter", Set.of("property", "value", "in_trash"));
            if (f.has("property") || f.has("value")) {
                String prop = Params.requireString(f.get("property"), "body.filter.property");
                if (!"object".equals(prop)) {
                    throw ApiError.bodyInvalid("body.filter.property should be `\"object\"`, instead was `" + Jsonish.quote(prop) + "`.");
                }
                objectFilter = Params.requireString(f.get("value"), "body.filter.value");
                if (!"page".equals(objectFilter) && !containerWord.equals(objectFilter)) {
                    throw ApiError.bodyInvalid("body.filter.value should be `\"page\"` or `\"" + containerWord + "\"`, instead was `"
                            + Jsonish.quote(objectFilter) + "`.");
                }
            }
            if (f.has("in_trash")) {
                trashed = Params.requireBoolean(f.get("in_trash"), "body.filter.in_trash");
            }
        }
        boolean relevance = false;
        boolean ascending = false;
        if (body.hasNonNull("sort")) {
            ObjectNode s = Params.requireObject(body.get("sort"), "body.sort");
            if (s.has("property")) {
                if (!"relevance".equals(s.get("property").asText())) {
                    throw ApiError.bodyInvalid("body.sort.property should be `\"relevance\"`, instead was `" + Jsonish.show(s.get("property")) + "`.");
                }
                relevance = true;
            } else {
                String ts = Params.requireString(s.get("timestamp"), "body.sort.timestamp");
                if (!"last_edited_time".equals(ts)) {
                    throw ApiError.bodyInvalid("body.sort.timestamp should be `\"last_edited_time\"`, instead was `" + Jsonish.quote(ts) + "`.");
                }
                String dir = Params.requireString(s.get("direction"), "body.sort.direction");
                if (!"ascending".equals(dir) && !"descending".equals(dir)) {
                    throw ApiError.bodyInvalid("body.sort.direction should be `\"ascending\"` or `\"descending\"`, instead was `" + Jsonish.quote(dir) + "`.");
                }
                ascending = "ascending".equals(dir);
            }
        }
        Lists.Window w = Lists.window(body.get("page_size"), body.get("start_cursor"), "body");
        Access.require(call, Capability.READ_CONTENT);

        Identity who = call.identity();
        Visibility vis = call.model().visibility();
        SearchLag lag = call.model().searchLag();
        java.time.Instant now = call.model().clock().instant();
        String q = query;
        String filter = objectFilter;
        boolean inTrash = trashed;
        Predicate<Node> matches = n -> {
            if (n.workspace() != who.workspace()) {
                return false;
            }
            boolean isPage = n instanceof Page;
            boolean isContainer = newEra ? n instanceof DataSource : n instanceof Database;
            if (!isPage && !isContainer) {
                return false;
            }
            if (filter != null && !(isPage ? "page" : containerWord).equals(filter)) {
                return false;
            }
            if (n.inTrashOrUnderTrash() != inTrash) {
                return false;
            }
            if (!q.isEmpty() && !titleOf(n).toLowerCase(Locale.ROOT).contains(q)
                    && !(n instanceof DataSource ds && ds.database().plainTitle().toLowerCase(Locale.ROOT).contains(q))) {
                return false;
            }
            return vis.canSee(who, n) && !lag.hides(who, n, now);
        };
        String type = newEra ? "page_or_data_source" : "page_or_database";
        // A walk's later pages read the order its first page made (decision 0150): one scan and sort per walk, not per
        // page. What left the list since (trashed, unshared, deleted) is left out of the page; what joined is not seen
        // until the next walk. "Results can change while paging" (§2.6).
        SearchOrders orders = call.model().searchOrders();
        List<Node> kept = orders.get(w.ordering());
        if (kept != null) {
            return Response.ok(Lists.envelope(kept, w, type,
                    n -> call.model().node(n.id()) == n && matches.test(n) ? render(render, n) : null, w.ordering()));
        }
        List<Node> hits = new ArrayList<>();
        for (Node n : call.model().nodes()) {
            if (matches.test(n)) {
                hits.add(n);
            }
        }
        Comparator<Node> byTime = Comparator.comparing(Node::lastEditedTime);
        byTime = ascending ? byTime : byTime.reversed();
        Comparator<Node> order = byTime.thenComparing(Node::id);
        if (relevance && !query.isEmpty()) {
            order = Comparator.<Node>comparingInt(n -> titleOf(n).toLowerCase(Locale.ROOT).startsWith(q) ? 0 : 1).thenComparing(order);
        }
        hits.sort(order);
        String ordering = hits.size() > w.offset() + w.size() ? orders.keep(hits) : null;
        return Response.ok(Lists.envelope(hits, w, type, n -> render(render, n), ordering));
    }

    private static String titleOf(Node n) {
        return n.plainTitle();
    }

    private static JsonNode render(Render r, Node n) {
        if (n instanceof Page p) {
            return r.page(p);
        }
        if (n instanceof DataSource ds) {
            return r.dataSource(ds);
        }
        return r.database((Database) n);
    }
}
