package dev.notionconsole.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.sandbox.model.Ids;
import java.util.Set;
import java.util.TreeSet;

/** Reading {@code map --json} in the acceptance tests: IDs by fixture key, a field's IDs, one node. */
final class MapJsonQueries {
    private MapJsonQueries() {
    }

    /** The ID the sandbox serves for a fixture key. */
    static String k(String key) {
        return Ids.fromKey(key);
    }

    /** The IDs of a fixture's keys. */
    static Set<String> keys(String... keys) {
        Set<String> out = new TreeSet<>();
        for (String key : keys) {
            out.add(k(key));
        }
        return out;
    }

    /** The IDs in a field of the map ({@code nodes}, {@code roots}, {@code placeholders}). */
    static Set<String> ids(JsonNode m, String field) {
        Set<String> out = new TreeSet<>();
        m.path(field).forEach(n -> out.add(n.isObject() ? n.path("id").asText() : n.asText()));
        return out;
    }

    /** The readable nodes: {@code nodes} also lists the unreadable ancestors, as placeholders. */
    static Set<String> visible(JsonNode m) {
        Set<String> out = ids(m, "nodes");
        out.removeAll(ids(m, "placeholders"));
        return out;
    }

    /** The node of a fixture key; fails naming what the map holds when it is not there. */
    static JsonNode node(JsonNode m, String key) {
        for (JsonNode n : m.path("nodes")) {
            if (n.path("id").asText().equals(k(key))) {
                return n;
            }
        }
        throw new AssertionError("no node " + key + " in " + ids(m, "nodes"));
    }
}
