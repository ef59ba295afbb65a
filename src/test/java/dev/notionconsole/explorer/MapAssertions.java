package dev.notionconsole.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.notionconsole.testsupport.VisibilityOracle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Compares a map with the fixture oracle's expectation, naming what differs. */
final class MapAssertions {
    private MapAssertions() {
    }

    static TokenKind kind(VisibilityOracle.Principal conn) {
        return switch (conn.kind()) {
            case "internal" -> TokenKind.INTERNAL;
            case "public" -> TokenKind.PUBLIC;
            default -> TokenKind.PERSONAL;
        };
    }

    static void assertMatches(FixtureOracle.Expected want, WorkspaceMap map) {
        String who = map.connection();
        // what search listed; a page search left out (search_lag) is reached by a probe as a parent, or not at all
        Set<String> searchable = map.all().stream().filter(n -> !n.placeholder() && !n.notInSearch())
                .filter(n -> n.object().equals("page") || n.object().equals("data_source")).map(MapNode::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(want.searchable()), searchable, who + ": the pages and data sources search listed");
        Set<String> readable = map.all().stream().filter(n -> !n.placeholder()).map(MapNode::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(want.nodes()), readable, who + ": every readable node (databases and blocks included)");
        assertEquals(new TreeSet<>(want.placeholders()), new TreeSet<>(map.placeholders()), who + ": unreadable ancestors");
        assertEquals(new TreeSet<>(want.roots()), new TreeSet<>(map.roots()), who + ": sharing roots");
        for (MapNode n : map.all()) {
            if (!n.placeholder()) {
                assertEquals(want.rootOf().get(n.id()), n.sharingRoot(), who + ": the sharing root of " + n.title() + " " + n.id());
            }
        }
    }
}
