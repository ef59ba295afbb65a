package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Jsonish;
import dev.notionconsole.sandbox.model.DataSource;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.Page;
import dev.notionconsole.sandbox.model.RichText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Data-source query filters and sorts (docs/notion-api.md §2.4): compound and/or (two levels), property filters on
 * title and text, number, checkbox, select, status, multi_select, date, people and relation, and timestamp filters.
 * Filters are compiled and validated up front so errors come before the capability and visibility checks.
 */
final class QueryFilter {
    private QueryFilter() {
    }

    /** Compiles a filter; the predicate is applied to rows (pages) with their rendered properties. */
    static Predicate<Row> compile(JsonNode filter, DataSource ds, String path, int depth) {
        ObjectNode f = Params.requireObject(filter, path);
        if (f.has("and") || f.has("or")) {
            String op = f.has("and") ? "and" : "or";
            if (depth >= 2) {
                throw ApiError.bodyInvalid(path + "." + op + " should be not present, instead was `" + Jsonish.show(f.get(op)) + "`.");
            }
            JsonNode list = f.get(op);
            Params.requireArray(list, path + "." + op);
            List<Predicate<Row>> parts = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                parts.add(compile(list.get(i), ds, path + "." + op + "[" + i + "]", depth + 1));
            }
            return "and".equals(op) ? r -> parts.stream().allMatch(p -> p.test(r)) : r -> parts.stream().anyMatch(p -> p.test(r));
        }
        if (f.has("timestamp")) {
            String ts = Params.requireString(f.get("timestamp"), path + ".timestamp");
            if (!"created_time".equals(ts) && !"last_edited_time".equals(ts)) {
                throw ApiError.bodyInvalid(path + ".timestamp should be `\"created_time\"` or `\"last_edited_time\"`, instead was `" + Jsonish.quote(ts) + "`.");
            }
            ObjectNode cond = Params.requireObject(f.get(ts), path + "." + ts);
            return dateCondition(cond, path + "." + ts, r -> Render.time("created_time".equals(ts) ? r.node().createdTime() : r.node().lastEditedTime()));
        }
        String prop = Params.requireString(f.get("property"), path + ".property");
        Map.Entry<String, JsonNode> schema = Properties.find(ds.properties(), prop);
        if (schema == null) {
            throw ApiError.validation("Could not find property with name or id: " + prop);
        }
        String name = schema.getKey();
        String type = schema.getValue().path("type").asText();
        String key = null;
        for (var it = f.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!"property".equals(k)) {
                key = k;
            }
        }
        if (key == null) {
            throw ApiError.bodyInvalid(path + "." + type + " should be defined, instead was `undefined`.");
        }
        boolean textLike = "title".equals(type) || "rich_text".equals(type) || "url".equals(type) || "email".equals(type) || "phone_number".equals(type);
        if (!key.equals(type) && !(textLike && ("rich_text".equals(key) || "title".equals(key)))) {
            throw ApiError.validation("database property " + type + " does not match filter " + key);
        }
        ObjectNode cond = Params.requireObject(f.get(key), path + "." + key);
        String cp = path + "." + key;
        return switch (type) {
            case "title", "rich_text", "url", "email", "phone_number" -> textCondition(cond, cp, r -> text(r, name, type));
            case "number" -> numberCondition(cond, cp, r -> {
                JsonNode v = r.value(name).get("number");
                return v == null || v.isNull() ? null : v.asDouble();
            });
            case "checkbox" -> {
                String op = single(cond, cp, List.of("equals", "does_not_equal"));
                boolean want = Params.requireBoolean(cond.get(op), cp + "." + op);
                yield r -> (r.value(name).path("checkbox").asBoolean(false) == want) == "equals".equals(op);
            }
            case "select", "status" -> {
                String op = single(cond, cp, List.of("equals", "does_not_equal", "is_empty", "is_not_empty"));
                String want = op.startsWith("is_") ? null : Params.requireString(cond.get(op), cp + "." + op);
                yield r -> {
                    JsonNode v = r.value(name).get(type);
                    String got = v == null || v.isNull() ? null : v.path("name").asText();
                    return switch (op) {
                        case "equals" -> want.equals(got);
                        case "does_not_equal" -> !want.equals(got);
                        case "is_empty" -> got == null;
                        default -> got != null;
                    };
                };
            }
            case "multi_select", "people", "relation" -> {
                String op = single(cond, cp, List.of("contains", "does_not_contain", "is_empty", "is_not_empty"));
                String want = op.startsWith("is_") ? null : Params.requireString(cond.get(op), cp + "." + op);
                String field = "multi_select".equals(type) ? "name" : "id";
                yield r -> {
                    List<String> got = new ArrayList<>();
                    r.value(name).path(type).forEach(x -> got.add(x.path(field).asText()));
                    return switch (op) {
                        case "contains" -> got.contains(want);
                        case "does_not_contain" -> !got.contains(want);
                        case "is_empty" -> got.isEmpty();
                        default -> !got.isEmpty();
                    };
                };
            }
            case "date" -> dateCondition(cond, cp, r -> {
                JsonNode v = r.value(name).get("date");
                return v == null || v.isNull() ? null : v.path("start").asText();
            });
            default -> throw ApiError.validation("Filtering on property type " + type + " is not supported by the sandbox.");
        };
    }

    private static String single(ObjectNode cond, String path, List<String> ops) {
        for (String op : ops) {
            if (cond.has(op)) {
                return op;
            }
        }
        throw ApiError.bodyInvalid(path + "." + ops.get(0) + " should be defined, instead was `undefined`.");
    }

    private static String text(Row r, String name, String type) {
        JsonNode v = r.value(name);
        JsonNode inner = v.get(v.path("type").asText(type));
        return inner != null && inner.isArray() ? RichText.plain(inner) : inner == null || inner.isNull() ? "" : inner.asText();
    }

    private static Predicate<Row> textCondition(ObjectNode cond, String path, java.util.function.Function<Row, String> get) {
        String op = single(cond, path, List.of("equals", "does_not_equal", "contains", "does_not_contain", "starts_with", "ends_with",
                "is_empty", "is_not_empty"));
        String want = op.startsWith("is_") ? null : Params.requireString(cond.get(op), path + "." + op).toLowerCase(Locale.ROOT);
        return r -> {
            String got = get.apply(r).toLowerCase(Locale.ROOT);
            return switch (op) {
                case "equals" -> got.equals(want);
                case "does_not_equal" -> !got.equals(want);
                case "contains" -> got.contains(want);
                case "does_not_contain" -> !got.contains(want);
                case "starts_with" -> got.startsWith(want);
                case "ends_with" -> got.endsWith(want);
                case "is_empty" -> got.isEmpty();
                default -> !got.isEmpty();
            };
        };
    }

    private static Predicate<Row> numberCondition(ObjectNode cond, String path, java.util.function.Function<Row, Double> get) {
        String op = single(cond, path, List.of("equals", "does_not_equal", "greater_than", "less_than", "greater_than_or_equal_to",
                "less_than_or_equal_to", "is_empty", "is_not_empty"));
        Double want = null;
        if (!op.startsWith("is_")) {
            JsonNode w = cond.get(op);
            if (!w.isNumber()) {
                throw ApiError.bodyInvalid(path + "." + op + " should be a number, instead was `" + Jsonish.show(w) + "`.");
            }
            want = w.asDouble();
        }
        Double target = want;
        return r -> {
            Double got = get.apply(r);
            return switch (op) {
                case "is_empty" -> got == null;
                case "is_not_empty" -> got != null;
                default -> got != null && switch (op) {
                    case "equals" -> got.equals(target);
                    case "does_not_equal" -> !got.equals(target);
                    case "greater_than" -> got > target;
                    case "less_than" -> got < target;
                    case "greater_than_or_equal_to" -> got >= target;
                    default -> got <= target;
                };
            };
        };
    }

    private static Predicate<Row> dateCondition(ObjectNode cond, String path, java.util.function.Function<Row, String> get) {
        String op = single(cond, path, List.of("equals", "before", "after", "on_or_before", "on_or_after", "is_empty", "is_not_empty"));
        String want = op.startsWith("is_") ? null : Params.requireString(cond.get(op), path + "." + op);
        return r -> {
            String got = get.apply(r);
            if (op.equals("is_empty")) {
                return got == null;
            }
            if (op.equals("is_not_empty")) {
                return got != null;
            }
            if (got == null) {
                return false;
            }
            String g = got.length() > want.length() ? got.substring(0, want.length()) : got;
            int c = g.compareTo(want);
            return switch (op) {
                case "equals" -> c == 0;
                case "before" -> c < 0;
                case "after" -> c > 0;
                case "on_or_before" -> c <= 0;
                default -> c >= 0;
            };
        };
    }

    /** A candidate result: a row page (with its rendered properties) or a wiki's nested data source. */
    record Row(Node node, ObjectNode properties) {
        JsonNode value(String name) {
            JsonNode v = properties == null ? null : properties.get(name);
            return v == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : v;
        }

        boolean isPage() {
            return node instanceof Page;
        }
    }
}
