package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.testsupport.FixtureIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /v1/custom_emojis and GET /v1/async_tasks/{id} over real HTTP (notion-api.md 2.5, decision 0067). */
class CustomEmojisAndAsyncTasksTest extends SandboxTestBase {

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("results").forEach(e -> out.add(e.path("name").asText()));
        return out;
    }

    @Test
    void listsTheTokensWorkspaceEmojis() {
        var r = api.get("/v1/custom_emojis", FixtureIds.DOCS_SYNC);
        assertOk(r);
        assertEquals("list", r.json().path("object").asText());
        assertEquals("custom_emoji", r.json().path("type").asText());
        assertEquals(List.of("shipit", "bufo", "robot-wave"), names(r.json()));
        JsonNode bufo = r.json().path("results").get(1);
        assertEquals(FixtureIds.id("emoji-bufo"), bufo.path("id").asText());
        assertTrue(bufo.path("url").asText().startsWith("https://"), bufo.toString());
        assertEquals(List.of("beaker"), names(api.get("/v1/custom_emojis", FixtureIds.LAB).json()), "another workspace, other emojis");
        // workspace-level: no content capability needed, any valid token of the workspace
        assertEquals(3, api.get("/v1/custom_emojis", FixtureIds.STANDUP_BOT).json().path("results").size());
        assertError(api.get("/v1/custom_emojis", FixtureIds.DOCS_SYNC_REVOKED), 401, "unauthorized");
        assertError(api.send("GET", "/v1/custom_emojis", FixtureIds.DOCS_SYNC, null, null), 400, "missing_version");
    }

    @Test
    void filtersByExactNameAndPaginates() {
        assertEquals(List.of("bufo"), names(api.get("/v1/custom_emojis?name=bufo", FixtureIds.DOCS_SYNC).json()));
        assertEquals(List.of(), names(api.get("/v1/custom_emojis?name=buf", FixtureIds.DOCS_SYNC).json()), "exact match only");
        var page1 = api.get("/v1/custom_emojis?page_size=2", FixtureIds.DOCS_SYNC).json();
        assertEquals(List.of("shipit", "bufo"), names(page1));
        assertTrue(page1.path("has_more").asBoolean());
        var page2 = api.get("/v1/custom_emojis?page_size=2&start_cursor=" + page1.path("next_cursor").asText(), FixtureIds.DOCS_SYNC).json();
        assertEquals(List.of("robot-wave"), names(page2));
        assertFalse(page2.path("has_more").asBoolean());
        assertError(api.get("/v1/custom_emojis?page_size=0", FixtureIds.DOCS_SYNC), 400, "validation_error");
        assertError(api.get("/v1/custom_emojis?start_cursor=nope", FixtureIds.DOCS_SYNC), 400, "validation_error");
    }

    @Test
    void theSandboxNeverHasAsyncTasks() {
        var r = api.get("/v1/async_tasks/task_123", FixtureIds.DOCS_SYNC);
        assertError(r, 404, "object_not_found", "Could not find async_task with ID: task_123. Make sure the relevant pages and "
                + "databases are shared with your integration \"Docs Sync\".");
        assertError(api.get("/v1/async_tasks/" + FixtureIds.id("x"), "ntn_not_a_token"), 401, "unauthorized");
        assertError(api.get("/v1/async_tasks/https:%2F%2Fexample", FixtureIds.DOCS_SYNC), 400, "invalid_request_url");
    }
}
