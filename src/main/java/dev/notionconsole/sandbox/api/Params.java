package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.http.Jsonish;
import dev.notionconsole.sandbox.model.Ids;
import java.util.Iterator;
import java.util.Set;

/** Schema checks with Notion's message shapes (docs/notion-api.md §4.3, 8): path IDs, required fields, unknown keys, limits. */
public final class Params {
    public static final int MAX_TEXT = 2000;
    public static final int MAX_ARRAY = 100;

    private Params() {
    }

    /** A path ID, dashed or 32 hex; anything else is `path.<param> should be a valid uuid`. */
    public static String pathId(Call call, String param) {
        String raw = call.pathParam(param);
        String id = Ids.canonical(raw);
        if (id == null) {
            throw ApiError.pathInvalid(param, raw);
        }
        return id;
    }

    /** Rejects keys not in the allowed set: `body.<key> should be not present` (docs/notion-api.md §4.3). */
    public static void onlyKeys(JsonNode object, String path, Set<String> allowed) {
        if (object == null || !object.isObject()) {
            return;
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw ApiError.bodyInvalid(path + "." + k + " should be not present, instead was `" + Jsonish.show(object.get(k)) + "`.");
            }
        }
    }

    public static JsonNode required(JsonNode object, String key, String path) {
        JsonNode v = object == null ? null : object.get(key);
        if (v == null || v.isMissingNode()) {
            throw ApiError.bodyInvalid(path + "." + key + " should be defined, instead was `undefined`.");
        }
        return v;
    }

    public static ObjectNode requireObject(JsonNode v, String path) {
        if (v == null || !v.isObject()) {
            throw ApiError.bodyInvalid(path + " should be an object, instead was `" + Jsonish.show(v) + "`.");
        }
        return (ObjectNode) v;
    }

    public static void requireArray(JsonNode v, String path) {
        if (v == null || !v.isArray()) {
            throw ApiError.bodyInvalid(path + " should be an array, instead was `" + Jsonish.show(v) + "`.");
        }
        if (v.size() > MAX_ARRAY) {
            throw ApiError.bodyInvalid(path + ".length should be ≤ `" + MAX_ARRAY + "`, instead was `" + v.size() + "`.");
        }
    }

    public static boolean requireBoolean(JsonNode v, String path) {
        if (v == null || !v.isBoolean()) {
            throw ApiError.bodyInvalid(path + " should be a boolean, instead was `" + Jsonish.show(v) + "`.");
        }
        return v.booleanValue();
    }

    public static String requireString(JsonNode v, String path) {
        if (v == null || !v.isTextual()) {
            throw ApiError.bodyInvalid(path + " should be a string, instead was `" + Jsonish.show(v) + "`.");
        }
        return v.textValue();
    }

    /** A body ID field: `body.parent.page_id should be a valid uuid, instead was "..."`. */
    public static String bodyId(JsonNode v, String path) {
        if (v == null || v.isMissingNode()) {
            throw ApiError.bodyInvalid(path + " should be defined, instead was `undefined`.");
        }
        String id = v.isTextual() ? Ids.canonical(v.textValue()) : null;
        if (id == null) {
            throw ApiError.bodyInvalid(path + " should be a valid uuid, instead was `" + Jsonish.show(v) + "`.");
        }
        return id;
    }

    /**
     * Validates a rich-text array from a request: at most 100 items, each text.content at most 2000 characters,
     * links at most 2000 (docs/notion-api.md §4.6).
     */
    public static void richText(JsonNode v, String path) {
        requireArray(v, path);
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String ip = path + "[" + i + "]";
            requireObject(item, ip);
            String type = item.has("type") ? item.get("type").asText() : item.has("text") ? "text" : item.has("mention") ? "mention" : item.has("equation") ? "equation" : null;
            if (type == null) {
                throw ApiError.bodyInvalid(ip + ".text should be defined, instead was `undefined`.");
            }
            if ("text".equals(type)) {
                JsonNode text = required(item, "text", ip);
                requireObject(text, ip + ".text");
                String content = requireString(text.get("content"), ip + ".text.content");
                if (content.length() > MAX_TEXT) {
                    throw ApiError.bodyInvalid(ip + ".text.content.length should be ≤ `" + MAX_TEXT + "`, instead was `" + content.length() + "`.");
                }
                JsonNode link = text.get("link");
                if (link != null && !link.isNull()) {
                    String url = requireString(link.get("url"), ip + ".text.link.url");
                    if (url.length() > MAX_TEXT) {
                        throw ApiError.bodyInvalid(ip + ".text.link.url.length should be ≤ `" + MAX_TEXT + "`, instead was `" + url.length() + "`.");
                    }
                }
            } else if ("equation".equals(type)) {
                String expr = requireString(item.path("equation").get("expression"), ip + ".equation.expression");
                if (expr.length() > 1000) {
                    throw ApiError.bodyInvalid(ip + ".equation.expression.length should be ≤ `1000`, instead was `" + expr.length() + "`.");
                }
            } else if (!"mention".equals(type)) {
                throw ApiError.bodyInvalid(ip + ".type should be `\"text\"`, `\"mention\"` or `\"equation\"`, instead was `" + Jsonish.show(item.get("type")) + "`.");
            }
        }
    }
}
