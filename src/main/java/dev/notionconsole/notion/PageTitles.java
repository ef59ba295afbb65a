package dev.notionconsole.notion;

import com.fasterxml.jackson.databind.JsonNode;

/** Plain text of Notion rich text and of a page's title property (docs/notion-api.md §3). */
public final class PageTitles {
    private PageTitles() {
    }

    /** The title of a page object's properties (the one property of type title), or "" when it has none. */
    public static String pageTitle(JsonNode properties) {
        if (properties == null) {
            return "";
        }
        for (JsonNode p : properties) {
            if ("title".equals(p.path("type").asText())) {
                return plain(p.get("title"));
            }
        }
        return "";
    }

    /** A rich-text array as plain text (plain_text, else text.content); a string as itself. */
    public static String plain(JsonNode richText) {
        if (richText == null || !richText.isArray()) {
            return richText != null && richText.isTextual() ? richText.asText() : "";
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode t : richText) {
            sb.append(t.path("plain_text").asText(t.path("text").path("content").asText("")));
        }
        return sb.toString();
    }
}
