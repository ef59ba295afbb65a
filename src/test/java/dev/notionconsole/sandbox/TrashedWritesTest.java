package dev.notionconsole.sandbox;

import dev.notionconsole.testsupport.FixtureIds;
import dev.notionconsole.testsupport.FixtureIds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Writes to trashed objects answer Notion's 400s (docs/explorer-diagnostics.md §0.8, §3.4 D9); restoring is allowed.
 * Also the internal connection's workspace-level create message, whole.
 */
class TrashedWritesTest extends SandboxTestBase {
    static final String PAGE = "Can't update a page that is archived. You must unarchive the page before updating.";
    static final String BLOCK = "Can't edit block that is archived. You must unarchive the block before editing.";
    static final String PARAGRAPH = "{\"children\":[{\"paragraph\":{\"rich_text\":[{\"text\":{\"content\":\"late note\"}}]}}]}";

    @Test
    void appendingToATrashedPageIsRefused() {
        var r = api.patch("/v1/blocks/" + FixtureIds.id("old-launch-plan") + "/children", FixtureIds.DOCS_SYNC, PARAGRAPH);
        assertError(r, 400, "validation_error", BLOCK);
    }

    @Test
    void creatingAPageInsideATrashedPageIsRefused() {
        var r = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("old-launch-plan")
                + "\"}, \"properties\": {\"title\": {\"title\": [{\"text\": {\"content\": \"late\"}}]}}}");
        assertError(r, 400, "validation_error", BLOCK);
    }

    @Test
    void updatingATrashedPageIsRefusedButRestoringItWorks() {
        String id = createPage("Soon trashed");
        assertOk(api.patch("/v1/pages/" + id, FixtureIds.DOCS_SYNC, "{\"in_trash\": true}"));
        assertError(api.patch("/v1/pages/" + id, FixtureIds.DOCS_SYNC, "{\"icon\": {\"emoji\": \"🗑\"}}"), 400, "validation_error", PAGE);
        var restored = api.patch("/v1/pages/" + id, FixtureIds.DOCS_SYNC, "{\"in_trash\": false}");
        assertOk(restored);
        assertEquals(false, restored.json().path("in_trash").asBoolean());
        assertOk(api.patch("/v1/pages/" + id, FixtureIds.DOCS_SYNC, "{\"icon\": {\"emoji\": \"📄\"}}"));
    }

    @Test
    void editingATrashedBlockOrOneInsideATrashedPageIsRefused() {
        String page = createPage("Holds a block");
        var appended = api.patch("/v1/blocks/" + page + "/children", FixtureIds.DOCS_SYNC, PARAGRAPH);
        assertOk(appended);
        String block = appended.json().path("results").get(0).path("id").asText();
        String edit = "{\"paragraph\":{\"rich_text\":[{\"text\":{\"content\":\"edited\"}}]}}";
        assertOk(api.delete("/v1/blocks/" + block, FixtureIds.DOCS_SYNC));
        assertError(api.patch("/v1/blocks/" + block, FixtureIds.DOCS_SYNC, edit), 400, "validation_error", BLOCK);
        assertOk(api.patch("/v1/blocks/" + block, FixtureIds.DOCS_SYNC, "{\"in_trash\": false}"));
        assertOk(api.patch("/v1/pages/" + page, FixtureIds.DOCS_SYNC, "{\"in_trash\": true}"));
        assertError(api.patch("/v1/blocks/" + block, FixtureIds.DOCS_SYNC, edit), 400, "validation_error", BLOCK);
    }

    @Test
    void anInternalConnectionCreatingAWorkspaceLevelPageGetsNotionsWholeMessage() {
        var r = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"workspace\": true}, \"properties\": {}}");
        assertError(r, 400, "validation_error");
        assertTrue(r.message().startsWith("Provide a `parent.page_id` or `parent.database_id` parameter to create a page"), r.message());
        assertTrue(r.message().endsWith("Internal integrations aren't owned by a single user, so creating workspace-level private pages "
                + "is not supported."), r.message());
    }

    private static String createPage(String title) {
        var r = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("handbook") + "\"}, \"properties\": "
                + "{\"title\": [{\"text\": {\"content\": \"" + title + "\"}}]}}");
        assertOk(r);
        return r.json().path("id").asText();
    }
}
