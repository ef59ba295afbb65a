package dev.notionconsole.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** How Notion prints values inside validation messages: JSON text, {@code undefined} for a missing value. */
public final class Jsonish {
    private Jsonish() {
    }

    public static String quote(String raw) {
        return new TextNode(raw).toString();
    }

    public static String show(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "undefined";
        }
        String s = value.toString();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
