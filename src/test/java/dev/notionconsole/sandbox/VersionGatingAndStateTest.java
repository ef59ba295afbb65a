package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.fixture.FixtureLoader;
import dev.notionconsole.sandbox.fixture.FixtureWriter;
import dev.notionconsole.sandbox.model.Block;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.RichText;
import dev.notionconsole.sandbox.model.SandboxModel;
import dev.notionconsole.testsupport.FixtureIds;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Version-gated shapes not covered elsewhere, the 1000-block limit, and saving/reloading a mutated sandbox. */
class VersionGatingAndStateTest extends SandboxTestBase {

    @Test
    void meetingNotesWereCalledTranscriptionBefore20260311() {
        String id = server.model().write(() -> {
            SandboxModel m = server.model();
            Node meetings = m.node(FixtureIds.id("meetings"));
            ObjectNode value = JsonNodeFactory.instance.objectNode();
            value.set("title", RichText.of("Weekly sync"));
            Block b = new Block(m.newId(), meetings.workspace(), "meeting_notes", value, null);
            b.setCreated(m.nowMinute(), FixtureIds.id("alice"));
            m.attach(b, meetings, -1);
            return b.id();
        });
        assertEquals("meeting_notes", api.get("/v1/blocks/" + id, FixtureIds.ALICE_PAT).json().path("type").asText());
        var old = api.get("/v1/blocks/" + id, FixtureIds.ALICE_PAT, "2025-09-03").json();
        assertEquals("transcription", old.path("type").asText());
        assertEquals("Weekly sync", old.path("transcription").path("title").path(0).path("plain_text").asText());
    }

    @Test
    void appendPositionOnlyFrom20260311AndAfterOnlyBefore() {
        String page = "/v1/blocks/" + FixtureIds.id("first-week") + "/children";
        assertError(api.patch(page, FixtureIds.DOCS_SYNC, "2025-09-03", "{\"children\": [], \"position\": {\"type\": \"start\"}}"), 400, "validation_error",
                "body failed validation: body.position should be not present, instead was `{\"type\":\"start\"}`.");
        assertError(api.patch(page, FixtureIds.DOCS_SYNC, "{\"children\": [], \"position\": {\"type\": \"middle\"}}"), 400, "validation_error");
        assertError(api.patch(page, FixtureIds.DOCS_SYNC, "{\"children\": [], \"position\": {\"type\": \"after_block\", \"after_block\": {\"id\": \"" + FixtureIds.id("handbook") + "\"}}}"),
                400, "validation_error");
    }

    @Test
    void atMostAThousandBlocksPerRequest() {
        StringBuilder sb = new StringBuilder("{\"parent\": {\"page_id\": \"" + FixtureIds.id("first-week") + "\"}, \"children\": [");
        for (int i = 0; i < 11; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"toggle\": {\"rich_text\": [], \"children\": [");
            for (int j = 0; j < 99; j++) {
                sb.append(j == 0 ? "" : ",").append("{\"paragraph\": {\"rich_text\": []}}");
            }
            sb.append("]}}");
        }
        var r = api.post("/v1/pages", FixtureIds.DOCS_SYNC, sb.append("]}").toString());
        assertError(r, 400, "validation_error",
                "body failed validation: body.children should contain ≤ `1000` block elements, instead was `1100`.");
    }

    @Test
    void legacyQueryOfAMultiSourceDatabase() {
        var r = api.post("/v1/databases/" + FixtureIds.id("tasks") + "/query", FixtureIds.DOCS_SYNC, "2022-06-28", "{}");
        assertError(r, 400, "validation_error", "Databases with multiple data sources are not supported in this API version.");
        assertEquals("multiple_data_sources_for_database", r.json().path("additional_data").path("error_type").asText());
    }

    @Test
    void pageSizeBounds() {
        assertError(api.post("/v1/search", FixtureIds.DOCS_SYNC, "{\"page_size\": 0}"), 400, "validation_error",
                "body failed validation: body.page_size should be ≥ `1`, instead was `0`.");
        assertError(api.post("/v1/search", FixtureIds.DOCS_SYNC, "{\"page_size\": \"ten\"}"), 400, "validation_error");
    }

    @Test
    void mutationsSurviveSavingAndReloading() throws Exception {
        String page = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("handbook") + "\"}, \"properties\": {\"title\": [{\"text\": {\"content\": \"Saved\", \"link\": {\"url\": \"https://example.com\"}}, \"annotations\": {\"bold\": true}}]}, \"icon\": {\"emoji\": \"💾\"}}")
                .json().path("id").asText();
        api.patch("/v1/blocks/" + page + "/children", FixtureIds.DOCS_SYNC, "{\"children\": [{\"to_do\": {\"rich_text\": [{\"text\": {\"content\": \"keep me\"}}], \"checked\": true}}]}");
        // a paragraph appended to the handbook lands after its sub-pages: order must survive
        api.patch("/v1/blocks/" + FixtureIds.id("handbook") + "/children", FixtureIds.DOCS_SYNC, "{\"children\": [{\"paragraph\": {\"rich_text\": [{\"text\": {\"content\": \"last\"}}]}}]}");
        String row = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"data_source_id\": \"" + FixtureIds.id("roadmap-ds") + "\"}, \"properties\": {\"Name\": {\"title\": [{\"text\": {\"content\": \"Row\"}}]}, \"Tags\": {\"multi_select\": [{\"name\": \"brand-new\"}]}}}")
                .json().path("id").asText();
        api.post("/v1/comments", FixtureIds.DOCS_SYNC, "{\"parent\": {\"page_id\": \"" + page + "\"}, \"rich_text\": [{\"text\": {\"content\": \"noted\"}}]}");
        api.patch("/v1/pages/" + FixtureIds.id("outage-2026-10"), FixtureIds.DOCS_SYNC, "{\"in_trash\": true}");
        String created = api.post("/v1/pages", FixtureIds.ALICE_PAT, "{\"properties\": {\"title\": [{\"text\": {\"content\": \"Alice private\"}}]}}").json().path("id").asText();

        byte[] saved = Json.mapper().writeValueAsBytes(server.model().read(() -> FixtureWriter.write(server.model())));
        SandboxModel reloaded = FixtureLoader.load(saved, "state", Clock.systemUTC());
        try (SandboxServer second = SandboxServer.start(SandboxOptions.builder().discoverExtensions(false).extension(new SandboxExtension() {
            @Override
            public SandboxModel loadModel(SandboxOptions options) {
                return reloaded;
            }
        }).build())) {
            SandboxClient api2 = new SandboxClient(second.baseUrl());
            for (String path : List.of("/v1/pages/" + page, "/v1/blocks/" + page + "/children", "/v1/blocks/" + FixtureIds.id("handbook") + "/children",
                    "/v1/pages/" + row, "/v1/data_sources/" + FixtureIds.id("roadmap-ds"), "/v1/comments?block_id=" + page, "/v1/pages/" + FixtureIds.id("outage-2026-10"))) {
                assertEquals(api.get(path, FixtureIds.DOCS_SYNC).json(), api2.get(path, FixtureIds.DOCS_SYNC).json(), path);
            }
            assertEquals(api.get("/v1/pages/" + created, FixtureIds.ALICE_PAT).json(), api2.get("/v1/pages/" + created, FixtureIds.ALICE_PAT).json());
            assertEquals(404, api2.get("/v1/pages/" + created, FixtureIds.DOCS_SYNC).status());
            // new objects after a reload never reuse an id
            String next = api2.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("handbook") + "\"}}").json().path("id").asText();
            assertTrue(!next.equals(page) && !next.equals(row) && !next.equals(created));
            assertEquals(401, api2.get("/v1/users/me", FixtureIds.RETIRED).status());
            assertEquals(401, api2.get("/v1/users/me", FixtureIds.DOCS_SYNC_REVOKED).status());
            assertEquals(200, api2.get("/v1/users/me", FixtureIds.CRM_ERIN).status());
        }
    }
}
