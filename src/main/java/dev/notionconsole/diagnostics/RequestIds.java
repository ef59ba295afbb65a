package dev.notionconsole.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.notion.NotionError;
import dev.notionconsole.notion.NotionIds;
import dev.notionconsole.notion.catalog.Endpoint;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every ID a request carries, and the one the error names: the path's placeholders, ID query parameters
 * ({@code block_id} of comments), and the body's {@code parent.*_id}, {@code *_id} keys, relation values and
 * mentions (docs/explorer-diagnostics.md §3.3 C12: the error may name a different ID from the one requested).
 */
final class RequestIds {
    /**
     * @param id    canonical ID, or null when {@code raw} is not an ID (then {@code problem} says why)
     * @param raw   as sent
     * @param kind  the kind the request wants there: page, database, data_source, view, block, or unknown
     * @param where where it was: {@code path.page_id}, {@code body.parent.page_id}, {@code query.block_id}, {@code message}
     */
    record Ref(String id, String raw, String kind, String where, String problem, Map<String, String> related) {
        boolean valid() {
            return id != null;
        }
    }

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32}");
    private static final Pattern MESSAGE = Pattern.compile("Could not find (\\w+) with ID: ([0-9a-fA-F-]{32,36})");

    private RequestIds() {
    }

    /** The ID a 404 message names, with the noun it used (page, block, database, data_source). */
    static Ref named(NotionError error) {
        if (error == null || error.message() == null) {
            return null;
        }
        Matcher m = MESSAGE.matcher(error.message());
        if (m.find()) {
            return new Ref(NotionIds.parse(m.group(2)).id(), m.group(2), m.group(1).toLowerCase(Locale.ROOT), "message", null, Map.of());
        }
        Matcher any = UUID.matcher(error.message());
        return any.find() ? new Ref(NotionIds.parse(any.group()).id(), any.group(), "unknown", "message", null, Map.of()) : null;
    }

    /** Every ID in the request, path first, then query, then body, in order; duplicates kept once (first place wins). */
    static List<Ref> all(RequestSpec spec, Endpoint endpoint) {
        List<Ref> out = new ArrayList<>();
        if (endpoint != null) {
            List<String> names = endpoint.placeholders();
            List<String> values = endpoint.extract(spec.path());
            if (values != null) {
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get(i);
                    if (name.endsWith("_id")) {
                        add(out, values.get(i), kindOf(name), "path." + name);
                    }
                }
            }
        }
        for (NameValue q : spec.query()) {
            if (q.name().endsWith("_id") && !q.name().equals("start_cursor")) {
                add(out, q.value(), kindOf(q.name()), "query." + q.name());
            }
        }
        if (spec.hasBody()) {
            try {
                JsonNode body = Json.mapper().readTree(spec.body());
                if (body != null) {
                    walk(body, "body", null, out);
                }
            } catch (java.io.IOException e) {
                // invalid JSON is judged elsewhere; it carries no IDs we can trust
            }
        }
        List<Ref> unique = new ArrayList<>();
        LinkedHashMap<String, Ref> seen = new LinkedHashMap<>();
        for (Ref r : out) {
            String key = r.valid() ? r.id() : r.raw();
            if (seen.putIfAbsent(key, r) == null) {
                unique.add(r);
            }
        }
        return unique;
    }

    private static void walk(JsonNode node, String path, String key, List<Ref> out) {
        if (node.isObject()) {
            if ("user".equals(node.path("object").asText()) || "people".equals(key) || "user".equals(key)
                    || "created_by".equals(key) || "last_edited_by".equals(key)) {
                return; // user IDs are not objects a connection is shared with
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                JsonNode v = e.getValue();
                String p = path + "." + k;
                if (v.isTextual() && (k.endsWith("_id") || (k.equals("id") && key != null))) {
                    String kind = k.equals("id") ? kindOfContainer(key) : kindOf(k);
                    if (!k.equals("id") || !kind.equals("skip")) {
                        add(out, v.asText(), kind.equals("skip") ? "unknown" : kind, p);
                    }
                } else if (v.isTextual() && k.equals("after")) {
                    add(out, v.asText(), "block", p);
                } else {
                    walk(v, p, k, out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", key, out);
            }
        }
    }

    /** A plain {@code id} key: a relation value or a page mention is a page, a database mention a database. */
    private static String kindOfContainer(String container) {
        return switch (container) {
            case "relation", "page", "link_to_page" -> "page";
            case "database" -> "database";
            case "after_block", "block" -> "block";
            case "template", "icon", "cover", "file_upload", "custom_emoji", "file" -> "skip";
            default -> "skip";
        };
    }

    static String kindOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("data_source")) {
            return "data_source";
        }
        for (String k : List.of("page", "database", "block", "view")) {
            if (n.startsWith(k)) {
                return k;
            }
        }
        return n.equals("file_upload_id") || n.equals("comment_id") || n.equals("user_id") || n.equals("discussion_id")
                || n.equals("template_id") || n.equals("task_id") || n.equals("query_id") ? "skip" : "unknown";
    }

    private static void add(List<Ref> out, String raw, String kind, String where) {
        if ("skip".equals(kind)) {
            return;
        }
        NotionIds.Result r = NotionIds.parse(raw);
        out.add(new Ref(r.id(), raw, kind, where, r.reason(), r.related()));
    }
}
