package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.testsupport.FixtureIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Views API over real HTTP (notion-api.md 2.5, decision 0067): shapes from the SDK's views.ts, visibility
 * through the database (404, never 403), capabilities, version gating, pagination, validation, and view queries that
 * return exactly what the data source query returns for the view's filter and sorts.
 */
class ViewsApiTest extends SandboxTestBase {
    private static final String ROADMAP = FixtureIds.id("roadmap");
    private static final String ROADMAP_DS = FixtureIds.id("roadmap-ds");
    private static final String VIEW_NEXT = FixtureIds.id("roadmap-view-next");
    private static final String CUSTOMERS_VIEW = FixtureIds.id("customers-view-all");

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("results").forEach(r -> out.add(r.path("id").asText()));
        return out;
    }

    // ---- list ----------------------------------------------------------------------------------------------

    @Test
    void listsViewReferencesOfADatabaseInTabOrder() {
        var r = api.get("/v1/views?database_id=" + ROADMAP, FixtureIds.DOCS_SYNC);
        assertOk(r);
        assertEquals("list", r.json().path("object").asText());
        assertEquals("view", r.json().path("type").asText());
        assertTrue(r.json().path("view").isObject());
        assertEquals(List.of(FixtureIds.id("roadmap-view-all"), FixtureIds.id("roadmap-view-board"), VIEW_NEXT), ids(r.json()));
        JsonNode first = r.json().path("results").get(0);
        assertEquals("view", first.path("object").asText());
        assertEquals(2, first.size(), "references are {object, id} only: " + first);

        // by data source: only the views scoped to it (Tasks & Bugs has one per data source)
        var bugs = api.get("/v1/views?data_source_id=" + FixtureIds.id("bugs-ds"), FixtureIds.DOCS_SYNC);
        assertEquals(List.of(FixtureIds.id("tasks-view-bugs")), ids(bugs.json()));
        var both = api.get("/v1/views?database_id=" + FixtureIds.id("tasks") + "&data_source_id=" + FixtureIds.id("tasks-ds"), FixtureIds.DOCS_SYNC);
        assertEquals(List.of(FixtureIds.id("tasks-view-open")), ids(both.json()));
    }

    @Test
    void listPaginatesWithOpaqueCursors() {
        var page1 = api.get("/v1/views?database_id=" + ROADMAP + "&page_size=2", FixtureIds.DOCS_SYNC).json();
        assertEquals(2, page1.path("results").size());
        assertTrue(page1.path("has_more").asBoolean());
        var page2 = api.get("/v1/views?database_id=" + ROADMAP + "&page_size=2&start_cursor=" + page1.path("next_cursor").asText(), FixtureIds.DOCS_SYNC).json();
        assertEquals(List.of(VIEW_NEXT), ids(page2));
        assertFalse(page2.path("has_more").asBoolean());
        assertTrue(page2.path("next_cursor").isNull());
    }

    @Test
    void listValidatesItsQuery() {
        assertError(api.get("/v1/views", FixtureIds.DOCS_SYNC), 400, "validation_error");
        assertError(api.get("/v1/views?database_id=not-a-uuid", FixtureIds.DOCS_SYNC), 400, "validation_error",
                "query failed validation: query.database_id should be a valid uuid, instead was `\"not-a-uuid\"`.");
        assertError(api.get("/v1/views?database_id=" + ROADMAP + "&page_size=101", FixtureIds.DOCS_SYNC), 400, "validation_error");
        assertError(api.get("/v1/views?database_id=" + ROADMAP + "&start_cursor=bogus", FixtureIds.DOCS_SYNC), 400, "validation_error");
    }

    @Test
    void viewsOfAnUnsharedDatabaseAreNotFoundNeverForbidden() {
        var list = api.get("/v1/views?database_id=" + FixtureIds.id("customers"), FixtureIds.DOCS_SYNC);
        assertError(list, 404, "object_not_found", "Could not find database with ID: " + FixtureIds.id("customers")
                + ". Make sure the relevant pages and databases are shared with your integration \"Docs Sync\".");
        var one = api.get("/v1/views/" + CUSTOMERS_VIEW, FixtureIds.DOCS_SYNC);
        assertError(one, 404, "object_not_found", "Could not find view with ID: " + CUSTOMERS_VIEW
                + ". Make sure the relevant pages and databases are shared with your integration \"Docs Sync\".");
        assertEquals(api.get("/v1/views/" + FixtureIds.id("no-such-view"), FixtureIds.DOCS_SYNC).message().replace(FixtureIds.id("no-such-view"), "X"),
                one.message().replace(CUSTOMERS_VIEW, "X"), "a hidden view answers like a missing one");
        assertError(api.post("/v1/views/" + CUSTOMERS_VIEW + "/queries", FixtureIds.DOCS_SYNC, "{}"), 404, "object_not_found");
        assertError(api.patch("/v1/views/" + CUSTOMERS_VIEW, FixtureIds.DOCS_SYNC, "{\"name\":\"x\"}"), 404, "object_not_found");
        assertError(api.delete("/v1/views/" + CUSTOMERS_VIEW, FixtureIds.DOCS_SYNC), 404, "object_not_found");
        // Alice's personal token sees what Alice sees
        assertOk(api.get("/v1/views/" + CUSTOMERS_VIEW, FixtureIds.ALICE_PAT));
    }

    // ---- retrieve ------------------------------------------------------------------------------------------

    @Test
    void retrieveGivesTheFullViewObject() {
        JsonNode v = api.get("/v1/views/" + VIEW_NEXT, FixtureIds.DOCS_SYNC).json();
        assertEquals("view", v.path("object").asText());
        assertEquals(VIEW_NEXT, v.path("id").asText());
        assertEquals("database_id", v.path("parent").path("type").asText());
        assertEquals(ROADMAP, v.path("parent").path("database_id").asText());
        assertEquals(ROADMAP_DS, v.path("data_source_id").asText());
        assertEquals("Not shipped, by due date", v.path("name").asText());
        assertEquals("table", v.path("type").asText());
        assertEquals("Shipped", v.path("filter").path("property").asText());
        assertEquals("ascending", v.path("sorts").path(0).path("direction").asText());
        assertTrue(v.path("quick_filters").has("Txnd"), "quick filters are keyed by property id: " + v.path("quick_filters"));
        assertTrue(v.path("configuration").isNull());
        assertTrue(v.path("url").asText().endsWith("?v=" + VIEW_NEXT.replace("-", "")), v.path("url").asText());
        assertEquals(FixtureIds.id("alice"), v.path("created_by").path("id").asText());
        assertTrue(v.path("created_time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00\\.000Z"));

        JsonNode board = api.get("/v1/views/" + FixtureIds.id("roadmap-view-board").replace("-", ""), FixtureIds.DOCS_SYNC).json();
        assertEquals("board", board.path("configuration").path("type").asText(), "32-hex IDs are accepted");
        assertTrue(board.path("filter").isNull());
        assertError(api.get("/v1/views/nope", FixtureIds.DOCS_SYNC), 400, "validation_error",
                "path failed validation: path.view_id should be a valid uuid, instead was `\"nope\"`.");
    }

    // ---- version gating and capabilities -------------------------------------------------------------------

    @Test
    void viewsExistFrom2025_09_03() {
        assertError(api.get("/v1/views/" + VIEW_NEXT, FixtureIds.DOCS_SYNC, "2022-06-28"), 400, "invalid_request_url", "Invalid request URL.");
        assertError(api.post("/v1/views", FixtureIds.DOCS_SYNC, "2022-06-28", "{}"), 400, "invalid_request_url");
        assertError(api.get("/v1/views?database_id=" + ROADMAP, FixtureIds.DOCS_SYNC, "2021-08-16"), 400, "invalid_request_url");
        assertOk(api.get("/v1/views/" + VIEW_NEXT, FixtureIds.DOCS_SYNC, "2025-09-03"));
        assertError(api.send("GET", "/v1/views/" + VIEW_NEXT, FixtureIds.DOCS_SYNC, null, null), 400, "missing_version");
        assertError(api.get("/v1/views/" + VIEW_NEXT, "ntn_not_a_token"), 401, "unauthorized");
    }

    @Test
    void capabilitiesComeBeforeVisibility() {
        // Wiki Reader: read content only, shared with the Company Wiki
        assertOk(api.get("/v1/views?database_id=" + FixtureIds.id("company-wiki"), FixtureIds.WIKI_READER));
        assertOk(api.post("/v1/views/" + FixtureIds.id("wiki-view-list") + "/queries", FixtureIds.WIKI_READER, "{}"));
        String create = "{\"database_id\":\"" + FixtureIds.id("company-wiki") + "\",\"data_source_id\":\"" + FixtureIds.id("wiki-ds")
                + "\",\"name\":\"Mine\",\"type\":\"table\"}";
        assertError(api.post("/v1/views", FixtureIds.WIKI_READER, create), 403, "restricted_resource", "Insufficient permissions for this endpoint.");
        assertError(api.patch("/v1/views/" + FixtureIds.id("wiki-view-list"), FixtureIds.WIKI_READER, "{\"name\":\"x\"}"), 403, "restricted_resource");
        assertError(api.delete("/v1/views/" + FixtureIds.id("wiki-view-list"), FixtureIds.WIKI_READER), 403, "restricted_resource");
        // the 403 comes before the lookup, so it reveals nothing about Sales
        assertError(api.patch("/v1/views/" + CUSTOMERS_VIEW, FixtureIds.WIKI_READER, "{\"name\":\"x\"}"), 403, "restricted_resource");
        // schema validation comes before the capability
        assertError(api.post("/v1/views", FixtureIds.WIKI_READER, "{\"name\":\"x\"}"), 400, "validation_error");
        // Standup Bot cannot read content
        assertError(api.get("/v1/views/" + VIEW_NEXT, FixtureIds.STANDUP_BOT), 403, "restricted_resource");
        assertError(api.get("/v1/views?database_id=" + ROADMAP, FixtureIds.STANDUP_BOT), 403, "restricted_resource");
    }

    // ---- create, update, delete ----------------------------------------------------------------------------

    @Test
    void createUpdateAndDeleteAView() {
        String body = "{\"database_id\":\"" + ROADMAP + "\",\"data_source_id\":\"" + ROADMAP_DS + "\",\"name\":\"Big items\",\"type\":\"table\","
                + "\"filter\":{\"property\":\"Points\",\"number\":{\"greater_than\":3}},"
                + "\"sorts\":[{\"timestamp\":\"created_time\",\"direction\":\"descending\"}],"
                + "\"configuration\":{\"type\":\"table\",\"wrap_cells\":true},\"position\":{\"type\":\"start\"}}";
        var created = api.post("/v1/views", FixtureIds.DOCS_SYNC, body);
        assertOk(created);
        String id = created.json().path("id").asText();
        assertEquals("Big items", created.json().path("name").asText());
        assertEquals(ROADMAP_DS, created.json().path("data_source_id").asText());
        assertEquals(id, ids(api.get("/v1/views?database_id=" + ROADMAP, FixtureIds.DOCS_SYNC).json()).get(0), "position start puts it first");
        String bot = api.get("/v1/users/me", FixtureIds.DOCS_SYNC).json().path("id").asText();
        assertEquals(bot, created.json().path("created_by").path("id").asText());

        var renamed = api.patch("/v1/views/" + id, FixtureIds.DOCS_SYNC, "{\"name\":\"Large items\",\"filter\":null,"
                + "\"quick_filters\":{\"Status\":{\"status\":{\"equals\":\"Done\"}}}}");
        assertOk(renamed);
        assertEquals("Large items", renamed.json().path("name").asText());
        assertTrue(renamed.json().path("filter").isNull(), "null clears the filter");
        assertEquals("created_time", renamed.json().path("sorts").path(0).path("timestamp").asText(), "absent keeps the sorts");
        assertEquals("Done", renamed.json().path("quick_filters").path("WOD8").path("status").path("equals").asText());
        var cleared = api.patch("/v1/views/" + id, FixtureIds.DOCS_SYNC, "{\"quick_filters\":{\"Status\":null}}");
        assertTrue(cleared.json().path("quick_filters").isNull(), "a null entry removes that quick filter: " + cleared);
        assertError(api.patch("/v1/views/" + id, FixtureIds.DOCS_SYNC, "{\"sorts\":[{\"timestamp\":\"created_time\",\"direction\":\"ascending\"}]}"),
                400, "validation_error", "body failed validation: body.sorts[0].property should be defined, instead was `undefined`.");
        assertError(api.patch("/v1/views/" + id, FixtureIds.DOCS_SYNC, "{\"configuration\":{\"type\":\"board\"}}"), 400, "validation_error");
        assertError(api.patch("/v1/views/" + id, FixtureIds.DOCS_SYNC, "{\"type\":\"board\"}"), 400, "validation_error",
                "body failed validation: body.type should be not present, instead was `\"board\"`.");

        var deleted = api.delete("/v1/views/" + id, FixtureIds.DOCS_SYNC);
        assertOk(deleted);
        assertEquals("view", deleted.json().path("object").asText());
        assertEquals(ROADMAP, deleted.json().path("parent").path("database_id").asText());
        assertFalse(deleted.json().has("name"), "delete answers the partial view");
        assertError(api.get("/v1/views/" + id, FixtureIds.DOCS_SYNC), 404, "object_not_found");
        assertFalse(ids(api.get("/v1/views?database_id=" + ROADMAP, FixtureIds.DOCS_SYNC).json()).contains(id));
    }

    @Test
    void createValidatesBeforeTouchingAnything() {
        String base = "\"data_source_id\":\"" + ROADMAP_DS + "\",\"name\":\"V\",\"type\":\"table\"";
        assertError(api.post("/v1/views", FixtureIds.DOCS_SYNC, "{\"database_id\":\"" + ROADMAP + "\",\"name\":\"V\",\"type\":\"table\"}"), 400,
                "validation_error", "body failed validation: body.data_source_id should be defined, instead was `undefined`.");
        assertError(api.post("/v1/views", FixtureIds.DOCS_SYNC, "{\"database_id\":\"" + ROADMAP + "\",\"data_source_id\":\"" + ROADMAP_DS
                + "\",\"name\":\"V\",\"type\":\"spreadsheet\"}"), 400, "validation_error");
        assertError(api.post("/v1/views", FixtureIds.DOCS_SYNC, "{" + base + "}"), 400, "validation_error");
        assertError(api.post("/v1/views", FixtureIds.DOCS_SYNC, "{" + base + ",\"database_id\":\"" + ROADMAP + "\",\"view_id\":\"" + VIEW_NEXT + "\"}"),
                400, "validation_error");
        assertError(api.post("/v1/views", FixtureIds.DOCS_SYNC, "{" + base + ",\"database_id\":\"" + ROADMAP + "\",\"colour\":\"red\"}"), 400,
                "validation_error", "body failed validation: body.colour should be not present, instead was `\"red\"`.");
        // a data source of another database
        assertError(api.post("/v1/views", FixtureIds.DOCS_SYNC, "{\"database_id\":\"" + ROADMAP + "\",\"data_source_id\":\"" + FixtureIds.id("tasks-ds")
                + "\",\"name\":\"V\",\"type\":\"table\"}"), 400, "validation_error");
        // a property the data source does not have
        assertError(api.post("/v1/views", FixtureIds.DOCS_SYNC, "{" + base + ",\"database_id\":\"" + ROADMAP
                + "\",\"filter\":{\"property\":\"Colour\",\"select\":{\"equals\":\"red\"}}}"), 400, "validation_error",
                "Could not find property with name or id: Colour");
        assertError(api.post("/v1/views", FixtureIds.DOCS_SYNC, "{" + base + ",\"database_id\":\"" + ROADMAP
                + "\",\"sorts\":[{\"property\":\"Colour\",\"direction\":\"ascending\"}]}"), 400, "validation_error");
        assertError(api.post("/v1/views", FixtureIds.DOCS_SYNC, "{" + base + ",\"database_id\":\"" + ROADMAP
                + "\",\"configuration\":{\"type\":\"board\"}}"), 400, "validation_error");
        assertError(api.post("/v1/views", FixtureIds.DOCS_SYNC, "{" + base + ",\"database_id\":\"" + ROADMAP
                + "\",\"position\":{\"type\":\"after_view\",\"view_id\":\"" + FixtureIds.id("tasks-view-open") + "\"}}"), 400, "validation_error");
        // an unshared database: 404 in the database's words
        assertError(api.post("/v1/views", FixtureIds.DOCS_SYNC, "{\"database_id\":\"" + FixtureIds.id("customers") + "\",\"data_source_id\":\""
                + FixtureIds.id("customers/data_source") + "\",\"name\":\"V\",\"type\":\"table\"}"), 404, "object_not_found");
        assertEquals(3, ids(api.get("/v1/views?database_id=" + ROADMAP, FixtureIds.DOCS_SYNC).json()).size(), "nothing was created");
    }

    // ---- queries -------------------------------------------------------------------------------------------

    @Test
    void aViewQueryReturnsWhatTheDataSourceQueryReturnsPageByPage() {
        // The same filter and sorts straight on the data source: the reference answer.
        var direct = api.post("/v1/data_sources/" + ROADMAP_DS + "/query", FixtureIds.DOCS_SYNC,
                "{\"filter\":{\"property\":\"Shipped\",\"checkbox\":{\"equals\":false}},\"sorts\":[{\"property\":\"Due\",\"direction\":\"ascending\"}]}");
        List<String> expected = ids(direct.json());
        assertTrue(expected.size() >= 3, "the fixture has enough unshipped rows to page: " + expected);

        var created = api.post("/v1/views/" + VIEW_NEXT + "/queries", FixtureIds.DOCS_SYNC, "{\"page_size\":2}");
        assertOk(created);
        JsonNode q = created.json();
        assertEquals("view_query", q.path("object").asText());
        assertEquals(VIEW_NEXT, q.path("view_id").asText());
        assertEquals(expected.size(), q.path("total_count").asInt());
        assertTrue(Instant.parse(q.path("expires_at").asText()).isAfter(Instant.now().plus(Duration.ofMinutes(14))));
        assertEquals("page", q.path("results").path(0).path("object").asText());
        assertEquals(2, q.path("results").path(0).size(), "results are page references {object, id}");
        List<String> got = new ArrayList<>(ids(q));
        assertTrue(q.path("has_more").asBoolean());
        String queryId = q.path("id").asText();
        String cursor = q.path("next_cursor").asText();
        while (cursor != null) {
            var page = api.get("/v1/views/" + VIEW_NEXT + "/queries/" + queryId + "?page_size=2&start_cursor=" + cursor, FixtureIds.DOCS_SYNC);
            assertOk(page);
            assertEquals("page", page.json().path("type").asText());
            assertTrue(page.json().path("page").isObject());
            got.addAll(ids(page.json()));
            cursor = page.json().path("has_more").asBoolean() ? page.json().path("next_cursor").asText() : null;
        }
        assertEquals(expected, got, "same rows, same order as the data source query");

        // another view cannot read this query; delete is idempotent and ends it
        assertError(api.get("/v1/views/" + FixtureIds.id("roadmap-view-all") + "/queries/" + queryId, FixtureIds.DOCS_SYNC), 404, "object_not_found");
        var del = api.delete("/v1/views/" + VIEW_NEXT + "/queries/" + queryId, FixtureIds.DOCS_SYNC);
        assertOk(del);
        assertEquals("view_query", del.json().path("object").asText());
        assertTrue(del.json().path("deleted").asBoolean());
        assertError(api.get("/v1/views/" + VIEW_NEXT + "/queries/" + queryId, FixtureIds.DOCS_SYNC), 404, "object_not_found");
        assertOk(api.delete("/v1/views/" + VIEW_NEXT + "/queries/" + queryId, FixtureIds.DOCS_SYNC));
    }

    @Test
    void queryValidationAndVisibility() {
        assertError(api.post("/v1/views/" + VIEW_NEXT + "/queries", FixtureIds.DOCS_SYNC, "{\"page_size\":0}"), 400, "validation_error");
        assertError(api.post("/v1/views/" + VIEW_NEXT + "/queries", FixtureIds.DOCS_SYNC, "{\"filter\":{}}"), 400, "validation_error");
        assertError(api.get("/v1/views/" + VIEW_NEXT + "/queries/not-an-id", FixtureIds.DOCS_SYNC), 400, "validation_error");
        assertError(api.post("/v1/views/" + VIEW_NEXT + "/queries", FixtureIds.STANDUP_BOT, "{}"), 403, "restricted_resource");
        assertError(api.post("/v1/views/" + VIEW_NEXT + "/queries", FixtureIds.DOCS_SYNC, "2022-06-28", "{}"), 400, "invalid_request_url");
    }

    @Test
    void cachedQueriesExpireAfterFifteenMinutes() throws Exception {
        FileUploadsTest.TestClock clock = new FileUploadsTest.TestClock(Instant.parse("2026-11-01T10:00:00Z"));
        try (SandboxServer own = SandboxServer.start(SandboxOptions.builder().discoverExtensions(false).rateLimitOff().clock(clock).build())) {
            SandboxClient c = new SandboxClient(own.baseUrl());
            JsonNode q = c.post("/v1/views/" + VIEW_NEXT + "/queries", FixtureIds.DOCS_SYNC, "{}").json();
            assertEquals("2026-11-01T10:15:00.000Z", q.path("expires_at").asText());
            String path = "/v1/views/" + VIEW_NEXT + "/queries/" + q.path("id").asText();
            clock.advance(Duration.ofMinutes(14));
            assertOk(c.get(path, FixtureIds.DOCS_SYNC));
            clock.advance(Duration.ofMinutes(1));
            assertError(c.get(path, FixtureIds.DOCS_SYNC), 404, "object_not_found");
        }
    }
}
