package dev.notionconsole.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a diagnosis needs of a readable object (docs/notion-api.md §3): its kind, title, parent and trash flag.
 *
 * @param kind      page, database, data_source, view or block
 * @param blockType for blocks, the block type (child_page, child_database, paragraph...), else null
 * @param parent    its parent, or null for none
 */
record NotionObject(String id, String kind, String blockType, String title, String url, Parent parent, boolean inTrash,
                    JsonNode json) {

    /** A parent reference: kind workspace (id null), page, database, data_source or block. */
    record Parent(String kind, String id) {
        boolean workspace() {
            return "workspace".equals(kind);
        }
    }

    static NotionObject of(JsonNode j) {
        String object = j.path("object").asText("");
        String id = j.path("id").asText(null);
        String blockType = "block".equals(object) ? j.path("type").asText(null) : null;
        boolean trash = j.path("in_trash").asBoolean(false) || j.path("archived").asBoolean(false);
        String url = j.path("url").isTextual() ? j.path("url").asText() : null;
        return new NotionObject(id, object, blockType, title(j, object, blockType), url, parent(j.path("parent")), trash, j);
    }

    static Parent parent(JsonNode p) {
        if (p == null || !p.isObject()) {
            return null;
        }
        String type = p.path("type").asText("");
        if (type.equals("workspace") || p.path("workspace").asBoolean(false)) {
            return new Parent("workspace", null);
        }
        for (String k : List.of("page_id", "database_id", "data_source_id", "block_id")) {
            if ((type.isEmpty() || type.equals(k)) && p.path(k).isTextual()) {
                return new Parent(k.substring(0, k.length() - 3), p.path(k).asText());
            }
        }
        return null;
    }

    /** Pages and databases are what people add connections to; data sources and plain blocks are not. */
    boolean shareable() {
        return kind.equals("page") || kind.equals("database")
                || ("block".equals(kind) && ("child_page".equals(blockType) || "child_database".equals(blockType)));
    }

    /** The kind the fix should name: a child_page block is the page, a child_database block the database. */
    String shareKind() {
        if ("block".equals(kind) && "child_page".equals(blockType)) {
            return "page";
        }
        if ("block".equals(kind) && "child_database".equals(blockType)) {
            return "database";
        }
        return kind;
    }

    DiagnosedObject toDiagnosed() {
        return new DiagnosedObject(id, shareKind(), title, url);
    }

    /** For a database: its data sources' IDs (2025-09-03+). */
    List<String> dataSourceIds() {
        List<String> out = new ArrayList<>();
        json.path("data_sources").forEach(d -> out.add(d.path("id").asText()));
        return out;
    }

    private static String title(JsonNode j, String object, String blockType) {
        switch (object) {
            case "page" -> {
                for (Iterator<Map.Entry<String, JsonNode>> it = j.path("properties").fields(); it.hasNext(); ) {
                    JsonNode v = it.next().getValue();
                    if ("title".equals(v.path("type").asText())) {
                        return plain(v.path("title"));
                    }
                }
                return null;
            }
            case "database", "data_source" -> {
                String t = plain(j.path("title"));
                return t != null ? t : j.path("name").asText(null);
            }
            case "view" -> {
                return j.path("name").asText(null);
            }
            case "block" -> {
                if ("child_page".equals(blockType) || "child_database".equals(blockType)) {
                    return j.path(blockType).path("title").asText(null);
                }
                String t = plain(j.path(blockType == null ? "" : blockType).path("rich_text"));
                return t == null || t.length() <= 60 ? t : t.substring(0, 60) + "…";
            }
            default -> {
                return null;
            }
        }
    }

    private static String plain(JsonNode richText) {
        if (!richText.isArray() || richText.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        richText.forEach(r -> sb.append(r.has("plain_text") ? r.path("plain_text").asText() : r.path("text").path("content").asText()));
        return sb.toString();
    }

    /** The read route of a kind. */
    static String route(String kind, String id) {
        return switch (kind) {
            case "page" -> "/v1/pages/" + id;
            case "database" -> "/v1/databases/" + id;
            case "data_source" -> "/v1/data_sources/" + id;
            case "view" -> "/v1/views/" + id;
            default -> "/v1/blocks/" + id;
        };
    }
}
