package dev.notionconsole.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.notion.PageTitles;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the fields the explorer keeps from Notion's page, data-source, database and block objects (docs/notion-api.md §3). */
final class NotionObjects {
    private NotionObjects() {
    }

    /** A parent reference: {@code type} as Notion names it and the ID (null for workspace). */
    record Parent(String type, String id) {
        static final Parent WORKSPACE = new Parent("workspace", null);

        /** The endpoint kind to probe it with, or null when there is nothing to probe. */
        String probeKind() {
            return switch (type) {
                case "page_id" -> "pages";
                case "database_id" -> "databases";
                case "data_source_id" -> "data_sources";
                case "block_id" -> "blocks";
                default -> null;
            };
        }
    }

    static Parent parent(JsonNode parent) {
        if (parent == null || parent.isNull() || !parent.has("type")) {
            return Parent.WORKSPACE;
        }
        String type = parent.path("type").asText();
        if ("workspace".equals(type)) {
            return Parent.WORKSPACE;
        }
        JsonNode id = parent.get(type);
        return new Parent(type, id == null || id.isNull() ? null : id.asText());
    }

    /** Builds a draft from a page, data source, database or block object; null for anything else. */
    static MapBuilder.Draft draft(JsonNode o, FoundBy foundBy) {
        String object = o.path("object").asText();
        String id = o.path("id").asText(null);
        if (id == null) {
            return null;
        }
        Set<NodeFlag> flags = EnumSet.noneOf(NodeFlag.class);
        Parent parent = parent(o.get("parent"));
        String title;
        switch (object) {
            case "page" -> {
                title = pageTitle(o.path("properties"));
                if ("data_source_id".equals(parent.type()) || "database_id".equals(parent.type())) {
                    flags.add(NodeFlag.ROW);
                }
            }
            case "data_source", "database" -> {
                title = plain(o.get("title"));
                if (hasVerification(o.path("properties"))) {
                    flags.add(NodeFlag.WIKI);
                }
            }
            case "block" -> {
                String type = o.path("type").asText();
                title = switch (type) {
                    case "child_page" -> o.path("child_page").path("title").asText("");
                    case "child_database" -> o.path("child_database").path("title").asText("");
                    default -> type;
                };
            }
            default -> {
                return null;
            }
        }
        if (o.path("is_locked").asBoolean(false)) {
            flags.add(NodeFlag.LOCKED);
        }
        boolean trash = o.path("in_trash").asBoolean(o.path("archived").asBoolean(false));
        MapBuilder.Draft d = new MapBuilder.Draft(id, object, title, parent, foundBy);
        d.url = text(o, "url");
        d.publicUrl = text(o, "public_url");
        d.lastEdited = text(o, "last_edited_time");
        d.inTrash = trash;
        d.flags.addAll(flags);
        return d;
    }

    /** Data-source IDs that relation properties of a data source (or old-era database) point at. */
    static List<String> relationTargets(JsonNode properties) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            JsonNode p = it.next().getValue();
            if ("relation".equals(p.path("type").asText())) {
                JsonNode r = p.path("relation");
                String target = r.hasNonNull("data_source_id") ? r.get("data_source_id").asText()
                        : r.hasNonNull("database_id") ? r.get("database_id").asText() : null;
                if (target != null) {
                    out.add(target);
                }
            }
        }
        return out;
    }

    private static boolean hasVerification(JsonNode properties) {
        for (JsonNode p : properties) {
            if ("verification".equals(p.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    static String pageTitle(JsonNode properties) {
        return PageTitles.pageTitle(properties);
    }

    static String plain(JsonNode richText) {
        return PageTitles.plain(richText);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
