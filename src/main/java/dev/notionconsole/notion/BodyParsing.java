package dev.notionconsole.notion;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import java.io.IOException;

/** Decides what a response body is and parses it, without ever throwing on bad input. */
final class BodyParsing {
    private BodyParsing() {
    }

    /** The body as a JSON tree, or null when it is not exactly one JSON value (trailing garbage counts as not). */
    static JsonNode parseJson(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
            JsonNode node = Json.mapper().readTree(p);
            if (node == null || node.isMissingNode() || p.nextToken() != null) {
                return null;
            }
            return node;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    /** EMPTY for no bytes (or only white space), JSON when it parses, NON_JSON otherwise. */
    static BodyKind kindOf(byte[] body, JsonNode parsed) {
        if (parsed != null) {
            return BodyKind.JSON;
        }
        if (body != null) {
            for (byte b : body) {
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                    return BodyKind.NON_JSON;
                }
            }
        }
        return BodyKind.EMPTY;
    }
}
