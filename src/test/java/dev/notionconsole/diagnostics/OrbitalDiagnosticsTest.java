package dev.notionconsole.diagnostics;

import static dev.notionconsole.diagnostics.Scenario.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.notion.Capability;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The causes on a second scenario (orbital-games.json): one Enterprise workspace, deep trees, a page inside a toggle,
 * a top-level two-source database, a bot shared mid-tree, personal tokens only.
 */
class OrbitalDiagnosticsTest {
    static Scenario scenario;
    Scenario.Session s;

    @BeforeAll
    static void start() throws Exception {
        scenario = Scenario.start("orbital-games.json");
    }

    @AfterAll
    static void stop() {
        scenario.close();
    }

    @BeforeEach
    void session(@TempDir Path home) {
        s = scenario.session(home);
    }

    @Test
    void aBotSharedMidTreeReadingASiblingBranch() throws Exception {
        Diagnosis d = s.diagnose("Build Bot", "GET", "/v1/pages/" + id("orb-factions"));
        assertEquals(Cause.NOT_SHARED, d.cause(), d.toText());
        assertEquals("Game Design", d.object().title(), d.toText());
        Diagnosis tracker = s.diagnose("Build Bot", "GET", "/v1/databases/" + id("orb-tracker"));
        assertEquals(Cause.NOT_SHARED, tracker.cause(), tracker.toText());
        assertEquals("Game Design", tracker.object().title());
    }

    @Test
    void aPageInsideAToggleIsSharedThroughItsPage() throws Exception {
        Diagnosis d = s.diagnose("Build Bot", "GET", "/v1/pages/" + id("orb-sketches"));
        assertEquals(Cause.NOT_SHARED, d.cause(), d.toText());
        assertEquals("Art", d.object().title(), "the toggle is a block, not something to share: " + d.toText());
    }

    @Test
    void readableDeepInsideItsShare() throws Exception {
        Diagnosis d = s.diagnose("Build Bot", "GET", "/v1/pages/" + id("orb-bosses"));
        assertEquals(Cause.NONE, d.cause(), d.toText());
    }

    @Test
    void dataSourceAndDatabaseIdsMixedUp() throws Exception {
        Diagnosis ds = s.diagnose("Ren's token", "GET", "/v1/databases/" + id("orb-crashes"));
        assertEquals(Cause.WRONG_ID_KIND, ds.cause(), ds.toText());
        assertEquals(id("orb-tracker"), ds.object().id());
        Diagnosis db = s.diagnose("Tam's token", "POST", "/v1/data_sources/" + id("orb-tracker") + "/query", "{}", null, true);
        assertEquals(Cause.WRONG_ID_KIND, db.cause(), db.toText());
        assertTrue(db.fix().get(0).contains(id("orb-bugs")) && db.fix().get(0).contains(id("orb-crashes")), db.fix().toString());
        Diagnosis view = s.diagnose("Tam's token", "GET", "/v1/databases/" + id("orb-tracker-open"));
        assertEquals(Cause.VIEW_ID, view.cause(), view.toText());
    }

    @Test
    void aReadOnlyBotAddingARow() throws Exception {
        String body = "{\"parent\":{\"database_id\":\"" + id("orb-assets") + "\"},\"properties\":{\"File\":{\"title\":[{\"text\":{\"content\":\"x.png\"}}]}}}";
        Diagnosis d = s.diagnose("Asset Indexer", "POST", "/v1/pages", body, null, true);
        assertEquals(Cause.MISSING_CAPABILITY, d.cause(), d.toText());
        assertEquals(Capability.INSERT_CONTENT, d.capability());
    }

    @Test
    void aPrivatePageNobodySavedCanSeeStaysUndecided() throws Exception {
        Diagnosis d = s.diagnose("Tam's token", "GET", "/v1/pages/" + id("orb-sol-journal"));
        assertEquals(Cause.NOT_FOUND_OR_NOT_SHARED, d.cause(), d.toText());
        assertTrue(d.witnesses().contains("Sandbox: Ren's token"), d.witnesses().toString());
    }

    @Test
    void aPatWhoseUserCannotSeeWhatAnotherUserCan() throws Exception {
        // Legal is visible to every member; nothing here is private to Ren, so both tokens read it: not a failure
        Diagnosis d = s.diagnose("Tam's token", "GET", "/v1/pages/" + id("orb-contracts"));
        assertEquals(Cause.NONE, d.cause(), d.toText());
        Diagnosis bot = s.diagnose("Asset Indexer", "GET", "/v1/pages/" + id("orb-contracts"));
        assertEquals(Cause.NOT_SHARED, bot.cause(), bot.toText());
        assertEquals("Legal", bot.object().title());
    }

    @Test
    void aRevokedToken() throws Exception {
        Diagnosis d = s.diagnose("Old CI", "GET", "/v1/pages/" + id("orb-design"));
        assertEquals(Cause.TOKEN_INVALID, d.cause(), d.toText());
    }

    @Test
    void serverSideFailures() throws Exception {
        Diagnosis conflict = s.diagnose("Flaky Mirror", "PATCH", "/v1/pages/" + id("orb-lore"), "{\"properties\":{}}", null, true);
        assertEquals(Cause.CONFLICT, conflict.cause(), conflict.toText());
        Diagnosis server = s.diagnose("Flaky Mirror", "POST", "/v1/search", "{}", null, true);
        assertEquals(Cause.SERVICE_ERROR, server.cause(), server.toText());
        Diagnosis edge = s.diagnose("Flaky Mirror", "POST", "/v1/data_sources/" + id("orb-bugs") + "/query", "{}", null, true);
        assertEquals(Cause.SERVICE_ERROR, edge.cause(), edge.toText());
        assertEquals("edge_proxy", edge.detail(), "an edge's HTML 403 is not a capability: " + edge.toText());
        Diagnosis limited = s.diagnose("Flaky Mirror", "POST", "/v1/comments",
                "{\"parent\":{\"page_id\":\"" + id("orb-lore") + "\"},\"rich_text\":[{\"text\":{\"content\":\"hi\"}}]}", null, true);
        assertEquals(Cause.RATE_LIMITED, limited.cause(), limited.toText());
    }

    @Test
    void aBlockedConnectionIsToldNotToRetry(@TempDir Path home) throws Exception {
        try (Scenario limited = Scenario.start("orbital-games.json", true)) {
            Diagnosis d = limited.session(home).diagnose("Banned Scraper", "GET", "/v1/pages/" + id("orb-art"));
            assertEquals(Cause.REQUEST_BLOCKED, d.cause(), d.toText());
            assertTrue(d.fix().get(0).startsWith("Do not retry"), d.fix().toString());
        }
    }
}
