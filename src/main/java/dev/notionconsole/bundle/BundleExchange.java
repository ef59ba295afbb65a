package dev.notionconsole.bundle;

import dev.notionconsole.request.NameValue;
import java.time.Instant;
import java.util.List;

/**
 * One call as a bundle carries it (a HAR 1.2 entry on disk, {@link Har}).
 *
 * @param url the full URL without its query string (the base URL and the path)
 * @param status the HTTP status, 0 when the call got no answer
 * @param code Notion's error code ({@code object_not_found}), or null
 */
public record BundleExchange(Instant startedAt, long durationMillis, String method, String url, List<NameValue> query,
                             List<NameValue> requestHeaders, String requestBody, String notionVersion, int status,
                             String code, List<NameValue> responseHeaders, String responseBody, String requestId) {
    public BundleExchange {
        query = query == null ? List.of() : List.copyOf(query);
        requestHeaders = requestHeaders == null ? List.of() : List.copyOf(requestHeaders);
        responseHeaders = responseHeaders == null ? List.of() : List.copyOf(responseHeaders);
        requestBody = requestBody == null ? "" : requestBody;
        responseBody = responseBody == null ? "" : responseBody;
    }

    /** The path part of {@link #url} ({@code /v1/pages/<id>}), what replay sends to another base URL. */
    public String path() {
        int scheme = url.indexOf("://");
        int slash = scheme < 0 ? url.indexOf('/') : url.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : url.substring(slash);
    }

    /** "GET /v1/pages/<id>": for summaries. */
    public String describe() {
        return method + " " + path();
    }

    /** "404 object_not_found", "200", or "no answer". */
    public String outcome() {
        return status == 0 ? "no answer" : code == null ? String.valueOf(status) : status + " " + code;
    }
}
