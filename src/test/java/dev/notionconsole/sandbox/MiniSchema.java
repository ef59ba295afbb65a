package dev.notionconsole.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Just enough JSON Schema (2020-12 keywords used by fixture.schema.json: type, const, enum, required, properties,
 * additionalProperties, items, min/maxItems, minLength, min/maxProperties, minimum, maximum, pattern, oneOf, anyOf,
 * local $ref) to check that fixtures and the schema agree, without a new dependency.
 */
final class MiniSchema {
    private final JsonNode root;

    MiniSchema(JsonNode root) {
        this.root = root;
    }

    List<String> validate(JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(root, value, "$", errors);
        return errors;
    }

    private void check(JsonNode schema, JsonNode v, String path, List<String> errors) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            check(root.at(ref.substring(1)), v, path, errors);
        }
        if (schema.has("type") && !typeMatches(schema.get("type").asText(), v)) {
            errors.add(path + ": expected " + schema.get("type").asText() + ", was " + v.getNodeType());
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(v)) {
            errors.add(path + ": expected " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(v);
            }
            if (!found) {
                errors.add(path + ": " + v + " not in " + schema.get("enum"));
            }
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            boolean one = schema.has("oneOf");
            int matches = 0;
            List<String> sub = new ArrayList<>();
            for (JsonNode s : schema.get(one ? "oneOf" : "anyOf")) {
                List<String> e = new ArrayList<>();
                check(s, v, path, e);
                if (e.isEmpty()) {
                    matches++;
                } else {
                    sub.addAll(e);
                }
            }
            if (matches == 0 || (one && matches > 1)) {
                errors.add(path + ": " + matches + " alternatives match " + (one ? "(oneOf)" : "(anyOf)") + " " + sub);
            }
        }
        if (v.isTextual()) {
            if (schema.has("minLength") && v.textValue().length() < schema.get("minLength").asInt()) {
                errors.add(path + ": too short");
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(v.textValue()).find()) {
                errors.add(path + ": does not match " + schema.get("pattern").asText());
            }
        }
        if (v.isNumber()) {
            if (schema.has("minimum") && v.asDouble() < schema.get("minimum").asDouble()) {
                errors.add(path + ": below minimum");
            }
            if (schema.has("maximum") && v.asDouble() > schema.get("maximum").asDouble()) {
                errors.add(path + ": above maximum");
            }
        }
        if (v.isArray()) {
            if (schema.has("minItems") && v.size() < schema.get("minItems").asInt()) {
                errors.add(path + ": fewer than " + schema.get("minItems") + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < v.size(); i++) {
                    check(schema.get("items"), v.get(i), path + "[" + i + "]", errors);
                }
            }
        }
        if (v.isObject()) {
            if (schema.has("minProperties") && v.size() < schema.get("minProperties").asInt()) {
                errors.add(path + ": too few properties");
            }
            if (schema.has("maxProperties") && v.size() > schema.get("maxProperties").asInt()) {
                errors.add(path + ": too many properties");
            }
            for (JsonNode r : schema.path("required")) {
                if (!v.has(r.asText())) {
                    errors.add(path + ": missing " + r.asText());
                }
            }
            JsonNode props = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (props.has(e.getKey())) {
                    check(props.get(e.getKey()), e.getValue(), path + "." + e.getKey(), errors);
                } else if (schema.has("additionalProperties")) {
                    JsonNode ap = schema.get("additionalProperties");
                    if (ap.isBoolean() && !ap.booleanValue()) {
                        errors.add(path + ": unknown property " + e.getKey());
                    } else if (ap.isObject()) {
                        check(ap, e.getValue(), path + "." + e.getKey(), errors);
                    }
                }
            }
        }
    }

    private static boolean typeMatches(String type, JsonNode v) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> false;
        };
    }
}
