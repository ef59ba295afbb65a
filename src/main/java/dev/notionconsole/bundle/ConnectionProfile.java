package dev.notionconsole.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.Installation;
import dev.notionconsole.connections.LearnedCapability;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.notion.Capability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What support needs to know about the connection a bundle's calls were made as, and never a credential: its kind,
 * Notion-Version, rate plan, capabilities (declared when known, and those the console learned from answers,
 * decision 0045), the workspace and the bot. Built from the saved {@link Connection}, which holds no secret.
 *
 * @param kind internal, public or personal (the sandbox fixture's words)
 * @param declared capability keys as the user declared them (read_content, ...); empty when unknown: the API has no
 *     call that lists a token's capabilities (docs/notion-api.md §5.3)
 */
public record ConnectionProfile(String name, String kind, String notionVersion, String ratePlan, int ratePerMinute,
                                List<String> declared, List<Learned> learned, String workspaceName, String workspaceId,
                                String botId) {
    /** A capability the console observed present or absent, with what showed it. */
    public record Learned(String capability, boolean present, String evidence) {
    }

    public ConnectionProfile {
        declared = declared == null ? List.of() : List.copyOf(declared);
        learned = learned == null ? List.of() : List.copyOf(learned);
    }

    public static ConnectionProfile of(Connection c, List<String> declared) {
        List<Learned> learned = new ArrayList<>();
        for (LearnedCapability l : c.capabilities()) {
            learned.add(new Learned(key(l.capability()), l.present(), l.evidence()));
        }
        String wsName = null;
        String wsId = null;
        String bot = null;
        if (c.lastCheck() != null) {
            wsName = c.lastCheck().workspaceName();
            wsId = c.lastCheck().workspaceId();
            bot = c.lastCheck().botId();
        }
        Installation i = c.activeInstallation().orElse(null);
        if (i != null) {
            wsName = wsName == null ? i.workspaceName() : wsName;
            wsId = wsId == null ? i.workspaceId() : wsId;
            bot = bot == null ? i.botId() : bot;
        }
        return new ConnectionProfile(c.name(), kindKey(c.kind()), c.notionVersion(), c.ratePlan().name().toLowerCase(Locale.ROOT),
                c.ratePlan().perMinute(), declared, learned, wsName, wsId, bot);
    }

    /** The same profile with the workspace filled in from elsewhere (a map) where the connection did not know it. */
    public ConnectionProfile withWorkspace(String name, String id) {
        return new ConnectionProfile(this.name, kind, notionVersion, ratePlan, ratePerMinute, declared, learned,
                workspaceName != null ? workspaceName : name, workspaceId != null ? workspaceId : id, botId);
    }

    static String kindKey(ConnectionKind k) {
        return switch (k) {
            case INTERNAL -> "internal";
            case PUBLIC_OAUTH -> "public";
            case PERSONAL_ACCESS_TOKEN -> "personal";
        };
    }

    /** read_content, update_content, ..., user_info, user_email. */
    static String key(Capability c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("name", name);
        o.put("kind", kind);
        o.put("notion_version", notionVersion);
        o.put("rate_plan", ratePlan);
        o.put("rate_per_minute", ratePerMinute);
        declared.forEach(o.putArray("declared_capabilities")::add);
        var arr = o.putArray("learned_capabilities");
        for (Learned l : learned) {
            arr.addObject().put("capability", l.capability()).put("present", l.present()).put("evidence", l.evidence());
        }
        ObjectNode ws = o.putObject("workspace");
        ws.put("name", workspaceName);
        ws.put("id", workspaceId);
        o.put("bot_id", botId);
        return o;
    }

    public static ConnectionProfile fromJson(JsonNode o) {
        List<String> declared = new ArrayList<>();
        o.path("declared_capabilities").forEach(d -> declared.add(d.asText()));
        List<Learned> learned = new ArrayList<>();
        o.path("learned_capabilities").forEach(l -> learned.add(new Learned(l.path("capability").asText(),
                l.path("present").asBoolean(), text(l, "evidence"))));
        return new ConnectionProfile(text(o, "name"), o.path("kind").asText("internal"), text(o, "notion_version"),
                o.path("rate_plan").asText("standard"), o.path("rate_per_minute").asInt(180), declared, learned,
                text(o.path("workspace"), "name"), text(o.path("workspace"), "id"), text(o, "bot_id"));
    }

    static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
