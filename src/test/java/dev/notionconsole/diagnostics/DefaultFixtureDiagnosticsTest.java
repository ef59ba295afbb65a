package dev.notionconsole.diagnostics;

import static dev.notionconsole.diagnostics.Scenario.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.notion.Capability;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each cause of issue 11 on the default (Acme / Globex) fixture, over HTTP against the sandbox. */
class DefaultFixtureDiagnosticsTest {
    static Scenario scenario;
    Scenario.Session s;

    @BeforeAll
    static void start() throws Exception {
        scenario = Scenario.start(null);
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
    void aPageNotSharedNamesThePageAndTheWitness() throws Exception {
        Diagnosis d = s.diagnose("Docs Sync", "GET", "/v1/pages/" + id("sales"));
        assertEquals(Cause.NOT_SHARED, d.cause(), d.toText());
        assertEquals(Confidence.CONFIRMED, d.confidence());
        assertEquals(id("sales"), d.object().id());
        assertEquals("Sales", d.object().title());
        assertTrue(d.witnesses().contains("Sandbox: Alice's token"), d.witnesses().toString());
        assertTrue(d.fix().stream().anyMatch(f -> f.contains("Connections → Connect to") && f.contains("\"Docs Sync\"")), d.fix().toString());
        assertTrue(d.evidence().stream().anyMatch(e -> e.role().equals(Evidence.WITNESS) && e.status() == 200), d.toText());
    }

    @Test
    void theSame404WithoutWitnessesCannotTellAndSaysSo() throws Exception {
        Diagnosis d = s.diagnose("Docs Sync", "GET", "/v1/pages/" + id("sales"), "", null, false);
        assertEquals(Cause.NOT_FOUND_OR_NOT_SHARED, d.cause(), d.toText());
        assertEquals(Confidence.POSSIBLE, d.confidence());
        assertTrue(d.witnessesOff());
        assertTrue(d.witnesses().isEmpty());
        assertTrue(d.alternatives().contains(Cause.NOT_SHARED), d.alternatives().toString());
        assertTrue(d.evidence().stream().noneMatch(e -> e.role().equals(Evidence.WITNESS)));
        assertTrue(d.fix().stream().anyMatch(f -> f.contains("Connect to")) && d.fix().stream().anyMatch(f -> f.contains("Copy link")),
                "both fixes: " + d.fix());
    }

    @Test
    void aMovedPageIsSharedAtItsHighestReadableAncestor() throws Exception {
        Diagnosis d = s.diagnose("Docs Sync", "GET", "/v1/pages/" + id("legacy-api-notes"));
        assertEquals(Cause.NOT_SHARED, d.cause(), d.toText());
        assertEquals("Archive", d.object().title(), "the highest ancestor the witness reads and Docs Sync does not");
    }

    @Test
    void aDatabaseIdSentToADataSourceQueryNamesTheDataSource() throws Exception {
        Diagnosis d = s.diagnose("Docs Sync", "POST", "/v1/data_sources/" + id("roadmap") + "/query", "{}", null, true);
        assertEquals(Cause.WRONG_ID_KIND, d.cause(), d.toText());
        assertEquals("database_id_for_data_source", d.detail());
        assertEquals(id("roadmap-ds"), d.object().id());
        assertEquals("data_source", d.object().kind());
        assertFalse(d.summary().toLowerCase().contains("shared"), "never blames sharing: " + d.summary());
    }

    @Test
    void aViewIdNamesItsDatabaseAndDataSource() throws Exception {
        Diagnosis d = s.diagnose("Docs Sync", "GET", "/v1/databases/" + id("roadmap-view-all"));
        assertEquals(Cause.VIEW_ID, d.cause(), d.toText());
        assertEquals(id("roadmap"), d.object().id());
        assertTrue(d.fix().get(0).contains(id("roadmap-ds")), d.fix().toString());
    }

    @Test
    void aLinkedDatabaseIsNotBlamedOnSharing() throws Exception {
        Diagnosis query = s.diagnose("Docs Sync", "POST", "/v1/data_sources/" + id("eng-customers-view") + "/query", "{}", null, true);
        assertEquals(Cause.LINKED_DATABASE, query.cause(), query.toText());
        assertEquals(Confidence.CONFIRMED, query.confidence());
        Diagnosis retrieve = s.diagnose("Docs Sync", "GET", "/v1/databases/" + id("eng-customers-view"));
        assertEquals(Cause.LINKED_DATABASE, retrieve.cause(), retrieve.toText());
        assertEquals("Customers (linked view)", retrieve.object().title());
    }

    @Test
    void aCreateWhoseParentInTheBodyIsNotSharedNamesTheParent() throws Exception {
        String body = "{\"parent\":{\"page_id\":\"" + id("sales") + "\"},\"properties\":{\"title\":{\"title\":[{\"text\":{\"content\":\"x\"}}]}}}";
        Diagnosis d = s.diagnose("Docs Sync", "POST", "/v1/pages", body, null, true);
        assertEquals(Cause.NOT_SHARED, d.cause(), d.toText());
        assertEquals(id("sales"), d.object().id());
        assertTrue(d.summary().contains("Sales"), d.summary());
    }

    @Test
    void aPatReadingAnotherUsersPrivatePageWithNoWitnessIsHonest() throws Exception {
        // nobody saved can see Bob's private page: the API cannot tell "no access" from "does not exist"
        Diagnosis d = s.diagnose("Alice's token", "GET", "/v1/pages/" + id("bob-drafts"));
        assertEquals(Cause.NOT_FOUND_OR_NOT_SHARED, d.cause(), d.toText());
        assertTrue(d.alternatives().contains(Cause.USER_LACKS_ACCESS), d.alternatives().toString());
        assertTrue(d.fix().stream().anyMatch(f -> f.contains("cannot help")), "a PAT is not shared with: " + d.fix());
    }

    @Test
    void anOAuthInstallAskingForAPageItsUserDidNotPick() throws Exception {
        Diagnosis d = s.diagnose("CRM Bridge", "GET", "/v1/pages/" + id("engineering"));
        assertEquals(Cause.NOT_SHARED, d.cause(), d.toText());
        assertTrue(d.fix().stream().anyMatch(f -> f.contains("page picker")), d.fix().toString());
        assertTrue(d.fix().stream().anyMatch(f -> f.contains("Bob Lindqvist")), d.fix().toString());
    }

    @Test
    void anInsertOnlyBotReadingLacksReadContent() throws Exception {
        Diagnosis d = s.diagnose("Standup Bot", "GET", "/v1/pages/" + id("standup-2026-11-16"));
        assertEquals(Cause.MISSING_CAPABILITY, d.cause(), d.toText());
        assertEquals(Capability.READ_CONTENT, d.capability());
        assertEquals("read_content", d.toJson().path("capability").asText());
        assertTrue(d.fix().get(0).contains("Content capabilities"), d.fix().toString());
    }

    @Test
    void aReaderWithoutCommentCapabilities() throws Exception {
        Diagnosis d = s.diagnose("Wiki Reader", "GET", "/v1/comments?block_id=" + id("wiki-welcome"));
        assertEquals(Cause.MISSING_CAPABILITY, d.cause(), d.toText());
        assertEquals(Capability.READ_COMMENTS, d.capability());
        assertTrue(d.fix().get(0).contains("Comment capabilities"), d.fix().toString());
    }

    @Test
    void aPatListingUsersIsATokenKindProblem() throws Exception {
        Diagnosis d = s.diagnose("Alice's token", "GET", "/v1/users");
        assertEquals(Cause.TOKEN_KIND_NOT_ALLOWED, d.cause(), d.toText());
        assertNull(d.capability(), "not a capability problem");
    }

    @Test
    void anInternalConnectionCreatingAWorkspaceLevelPage() throws Exception {
        Diagnosis d = s.diagnose("Docs Sync", "POST", "/v1/pages", "{\"parent\":{\"workspace\":true},\"properties\":{}}", null, true);
        assertEquals(Cause.TOKEN_KIND_NOT_ALLOWED, d.cause(), d.toText());
        assertEquals("internal_workspace_page", d.detail());
    }

    @Test
    void revokedAndExpiredTokens() throws Exception {
        Diagnosis revoked = s.diagnose("Retired Importer", "GET", "/v1/pages/" + id("engineering"));
        assertEquals(Cause.TOKEN_INVALID, revoked.cause(), revoked.toText());
        assertTrue(revoked.fix().get(0).contains("Access token"), revoked.fix().toString());
        Diagnosis expired = s.diagnose("Bob's old token", "GET", "/v1/users/me");
        assertEquals(Cause.TOKEN_INVALID, expired.cause(), expired.toText());
        assertTrue(expired.fix().get(0).contains("developers/tokens"), "a PAT's fix differs: " + expired.fix());
        assertFalse(expired.summary().contains("shared"));
    }

    @Test
    void anotherWorkspace() throws Exception {
        Diagnosis d = s.diagnose("Lab Assistant", "GET", "/v1/pages/" + id("engineering"));
        assertEquals(Cause.WRONG_WORKSPACE, d.cause(), d.toText());
        assertTrue(d.summary().contains("Acme Robotics") && d.summary().contains("Globex Labs"), d.summary());
    }

    @Test
    void versions() throws Exception {
        Diagnosis old = s.diagnose("Docs Sync", "POST", "/v1/data_sources/" + id("roadmap-ds") + "/query", "{}", "2022-06-28", true);
        assertEquals(Cause.VERSION_TOO_OLD, old.cause(), old.toText());
        Diagnosis multi = s.diagnose("Docs Sync", "GET", "/v1/databases/" + id("tasks"), "", "2022-06-28", true);
        assertEquals(Cause.VERSION_TOO_OLD, multi.cause(), multi.toText());
        assertEquals("multiple_data_sources", multi.detail());
        Diagnosis unknown = s.diagnose("Docs Sync", "GET", "/v1/users/me", "", "2019-01-01", true);
        assertEquals(Cause.VERSION_INVALID, unknown.cause(), unknown.toText());
    }

    @Test
    void aPageIdWhereADatabaseBelongsIsAWrongKind() throws Exception {
        Diagnosis d = s.diagnose("Docs Sync", "GET", "/v1/pages/" + id("roadmap"));
        assertEquals(Cause.WRONG_ID_KIND, d.cause(), d.toText());
        assertEquals("database", d.object().kind());
        assertEquals("Roadmap", d.object().title());
    }

    @Test
    void aDataSourceIdWhereADatabaseBelongs() throws Exception {
        Diagnosis d = s.diagnose("Docs Sync", "GET", "/v1/databases/" + id("roadmap-ds"));
        assertEquals(Cause.WRONG_ID_KIND, d.cause(), d.toText());
        assertEquals("data_source_id_for_database", d.detail());
        assertEquals(id("roadmap"), d.object().id());
    }

    @Test
    void writingToATrashedPage() throws Exception {
        Diagnosis d = s.diagnose("Docs Sync", "PATCH", "/v1/pages/" + id("old-launch-plan"), "{\"properties\":{}}", null, true);
        assertEquals(Cause.IN_TRASH, d.cause(), d.toText());
        assertEquals(Confidence.CONFIRMED, d.confidence());
        assertTrue(d.fix().get(0).contains("Restore"), d.fix().toString());
    }

    @Test
    void aSuccessIsNone() throws Exception {
        Diagnosis d = s.diagnose("Docs Sync", "GET", "/v1/pages/" + id("handbook"));
        assertEquals(Cause.NONE, d.cause());
        assertNotNull(d.object());
        assertNull(d.detail(), d.toText());
        // one probe: search by its title finds it, so it is not search lag (decision 0192)
        assertEquals(1, d.evidence().size(), d.toText());
        assertEquals("/v1/search", d.evidence().get(0).path());
        assertEquals("search by its title lists it too", d.evidence().get(0).finding());
    }

    @Test
    void aLinkPastedAsTheIdIsAnInvalidRequest() throws Exception {
        Diagnosis d = s.diagnose("Docs Sync", "POST", "/v1/pages",
                "{\"parent\":{\"database_id\":\"https://www.notion.so/x?v=1\"},\"properties\":{}}", null, true);
        assertEquals(Cause.INVALID_REQUEST, d.cause(), d.toText());
    }

    @Test
    void probesStayWithinTheBudgetAndNeverWrite() throws Exception {
        Diagnosis d = s.diagnose("Docs Sync", "GET", "/v1/pages/" + id("legacy-api-notes"));
        long failing = d.evidence().stream().filter(e -> e.role().equals(Evidence.FAILING)).count();
        assertTrue(failing <= DiagnosisOptions.DEFAULT_BUDGET, d.toText());
        assertTrue(d.evidence().stream().allMatch(e -> e.method().equals("GET") || e.method().equals("-")), d.toText());
    }

    @Test
    void aTypedInWriteIsNotSentButItsIdsAreRead() throws Exception {
        var c = s.connection("Docs Sync");
        String body = "{\"parent\":{\"page_id\":\"" + id("sales") + "\"},\"properties\":{}}";
        var spec = new dev.notionconsole.request.RequestSpec("POST", "/v1/pages", java.util.List.of(), java.util.List.of(), body, null);
        Diagnosis d = s.engine.diagnose(DiagnosisRequest.typed(c.id(), spec), DiagnosisOptions.defaults(),
                dev.notionconsole.core.concurrent.CancellationToken.none(), DiagnosisListener.NONE);
        assertEquals(Cause.NOT_SHARED, d.cause(), d.toText());
        assertTrue(d.evidence().stream().noneMatch(e -> e.method().equals("POST")), "never sent: " + d.toText());
        Diagnosis read = s.engine.diagnose(DiagnosisRequest.access(c.id(), "page", id("hr")), DiagnosisOptions.defaults(),
                dev.notionconsole.core.concurrent.CancellationToken.none(), DiagnosisListener.NONE);
        assertEquals(Cause.NOT_SHARED, read.cause(), read.toText());
        assertEquals("HR & People", read.object().title());
    }

    @Test
    void cancellingStopsTheProbes() throws Exception {
        var cancel = new dev.notionconsole.core.concurrent.CancellationToken();
        var c = s.connection("Docs Sync");
        java.util.List<Evidence> seen = new java.util.ArrayList<>();
        DiagnosisListener stopAfterTwo = new DiagnosisListener() {
            @Override
            public void evidence(Evidence e, int done) {
                seen.add(e);
                if (done == 2) {
                    cancel.cancel();
                }
            }
        };
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class, () -> s.engine.diagnose(
                DiagnosisRequest.access(c.id(), "page", id("sales")), DiagnosisOptions.defaults(), cancel, stopAfterTwo));
        assertEquals(2, seen.size(), "no call after the cancel");
    }

    @Test
    void witnessesAreTheConnectionsOnTheSameServer() throws Exception {
        // two connections saved against the sandbox's port (as with 'sandbox --port N'): they witness for each other,
        // the built-in "sandbox" connections (another server, as far as base URLs tell) do not
        var portDocs = s.connections.add(dev.notionconsole.connections.Connection.builder(dev.notionconsole.connections.ConnectionKind.INTERNAL)
                .name("Port Docs").baseUrl(scenario.sandbox.baseUrl()).build(),
                dev.notionconsole.core.Secret.of("ntn_sandbox_docs_sync_FAKE_TOKEN_0000000000000001"), null);
        s.connections.add(dev.notionconsole.connections.Connection.builder(dev.notionconsole.connections.ConnectionKind.PERSONAL_ACCESS_TOKEN)
                .name("Port Alice").baseUrl(scenario.sandbox.baseUrl() + "/").build(),
                dev.notionconsole.core.Secret.of("ntn_sandbox_alice_pat_FAKE_TOKEN_0000000000007"), null);
        Diagnosis d = s.engine.diagnose(DiagnosisRequest.access(portDocs.id(), "page", id("sales")), DiagnosisOptions.defaults(),
                dev.notionconsole.core.concurrent.CancellationToken.none(), DiagnosisListener.NONE);
        assertEquals(Cause.NOT_SHARED, d.cause(), d.toText());
        assertEquals(java.util.List.of("Port Alice"), d.witnesses());
    }
}
