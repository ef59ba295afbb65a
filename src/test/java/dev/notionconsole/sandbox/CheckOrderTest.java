package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.testsupport.FixtureIds;
import org.junit.jupiter.api.Test;

/**
 * The check order of notion-api.md 4.4 / 8 (route, version, token, JSON and schema, capability, visibility) and the
 * exact error bodies of each step, over real HTTP.
 */
class CheckOrderTest extends SandboxTestBase {
    static final String SEVEN = "Notion-Version header failed validation: Notion-Version header should be \"2021-05-11\", \"2021-05-13\", "
            + "\"2021-08-16\", \"2022-02-22\", \"2022-06-28\", \"2025-09-03\", or \"2026-03-11\"";

    @Test
    void unknownRouteAndWrongMethodAreInvalidRequestUrl() {
        assertError(api.get("/v1/nothing-here", FixtureIds.DOCS_SYNC), 400, "invalid_request_url", "Invalid request URL.");
        assertError(api.send("PUT", "/v1/pages/" + FixtureIds.id("handbook"), FixtureIds.DOCS_SYNC, SandboxClient.LATEST, "{}"), 400, "invalid_request_url");
        assertError(api.get("/v2/users/me", FixtureIds.DOCS_SYNC), 400, "invalid_request_url");
    }

    @Test
    void aUrlPastedAsAnIdIsAnInvalidUrl() {
        // notion-api.md 7.2: the URL's slashes and colon break the route
        assertError(api.get("/v1/pages/https://www.notion.so/Engineering-Handbook-" + FixtureIds.id("handbook").replace("-", ""), FixtureIds.DOCS_SYNC),
                400, "invalid_request_url", "Invalid request URL.");
        assertError(api.get("/v1/pages/notion.so:abc", FixtureIds.DOCS_SYNC), 400, "invalid_request_url");
    }

    @Test
    void routeIsCheckedBeforeVersionAndToken() {
        assertError(api.send("GET", "/v1/nope", null, null, null), 400, "invalid_request_url");
    }

    @Test
    void missingVersionHasNotionsExactMessageAndComesBeforeTheToken() {
        var r = api.send("GET", "/v1/users/me", "not-a-token", null, null);
        assertError(r, 400, "missing_version",
                "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.");
    }

    @Test
    void unknownVersionEnumeratesTheSeven() {
        assertError(api.get("/v1/users/me", FixtureIds.DOCS_SYNC, "2024-01-01"), 400, "validation_error", SEVEN);
    }

    @Test
    void dataSourceRoutesDoNotExistBefore20250903() {
        String path = "/v1/data_sources/" + FixtureIds.id("roadmap-ds");
        assertError(api.get(path, FixtureIds.DOCS_SYNC, "2022-06-28"), 400, "invalid_request_url", "Invalid request URL.");
        // version gating is before the token check
        assertError(api.get(path, "bogus", "2022-06-28"), 400, "invalid_request_url");
        assertOk(api.get(path, FixtureIds.DOCS_SYNC, "2025-09-03"));
    }

    @Test
    void legacyDatabaseQueryExistsOnlyOnOldVersions() {
        String path = "/v1/databases/" + FixtureIds.id("roadmap") + "/query";
        assertError(api.post(path, FixtureIds.DOCS_SYNC, "2025-09-03", "{}"), 400, "invalid_request_url");
        var old = api.post(path, FixtureIds.DOCS_SYNC, "2022-06-28", "{}");
        assertOk(old);
        assertEquals(6, old.json().path("results").size());
        assertEquals("database_id", old.json().path("results").get(0).path("parent").path("type").asText());
    }

    @Test
    void unknownRevokedExpiredAndMissingTokensAreUnauthorized() {
        for (String token : new String[] {null, "ntn_nope", FixtureIds.DOCS_SYNC_REVOKED, FixtureIds.RETIRED, FixtureIds.BOB_EXPIRED, "nrt_sandbox_crm_bridge_bob_FAKE_REFRESH_00000005"}) {
            assertError(api.get("/v1/users/me", token), 401, "unauthorized", "API token is invalid.");
        }
        var basic = api.send("GET", "/v1/users/me", null, SandboxClient.LATEST, null);
        assertError(basic, 401, "unauthorized");
    }

    @Test
    void tokenIsCheckedBeforeTheBody() {
        assertError(api.post("/v1/search", "bogus", "{not json"), 401, "unauthorized");
        assertError(api.post("/v1/search", FixtureIds.DOCS_SYNC, "{not json"), 400, "invalid_json", "Error parsing JSON body.");
        assertError(api.post("/v1/search", FixtureIds.DOCS_SYNC, "[1,2]"), 400, "validation_error");
    }

    @Test
    void malformedIdsAreValidationErrorsInNotionsShape() {
        assertError(api.get("/v1/pages/not-a-real-id", FixtureIds.DOCS_SYNC), 400, "validation_error",
                "path failed validation: path.page_id should be a valid uuid, instead was `\"not-a-real-id\"`.");
        assertError(api.get("/v1/blocks/Calendar-0123", FixtureIds.DOCS_SYNC), 400, "validation_error",
                "path failed validation: path.block_id should be a valid uuid, instead was `\"Calendar-0123\"`.");
    }

    @Test
    void undashedIdsAreAcceptedAndAnswersAreDashed() {
        var r = api.get("/v1/pages/" + FixtureIds.id("handbook").replace("-", "").toUpperCase(), FixtureIds.DOCS_SYNC);
        assertOk(r);
        assertEquals(FixtureIds.id("handbook"), r.json().path("id").asText());
    }

    @Test
    void schemaComesBeforeCapabilityWhichComesBeforeVisibility() {
        // Standup Bot has no read content: a malformed id is still a 400 ...
        assertError(api.get("/v1/pages/xyz", FixtureIds.STANDUP_BOT), 400, "validation_error");
        // ... a well-formed one is 403 whether or not it exists or is shared (no existence leak) ...
        assertError(api.get("/v1/pages/" + FixtureIds.id("sales"), FixtureIds.STANDUP_BOT), 403, "restricted_resource", "Insufficient permissions for this endpoint.");
        assertError(api.get("/v1/pages/" + FixtureIds.id("does-not-exist"), FixtureIds.STANDUP_BOT), 403, "restricted_resource");
        // ... and Wiki Reader (no comment capability) gets 403 even for an object it cannot see.
        assertError(api.get("/v1/comments?block_id=" + FixtureIds.id("sales"), FixtureIds.WIKI_READER), 403, "restricted_resource");
    }

    @Test
    void notFoundNamesTheKindTheConnectionAndTheIntegration() {
        String id = FixtureIds.id("sales");
        var r = api.get("/v1/pages/" + id.replace("-", ""), FixtureIds.DOCS_SYNC);
        assertError(r, 404, "object_not_found", "Could not find page with ID: " + id
                + ". Make sure the relevant pages and databases are shared with your integration \"Docs Sync\".");
        assertEquals(FixtureIds.id("docs-sync"), r.json().path("additional_data").path("integration_id").asText());
        assertError(api.get("/v1/blocks/" + id + "/children", FixtureIds.DOCS_SYNC), 404, "object_not_found");
        assertTrue(api.get("/v1/blocks/" + id + "/children", FixtureIds.DOCS_SYNC).message().startsWith("Could not find block with ID: "));
        assertTrue(api.get("/v1/data_sources/" + FixtureIds.id("customers/data_source"), FixtureIds.DOCS_SYNC).message().startsWith("Could not find data_source with ID: "));
        // an id that exists nowhere answers exactly like one that is not shared
        var missing = api.get("/v1/pages/" + FixtureIds.id("nope"), FixtureIds.DOCS_SYNC);
        assertEquals(r.message().replace(id, FixtureIds.id("nope")), missing.message());
    }

    @Test
    void wrongKindForTheRoute() {
        String db = FixtureIds.id("roadmap");
        assertError(api.get("/v1/pages/" + db, FixtureIds.DOCS_SYNC), 400, "validation_error",
                "Provided ID " + db + " is a database, not a page. Use the retrieve database API instead.");
        String page = FixtureIds.id("handbook");
        assertError(api.get("/v1/databases/" + page, FixtureIds.DOCS_SYNC), 400, "validation_error",
                "Provided ID " + page + " is a page, not a database. Use the retrieve page API instead.");
        String block = FixtureIds.id("eng-archive-toggle");
        assertError(api.get("/v1/pages/" + block, FixtureIds.DOCS_SYNC), 400, "validation_error",
                "Provided ID " + block + " is a block, not a page. Use the retrieve block API instead.");
        // database and data-source IDs are separate spaces: swapping them is a 404 (notion-api.md 7.6)
        assertError(api.get("/v1/databases/" + FixtureIds.id("roadmap-ds"), FixtureIds.DOCS_SYNC), 404, "object_not_found");
        assertError(api.post("/v1/data_sources/" + db + "/query", FixtureIds.DOCS_SYNC, "{}"), 404, "object_not_found");
        assertTrue(api.post("/v1/data_sources/" + db + "/query", FixtureIds.DOCS_SYNC, "{}").message().startsWith("Could not find data_source with ID: " + db));
    }

    @Test
    void linkedDatabasesNeverResolve() {
        String linked = FixtureIds.id("eng-customers-view");
        var block = api.get("/v1/blocks/" + linked, FixtureIds.DOCS_SYNC);
        assertOk(block);
        assertEquals("child_database", block.json().path("type").asText());
        assertError(api.get("/v1/databases/" + linked, FixtureIds.DOCS_SYNC), 400, "validation_error",
                "Database with ID " + linked + " is a linked database. Database retrievals do not support linked databases.");
        assertError(api.get("/v1/databases/" + FixtureIds.id("customers"), FixtureIds.DOCS_SYNC), 404, "object_not_found");
    }

    @Test
    void multiSourceDatabaseOnAnOldVersion() {
        var r = api.get("/v1/databases/" + FixtureIds.id("tasks"), FixtureIds.DOCS_SYNC, "2022-06-28");
        assertError(r, 400, "validation_error", "Databases with multiple data sources are not supported in this API version.");
        var data = r.json().path("additional_data");
        assertEquals("multiple_data_sources_for_database", data.path("error_type").asText());
        assertEquals(FixtureIds.id("tasks"), data.path("database_id").asText());
        assertEquals(2, data.path("child_data_source_ids").size());
        assertEquals("2025-09-03", data.path("minimum_api_version").asText());
        var now = api.get("/v1/databases/" + FixtureIds.id("tasks"), FixtureIds.DOCS_SYNC);
        assertOk(now);
        assertEquals(2, now.json().path("data_sources").size());
    }

    @Test
    void archivedExistsOnlyBefore20260311() {
        String page = "/v1/pages/" + FixtureIds.id("handbook");
        assertFalse(api.get(page, FixtureIds.DOCS_SYNC).json().has("archived"));
        assertTrue(api.get(page, FixtureIds.DOCS_SYNC, "2025-09-03").json().has("archived"));
        assertError(api.patch(page, FixtureIds.DOCS_SYNC, "{\"archived\": false}"), 400, "validation_error",
                "body failed validation: body.archived should be not present, instead was `false`.");
        assertOk(api.patch(page, FixtureIds.DOCS_SYNC, "2025-09-03", "{\"archived\": false}"));
    }

    @Test
    void unknownBodyKeysAreRejected() {
        assertError(api.post("/v1/search", FixtureIds.DOCS_SYNC, "{\"Notion-Version\": \"2026-03-11\"}"), 400, "validation_error",
                "body failed validation: body.Notion-Version should be not present, instead was `\"2026-03-11\"`.");
    }

    @Test
    void sizeLimits() {
        String longText = "x".repeat(2001);
        var r = api.patch("/v1/blocks/" + FixtureIds.id("handbook") + "/children", FixtureIds.DOCS_SYNC,
                "{\"children\":[{\"paragraph\":{\"rich_text\":[{\"text\":{\"content\":\"" + longText + "\"}}]}}]}");
        assertError(r, 400, "validation_error",
                "body failed validation: body.children[0].paragraph.rich_text[0].text.content.length should be ≤ `2000`, instead was `2001`.");
        StringBuilder many = new StringBuilder("{\"children\":[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{\"paragraph\":{\"rich_text\":[]}}");
        }
        many.append("]}");
        assertError(api.patch("/v1/blocks/" + FixtureIds.id("handbook") + "/children", FixtureIds.DOCS_SYNC, many.toString()), 400, "validation_error",
                "body failed validation: body.children.length should be ≤ `100`, instead was `101`.");
        String big = "{\"query\":\"" + "y".repeat(600_000) + "\"}";
        assertError(api.post("/v1/search", FixtureIds.DOCS_SYNC, big), 400, "validation_error");
        assertError(api.post("/v1/search", FixtureIds.DOCS_SYNC, "{\"page_size\": 101}"), 400, "validation_error",
                "body failed validation: body.page_size should be ≤ `100`, instead was `101`.");
        assertError(api.get("/v1/users?page_size=500", FixtureIds.DOCS_SYNC), 400, "validation_error",
                "query failed validation: query.page_size should be ≤ `100`, instead was `500`.");
    }

    @Test
    void everyAnswerHasAFreshRequestId() {
        var a = api.get("/v1/users/me", FixtureIds.DOCS_SYNC);
        var b = api.get("/v1/users/me", FixtureIds.DOCS_SYNC);
        assertNotNull(a.header("x-notion-request-id"));
        assertNotEquals(a.header("x-notion-request-id"), b.header("x-notion-request-id"));
        assertEquals("application/json; charset=utf-8", a.header("content-type"));
    }
}
