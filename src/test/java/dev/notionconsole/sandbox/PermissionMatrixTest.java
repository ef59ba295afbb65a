package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.testsupport.FixtureIds;
import dev.notionconsole.testsupport.VisibilityOracle;
import dev.notionconsole.testsupport.VisibilityOracle.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each token of the default fixture against each object of it: visible (200), or the exact 404, 403 or 401.
 * The expectation comes from the {@link VisibilityOracle}, which reads the fixture file independently of the
 * sandbox's visibility engine (docs/notion-api.md §5.1, §5.2); what the oracle reads of each connection is checked
 * here against a hand-written list of what each was given.
 */
class PermissionMatrixTest extends SandboxTestBase {
    static final VisibilityOracle oracle = VisibilityOracle.defaultFixture();

    @Test
    void theOracleReadsWhatEachConnectionWasGiven() {
        Set<Principal> expected = Set.of(
                new Principal("Docs Sync", FixtureIds.DOCS_SYNC, "docs-sync", "acme", Set.of("engineering"), null, 0),
                new Principal("Docs Sync", FixtureIds.DOCS_SYNC_REVOKED, "docs-sync", "acme", Set.of("engineering"), null, 401),
                new Principal("Wiki Reader", FixtureIds.WIKI_READER, "wiki-reader", "acme", Set.of("company-wiki"), null, 0),
                new Principal("Standup Bot", FixtureIds.STANDUP_BOT, "standup-bot", "acme", Set.of("meetings"), null, 403),
                new Principal("Retired Importer", FixtureIds.RETIRED, "retired-importer", "acme", Set.of("engineering"), null, 401),
                new Principal("CRM Bridge", FixtureIds.CRM_BOB, "crm-bridge", "acme", Set.of("sales"), "bob", 0),
                new Principal("CRM Bridge", FixtureIds.CRM_ERIN, "crm-bridge", "globex", Set.of("globex-home"), "erin", 0),
                new Principal("Alice's token", FixtureIds.ALICE_PAT, "alice-pat", "acme", null, "alice", 0),
                new Principal("Bob's old token", FixtureIds.BOB_EXPIRED, "bob-expired-pat", "acme", null, "bob", 401),
                new Principal("Lab Assistant", FixtureIds.LAB, "lab-assistant", "globex", Set.of("globex-home"), null, 0));
        assertEquals(expected, Set.copyOf(oracle.principals()));
        assertTrue(oracle.objects().size() >= 80, "objects in the matrix: " + oracle.objects().size());
    }

    @Test
    void theOracleAnswersWhatAConnectionSees() {
        assertTrue(oracle.canSee(FixtureIds.DOCS_SYNC, "handbook"));
        assertTrue(oracle.canSee(FixtureIds.DOCS_SYNC, FixtureIds.id("handbook")), "by id as well as by key");
        assertTrue(!oracle.canSee(FixtureIds.DOCS_SYNC, "sales"), "not shared");
        assertTrue(!oracle.canSee(FixtureIds.LAB, "handbook"), "another workspace");
        assertTrue(oracle.canSee(FixtureIds.ALICE_PAT, "alice-scratchpad"));
        assertTrue(!oracle.canSee(FixtureIds.ALICE_PAT, "bob-drafts"), "someone else's private page");
        assertEquals(List.of(), oracle.visibleTo(FixtureIds.RETIRED), "a revoked token sees nothing");
        Set<String> kinds = oracle.visibleTo(FixtureIds.DOCS_SYNC).stream().map(VisibilityOracle.FixtureObject::kind).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of("page", "database", "data_source", "view", "block")), "kinds: " + kinds);
    }

    @Test
    void everyTokenAgainstEveryObjectAndInSearch() {
        new VisibilityMatrix(api, oracle).assertAgrees(1000);
    }
}
