package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.fixture.FixtureException;
import dev.notionconsole.sandbox.fixture.FixtureLoader;
import dev.notionconsole.sandbox.fixture.FixtureWriter;
import dev.notionconsole.sandbox.model.SandboxModel;
import dev.notionconsole.testsupport.FixtureIds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Views, custom emojis and edited comments in the fixture format (decision 0067): strict validation with paths
 * and reasons, and a save-and-reload (the --state file) that keeps views created and comments edited over HTTP.
 */
class ViewsFixtureTest {
    private static final String BASE = """
            {"fixture_version": 1,
             "workspaces": [{"id": "w", "name": "W", "custom_emojis": %s}],
             "users": [{"id": "u", "name": "U", "workspace": "w", "role": "owner"}],
             "databases": [
               {"id": "db", "title": "DB", "parent": {"workspace": "w"},
                "data_sources": [{"id": "ds", "title": "DS", "properties": {"Name": "title", "Done": "checkbox"}}],
                "views": %s},
               {"id": "other", "title": "Other", "parent": {"workspace": "w"}, "properties": {"Name": "title"}}
             ]}""";

    private static List<String> problems(String emojis, String views) {
        String json = BASE.formatted(emojis, views);
        return assertThrows(FixtureException.class,
                () -> FixtureLoader.load(json.getBytes(StandardCharsets.UTF_8), "t.json", Clock.systemUTC())).problems();
    }

    @Test
    void aValidFixtureLoadsItsViewsAndEmojis() throws Exception {
        String json = BASE.formatted("[{\"id\": \"e\", \"name\": \"party\"}]", """
                [{"id": "v1", "name": "All", "type": "table"},
                 {"id": "v2", "name": "Open", "type": "board", "data_source": "ds", "filter": {"property": "Done", "checkbox": {"equals": false}},
                  "configuration": {"type": "board"}, "created_by": "u"},
                 {"id": "v3", "name": "Home", "type": "dashboard"}]""");
        SandboxModel m = FixtureLoader.load(json.getBytes(StandardCharsets.UTF_8), "t.json", Clock.systemUTC());
        assertEquals(3, m.read(() -> m.views().size()));
        assertEquals(1, m.read(() -> m.workspaces().iterator().next().customEmojis().size()));
    }

    @Test
    void everyBadViewIsReportedWithItsPath() {
        List<String> p = problems("[{\"id\": \"e1\", \"name\": \"dup\"}, {\"id\": \"e2\", \"name\": \"dup\"}, {\"name\": \"x\", \"colour\": 1}]", """
                [{"id": "a", "name": "A", "type": "spreadsheet"},
                 {"id": "b", "name": "B", "type": "table", "data_source": "other/data_source"},
                 {"id": "c", "name": "C", "type": "table", "filter": {"property": "Colour", "select": {"equals": "red"}}},
                 {"id": "d", "name": "D", "type": "table", "configuration": {"type": "board"}},
                 {"id": "e", "name": "E", "type": "table", "sorts": [{"property": "Name"}]},
                 {"id": "f", "type": "list", "colour": "red"},
                 {"id": "g", "name": "G", "type": "dashboard", "data_source": "ds"},
                 {"id": "h", "name": "H", "type": "table", "created_by": "nobody"},
                 {"id": "i", "name": "I1", "type": "table"}, {"id": "i", "name": "I2", "type": "table"}]""");
        String all = String.join("\n", p);
        assertTrue(p.contains("databases[0].views[0].type: should be one of table, board, list, calendar, timeline, gallery, form, chart, map, "
                + "dashboard, not \"spreadsheet\""), all);
        assertTrue(p.contains("databases[0].views[1].data_source: no data source \"other/data_source\" in this database"), all);
        assertTrue(p.contains("databases[0].views[2]: Could not find property with name or id: Colour"), all);
        assertTrue(p.contains("databases[0].views[3]: configuration.type should be `\"table\"`, instead was `\"board\"`."), all);
        assertTrue(p.contains("databases[0].views[4]: sorts[0].direction should be a string, instead was `undefined`."), all);
        assertTrue(p.contains("databases[0].views[5]: unknown field \"colour\""), all);
        assertTrue(p.contains("databases[0].views[5].name: missing"), all);
        assertTrue(p.contains("databases[0].views[6].data_source: dashboard views have no data source"), all);
        assertTrue(p.contains("databases[0].views[7].created_by: no user with id \"nobody\""), all);
        assertTrue(p.contains("databases[0].views[9].id: duplicate id \"i\""), all);
        assertTrue(p.contains("workspaces[0].custom_emojis[1].name: duplicate custom emoji name \"dup\" in workspace \"w\""), all);
        assertTrue(p.contains("workspaces[0].custom_emojis[2]: unknown field \"colour\""), all);
        assertTrue(p.contains("workspaces[0].custom_emojis[2].id: missing"), all);
        assertEquals(13, p.size(), all);
    }

    @Test
    void viewsAndCommentEditsSurviveSavingAndReloading() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.builder().discoverExtensions(false).rateLimitOff().build())) {
            SandboxClient api = new SandboxClient(server.baseUrl());
            String view = api.post("/v1/views", FixtureIds.DOCS_SYNC, "{\"database_id\":\"" + FixtureIds.id("roadmap") + "\",\"data_source_id\":\"" + FixtureIds.id("roadmap-ds")
                    + "\",\"name\":\"Saved\",\"type\":\"gallery\",\"filter\":{\"property\":\"Points\",\"number\":{\"is_not_empty\":true}},"
                    + "\"quick_filters\":{\"Status\":{\"status\":{\"equals\":\"Done\"}}},\"position\":{\"type\":\"after_view\",\"view_id\":\""
                    + FixtureIds.id("roadmap-view-all") + "\"}}").json().path("id").asText();
            api.delete("/v1/views/" + FixtureIds.id("roadmap-view-board"), FixtureIds.DOCS_SYNC);
            api.patch("/v1/comments/" + FixtureIds.id("comment-handbook-2"), FixtureIds.DOCS_SYNC, "{\"markdown\": \"edited\"}");

            byte[] saved = Json.mapper().writeValueAsBytes(server.model().read(() -> FixtureWriter.write(server.model())));
            SandboxModel reloaded = FixtureLoader.load(saved, "state", Clock.systemUTC());
            try (SandboxServer second = SandboxServer.start(SandboxOptions.builder().discoverExtensions(false).rateLimitOff().extension(new SandboxExtension() {
                @Override
                public SandboxModel loadModel(SandboxOptions options) {
                    return reloaded;
                }
            }).build())) {
                SandboxClient api2 = new SandboxClient(second.baseUrl());
                for (String path : List.of("/v1/views?database_id=" + FixtureIds.id("roadmap"), "/v1/views/" + view, "/v1/views/" + FixtureIds.id("roadmap-view-next"),
                        "/v1/comments/" + FixtureIds.id("comment-handbook-2"), "/v1/custom_emojis")) {
                    assertEquals(api.get(path, FixtureIds.DOCS_SYNC).json(), api2.get(path, FixtureIds.DOCS_SYNC).json(), path);
                }
                assertEquals(404, api2.get("/v1/views/" + FixtureIds.id("roadmap-view-board"), FixtureIds.DOCS_SYNC).status(), "a deleted view stays deleted");
            }
        }
    }
}
