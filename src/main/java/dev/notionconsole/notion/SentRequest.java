package dev.notionconsole.notion;

import java.util.Map;

/**
 * The request exactly as it went on the wire, with credentials masked: what history, the cURL export and
 * the "request" tab show. The body is passed through the redaction routine (an introspect or revoke body
 * carries a token).
 *
 * @param method        HTTP method
 * @param url           full URL including the query string
 * @param headers       every header we set (Authorization masked), in sending order
 * @param body          the JSON body, redacted, or null
 * @param notionVersion the {@code Notion-Version} sent
 */
public record SentRequest(String method, String url, Map<String, String> headers, String body, String notionVersion) {
    public SentRequest {
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }
}
