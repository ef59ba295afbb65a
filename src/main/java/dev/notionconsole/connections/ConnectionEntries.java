package dev.notionconsole.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.core.json.JsonFiles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds a connections file one connection at a time, so one entry with a wrong type, no kind or a duplicate id
 * costs that entry (named in a notice), never the others; a missing or null name is repaired, not fatal
 * (issue 12, items 2 and 3). The store keeps a copy of the file before a save drops anything.
 */
final class ConnectionEntries {
    private ConnectionEntries() {
    }

    /**
     * @param dropped receives a short description of every entry left out (empty when none was)
     */
    static ConnectionsDocument bind(ObjectNode doc, List<String> notices, List<String> dropped) {
        List<Connection> kept = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode n : doc.path("connections")) {
            index++;
            String label = label(n, index);
            if (!(n instanceof ObjectNode entry)) {
                skip(notices, dropped, label, "it is not a JSON object");
                continue;
            }
            Connection c;
            try {
                c = Json.mapper().treeToValue(entry, Connection.class);
            } catch (Exception | StackOverflowError e) {
                skip(notices, dropped, label, JsonFiles.describe(e, false).replaceFirst("^it is not valid JSON", "a field has the wrong type"));
                continue;
            }
            if (c.id() == null || c.id().isBlank()) {
                skip(notices, dropped, label, "it has no id (its token, if any, is keyed by the id)");
                continue;
            }
            if (!ids.add(c.id())) {
                skip(notices, dropped, label, "another connection already has its id " + c.id());
                continue;
            }
            if (c.name() == null || c.name().isBlank()) {
                String name = "Unnamed connection " + shortId(c.id());
                notices.add("Connection " + c.id() + " had no name; it is shown as \"" + name + "\" until you rename it.");
                c = c.toBuilder().name(name).build();
            }
            kept.add(c);
        }
        JsonNode current = doc.get("currentConnectionId");
        return new ConnectionsDocument(ConnectionStore.FORMAT_VERSION, current != null && current.isTextual() ? current.asText() : null,
                doc.path("secretsFileOptIn").asBoolean(false), doc.path("sandboxDefaultsAdded").asBoolean(false), kept);
    }

    private static void skip(List<String> notices, List<String> dropped, String label, String why) {
        dropped.add(label + ": " + why);
        notices.add("A saved connection (" + label + ") was skipped because " + why + ".");
    }

    private static String label(JsonNode n, int index) {
        JsonNode name = n.path("name");
        String text = name.isTextual() && !name.asText().isBlank() ? name.asText().strip() : null;
        if (text != null && text.length() > 60) {
            text = text.substring(0, 60) + "…";
        }
        return "entry " + index + (text != null ? ", \"" + text + "\"" : "");
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
