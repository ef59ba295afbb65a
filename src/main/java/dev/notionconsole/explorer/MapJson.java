package dev.notionconsole.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The map as one JSON object: the {@code map --json} output and the snapshot format (a public interface; field
 * names are fixed): {@code connection}, {@code workspace {id, name}}, {@code token_kind}, {@code acts_for},
 * {@code nodes [{id, object, title, parent {type, id}, sharing_root, in_trash, found_by, url, public_url,
 * last_edited_time, flags, related}]}, {@code roots}, {@code placeholders}, {@code notes}, {@code requests},
 * {@code complete}, {@code watermark}, {@code finished_at}, {@code notion_version}, {@code lost}. No secrets.
 */
public final class MapJson {
    public static final int FORMAT = 1;

    private MapJson() {
    }

    public static ObjectNode write(WorkspaceMap m) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("format", FORMAT);
        o.put("connection", m.connection());
        ObjectNode ws = o.putObject("workspace");
        ws.put("id", m.identity().workspaceId());
        ws.put("name", m.identity().workspaceName());
        o.put("token_kind", m.identity().tokenKind().wire());
        o.put("bot", m.identity().botName());
        o.put("acts_for", m.identity().userName());
        o.put("notion_version", m.notionVersion());
        ArrayNode nodes = o.putArray("nodes");
        for (MapNode n : m.all()) {
            ObjectNode j = nodes.addObject();
            j.put("id", n.id());
            j.put("object", n.object());
            j.put("title", n.title());
            if (n.parentType() == null) {
                j.putNull("parent");
            } else {
                ObjectNode p = j.putObject("parent");
                p.put("type", n.parentType());
                p.put("id", n.parentId());
            }
            j.put("sharing_root", n.sharingRoot());
            j.put("in_trash", n.inTrash());
            j.put("found_by", n.foundBy().wire());
            j.put("url", n.url());
            j.put("public_url", n.publicUrl());
            j.put("last_edited_time", n.lastEditedTime());
            ArrayNode flags = j.putArray("flags");
            n.flags().stream().sorted().forEach(f -> flags.add(f.wire()));
            if (!n.related().isEmpty()) {
                ArrayNode rel = j.putArray("related");
                n.related().forEach(rel::add);
            }
        }
        ArrayNode roots = o.putArray("roots");
        m.roots().forEach(roots::add);
        ArrayNode ph = o.putArray("placeholders");
        m.placeholders().forEach(ph::add);
        ArrayNode notes = o.putArray("notes");
        for (MapNote n : m.notes()) {
            ObjectNode j = notes.addObject();
            j.put("kind", n.kind().wire());
            j.put("node", n.nodeId());
            j.put("detail", n.detail());
        }
        o.put("requests", m.requests());
        o.put("complete", m.complete());
        o.put("watermark", m.watermark());
        o.put("finished_at", m.finishedAt() == null ? null : m.finishedAt().toString());
        ObjectNode lost = o.putObject("lost");
        m.lost().forEach((id, v) -> lost.put(id, v.wire()));
        return o;
    }

    /** Reads what {@link #write} wrote. @throws IllegalArgumentException when it is not a map of this format */
    public static WorkspaceMap read(JsonNode o) {
        if (o == null || !o.isObject() || o.path("format").asInt() != FORMAT || !o.path("nodes").isArray()) {
            throw new IllegalArgumentException("not an explorer map (format " + FORMAT + ")");
        }
        MapIdentity identity = new MapIdentity(TokenKind.parse(o.path("token_kind").asText("internal")),
                text(o, "bot"), text(o, "acts_for"), text(o.path("workspace"), "id"), text(o.path("workspace"), "name"));
        Map<String, MapNode> nodes = new LinkedHashMap<>();
        for (JsonNode j : o.get("nodes")) {
            Set<NodeFlag> flags = EnumSet.noneOf(NodeFlag.class);
            j.path("flags").forEach(f -> flags.add(NodeFlag.parse(f.asText())));
            List<String> related = new ArrayList<>();
            j.path("related").forEach(r -> related.add(r.asText()));
            JsonNode p = j.get("parent");
            boolean hasParent = p != null && p.isObject();
            MapNode n = new MapNode(j.path("id").asText(), j.path("object").asText(), j.path("title").asText(""),
                    hasParent ? p.path("type").asText() : null, hasParent ? text(p, "id") : null, text(j, "url"),
                    j.path("in_trash").asBoolean(), text(j, "public_url"), text(j, "last_edited_time"),
                    FoundBy.parse(j.path("found_by").asText("search")), text(j, "sharing_root"), flags, related);
            nodes.put(n.id(), n);
        }
        List<MapNote> notes = new ArrayList<>();
        for (JsonNode n : o.path("notes")) {
            notes.add(new MapNote(MapNote.Kind.valueOf(n.path("kind").asText().toUpperCase(java.util.Locale.ROOT)),
                    text(n, "node"), n.path("detail").asText("")));
        }
        Map<String, WorkspaceMap.LostVerdict> lost = new LinkedHashMap<>();
        o.path("lost").fields().forEachRemaining(e ->
                lost.put(e.getKey(), WorkspaceMap.LostVerdict.valueOf(e.getValue().asText().toUpperCase(java.util.Locale.ROOT))));
        return new WorkspaceMap(o.path("connection").asText(), identity, text(o, "notion_version"), nodes,
                strings(o.path("roots")), strings(o.path("placeholders")), notes, o.path("requests").asInt(),
                text(o, "watermark"), o.hasNonNull("finished_at") ? Instant.parse(o.get("finished_at").asText()) : null, lost);
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static String text(JsonNode o, String f) {
        JsonNode v = o.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }
}
