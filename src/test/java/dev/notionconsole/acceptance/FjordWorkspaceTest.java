package dev.notionconsole.acceptance;

import static dev.notionconsole.acceptance.MapJsonQueries.ids;
import static dev.notionconsole.acceptance.MapJsonQueries.k;
import static dev.notionconsole.acceptance.MapJsonQueries.keys;
import static dev.notionconsole.acceptance.MapJsonQueries.node;
import static dev.notionconsole.acceptance.MapJsonQueries.visible;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A freight company's workspace written after the engines were (fjord.json), checked against what a reader of the
 * fixture expects, not against an oracle that could share the engines' mistakes: a bot shared only on a row's
 * sub-page, one shared on a database alone, nested shares, pages three blocks deep (callout, toggle, column) and
 * under a list item, a linked view, a two-source database at the top level, a second workspace.
 */
class FjordWorkspaceTest {
    private static final String V = "2025-09-03";
    @TempDir
    static Path home;
    private static SandboxServer fjord;
    private static AcceptanceSession session;
    private static final Map<String, JsonNode> MAPS = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        fjord = SandboxServer.start(SandboxOptions.builder().port(0).rateLimitOff().fixture(AcceptanceSession.copy(home, "fjord.json")).build());
        session = new AcceptanceSession(home);
        session.add(fjord, "Contract Bot", ConnectionKind.INTERNAL, "ntn_sandbox_fjord_contract_bot_FAKE_TOKEN_00001");
        session.add(fjord, "Vendor Bot", ConnectionKind.INTERNAL, "ntn_sandbox_fjord_vendor_bot_FAKE_TOKEN_000002");
        session.add(fjord, "Ops Bot", ConnectionKind.INTERNAL, "ntn_sandbox_fjord_ops_bot_FAKE_TOKEN_00000003");
        session.add(fjord, "Metrics Bot", ConnectionKind.INTERNAL, "ntn_sandbox_fjord_metrics_bot_FAKE_TOKEN_00004");
        session.add(fjord, "Delta Bot", ConnectionKind.INTERNAL, "ntn_sandbox_fjord_delta_bot_FAKE_TOKEN_0000005");
        session.add(fjord, "Jon PAT", ConnectionKind.PERSONAL_ACCESS_TOKEN, "ntn_sandbox_fjord_jon_pat_FAKE_TOKEN_00000006");
    }

    @AfterAll
    static void stop() {
        fjord.close();
    }

    private static JsonNode map(String name) throws Exception {
        JsonNode m = MAPS.get(name);
        if (m == null) {
            m = session.map(name);
            MAPS.put(name, m);
        }
        return m;
    }

    @Test
    void aBotSharedOnlyOnARowsSubPageSeesThatSubtreeUnderTheUnreadableRow() throws Exception {
        JsonNode m = map("Contract Bot");
        assertEquals(keys("bolt-contract", "bolt-annex"), visible(m));
        assertEquals(keys("bolt-contract"), ids(m, "roots"));
        assertEquals(keys("v-bolt"), ids(m, "placeholders"), "the row above the share is unreadable");
        assertEquals(k("bolt-contract"), node(m, "bolt-annex").path("sharing_root").asText());
        assertEquals("page_id", node(m, "bolt-contract").path("parent").path("type").asText());
        assertEquals(k("v-bolt"), node(m, "bolt-contract").path("parent").path("id").asText());
    }

    @Test
    void aBotSharedOnADatabaseAloneSeesItsDataSourceRowsAndWhatIsBelowThem() throws Exception {
        JsonNode m = map("Vendor Bot");
        assertEquals(keys("vendors", "vendors/data_source", "v-acme", "v-bolt", "bolt-contract", "bolt-annex"), visible(m));
        assertEquals(keys("vendors"), ids(m, "roots"));
        assertEquals(keys("ops"), ids(m, "placeholders"));
        assertEquals("database", node(m, "vendors").path("object").asText());
        assertEquals("data_source", node(m, "vendors/data_source").path("object").asText());
        assertEquals(k("vendors"), node(m, "bolt-annex").path("sharing_root").asText());
    }

    @Test
    void nestedSharesShowOneRootAndPagesDeepInBlocksArePlacedUnderIt() throws Exception {
        JsonNode m = map("Ops Bot");
        assertEquals(keys("ops"), ids(m, "roots"), "runbook is shared too, but it is below ops: one root");
        assertTrue(ids(m, "placeholders").isEmpty());
        for (String key : List.of("runbook", "deep-drill", "check-daily", "check-sub", "vendors", "v-acme", "bolt-annex")) {
            assertEquals(k("ops"), node(m, key).path("sharing_root").asText(), key);
        }
        assertEquals("block_id", node(m, "deep-drill").path("parent").path("type").asText());
        assertEquals(k("ops-col-b"), node(m, "deep-drill").path("parent").path("id").asText());
        assertFalse(ids(m, "nodes").contains(k("guest-brief")), "a sibling page is not shared");
    }

    @Test
    void aTopLevelTwoSourceDatabaseAndAnotherWorkspace() throws Exception {
        JsonNode metrics = map("Metrics Bot");
        assertEquals(keys("metrics", "m-web", "m-app", "web-1", "app-1"), visible(metrics));
        assertEquals(keys("metrics"), ids(metrics, "roots"));
        assertTrue(ids(metrics, "placeholders").isEmpty(), "its parent is the workspace");
        JsonNode delta = map("Delta Bot");
        assertEquals(keys("delta-home", "delta-sub"), visible(delta));
        assertEquals("Delta Docs", delta.path("workspace").path("name").asText());
    }

    @Test
    void aMembersTokenSeesEverythingButAnotherUsersPrivatePage() throws Exception {
        JsonNode m = map("Jon PAT");
        assertEquals(keys("ops", "metrics", "guest-brief"), ids(m, "roots"), "the workspace-level objects Jon can open");
        assertFalse(ids(m, "nodes").contains(k("ivy-notes")));
        assertFalse(ids(m, "nodes").contains(k("delta-home")));
        assertTrue(ids(m, "nodes").containsAll(keys("check-sub", "deep-drill", "bolt-annex", "web-1", "app-1", "guest-brief-sub")));
    }

    static Stream<Arguments> failingCalls() {
        return Stream.of(
                Arguments.of("Contract Bot", "GET", "/v1/pages/" + k("v-acme"), null, null, "not_shared", "ops"),
                Arguments.of("Contract Bot", "GET", "/v1/blocks/" + k("v-bolt") + "/children", null, null, "not_shared", "ops"),
                Arguments.of("Vendor Bot", "GET", "/v1/pages/" + k("deep-drill"), null, null, "not_shared", "ops"),
                Arguments.of("Vendor Bot", "POST", "/v1/data_sources/" + k("vendors") + "/query", "{}", V, "wrong_id_kind", "vendors/data_source"),
                Arguments.of("Vendor Bot", "GET", "/v1/databases/" + k("vendors/data_source"), null, V, "wrong_id_kind", null),
                Arguments.of("Vendor Bot", "GET", "/v1/users", null, null, "missing_capability", null),
                Arguments.of("Metrics Bot", "GET", "/v1/databases/" + k("metrics"), null, "2022-06-28", "version_too_old", null),
                Arguments.of("Ops Bot", "GET", "/v1/databases/" + k("runbook-vendors-view"), null, V, "linked_database", null),
                Arguments.of("Ops Bot", "GET", "/v1/pages/" + k("ops-callout"), null, null, "wrong_id_kind", null),
                Arguments.of("Contract Bot", "PATCH", "/v1/pages/" + k("bolt-contract"), "{\"properties\":{}}", null, "missing_capability", null),
                Arguments.of("Delta Bot", "GET", "/v1/pages/" + k("ops"), null, null, "wrong_workspace", null),
                Arguments.of("Ops Bot", "GET", "/v1/pages/" + k("check-sub"), null, null, "none", null));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {5}")
    @MethodSource("failingCalls")
    void diagnoseNamesTheCause(String connection, String method, String path, String body, String version, String cause,
                               String object) throws Exception {
        Diagnosis d = session.diagnose(connection, method, path, body, version, DiagnosisOptions.defaults());
        JsonNode json = d.toJson();
        assertEquals(cause, json.path("cause").asText(), d.toText());
        if (object != null) { // the page to share, or for a wrong ID kind the ID to use instead
            assertEquals(k(object), json.path("object").path("id").asText(), d.toText());
        }
        assertFalse(json.toString().contains("ntn_sandbox_"), "no token in a diagnosis");
    }

    @Test
    void aCapabilityFixNamesTheCapabilityAndAPrivatePageIsNotCalledNotShared() throws Exception {
        Diagnosis write = session.diagnose("Contract Bot", "PATCH", "/v1/pages/" + k("bolt-contract"), "{\"properties\":{}}", null,
                DiagnosisOptions.defaults());
        assertEquals("update_content", write.toJson().path("capability").asText(), write.toText());
        // no saved connection reads Ivy's private page: the console must not claim more than "not found or not shared"
        Diagnosis priv = session.diagnose("Jon PAT", "GET", "/v1/pages/" + k("ivy-notes"), null, null, DiagnosisOptions.defaults());
        assertEquals("not_found_or_not_shared", priv.toJson().path("cause").asText(), priv.toText());
        assertTrue(priv.fix().stream().noneMatch(f -> f.contains("Connect to")), "never the connection menu for a PAT: " + priv.fix());
    }
}
