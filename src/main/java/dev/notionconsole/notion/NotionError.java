package dev.notionconsole.notion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A failed answer, typed. From Notion's envelope (docs/notion-api.md §4.1) when there is one:
 * {@code {object:"error", status, code, message, request_id?, additional_data?}} (key order varies);
 * from an OAuth-style body ({@code error}, {@code error_description}) on the token endpoints; otherwise
 * described by the console with a {@code console_} code (see {@link ErrorCodes}): an edge proxy's HTML,
 * an empty body, or JSON cut short. Never thrown: it is part of an {@link Exchange}.
 *
 * @param status         HTTP status
 * @param code           Notion's {@code code}, the OAuth {@code error}, or a {@code console_} code
 * @param message        Notion's message, or the console's description of what came back
 * @param requestId      body {@code request_id}, else the {@code x-notion-request-id} header; may be null
 * @param additionalData {@code additional_data} as sent, or null
 * @param fromEdgeProxy  true when the body was not JSON (not produced by the Notion API itself)
 * @param cfRay          the {@code cf-ray} header, when present (quote it to Notion support)
 */
public record NotionError(int status, String code, String message, String requestId, JsonNode additionalData,
                          boolean fromEdgeProxy, String cfRay) {
    /**
     * Notion's words for a database ID it will not serve as a database: a linked database, or one whose data sources
     * this bot cannot reach (docs/notion-api.md §4.3; status and code not captured, so only the words tell). Group 1
     * is the ID.
     */
    public static final Pattern LINKED_DATABASE =
            Pattern.compile("Database with ID ([0-9a-fA-F-]{32,36}) (is a linked database|does not contain any data sources)");

    /** The message says {@link #LINKED_DATABASE}. */
    @JsonIgnore
    public boolean saysLinkedDatabase() {
        return message != null && LINKED_DATABASE.matcher(message).find();
    }

    /** Meaning and usual fix of {@link #code()}. */
    public String describe() {
        return ErrorCodes.describe(code);
    }

    /** "404 object_not_found: Could not find page ...". */
    @JsonIgnore
    public String summary() {
        return status + " " + code + ": " + message;
    }

    /** {@code additional_data.<name>} as text (arrays joined with ", "). */
    public Optional<String> additional(String name) {
        if (additionalData == null || !additionalData.has(name) || additionalData.get(name).isNull()) {
            return Optional.empty();
        }
        JsonNode v = additionalData.get(name);
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder();
            v.forEach(x -> sb.append(sb.length() == 0 ? "" : ", ").append(x.asText()));
            return Optional.of(sb.toString());
        }
        return Optional.of(v.isValueNode() ? v.asText() : v.toString());
    }

    /** {@code additional_data.rate_limit_reason} on a 429 (docs/notion-api.md §4.5). */
    @JsonIgnore
    public Optional<String> rateLimitReason() {
        return additional("rate_limit_reason");
    }

    /** A 429 whose reason says access is restricted: retrying cannot help (docs/notion-api.md §4.5). */
    @JsonIgnore
    public boolean blocked() {
        return ErrorCodes.REASON_REQUEST_BLOCKED.equals(rateLimitReason().orElse(null));
    }

    /** A 503 on a write that may have been saved: {@code additional_data.retry_guidance} (docs/notion-api.md §4.5). */
    @JsonIgnore
    public boolean mayHaveCommitted() {
        return additionalData != null && (additionalData.has("retry_guidance") || additionalData.has("committed_resource_id"));
    }

    /**
     * Builds the typed error for a non-2xx answer. Never throws, whatever the body.
     *
     * @param json the parsed body or null when it did not parse
     */
    static NotionError from(int status, Map<String, List<String>> headers, byte[] body, JsonNode json, BodyKind kind) {
        String headerRequestId = header(headers, "x-notion-request-id");
        String cfRay = header(headers, "cf-ray");
        if (kind == BodyKind.JSON && json != null && json.isObject()) {
            String requestId = text(json, "request_id");
            if (requestId == null) {
                requestId = headerRequestId;
            }
            JsonNode additional = json.get("additional_data");
            if (additional != null && additional.isNull()) {
                additional = null;
            }
            if (json.hasNonNull("code") || "error".equals(text(json, "object"))) {
                String code = text(json, "code");
                String message = text(json, "message");
                return new NotionError(status, code == null ? ErrorCodes.UNRECOGNISED_ERROR : code,
                        message == null ? "(no message)" : message, requestId, additional, false, cfRay);
            }
            if (json.hasNonNull("error")) {
                // RFC 6749 style, seen on the OAuth token endpoint (docs/notion-api.md §2.10)
                String description = text(json, "error_description");
                return new NotionError(status, json.get("error").asText(),
                        description == null ? "(no description)" : description, requestId, additional, false, cfRay);
            }
            return new NotionError(status, ErrorCodes.UNRECOGNISED_ERROR,
                    "HTTP " + status + " with JSON that is not a Notion error: " + snippet(body), requestId, null, false, cfRay);
        }
        if (kind == BodyKind.EMPTY) {
            return new NotionError(status, ErrorCodes.EMPTY_RESPONSE, "HTTP " + status + " with an empty body.",
                    headerRequestId, null, headerRequestId == null, cfRay);
        }
        String contentType = Optional.ofNullable(header(headers, "content-type")).orElse("").toLowerCase(Locale.ROOT);
        String text = new String(body, StandardCharsets.UTF_8).stripLeading();
        boolean looksJson = contentType.contains("json") || text.startsWith("{") || text.startsWith("[");
        if (looksJson) {
            return new NotionError(status, ErrorCodes.MALFORMED_JSON,
                    "HTTP " + status + " with a JSON body that does not parse (" + body.length + " bytes, cut short?): "
                            + snippet(body), headerRequestId, null, false, cfRay);
        }
        String what = contentType.contains("html") ? "an HTML page" : "a non-JSON body"
                + (contentType.isEmpty() ? "" : " (" + contentType + ")");
        String title = htmlTitle(text);
        StringBuilder msg = new StringBuilder("HTTP ").append(status).append(" with ").append(what);
        if (title != null) {
            msg.append(" titled \"").append(title).append('"');
        }
        msg.append(headerRequestId == null ? ", returned by Notion's edge proxy before reaching the Notion API"
                : ", not a Notion error body");
        if (cfRay != null) {
            msg.append(" (cf-ray ").append(cfRay).append(')');
        }
        msg.append('.');
        return new NotionError(status, ErrorCodes.EDGE_PROXY, msg.toString(), headerRequestId, null, true, cfRay);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private static String snippet(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        return body.length > 200 ? s + "…" : s;
    }

    private static String htmlTitle(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?is)<title[^>]*>(.*?)</title>").matcher(
                html.length() > 20_000 ? html.substring(0, 20_000) : html);
        if (!m.find()) {
            return null;
        }
        String t = m.group(1).replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? null : (t.length() > 120 ? t.substring(0, 120) + "…" : t);
    }
}
