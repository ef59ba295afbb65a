package dev.notionconsole.acceptance;

import static dev.notionconsole.acceptance.MapJsonQueries.ids;
import static dev.notionconsole.acceptance.MapJsonQueries.k;
import static dev.notionconsole.acceptance.MapJsonQueries.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.diagnostics.Diagnosis;
import dev.notionconsole.diagnostics.DiagnosisOptions;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Explorer and Diagnostics engines on two workspaces written by someone other than their authors, as a user
 * would meet them (a logistics company with a second, Enterprise workspace; a lab with pages two blocks deep, a
 * row shared alone and a wiki holding a database): the map's public JSON fields and its roots and placeholders,
 * and the cause of each failing call as {@code diagnose} sends and judges it. Nothing in the engines may know
 * these fixtures: a failure here is a general-mechanism bug, not a missing special case.
 */
class UnseenWorkspacesTest {
    private static final String V = "2025-09-03";
    @TempDir
    static Path home;
    private static SandboxServer harbor;
    private static SandboxServer cove;
    private static AcceptanceSession session;

    @BeforeAll
    static void start() throws Exception {
        harbor = SandboxServer.start(SandboxOptions.builder().port(0).rateLimitOff().fixture(AcceptanceSession.copy(home, "harbor.json")).build());
        cove = SandboxServer.start(SandboxOptions.builder().port(0).rateLimitOff().fixture(AcceptanceSession.copy(home, "cove.json")).build());
        session = new AcceptanceSession(home);
        add(harbor, "Fleet Sync", ConnectionKind.INTERNAL, "ntn_sandbox_eval_fleet_sync_FAKE_TOKEN_00000000001");
        add(harbor, "Ledger Bot", ConnectionKind.INTERNAL, "ntn_sandbox_eval_ledger_bot_FAKE_TOKEN_00000000002");
        add(harbor, "Inbox Writer", ConnectionKind.INTERNAL, "ntn_sandbox_eval_inbox_writer_FAKE_TOKEN_000000003");
        add(harbor, "Old Sync", ConnectionKind.INTERNAL, "ntn_sandbox_eval_old_sync_REVOKED_TOKEN_00000000004");
        add(harbor, "Raj PAT", ConnectionKind.PERSONAL_ACCESS_TOKEN, "ntn_sandbox_eval_raj_pat_FAKE_TOKEN_0000000000005");
        add(harbor, "Maya PAT", ConnectionKind.PERSONAL_ACCESS_TOKEN, "ntn_sandbox_eval_maya_pat_FAKE_TOKEN_000000000006");
        add(harbor, "Tide Bot", ConnectionKind.INTERNAL, "ntn_sandbox_eval_tide_bot_FAKE_TOKEN_0000000000009");
        add(cove, "Reef Bot", ConnectionKind.INTERNAL, "ntn_sandbox_eval_reef_bot_FAKE_TOKEN_000000000011");
        add(cove, "KB Bot", ConnectionKind.INTERNAL, "ntn_sandbox_eval_kb_bot_FAKE_TOKEN_00000000000012");
        add(cove, "Ben PAT", ConnectionKind.PERSONAL_ACCESS_TOKEN, "ntn_sandbox_eval_ben_pat_FAKE_TOKEN_0000000000013");
    }

    @AfterAll
    static void stop() {
        harbor.close();
        cove.close();
    }

    private static void add(SandboxServer s, String name, ConnectionKind kind, String token) throws Exception {
        session.add(s, name, kind, token);
    }

    private static JsonNode map(String name) throws Exception {
        return session.map(name);
    }

    @Test
    void anInternalBotSharedOnTwoPagesUnderOneUnsharedParent() throws Exception {
        JsonNode m = map("Fleet Sync");
        for (String f : List.of("connection", "workspace", "nodes", "roots", "placeholders", "requests")) {
            assertTrue(m.has(f), "public field " + f);
        }
        Set<String> nodes = ids(m, "nodes");
        for (String key : List.of("fleet", "fleet-maint", "fleet-maint-2026", "shipments", "ship-1", "ship-2", "ship-3")) {
            assertTrue(nodes.contains(k(key)), key);
        }
        for (String key : List.of("finance", "budget", "vendors", "runbook-old", "shift-notes", "inv-1", "maya-private")) {
            assertFalse(nodes.contains(k(key)) && !ids(m, "placeholders").contains(k(key)), key + " must not be visible");
        }
        assertTrue(ids(m, "roots").containsAll(Set.of(k("fleet"), k("shipments"))), m.path("roots").toString());
        assertTrue(ids(m, "placeholders").contains(k("ops")), "the unshared parent is a placeholder");
        JsonNode deep = node(m, "fleet-maint-2026");
        assertEquals(k("fleet"), deep.path("sharing_root").asText());
        assertEquals("page_id", deep.path("parent").path("type").asText());
        assertEquals(k("fleet-maint"), deep.path("parent").path("id").asText());
        assertTrue(m.path("requests").asInt() <= 6, "users/me, two search passes, one probe: " + m.path("requests"));
    }

    @Test
    void aPersonalTokenSeesItsUsersWorkspaceIncludingPagesInsideBlocks() throws Exception {
        JsonNode m = map("Raj PAT");
        Set<String> nodes = ids(m, "nodes");
        for (String key : List.of("ops", "runbook-old", "shift-notes", "finance", "budget-q1", "inv-1", "ref-1",
                "vendor-faq", "policy-travel", "raj-private")) {
            assertTrue(nodes.contains(k(key)), key);
        }
        assertFalse(nodes.contains(k("maya-private")), "another user's private page");
        assertFalse(nodes.contains(k("tide-home")), "another workspace");
        assertEquals(k("ops"), node(m, "runbook-old").path("sharing_root").asText(), "a page in a toggle is placed");
        assertEquals(k("ops"), node(m, "shift-notes").path("sharing_root").asText(), "a page in a column is placed");
    }

    @Test
    void otherWorkspacesAndMultiSourceDatabasesAndRowsSharedAlone() throws Exception {
        JsonNode tide = map("Tide Bot");
        assertTrue(ids(tide, "nodes").contains(k("tide-notes")));
        assertFalse(ids(tide, "nodes").contains(k("ops")));
        JsonNode ledger = map("Ledger Bot");
        assertTrue(ids(ledger, "nodes").containsAll(Set.of(k("inv-1"), k("ref-1"))), "rows of both data sources");
        assertTrue(ids(ledger, "placeholders").contains(k("finance")));
        JsonNode reef = map("Reef Bot");
        assertEquals(k("lab"), node(reef, "deep-protocol").path("sharing_root").asText(), "two block hops: toggle, column");
        assertTrue(ids(reef, "roots").contains(k("g-2")), "a row shared alone is a root");
        assertFalse(ids(reef, "nodes").contains(k("g-1")));
        JsonNode kb = map("KB Bot");
        assertTrue(ids(kb, "nodes").containsAll(Set.of(k("kb-1"), k("inner-row"))), "a wiki and the database inside it");
    }

    static Stream<Arguments> failingCalls() {
        String appendBody = "{\"children\":[{\"paragraph\":{\"rich_text\":[{\"text\":{\"content\":\"x\"}}]}}]}";
        String createUnderBudget = "{\"parent\":{\"page_id\":\"" + k("budget") + "\"},\"properties\":{\"title\":{\"title\":[{\"text\":{\"content\":\"x\"}}]}}}";
        return Stream.of(
                Arguments.of("Fleet Sync", "GET", "/v1/pages/" + k("budget"), null, null, "not_shared", "finance"),
                Arguments.of("Fleet Sync", "POST", "/v1/pages", createUnderBudget, null, "not_shared", "finance"),
                Arguments.of("Fleet Sync", "GET", "/v1/pages/" + k("fleet-maint-2026"), null, null, "none", null),
                Arguments.of("Fleet Sync", "POST", "/v1/data_sources/" + k("shipments") + "/query", "{}", V, "wrong_id_kind", null),
                Arguments.of("Fleet Sync", "GET", "/v1/pages/" + k("shipments"), null, V, "wrong_id_kind", null),
                Arguments.of("Fleet Sync", "GET", "/v1/databases/" + k("shipments-view-open"), null, V, "view_id", null),
                Arguments.of("Raj PAT", "GET", "/v1/databases/" + k("ops-invoices-view"), null, V, "linked_database", null),
                Arguments.of("Ledger Bot", "PATCH", "/v1/pages/" + k("inv-1"), "{\"properties\":{}}", null, "missing_capability", null),
                Arguments.of("Ledger Bot", "GET", "/v1/users", null, null, "missing_capability", null),
                Arguments.of("Inbox Writer", "GET", "/v1/pages/" + k("vendor-faq"), null, null, "missing_capability", null),
                Arguments.of("Raj PAT", "GET", "/v1/users", null, null, "token_kind_not_allowed", null),
                Arguments.of("Raj PAT", "GET", "/v1/pages/" + k("maya-private"), null, null, "user_lacks_access", null),
                Arguments.of("Tide Bot", "GET", "/v1/pages/" + k("ops"), null, null, "wrong_workspace", null),
                Arguments.of("Fleet Sync", "GET", "/v1/pages/0f1e2d3c-4b5a-4968-8776-655443322110", null, null, "not_found_or_not_shared", null),
                Arguments.of("Raj PAT", "PATCH", "/v1/blocks/" + k("ops-trash") + "/children", appendBody, null, "in_trash", null),
                Arguments.of("Fleet Sync", "GET", "/v1/pages/" + k("fleet"), null, "2021-01-01", "version_invalid", null),
                Arguments.of("Fleet Sync", "POST", "/v1/data_sources/" + k("shipments/data_source") + "/query", "{}", "2022-06-28", "version_too_old", null),
                Arguments.of("Old Sync", "GET", "/v1/pages/" + k("ops"), null, null, "token_invalid", null),
                Arguments.of("Fleet Sync", "POST", "/v1/search", "{\"page_size\": 500}", null, "invalid_request", null),
                Arguments.of("Reef Bot", "POST", "/v1/data_sources/" + k("grant-db/data_source") + "/query", "{}", V, "not_shared", "grants"),
                Arguments.of("Reef Bot", "GET", "/v1/databases/" + k("grant-db/data_source"), null, V, "wrong_id_kind", null),
                Arguments.of("KB Bot", "GET", "/v1/pages/" + k("deep-child"), null, null, "not_shared", "lab"),
                Arguments.of("Ben PAT", "GET", "/v1/pages/" + k("deep-child"), null, null, "none", null));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {5}")
    @MethodSource("failingCalls")
    void diagnoseNamesTheCause(String connection, String method, String path, String body, String version, String cause,
                               String pageToShare) throws Exception {
        Diagnosis d = diagnose(connection, method, path, body, version, DiagnosisOptions.defaults());
        JsonNode json = d.toJson();
        assertEquals(cause, json.path("cause").asText(), d.toText());
        for (String f : List.of("cause", "summary", "confidence", "fix", "evidence")) {
            assertTrue(json.has(f), "public field " + f);
        }
        if (pageToShare != null) {
            assertEquals(k(pageToShare), json.path("object").path("id").asText(), "the page to add the connection to");
        }
        assertFalse(json.toString().contains("ntn_sandbox_"), "no token in a diagnosis");
    }

    @Test
    void withoutWitnessesNotSharedCannotBeToldFromMissing() throws Exception {
        Diagnosis d = diagnose("Reef Bot", "GET", "/v1/pages/" + k("g-1"), null, null, DiagnosisOptions.defaults().withoutWitnesses());
        assertEquals("not_found_or_not_shared", d.toJson().path("cause").asText(), d.toText());
        assertEquals("not_shared", diagnose("Reef Bot", "GET", "/v1/pages/" + k("g-1"), null, null,
                DiagnosisOptions.defaults()).toJson().path("cause").asText());
    }

    private static Diagnosis diagnose(String connection, String method, String path, String body, String version,
                                      DiagnosisOptions options) throws Exception {
        return session.diagnose(connection, method, path, body, version, options);
    }
}
