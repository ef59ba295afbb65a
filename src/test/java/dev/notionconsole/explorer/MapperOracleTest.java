package dev.notionconsole.explorer;

import static dev.notionconsole.explorer.MapAssertions.assertMatches;
import static dev.notionconsole.explorer.MapAssertions.kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.testsupport.VisibilityOracle;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.sandbox.model.Ids;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each working connection of the default fixture, mapped over HTTP, equals the oracle computed from the fixture file. */
class MapperOracleTest {
    static ExplorerSandbox sandbox;
    static FixtureOracle oracle;

    @BeforeAll
    static void start() throws Exception {
        sandbox = ExplorerSandbox.defaultFixture();
        oracle = FixtureOracle.ofResource("/dev/notionconsole/sandbox/default-fixture.json");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static WorkspaceMap map(String connectionId) throws Exception {
        VisibilityOracle.Principal c = oracle.connection(connectionId);
        return sandbox.mapper(c.name(), c.token(), kind(c)).map(MapListener.NONE, CancellationToken.none());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docs-sync", "wiki-reader", "crm-bridge", "alice-pat", "lab-assistant"})
    void mapEqualsTheOracle(String connectionId) throws Exception {
        WorkspaceMap m = map(connectionId);
        assertMatches(oracle.expected(connectionId), m);
        assertTrue(m.complete(), () -> "complete: " + m.notes());
    }

    @org.junit.jupiter.api.Test
    void docsSyncSeesEngineeringThroughOneRoot() throws Exception {
        WorkspaceMap m = map("docs-sync");
        assertEquals(java.util.List.of(Ids.fromKey("engineering")), m.roots());
        assertEquals("shared with the connection here", m.whyVisible(Ids.fromKey("engineering")));
        assertTrue(m.whyVisible(Ids.fromKey("handbook")).startsWith("shared with the connection at 'Engineering"), m.whyVisible(Ids.fromKey("handbook")));
    }

    @org.junit.jupiter.api.Test
    void alicesTokenIsWordedAsAlicesAccess() throws Exception {
        WorkspaceMap m = map("alice-pat");
        assertEquals(TokenKind.PERSONAL, m.identity().tokenKind());
        String root = m.roots().get(0);
        assertTrue(m.whyVisible(root).contains("visible because Alice"), m.whyVisible(root));
        assertTrue(m.node(Ids.fromKey("hr")).isPresent(), "Alice sees HR");
    }

    @org.junit.jupiter.api.Test
    void theGlobexBotSeesNothingOfAcme() throws Exception {
        WorkspaceMap m = map("lab-assistant");
        assertTrue(m.visibleCount() > 0);
        for (MapNode n : m.all()) {
            assertEquals("globex", oracle.workspaceOf(n.id()), () -> n + " is not in Globex");
        }
    }

    @org.junit.jupiter.api.Test
    void aPageUnderAToggleIsPlacedThroughItsBlock() throws Exception {
        WorkspaceMap m = map("docs-sync");
        MapNode inToggle = m.all().stream().filter(n -> "block_id".equals(n.parentType()) && n.object().equals("page"))
                .findFirst().orElseThrow(() -> new AssertionError("no page under a block in " + m.all()));
        MapNode block = m.node(inToggle.parentId()).orElseThrow();
        assertEquals("block", block.object());
        assertEquals(FoundBy.PROBE, block.foundBy());
        assertEquals(Ids.fromKey("engineering"), inToggle.sharingRoot());
    }
}
