package dev.notionconsole.explorer;

import static dev.notionconsole.explorer.MapAssertions.assertMatches;
import static dev.notionconsole.explorer.MapAssertions.kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.testsupport.VisibilityOracle;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.model.Ids;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Two fixtures unlike the default one (src/test/resources/dev/notionconsole/explorer), mapped and held to the oracle. */
class OwnFixturesMapTest {
    static final String DEEP = "/dev/notionconsole/explorer/deep-holes-fixture.json";
    static final String WIKI = "/dev/notionconsole/explorer/wiki-multisource-fixture.json";
    /** Holes and search lag (decision 0190): the oracle reads removed_from and search_lag from the file itself. */
    static final String HOLLOW = "/dev/notionconsole/acceptance/hollow.json";

    static WorkspaceMap map(ExplorerSandbox sb, FixtureOracle oracle, String connectionId) throws Exception {
        VisibilityOracle.Principal c = oracle.connection(connectionId);
        return sb.mapper(c.name(), c.token(), kind(c)).map(MapListener.NONE, CancellationToken.none());
    }

    static ExplorerSandbox start(String resource) throws Exception {
        return new ExplorerSandbox(SandboxOptions.builder().rateLimitOff()
                .fixture(Path.of(OwnFixturesMapTest.class.getResource(resource).toURI())));
    }

    @ParameterizedTest
    @CsvSource({DEEP + ", deep-bot", DEEP + ", research-bot", DEEP + ", pete-pat", DEEP + ", ops-app",
        WIKI + ", home-bot", WIKI + ", wiki-only", WIKI + ", wendy-pat", WIKI + ", max-pat",
        HOLLOW + ", hole-bot", HOLLOW + ", plain-bot", HOLLOW + ", hana-pat"})
    void mapEqualsTheOracle(String fixture, String connectionId) throws Exception {
        FixtureOracle oracle = FixtureOracle.ofResource(fixture);
        try (ExplorerSandbox sb = start(fixture)) {
            WorkspaceMap m = map(sb, oracle, connectionId);
            assertMatches(oracle.expected(connectionId), m);
            assertTrue(m.complete(), m.notes()::toString);
            assertEquals(sb.served(oracle.connection(connectionId).token(), m.requests()), m.requests());
        }
    }

    @Test
    void rootsAtSeveralDepthsHangUnderPlaceholders() throws Exception {
        FixtureOracle oracle = FixtureOracle.ofResource(DEEP);
        try (ExplorerSandbox sb = start(DEEP)) {
            WorkspaceMap m = map(sb, oracle, "deep-bot");
            assertEquals(Set.of(Ids.fromKey("a4"), Ids.fromKey("a1-col-page"), Ids.fromKey("runbook-1"), Ids.fromKey("experiments")),
                    Set.copyOf(m.roots()));
            MapNode a3 = m.node(Ids.fromKey("a3")).orElseThrow();
            assertTrue(a3.placeholder(), "the unshared parent of a root is a placeholder");
            assertEquals("page", a3.object());
            assertEquals("block", m.node(Ids.fromKey("a1-left")).orElseThrow().object(), "an unreadable column is a block placeholder");
            // a8 is reached through a toggle five levels below the root a4
            assertEquals(Ids.fromKey("a4"), m.node(Ids.fromKey("a8")).orElseThrow().sharingRoot());
            assertTrue(m.node(Ids.fromKey("old-idea")).isEmpty(), "trashed pages are not in the map");
        }
    }

    @Test
    void aGuestsInstallIsWordedAsTheGuestsAccess() throws Exception {
        FixtureOracle oracle = FixtureOracle.ofResource(DEEP);
        try (ExplorerSandbox sb = start(DEEP)) {
            WorkspaceMap m = map(sb, oracle, "ops-app");
            assertEquals(java.util.List.of(Ids.fromKey("ops-runbooks")), m.roots());
            assertTrue(m.whyVisible(Ids.fromKey("runbook-2")).contains("Gina Guest can see 'Runbooks'"), m.whyVisible(Ids.fromKey("runbook-2")));
        }
    }

    @Test
    void wikiAndMultiSourceDatabasesAreKeyedByBothIds() throws Exception {
        FixtureOracle oracle = FixtureOracle.ofResource(WIKI);
        try (ExplorerSandbox sb = start(WIKI)) {
            WorkspaceMap m = map(sb, oracle, "home-bot");
            MapNode work = m.node(Ids.fromKey("work")).orElseThrow();
            assertEquals("database", work.object());
            assertEquals(Set.of(Ids.fromKey("tasks-ds"), Ids.fromKey("bugs-ds")), Set.copyOf(work.related()));
            assertEquals(Ids.fromKey("work"), m.node(Ids.fromKey("tasks-ds")).orElseThrow().related().get(0));
            MapNode wiki = m.node(Ids.fromKey("company-wiki")).orElseThrow();
            assertTrue(wiki.has(NodeFlag.WIKI));
            MapNode teamDir = m.node(Ids.fromKey("team-dir")).orElseThrow();
            assertEquals(Ids.fromKey("company-wiki"), teamDir.parentId(), "a database in a wiki hangs from the wiki's database");

            ChildrenLoader loader = new ChildrenLoader(sb.calls(oracle.connection("home-bot").token()), m, m.notionVersion());
            MapNode view = loader.blockChildren(Ids.fromKey("home"), CancellationToken.none()).children().stream()
                    .filter(n -> n.id().equals(Ids.fromKey("home-vault-view"))).findFirst().orElseThrow();
            assertTrue(view.has(NodeFlag.LINKED_VIEW));
        }
    }

    @Test
    void comparingTwoTokensSaysWhereToAddTheBot() throws Exception {
        FixtureOracle oracle = FixtureOracle.ofResource(WIKI);
        try (ExplorerSandbox sb = start(WIKI)) {
            WorkspaceMap bot = map(sb, oracle, "wiki-only");
            WorkspaceMap pat = map(sb, oracle, "wendy-pat");
            ConnectionComparison c = ConnectionComparison.compare(bot, pat);
            assertTrue(c.onlyA().isEmpty(), "the bot sees nothing Wendy does not");
            assertTrue(c.addAHere().containsKey(Ids.fromKey("home")), "add the bot at Home: " + c.addAHere().keySet());
            assertTrue(c.addAHere().containsKey(Ids.fromKey("vault")));
            assertTrue(c.both().stream().anyMatch(n -> n.id().equals(Ids.fromKey("wiki-eng"))));
            String csv = MapExport.csv(c, true);
            assertTrue(csv.startsWith(String.join(",", MapExport.COLUMNS) + ",side,add_a_here\r\n"), csv);
            assertTrue(!csv.contains("Wendy's drafts") && csv.contains("[redacted]"), "titles redacted");
            assertTrue(!csv.contains("drafts") && !csv.contains("Home-"), "nor left in the URLs' title slugs: " + csv);
            assertTrue(MapExport.csv(c, false).contains("Home-"), "unredacted URLs keep their slug (what this checks exists)");
        }
    }
}
