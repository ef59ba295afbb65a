package dev.notionconsole.connections;

import dev.notionconsole.notion.Capability;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import java.util.List;
import java.util.Locale;

/**
 * Upgrades older connections files step by step, on the JSON tree, before it is bound to the current records
 * (docs/decisions/0041). Each step takes version N to N+1; a new format adds one step here and a test that
 * loads a file of the old format.
 */
final class FormatMigrations {
    /** One upgrade step. */
    interface Step {
        int from();

        ObjectNode apply(ObjectNode doc);
    }

    private static final List<Step> STEPS = List.of(new V1ToV2());

    private FormatMigrations() {
    }

    /** The format version of a parsed file: {@code formatVersion}, or v1's {@code version}. */
    static int versionOf(JsonNode doc) {
        if (doc.has("formatVersion")) {
            return doc.get("formatVersion").asInt(-1);
        }
        return doc.has("version") ? doc.get("version").asInt(-1) : -1;
    }

    /** Applies every step from the file's version up to the current one. */
    static ObjectNode upgrade(ObjectNode doc, int fromVersion) {
        ObjectNode current = doc;
        for (int v = fromVersion; v < ConnectionStore.FORMAT_VERSION; v++) {
            int version = v;
            Step step = STEPS.stream().filter(s -> s.from() == version).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No migration from format " + version));
            current = step.apply(current);
        }
        return current;
    }

    /**
     * Format 1 (the development builds until November 2026): {@code version}, {@code current}, a {@code type} of
     * internal/oauth/pat, {@code apiUrl}, a rate in {@code requestsPerSecond}, a single OAuth installation in an
     * {@code oauth} object, and capabilities as bare names. Format 2 adds installations as a list (several
     * workspaces per public connection), dated capability observations and identity checks.
     */
    static final class V1ToV2 implements Step {
        @Override
        public int from() {
            return 1;
        }

        @Override
        public ObjectNode apply(ObjectNode old) {
            ObjectNode doc = Json.mapper().createObjectNode();
            doc.put("formatVersion", 2);
            if (old.hasNonNull("current")) {
                doc.put("currentConnectionId", old.get("current").asText());
            }
            doc.put("secretsFileOptIn", false);
            doc.put("sandboxDefaultsAdded", old.path("sandboxAdded").asBoolean(false));
            ArrayNode out = doc.putArray("connections");
            for (JsonNode c : old.path("connections")) {
                out.add(connection(c));
            }
            return doc;
        }

        private static ObjectNode connection(JsonNode c) {
            ObjectNode n = Json.mapper().createObjectNode();
            n.put("id", c.path("id").asText());
            n.put("name", c.path("name").asText());
            n.put("kind", kind(c.path("type").asText("internal")));
            n.put("baseUrl", c.path("apiUrl").asText(Connection.DEFAULT_BASE_URL));
            if (c.hasNonNull("notionVersion")) {
                n.put("notionVersion", c.get("notionVersion").asText());
            }
            // 3/s was the standard plan, 10/s Business and Enterprise (docs/notion-api.md §4.5)
            n.put("ratePlan", c.path("requestsPerSecond").asDouble(3) >= 10 ? RatePlan.BUSINESS.name() : RatePlan.STANDARD.name());
            n.put("notes", c.path("notes").asText(""));
            JsonNode oauth = c.path("oauth");
            if (oauth.isObject()) {
                copyText(oauth, "clientId", n, "clientId");
                copyText(oauth, "redirectUri", n, "redirectUri");
                if (oauth.hasNonNull("botId")) {
                    ObjectNode inst = n.putArray("installations").addObject();
                    copyText(oauth, "botId", inst, "botId");
                    copyText(oauth, "workspaceId", inst, "workspaceId");
                    copyText(oauth, "workspaceName", inst, "workspaceName");
                    copyText(oauth, "workspaceIcon", inst, "workspaceIcon");
                    n.put("activeBotId", oauth.get("botId").asText());
                }
            }
            ArrayNode caps = n.putArray("capabilities");
            for (JsonNode name : c.path("capabilities")) {
                try {
                    Capability cap = Capability.valueOf(name.asText().toUpperCase(Locale.ROOT));
                    ObjectNode obs = caps.addObject();
                    obs.put("capability", cap.name());
                    obs.put("present", true);
                    obs.put("evidence", "Recorded by an older version of the console (date unknown)");
                } catch (IllegalArgumentException unknown) {
                    // a capability name this version does not know: dropped, it carried no date or evidence
                }
            }
            return n;
        }

        private static String kind(String type) {
            return switch (type.toLowerCase(Locale.ROOT)) {
                case "oauth", "public" -> ConnectionKind.PUBLIC_OAUTH.name();
                case "pat" -> ConnectionKind.PERSONAL_ACCESS_TOKEN.name();
                default -> ConnectionKind.INTERNAL.name();
            };
        }

        private static void copyText(JsonNode from, String field, ObjectNode to, String as) {
            if (from.hasNonNull(field)) {
                to.put(as, from.get(field).asText());
            }
        }
    }
}
