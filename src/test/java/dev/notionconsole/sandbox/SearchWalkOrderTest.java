package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.testsupport.FixtureIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A search walk keeps the order its first page made (docs/decisions/0150; docs/notion-api.md §2.6 "results can change
 * while paging"): an object edited mid-walk is neither skipped nor listed twice, one trashed mid-walk (and what is under it)
 * is left out of the later page, and the next walk sees the new order.
 */
class SearchWalkOrderTest {
    private static final String PAGES = "{\"filter\": {\"property\": \"object\", \"value\": \"page\"},"
            + " \"sort\": {\"timestamp\": \"last_edited_time\", \"direction\": \"descending\"}, \"page_size\": 3";
    private SandboxServer server;
    private SandboxClient api;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.builder().discoverExtensions(false).rateLimitOff().build());
        api = new SandboxClient(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aWalkKeepsItsFirstPagesOrderWhileObjectsChange() {
        List<String> before = walk(null);
        assertTrue(before.size() > 9, "the fixture has pages enough for several pages of 3: " + before.size());

        JsonNode first = page(null);
        List<String> seen = new ArrayList<>(ids(first));
        String edited = before.get(before.size() - 1); // the oldest: a live re-sort would move it to the front, unseen
        String trashed = before.get(before.size() - 2);
        assertEquals(200, api.patch("/v1/pages/" + edited, FixtureIds.DOCS_SYNC,
                "{\"properties\": {\"title\": {\"title\": [{\"text\": {\"content\": \"Edited mid-walk\"}}]}}}").status());
        assertEquals(200, api.patch("/v1/pages/" + trashed, FixtureIds.DOCS_SYNC, "{\"in_trash\": true}").status());
        seen.addAll(walk(first.path("next_cursor").asText()));

        List<String> after = walk(null);
        List<String> expected = new ArrayList<>(before);
        expected.retainAll(after); // the trashed page and what is under it
        assertTrue(expected.contains(edited) && !expected.contains(trashed));
        assertEquals(expected, seen, "the first page's order, without what was trashed, each object once");

        assertEquals(edited, after.get(0), "a new walk lists the edited page first");
        assertFalse(after.contains(trashed));
        assertNotEquals(before, after);
    }

    private List<String> walk(String cursor) {
        List<String> out = new ArrayList<>();
        JsonNode p = page(cursor);
        out.addAll(ids(p));
        while (p.path("has_more").asBoolean()) {
            p = page(p.path("next_cursor").asText());
            out.addAll(ids(p));
        }
        return out;
    }

    private JsonNode page(String cursor) {
        SandboxClient.Reply r = api.post("/v1/search", FixtureIds.DOCS_SYNC,
                PAGES + (cursor == null ? "" : ", \"start_cursor\": \"" + cursor + "\"") + "}");
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("results").forEach(n -> out.add(n.path("id").asText()));
        return out;
    }
}
