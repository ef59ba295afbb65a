package dev.notionconsole.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notionconsole.testsupport.VisibilityOracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a map of a fixture's connection must hold. Who can read what comes from the shared
 * {@link VisibilityOracle} (the fixture file alone, no sandbox code); this class adds only what a map is made of:
 * the live pages and data sources search must list, their databases, the readable ancestors reached by probes,
 * the first unreadable ancestor of each chain (a placeholder), and each node's sharing root. With the fixture's
 * {@code search_lag}, objects that lag are not searchable: a lagging parent is still reached by a probe, a lagging
 * leaf is not in the map at all.
 */
final class FixtureOracle {
    /** The expected map: searchable objects (pages, data sources), readable nodes, placeholders, roots, each node's root. */
    record Expected(Set<String> searchable, Set<String> nodes, Set<String> placeholders, Set<String> roots, Map<String, String> rootOf) {
    }

    final VisibilityOracle visibility;
    /** The fixture's {@code search_lag}: absent (no lag), {@code objects} keys, or every object ({@code objects} absent). */
    private final JsonNode searchLag;

    private FixtureOracle(VisibilityOracle visibility, JsonNode searchLag) {
        this.visibility = visibility;
        this.searchLag = searchLag;
    }

    static FixtureOracle ofResource(String resource) throws IOException {
        try (InputStream in = FixtureOracle.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new FixtureOracle(VisibilityOracle.of(text), new ObjectMapper().readTree(text).path("search_lag"));
        }
    }

    /**
     * Search leaves it out (docs/sandbox-fixtures.md "search_lag"): lag is on, it is one of the lagging objects (a data
     * source through its database too), and it is not directly shared with the principal (nothing is, for a personal
     * token).
     */
    private boolean lags(VisibilityOracle.Principal who, VisibilityOracle.FixtureObject o) {
        if (!searchLag.isObject()) {
            return false;
        }
        String owner = o.kind().equals("data_source") ? obj(o.parentId()).key() : o.key();
        if (searchLag.has("objects")) {
            boolean listed = false;
            for (JsonNode k : searchLag.get("objects")) {
                listed |= k.asText().equals(o.key()) || k.asText().equals(owner);
            }
            if (!listed) {
                return false;
            }
        }
        return who.roots() == null || !(who.roots().contains(o.key()) || who.roots().contains(owner));
    }

    /** The fixture connection's token the map is made with. */
    VisibilityOracle.Principal connection(String id) {
        return visibility.connection(id);
    }

    /** The workspace key of an object. */
    String workspaceOf(String id) {
        return visibility.object(id).map(VisibilityOracle.FixtureObject::workspace).orElse(null);
    }

    /** The map's expectation for a connection (2025-09-03 and later: search lists pages and data sources). */
    Expected expected(String connectionId) {
        VisibilityOracle.Principal who = connection(connectionId);
        Set<String> searchable = new LinkedHashSet<>();
        for (VisibilityOracle.FixtureObject o : visibility.objects()) {
            if ((o.kind().equals("page") || o.kind().equals("data_source")) && !o.trashed() && visibility.sees(who, o) && !lags(who, o)) {
                searchable.add(o.id());
            }
        }
        Set<String> nodes = new LinkedHashSet<>(searchable);
        for (String id : searchable) {
            VisibilityOracle.FixtureObject o = obj(id);
            if (o.kind().equals("data_source")) {
                nodes.add(o.parentId()); // its database, placed from database_parent without a request
            }
        }
        Set<String> placeholders = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String id : Set.copyOf(nodes)) {
                String p = obj(id).parentId();
                if (p == null || nodes.contains(p) || placeholders.contains(p)) {
                    continue;
                }
                if (visibility.sees(who, obj(p))) {
                    nodes.add(p);
                    grew = true;
                } else {
                    placeholders.add(p);
                }
            }
        }
        Map<String, String> rootOf = new HashMap<>();
        Set<String> roots = new LinkedHashSet<>();
        for (String id : nodes) {
            String cur = id;
            while (obj(cur).parentId() != null && nodes.contains(obj(cur).parentId())) {
                cur = obj(cur).parentId();
            }
            rootOf.put(id, cur);
            roots.add(cur);
        }
        return new Expected(searchable, nodes, placeholders, roots, rootOf);
    }

    private VisibilityOracle.FixtureObject obj(String id) {
        return visibility.object(id).orElseThrow(() -> new IllegalArgumentException("no object " + id));
    }
}
