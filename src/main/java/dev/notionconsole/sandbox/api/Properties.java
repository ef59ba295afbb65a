package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Jsonish;
import dev.notionconsole.sandbox.model.RichText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Data-source schemas and page property values in Notion's shapes (docs/notion-api.md §3.2, 3.4): building them from a
 * fixture's shorthand or an API request, validating request values, and the empty value of each type.
 */
public final class Properties {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Property types the sandbox stores and renders. */
    public static final Set<String> TYPES = Set.of("title", "rich_text", "number", "select", "status", "multi_select", "date",
            "people", "checkbox", "url", "email", "phone_number", "relation", "files", "verification",
            "created_time", "last_edited_time", "created_by", "last_edited_by");
    private static final List<String> COLORS = List.of("blue", "green", "yellow", "orange", "red", "purple", "pink", "brown", "gray");

    private Properties() {
    }

    /** A short property id, "title" for the title (docs/notion-api.md §3.2), else 4 stable URL-safe characters. */
    public static String propertyId(String name, String type) {
        if ("title".equals(type)) {
            return "title";
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                sb.append(alphabet.charAt((h[i] & 0xff) % alphabet.length()));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String optionId(String propertyName, String optionName) {
        return propertyId(propertyName + "/" + optionName, "x");
    }

    /** A full schema entry {id, name, description, type, <type>: {...}}. */
    public static ObjectNode schemaEntry(String name, String type, List<String> options, ObjectNode relation) {
        ObjectNode p = F.objectNode();
        p.put("id", propertyId(name, type));
        p.put("name", name);
        p.put("description", "");
        p.put("type", type);
        ObjectNode config = p.putObject(type);
        switch (type) {
            case "number" -> config.put("format", "number");
            case "select", "multi_select" -> {
                ArrayNode opts = config.putArray("options");
                for (String o : options) {
                    opts.add(option(name, o, opts.size()));
                }
            }
            case "status" -> {
                ArrayNode opts = config.putArray("options");
                for (String o : options) {
                    opts.add(option(name, o, opts.size()));
                }
                statusGroups(name, config);
            }
            case "relation" -> {
                if (relation != null) {
                    config.setAll(relation);
                }
            }
            default -> {
            }
        }
        return p;
    }

    private static ObjectNode option(String property, String name, int index) {
        ObjectNode o = F.objectNode();
        o.put("id", optionId(property, name));
        o.put("name", name);
        o.put("color", COLORS.get(index % COLORS.size()));
        o.putNull("description");
        return o;
    }

    /** Status groups: the first option is To-do, the last Complete, the rest In progress. */
    private static void statusGroups(String property, ObjectNode config) {
        ArrayNode opts = (ArrayNode) config.get("options");
        ArrayNode groups = config.putArray("groups");
        String[] names = {"To-do", "In progress", "Complete"};
        String[] colors = {"gray", "blue", "green"};
        for (int g = 0; g < 3; g++) {
            ObjectNode group = groups.addObject();
            group.put("id", optionId(property, "group/" + names[g]));
            group.put("name", names[g]);
            group.put("color", colors[g]);
            ArrayNode ids = group.putArray("option_ids");
            for (int i = 0; i < opts.size(); i++) {
                int gi = i == 0 ? 0 : i == opts.size() - 1 ? 2 : 1;
                if (gi == g) {
                    ids.add(opts.get(i).get("id").asText());
                }
            }
        }
    }

    /** Finds the option named in a select/status value, adding it to a select/multi_select schema when new. */
    static ObjectNode resolveOption(ObjectNode schemaEntry, String name, String path) {
        String type = schemaEntry.get("type").asText();
        ArrayNode opts = (ArrayNode) schemaEntry.with(type).withArray("options");
        for (JsonNode o : opts) {
            if (name.equals(o.path("name").asText())) {
                return (ObjectNode) o;
            }
        }
        if ("status".equals(type)) {
            throw ApiError.validation("Invalid status option. Status option \"" + name + "\" does not exist\".");
        }
        if (name.contains(",")) {
            throw ApiError.bodyInvalid(path + ".name should not contain commas, instead was `" + Jsonish.quote(name) + "`.");
        }
        ObjectNode added = option(schemaEntry.get("name").asText(), name, opts.size());
        opts.add(added);
        return added;
    }

    /** The value shown for a property a row does not set. */
    public static ObjectNode emptyValue(JsonNode schemaEntry) {
        String type = schemaEntry.get("type").asText();
        ObjectNode v = F.objectNode();
        v.put("id", schemaEntry.get("id").asText());
        v.put("type", type);
        switch (type) {
            case "title", "rich_text", "multi_select", "people", "files" -> v.putArray(type);
            case "relation" -> {
                v.putArray("relation");
                v.put("has_more", false);
            }
            case "checkbox" -> v.put("checkbox", false);
            case "verification" -> {
                ObjectNode ver = v.putObject("verification");
                ver.put("state", "unverified");
                ver.putNull("verified_by");
                ver.putNull("date");
            }
            default -> v.putNull(type);
        }
        return v;
    }

    /**
     * A property value from a request ({title: [...]}, {select: {name}}, ...), validated and normalised to the
     * response shape with id and type. {@code path} is like {@code body.properties.Status}.
     */
    public static ObjectNode valueFromRequest(ObjectNode schemaEntry, JsonNode input, String path) {
        Params.requireObject(input, path);
        String type = schemaEntry.get("type").asText();
        JsonNode raw = input.get(type);
        if (raw == null) {
            // Name the first key the client did send, as Notion does with "should be defined" for the expected one.
            throw ApiError.bodyInvalid(path + "." + type + " should be defined, instead was `undefined`.");
        }
        ObjectNode v = F.objectNode();
        v.put("id", schemaEntry.get("id").asText());
        v.put("type", type);
        String p = path + "." + type;
        switch (type) {
            case "title", "rich_text" -> {
                Params.richText(raw, p);
                v.set(type, RichText.normalise(raw));
            }
            case "number" -> {
                if (!raw.isNull() && !raw.isNumber()) {
                    throw ApiError.bodyInvalid(p + " should be a number or `null`, instead was `" + Jsonish.show(raw) + "`.");
                }
                v.set(type, raw);
            }
            case "checkbox" -> v.put(type, Params.requireBoolean(raw, p));
            case "select", "status" -> {
                if (raw.isNull()) {
                    v.putNull(type);
                } else {
                    Params.requireObject(raw, p);
                    String name = Params.requireString(raw.get("name"), p + ".name");
                    v.set(type, resolveOption(schemaEntry, name, p).deepCopy().without("description"));
                }
            }
            case "multi_select" -> {
                Params.requireArray(raw, p);
                ArrayNode out = v.putArray(type);
                for (int i = 0; i < raw.size(); i++) {
                    String name = Params.requireString(raw.get(i).get("name"), p + "[" + i + "].name");
                    out.add(resolveOption(schemaEntry, name, p + "[" + i + "]").deepCopy().without("description"));
                }
            }
            case "date" -> {
                if (raw.isNull()) {
                    v.putNull(type);
                } else {
                    Params.requireObject(raw, p);
                    String start = Params.requireString(raw.get("start"), p + ".start");
                    if (!start.matches("\\d{4}-\\d{2}-\\d{2}(T.*)?")) {
                        throw ApiError.bodyInvalid(p + ".start should be a valid ISO 8601 date string, instead was `" + Jsonish.quote(start) + "`.");
                    }
                    ObjectNode d = v.putObject(type);
                    d.put("start", start);
                    d.set("end", raw.has("end") ? raw.get("end") : F.nullNode());
                    d.set("time_zone", raw.has("time_zone") ? raw.get("time_zone") : F.nullNode());
                }
            }
            case "people", "relation" -> {
                Params.requireArray(raw, p);
                ArrayNode out = v.putArray(type);
                for (int i = 0; i < raw.size(); i++) {
                    String id = Params.bodyId(raw.get(i).get("id"), p + "[" + i + "].id");
                    ObjectNode ref = out.addObject();
                    if ("people".equals(type)) {
                        ref.put("object", "user");
                    }
                    ref.put("id", id);
                }
                if ("relation".equals(type)) {
                    v.put("has_more", false);
                }
            }
            case "url", "email", "phone_number" -> {
                if (!raw.isNull()) {
                    String s = Params.requireString(raw, p);
                    int max = "url".equals(type) ? 2000 : 200;
                    if (s.length() > max) {
                        throw ApiError.bodyInvalid(p + ".length should be ≤ `" + max + "`, instead was `" + s.length() + "`.");
                    }
                }
                v.set(type, raw);
            }
            case "files" -> {
                Params.requireArray(raw, p);
                v.set(type, raw);
            }
            case "verification" -> v.set(type, raw);
            default -> throw ApiError.validation("Cannot update property \"" + schemaEntry.get("name").asText() + "\" of type " + type + ".");
        }
        return v;
    }

    /** Finds a schema entry by property name or id. */
    public static Map.Entry<String, JsonNode> find(ObjectNode schema, String nameOrId) {
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(nameOrId) || e.getValue().path("id").asText().equals(nameOrId)) {
                return e;
            }
        }
        return null;
    }

    /** The title schema of a non-row page: only "title" (docs/notion-api.md §2.1: under a page parent only title is valid). */
    public static ObjectNode pageSchema() {
        ObjectNode schema = F.objectNode();
        schema.set("title", schemaEntry("title", "title", List.of(), null));
        return schema;
    }

    public static ObjectNode titleValue(ArrayNode richText) {
        ObjectNode v = F.objectNode();
        v.put("id", "title");
        v.put("type", "title");
        v.set("title", richText);
        return v;
    }
}
