package dev.notionconsole.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.diagnostics.Diagnosis;
import dev.notionconsole.diagnostics.DiagnosisOptions;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.testsupport.VisibilityOracle;
import dev.notionconsole.testsupport.VisibilityOracle.FixtureObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An accuracy audit of the Explorer and Diagnostics over two more workspaces their authors never saw (an
 * architecture studio with a second, Free workspace; a school district), through the public JSON of {@code map}
 * and {@code diagnose}. Map expectations come from the fixture file alone ({@link VisibilityOracle}); each
 * diagnosis expectation is the catalogue's answer (shared explorer-diagnostics.md §3) for that call.
 */
class AccuracyAuditTest {
    private static final String V = "2025-09-03";
    @TempDir
    static Path home;
    private static SandboxServer pinecrest;
    private static SandboxServer maple;
    private static VisibilityOracle pinecrestOracle;
    private static VisibilityOracle mapleOracle;
    private static AcceptanceSession session;
    /** Saved connection name → its token and the oracle of its fixture. */
    private static final Map<String, String> tokens = new LinkedHashMap<>();
    private static final Map<String, VisibilityOracle> oracles = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Path p = AcceptanceSession.copy(home, "pinecrest.json");
        Path m = AcceptanceSession.copy(home, "maple.json");
        pinecrest = SandboxServer.start(SandboxOptions.builder().port(0).rateLimitOff().fixture(p).build());
        maple = SandboxServer.start(SandboxOptions.builder().port(0).rateLimitOff().fixture(m).build());
        pinecrestOracle = VisibilityOracle.of(p);
        mapleOracle = VisibilityOracle.of(m);
        session = new AcceptanceSession(home);
        add(pinecrest, "Drafting Bot", ConnectionKind.INTERNAL, "ntn_sandbox_acc_drafting_FAKE_TOKEN_00000000000001");
        add(pinecrest, "Site Sync", ConnectionKind.INTERNAL, "ntn_sandbox_acc_site_sync_FAKE_TOKEN_00000000000002");
        add(pinecrest, "Intake Bot", ConnectionKind.INTERNAL, "ntn_sandbox_acc_intake_FAKE_TOKEN_0000000000000003");
        add(pinecrest, "Portal (Zoe)", ConnectionKind.PUBLIC_OAUTH, "ntn_sandbox_acc_portal_zoe_FAKE_ACCESS_0000000004");
        add(pinecrest, "Portal (Omar)", ConnectionKind.PUBLIC_OAUTH, "ntn_sandbox_acc_portal_omar_FAKE_ACCESS_000000005");
        add(pinecrest, "Omar PAT", ConnectionKind.PERSONAL_ACCESS_TOKEN, "ntn_sandbox_acc_omar_pat_FAKE_TOKEN_000000000000006");
        add(pinecrest, "Ines PAT", ConnectionKind.PERSONAL_ACCESS_TOKEN, "ntn_sandbox_acc_ines_pat_FAKE_TOKEN_000000000000007");
        add(pinecrest, "Northgate Bot", ConnectionKind.INTERNAL, "ntn_sandbox_acc_northgate_FAKE_TOKEN_00000000000008");
        add(pinecrest, "Old Site Sync", ConnectionKind.INTERNAL, "ntn_sandbox_acc_site_sync_OLD_REVOKED_TOKEN_000002");
        add(maple, "Roster Sync", ConnectionKind.INTERNAL, "ntn_sandbox_acc_roster_FAKE_TOKEN_000000000000011");
        add(maple, "Policy Bot", ConnectionKind.INTERNAL, "ntn_sandbox_acc_policy_FAKE_TOKEN_000000000000012");
        add(maple, "Parents Bot", ConnectionKind.INTERNAL, "ntn_sandbox_acc_parents_FAKE_TOKEN_00000000000013");
        add(maple, "Family (Gus)", ConnectionKind.PUBLIC_OAUTH, "ntn_sandbox_acc_family_gus_FAKE_ACCESS_00000014");
        add(maple, "Family (Sam)", ConnectionKind.PUBLIC_OAUTH, "ntn_sandbox_acc_family_sam_FAKE_ACCESS_00000015");
        add(maple, "Tara PAT", ConnectionKind.PERSONAL_ACCESS_TOKEN, "ntn_sandbox_acc_tara_pat_FAKE_TOKEN_000000000000016");
        add(maple, "Rita PAT", ConnectionKind.PERSONAL_ACCESS_TOKEN, "ntn_sandbox_acc_rita_pat_FAKE_TOKEN_000000000000017");
        add(maple, "Sam Old PAT", ConnectionKind.PERSONAL_ACCESS_TOKEN, "ntn_sandbox_acc_sam_pat_EXPIRED_TOKEN_0000000000018");
        add(maple, "Flaky Bot", ConnectionKind.INTERNAL, "ntn_sandbox_acc_flaky_FAKE_TOKEN_0000000000000019");
    }

    @AfterAll
    static void stop() {
        pinecrest.close();
        maple.close();
    }

    private static void add(SandboxServer s, String name, ConnectionKind kind, String token) throws Exception {
        session.add(s, name, kind, token);
        tokens.put(name, token);
        oracles.put(name, s == pinecrest ? pinecrestOracle : mapleOracle);
    }

    private static String k(String key) {
        return Ids.fromKey(key);
    }

    private static JsonNode map(String name) throws Exception {
        return session.map(name);
    }

    // ---- the map, against the oracle ----

    /** What the oracle says a map must hold: live pages, databases and data sources the token reads. */
    private static Set<String> expectedNodes(String connection) {
        VisibilityOracle o = oracles.get(connection);
        Set<String> ids = new TreeSet<>();
        for (FixtureObject x : o.visibleTo(tokens.get(connection))) {
            if (!x.trashed() && Set.of("page", "database", "data_source").contains(x.kind())) {
                ids.add(x.id());
            }
        }
        return ids;
    }

    /** The highest object above {@code x} (itself included) on an unbroken chain of objects the token reads. */
    private static FixtureObject expectedRoot(String connection, FixtureObject x) {
        VisibilityOracle o = oracles.get(connection);
        VisibilityOracle.Principal who = o.principal(tokens.get(connection));
        FixtureObject top = x;
        for (FixtureObject at = x; at.parentId() != null; ) {
            FixtureObject up = o.object(at.parentId()).orElse(null);
            if (up == null || !o.sees(who, up)) {
                break;
            }
            at = up;
            if (!"block".equals(at.kind())) {
                top = at;
            }
        }
        return top;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Drafting Bot", "Site Sync", "Portal (Zoe)", "Portal (Omar)", "Omar PAT", "Ines PAT", "Northgate Bot",
            "Roster Sync", "Policy Bot", "Parents Bot", "Family (Gus)", "Family (Sam)", "Tara PAT", "Rita PAT"})
    void theMapHoldsWhatTheOracleSaysWithTheRightRootsAndPlaceholders(String connection) throws Exception {
        JsonNode m = map(connection);
        Set<String> placeholders = new HashSet<>();
        m.path("placeholders").forEach(p -> placeholders.add(p.asText()));
        Set<String> got = new TreeSet<>();
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode n : m.path("nodes")) {
            byId.put(n.path("id").asText(), n);
            if (!placeholders.contains(n.path("id").asText()) && !"block".equals(n.path("object").asText())) {
                got.add(n.path("id").asText());
            }
        }
        assertEquals(expectedNodes(connection), got, connection + ": the visible set");
        VisibilityOracle o = oracles.get(connection);
        Set<String> roots = new TreeSet<>();
        Set<String> expectedPlaceholders = new TreeSet<>();
        for (String id : got) {
            FixtureObject x = o.object(id).orElseThrow();
            FixtureObject root = expectedRoot(connection, x);
            assertEquals(root.key(), o.object(byId.get(id).path("sharing_root").asText()).map(FixtureObject::key).orElse("?"),
                    connection + ": sharing root of " + x.key());
            roots.add(root.id());
            if (root.parentId() != null) {
                expectedPlaceholders.add(root.parentId());
            }
            JsonNode parent = byId.get(id).path("parent");
            if (x.parentId() != null && !"data_source".equals(x.kind())) {
                // a database inside a wiki names the wiki's database, not its data source (docs/sandbox-fixtures.md)
                FixtureObject up = o.object(x.parentId()).orElseThrow();
                String want = "database".equals(x.kind()) && "data_source".equals(up.kind()) ? up.parentId() : x.parentId();
                assertEquals(want, parent.path("id").asText(), connection + ": parent of " + x.key());
            }
            assertFalse(byId.get(id).path("in_trash").asBoolean(), x.key());
        }
        Set<String> gotRoots = new TreeSet<>();
        m.path("roots").forEach(r -> gotRoots.add(r.asText()));
        assertEquals(roots, gotRoots, connection + ": roots");
        assertEquals(expectedPlaceholders, new TreeSet<>(placeholders), connection + ": placeholders");
    }

    @Test
    void aDatabaseWithSeveralDataSourcesKeepsItsOwnTitle() throws Exception {
        for (String connection : List.of("Site Sync", "Drafting Bot", "Roster Sync")) {
            JsonNode m = map(connection);
            for (JsonNode n : m.path("nodes")) {
                if (n.path("id").asText().equals(k("pc-clients"))) {
                    assertEquals("Clients", n.path("title").asText(), connection);
                }
                if (n.path("id").asText().equals(k("mp-students"))) {
                    assertEquals("Students", n.path("title").asText(), connection);
                }
            }
        }
    }

    @Test
    void aTokenThatCannotReadGetsNoMapButSaysWhy() throws Exception {
        JsonNode m = map("Intake Bot");
        assertEquals(0, m.path("nodes").size());
        assertFalse(m.path("complete").asBoolean(true), "a map whose searches were refused is not complete: " + m.path("notes"));
    }

    // ---- diagnoses, against the catalogue ----

    static Stream<Arguments> failingCalls() {
        String append = "{\"children\":[{\"paragraph\":{\"rich_text\":[{\"text\":{\"content\":\"x\"}}]}}]}";
        String comment = "{\"parent\":{\"page_id\":\"" + k("pc-sheet") + "\"},\"rich_text\":[{\"text\":{\"content\":\"x\"}}]}";
        String title = "\"properties\":{\"title\":{\"title\":[{\"text\":{\"content\":\"x\"}}]}}";
        return Stream.of(
                // version errors (§3.6, D5, D6, D8)
                Arguments.of("Drafting Bot", "GET", "/v1/pages/" + k("pc-sheet"), null, "2020-01-01", "version_invalid", null),
                Arguments.of("Site Sync", "GET", "/v1/databases/" + k("pc-clients"), null, "2022-06-28", "version_too_old", null),
                Arguments.of("Roster Sync", "POST", "/v1/data_sources/" + k("mp-students-ds") + "/query", "{}", "2022-06-28", "version_too_old", null),
                Arguments.of("Site Sync", "POST", "/v1/search", "{\"filter\":{\"property\":\"object\",\"value\":\"database\"}}", V, "invalid_request", null),
                Arguments.of("Site Sync", "PATCH", "/v1/pages/" + k("pc-projects"), "{\"archived\":true}", "2026-03-11", "invalid_request", null),
                // wrong kind of ID (C7, C8, D3)
                Arguments.of("Drafting Bot", "GET", "/v1/pages/" + k("pc-clients"), null, null, "wrong_id_kind", "pc-clients"),
                Arguments.of("Drafting Bot", "GET", "/v1/databases/" + k("pc-clients-ds"), null, V, "wrong_id_kind", "pc-clients"),
                Arguments.of("Roster Sync", "POST", "/v1/data_sources/" + k("mp-students") + "/query", "{}", V, "wrong_id_kind", null),
                Arguments.of("Site Sync", "GET", "/v1/pages/" + k("pc-studio-sync"), null, null, "wrong_id_kind", "pc-studio-sync"),
                Arguments.of("Drafting Bot", "GET", "/v1/pages/" + k("pc-studio-sync"), null, null, "wrong_id_kind", "pc-studio-sync"),
                Arguments.of("Drafting Bot", "GET", "/v1/databases/" + k("pc-clients-view"), null, V, "view_id", "pc-clients"),
                Arguments.of("Policy Bot", "GET", "/v1/pages/" + k("mp-policies-view"), null, V, "view_id", "mp-policies"),
                // linked views (C9)
                Arguments.of("Drafting Bot", "GET", "/v1/databases/" + k("pc-tower-clients-link"), null, V, "linked_database", null),
                Arguments.of("Site Sync", "GET", "/v1/databases/" + k("pc-tower-clients-link"), null, V, "linked_database", null),
                Arguments.of("Site Sync", "GET", "/v1/pages/" + k("pc-tower-clients-link"), null, V, "linked_database", "pc-tower-clients-link"),
                // not shared, with the page to share (C1, C10), and the OAuth page picker (C2)
                Arguments.of("Drafting Bot", "GET", "/v1/pages/" + k("pc-tower"), null, null, "not_shared", "pc-studio"),
                Arguments.of("Drafting Bot", "POST", "/v1/data_sources/" + k("pc-tasks/data_source") + "/query", "{}", V, "not_shared", "pc-studio"),
                Arguments.of("Roster Sync", "POST", "/v1/data_sources/" + k("mp-budget/data_source") + "/query", "{}", V, "not_shared", "mp-finance"),
                Arguments.of("Roster Sync", "POST", "/v1/pages", "{\"parent\":{\"data_source_id\":\"" + k("mp-budget/data_source")
                        + "\"},\"properties\":{\"Line\":{\"title\":[{\"text\":{\"content\":\"x\"}}]}}}", V, "not_shared", "mp-finance"),
                Arguments.of("Roster Sync", "GET", "/v1/pages/" + k("mp-forms"), null, null, "not_shared", "mp-parents"),
                Arguments.of("Portal (Omar)", "GET", "/v1/pages/" + k("pc-tower"), null, null, "not_shared", "pc-studio"),
                Arguments.of("Family (Sam)", "GET", "/v1/pages/" + k("mp-parents"), null, null, "not_shared~likely", "mp-parents"),
                // the token's user cannot see it (C13); for a guest's OAuth install no saved token of that user can
                // prove it, so "not picked" stays the likely reading with "no access" as its alternative
                Arguments.of("Portal (Zoe)", "GET", "/v1/pages/" + k("pc-projects"), null, null, "not_shared~likely", "pc-studio"),
                Arguments.of("Family (Gus)", "GET", "/v1/pages/" + k("mp-district"), null, null, "not_shared~likely", "mp-district"),
                Arguments.of("Omar PAT", "GET", "/v1/pages/" + k("pc-ines-private"), null, null, "user_lacks_access", "pc-ines-private"),
                Arguments.of("Tara PAT", "GET", "/v1/pages/" + k("mp-rita-private"), null, null, "user_lacks_access", "mp-rita-private"),
                // another workspace (C6), nobody sees it (C5)
                Arguments.of("Northgate Bot", "GET", "/v1/pages/" + k("pc-studio"), null, null, "wrong_workspace", "pc-studio"),
                Arguments.of("Site Sync", "GET", "/v1/pages/" + k("ng-home"), null, null, "wrong_workspace", "ng-home"),
                Arguments.of("Roster Sync", "GET", "/v1/pages/12345678-1234-4234-9234-123456789abc", null, null, "not_found_or_not_shared", null),
                // the trash (D9): the object itself, and a page under a trashed page
                Arguments.of("Site Sync", "PATCH", "/v1/pages/" + k("pc-old-bids"), "{\"properties\":{}}", null, "in_trash", "pc-old-bids"),
                Arguments.of("Site Sync", "PATCH", "/v1/pages/" + k("pc-old-bid-1"), "{\"properties\":{}}", null, "in_trash", "pc-old-bids"),
                Arguments.of("Site Sync", "PATCH", "/v1/blocks/" + k("pc-old-bid-1") + "/children", append, null, "in_trash", "pc-old-bids"),
                Arguments.of("Roster Sync", "PATCH", "/v1/pages/" + k("mp-st-3"), "{\"properties\":{}}", null, "in_trash", "mp-st-3"),
                Arguments.of("Site Sync", "POST", "/v1/pages", "{\"parent\":{\"page_id\":\"" + k("pc-old-bids") + "\"}," + title + "}", null,
                        "in_trash", "pc-old-bids"),
                // a database ID where one of its several data sources must be named, on a version that has them (C7)
                Arguments.of("Site Sync", "POST", "/v1/pages", "{\"parent\":{\"database_id\":\"" + k("pc-clients")
                        + "\"},\"properties\":{\"Name\":{\"title\":[{\"text\":{\"content\":\"x\"}}]}}}", V, "wrong_id_kind", "pc-clients-ds"),
                // capabilities (B1-B5) and token kinds (D4)
                Arguments.of("Site Sync", "GET", "/v1/comments?block_id=" + k("pc-tower"), null, null, "missing_capability", null),
                Arguments.of("Drafting Bot", "POST", "/v1/comments", comment, null, "missing_capability", null),
                Arguments.of("Drafting Bot", "PATCH", "/v1/blocks/" + k("pc-sheet") + "/children", append, null, "missing_capability", null),
                Arguments.of("Drafting Bot", "PATCH", "/v1/pages/" + k("pc-sheet"), "{\"properties\":{}}", null, "missing_capability", null),
                Arguments.of("Drafting Bot", "GET", "/v1/users", null, null, "missing_capability", null),
                Arguments.of("Intake Bot", "GET", "/v1/pages/" + k("pc-lobby"), null, null, "missing_capability", null),
                Arguments.of("Omar PAT", "GET", "/v1/users", null, null, "token_kind_not_allowed", null),
                Arguments.of("Site Sync", "POST", "/v1/pages", "{\"parent\":{\"workspace\":true}," + title + "}", null, "token_kind_not_allowed", null),
                // tokens (A1-A6)
                Arguments.of("Old Site Sync", "GET", "/v1/pages/" + k("pc-studio"), null, null, "token_invalid", null),
                Arguments.of("Sam Old PAT", "GET", "/v1/pages/" + k("mp-district"), null, null, "token_invalid", null),
                // request shape (D1, D2)
                Arguments.of("Drafting Bot", "GET", "/v1/pages/not-an-id", null, null, "invalid_request", null),
                Arguments.of("Drafting Bot", "GET", "/v1/databases/", null, null, "invalid_request", null),
                // 409, 429, 5xx (E1-E5)
                Arguments.of("Flaky Bot", "PATCH", "/v1/pages/" + k("mp-schools"), "{\"properties\":{}}", null, "conflict", null),
                Arguments.of("Flaky Bot", "POST", "/v1/search", "{}", null, "rate_limited", null),
                Arguments.of("Flaky Bot", "POST", "/v1/pages", "{\"parent\":{\"page_id\":\"" + k("mp-schools") + "\"}," + title + "}", null, "service_error", null),
                Arguments.of("Flaky Bot", "GET", "/v1/blocks/" + k("mp-schools") + "/children", null, null, "service_error", null),
                // successes stay successes: a deep page, a row shared alone, a trashed page read
                Arguments.of("Drafting Bot", "GET", "/v1/pages/" + k("pc-detail-notes"), null, null, "none", null),
                Arguments.of("Drafting Bot", "GET", "/v1/pages/" + k("pc-task-2"), null, null, "none", null),
                Arguments.of("Site Sync", "GET", "/v1/pages/" + k("pc-old-bids"), null, null, "none", null));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {5}")
    @MethodSource("failingCalls")
    void diagnoseNamesTheCatalogueCause(String connection, String method, String path, String body, String version, String cause,
                                        String object) throws Exception {
        Diagnosis d = diagnose(connection, method, path, body, version);
        JsonNode json = d.toJson();
        String confidence = cause.contains("~") ? cause.substring(cause.indexOf('~') + 1) : "confirmed";
        cause = cause.contains("~") ? cause.substring(0, cause.indexOf('~')) : cause;
        assertEquals(cause, json.path("cause").asText(), d.toText());
        for (String f : List.of("cause", "summary", "confidence", "fix", "evidence")) {
            assertTrue(json.has(f), "public field " + f);
        }
        if (!"not_found_or_not_shared".equals(cause)) {
            assertEquals(confidence, json.path("confidence").asText(), d.toText());
        }
        if ("likely".equals(confidence)) {
            assertTrue(d.alternatives().contains(dev.notionconsole.diagnostics.Cause.USER_LACKS_ACCESS), d.toText());
        }
        if (object != null) {
            assertEquals(k(object), json.path("object").path("id").asText(), d.toText());
        }
        assertFalse(json.toString().contains("ntn_sandbox_"), "no token in a diagnosis");
    }

    @Test
    void theOracleAgreesWithTheNotSharedCases() {
        // the diagnoses above rest on these facts of the fixtures, checked here from the files alone
        assertFalse(pinecrestOracle.canSee(tokens.get("Drafting Bot"), "pc-tower"));
        assertTrue(pinecrestOracle.canSee(tokens.get("Omar PAT"), "pc-tower"));
        assertFalse(pinecrestOracle.canSee(tokens.get("Portal (Omar)"), "pc-tower"));
        assertFalse(pinecrestOracle.canSee(tokens.get("Portal (Zoe)"), "pc-projects"));
        assertTrue(pinecrestOracle.canSee(tokens.get("Portal (Zoe)"), "pc-detail-notes"));
        assertFalse(mapleOracle.canSee(tokens.get("Family (Sam)"), "mp-parents"));
        assertTrue(mapleOracle.canSee(tokens.get("Roster Sync"), "mp-bd-1"));
        assertNotEquals(mapleOracle.canSee(tokens.get("Family (Gus)"), "mp-district"), true);
    }

    private static Diagnosis diagnose(String connection, String method, String path, String body, String version) throws Exception {
        return session.diagnose(connection, method, path, body, version, DiagnosisOptions.defaults());
    }
}
