package dev.notionconsole.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.diagnostics.Cause;
import dev.notionconsole.diagnostics.Confidence;
import dev.notionconsole.diagnostics.Diagnosis;
import dev.notionconsole.diagnostics.DiagnosisOptions;
import dev.notionconsole.explorer.ChildrenLoader;
import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.explorer.NodeFlag;
import dev.notionconsole.explorer.WorkspaceMap;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.ui.explorer.Badge;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holes and search lag over real HTTP (acceptance/hollow.json, decisions 0190-0192): Hole Bot is shared with Team
 * Space, removed from Salaries and Contracts, shared again with Public Pay Policy under Salaries and directly with
 * Archive 2025; search has not indexed Archive and Old Meeting Notes. The sandbox, the map, the lazy children and
 * the diagnoses each say so.
 */
class HolesAndSearchLagTest {
    private static final String HOLE_BOT = "Hole Bot";
    private static final String PLAIN_BOT = "Plain Bot";
    private static final String HANA = "Hana's token";
    @TempDir
    static Path home;
    private static SandboxServer hollow;
    private static AcceptanceSession session;

    @BeforeAll
    static void start() throws Exception {
        hollow = SandboxServer.start(SandboxOptions.builder().port(0).rateLimitOff().fixture(AcceptanceSession.copy(home, "hollow.json")).build());
        session = new AcceptanceSession(home);
        session.add(hollow, HOLE_BOT, ConnectionKind.INTERNAL, "ntn_sandbox_hollow_hole_bot_FAKE_TOKEN_0000000001");
        session.add(hollow, PLAIN_BOT, ConnectionKind.INTERNAL, "ntn_sandbox_hollow_plain_bot_FAKE_TOKEN_000000002");
        session.add(hollow, HANA, ConnectionKind.PERSONAL_ACCESS_TOKEN, "ntn_sandbox_hollow_hana_pat_FAKE_TOKEN_00000000003");
    }

    @AfterAll
    static void stop() {
        hollow.close();
    }

    private static String k(String key) {
        return Ids.fromKey(key);
    }

    private static Exchange send(String connection, ApiRequest r) throws Exception {
        return session.calls(connection).send(r, CancellationToken.none(), CallObserver.NONE);
    }

    private static Set<String> searchIds(String connection, String query) throws Exception {
        Exchange x = send(connection, ApiRequest.post("/v1/search", "{\"query\":\"" + query + "\",\"page_size\":100}"));
        assertEquals(200, x.status(), x::text);
        Set<String> ids = new HashSet<>();
        x.json().path("results").forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    @Test
    void theSandboxHidesTheHoleButItsParentStillListsIt() throws Exception {
        assertEquals(404, send(HOLE_BOT, ApiRequest.get("/v1/pages/" + k("salaries"))).status());
        assertEquals(404, send(HOLE_BOT, ApiRequest.get("/v1/pages/" + k("salary-bands"))).status(), "below the hole");
        assertEquals(404, send(HOLE_BOT, ApiRequest.get("/v1/databases/" + k("contracts"))).status());
        assertEquals(404, send(HOLE_BOT, ApiRequest.get("/v1/pages/" + k("contract-1"))).status(), "a row of the removed database");
        assertEquals(200, send(HOLE_BOT, ApiRequest.get("/v1/pages/" + k("pay-faq"))).status(), "below the page shared again");
        assertEquals(200, send(PLAIN_BOT, ApiRequest.get("/v1/pages/" + k("salaries"))).status(), "holes are one connection's");
        Exchange kids = send(HOLE_BOT, ApiRequest.get("/v1/blocks/" + k("team") + "/children"));
        Map<String, String> listed = new java.util.HashMap<>();
        kids.json().path("results").forEach(b -> listed.put(b.path("id").asText(), b.path("type").asText()));
        assertEquals("child_page", listed.get(k("salaries")), kids::text);
        assertEquals("child_database", listed.get(k("contracts")), kids::text);
        Set<String> all = searchIds(HOLE_BOT, "");
        assertFalse(all.contains(k("salaries")) || all.contains(k("salary-bands")) || all.contains(k("contract-1")), "search hides holes");
        assertTrue(all.containsAll(Set.of(k("team"), k("plans"), k("pay-policy"), k("pay-faq"), k("archive-2025"))));
    }

    @Test
    void searchLagsForWhatIsNotSharedDirectlyButReadsWork() throws Exception {
        Set<String> all = searchIds(HOLE_BOT, "");
        assertFalse(all.contains(k("archive")), "a lagging parent");
        assertFalse(all.contains(k("archive-notes")), "a lagging leaf");
        assertTrue(all.contains(k("archive-2025")), "shared directly: never lags");
        assertEquals(200, send(HOLE_BOT, ApiRequest.get("/v1/pages/" + k("archive"))).status());
        assertEquals(200, send(HOLE_BOT, ApiRequest.get("/v1/pages/" + k("archive-notes"))).status());
        assertFalse(searchIds(HANA, "Archive").contains(k("archive")), "nothing is shared directly with a personal token");
    }

    @Test
    void theMapPlacesALaggingParentAsNotInSearchAndMissesALaggingLeaf() throws Exception {
        JsonNode m = session.map(HOLE_BOT);
        Map<String, JsonNode> nodes = new java.util.HashMap<>();
        m.path("nodes").forEach(n -> nodes.put(n.path("id").asText(), n));
        assertEquals("probe", nodes.get(k("archive")).path("found_by").asText(), "probed as the parent of Archive 2025");
        assertFalse(nodes.containsKey(k("archive-notes")), "a lagging leaf is missed by the map pass");
        Set<String> roots = new HashSet<>();
        m.path("roots").forEach(r -> roots.add(r.asText()));
        assertEquals(Set.of(k("team"), k("pay-policy")), roots);
        Set<String> placeholders = new HashSet<>();
        m.path("placeholders").forEach(r -> placeholders.add(r.asText()));
        assertEquals(Set.of(k("salaries")), placeholders, "the hole is the unreadable parent of the page shared again");
        assertFalse(nodes.containsKey(k("contracts")), "a hole nobody below was shared from is not in the map");
        for (JsonNode n : m.path("nodes")) {
            assertFalse(n.path("flags").toString().contains("hole"), "the map pass learns no holes");
        }
    }

    @Test
    void expandingTheReadableParentMarksItsHolesAndFindsTheLaggingLeaf() throws Exception {
        WorkspaceMap map = session.workspaceMap(HOLE_BOT);
        ChildrenLoader loader = new ChildrenLoader(session.calls(HOLE_BOT), map, null);
        ChildrenLoader.ChildPage team = loader.blockChildren(k("team"), CancellationToken.none());
        Map<String, MapNode> byId = team.children().stream().collect(Collectors.toMap(MapNode::id, n -> n));
        MapNode salaries = byId.get(k("salaries"));
        MapNode contracts = byId.get(k("contracts"));
        for (MapNode hole : List.of(salaries, contracts)) {
            assertTrue(hole.has(NodeFlag.HOLE) && hole.placeholder(), hole::toString);
            List<Badge> badges = Badge.of(hole);
            assertEquals(Badge.HOLE, badges.get(badges.size() - 1));
            assertEquals("hole ⊘", Badge.HOLE.label());
            assertEquals("This connection was removed here: add it on this page itself", Badge.HOLE.meaning());
        }
        assertEquals("Salaries", salaries.title());
        assertEquals("database", contracts.object());
        assertEquals(2, team.requests(), "the listing, and one read of the unknown child database (Salaries is a known placeholder)");
        assertTrue(byId.get(k("archive")).notInSearch());
        assertFalse(byId.get(k("plans")).has(NodeFlag.HOLE));

        ChildrenLoader.ChildPage archive = loader.blockChildren(k("archive"), CancellationToken.none());
        MapNode leaf = archive.children().stream().filter(n -> n.id().equals(k("archive-notes"))).findFirst().orElseThrow();
        assertTrue(leaf.notInSearch(), "readable, search did not list it: " + leaf);
        assertEquals("Old Meeting Notes", leaf.title());
        assertTrue(Badge.of(leaf).contains(Badge.NOT_IN_SEARCH));
        assertEquals(2, archive.requests(), "the listing and one read of the page the map did not know");
    }

    @Test
    void readingAHoleIsDiagnosedAsAHoleWithItsOwnFix() throws Exception {
        for (String[] call : List.of(new String[] {"GET", "/v1/pages/" + k("salaries"), null},
                new String[] {"PATCH", "/v1/pages/" + k("salaries"), "{\"properties\":{}}"},
                new String[] {"GET", "/v1/pages/" + k("salary-bands"), null})) {
            Diagnosis d = session.diagnose(HOLE_BOT, call[0], call[1], call[2], null, DiagnosisOptions.defaults());
            JsonNode json = d.toJson();
            assertEquals("not_shared", json.path("cause").asText(), d.toText());
            assertEquals("hole", json.path("detail").asText(), d.toText());
            assertEquals(Confidence.CONFIRMED, d.confidence());
            assertEquals(k("salaries"), d.object().id(), "the page to add the connection on: " + d.toText());
            assertTrue(d.summary().contains("re-sharing the parent does not re-grant it"), d.summary());
            String first = d.fix().get(0);
            assertTrue(first.contains("on \"Salaries\" itself") && first.contains("re-sharing the parent \"Team Space\" does not re-grant it"),
                    first);
        }
    }

    @Test
    void aWorkingReadThatSearchMissesIsSearchLag() throws Exception {
        Diagnosis d = session.diagnose(HOLE_BOT, "GET", "/v1/pages/" + k("archive"), null, null, DiagnosisOptions.defaults());
        assertEquals(Cause.NONE, d.cause(), d.toText());
        assertEquals("search_lag", d.detail(), d.toText());
        assertTrue(d.summary().contains("not an access problem: search lag"), d.summary());
        assertEquals("/v1/search", d.evidence().get(d.evidence().size() - 1).path());
        assertTrue(d.fix().stream().anyMatch(s -> s.contains("shared directly are guaranteed")), d.fix()::toString);
        Diagnosis indexed = session.diagnose(HOLE_BOT, "GET", "/v1/pages/" + k("plan-q1"), null, null, DiagnosisOptions.defaults());
        assertEquals(Cause.NONE, indexed.cause());
        assertNull(indexed.detail(), indexed.toText());
    }

    @Test
    void aUserIdSentAsAPageIdIsAWrongKindOfId() throws Exception {
        String ivan = k("ivan");
        for (String connection : List.of(HOLE_BOT, PLAIN_BOT)) {
            Diagnosis d = session.diagnose(connection, "GET", "/v1/pages/" + ivan, null, null, DiagnosisOptions.defaults());
            assertEquals(Cause.WRONG_ID_KIND, d.cause(), d.toText());
            assertEquals("user_id_for_page", d.detail());
            assertEquals("user", d.object().kind());
            assertTrue(d.summary().contains("is a user (\"Ivan Petrov\", a person), not a page"), d.summary());
        }
        Diagnosis alone = session.diagnose(HOLE_BOT, "GET", "/v1/pages/" + ivan, null, null, DiagnosisOptions.defaults().withoutWitnesses());
        assertEquals(Cause.WRONG_ID_KIND, alone.cause(), alone.toText());
        Diagnosis unknown = session.diagnose(HOLE_BOT, "GET", "/v1/pages/" + k("nobody-at-all"), null, null, DiagnosisOptions.defaults());
        assertEquals(Cause.NOT_FOUND_OR_NOT_SHARED, unknown.cause(), unknown.toText());
    }
}
