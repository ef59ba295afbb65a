package dev.notionconsole.request.history;

import dev.notionconsole.core.Redactor;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import java.time.Instant;
import java.util.List;

/**
 * One exchange as the history keeps it: the request as composed (to re-open it), what was sent (headers with
 * the token masked) and a summary of the answer with the first {@link #BODY_LIMIT} characters of its body.
 * Every text field passes through {@link Redactor} before it is stored.
 *
 * @param status HTTP status, or 0 when no answer came (could not connect, cancelled)
 * @param errorCode Notion's error code, e.g. {@code object_not_found}, or null
 * @param outcome for status 0: what happened instead ("Could not connect: ...", "Cancelled")
 * @param pages for "Fetch all": how many pages were combined into this entry, else 1
 * @param requestBodyBytes the size of the request body as sent (UTF-8 bytes), also when only its start is kept
 * @param requestTruncated the request body kept here is cut to {@link #BODY_LIMIT} characters: re-opening it does
 *     not give the whole body back (issue 12, item 5)
 */
public record HistoryEntry(String id, Instant at, String connectionId, String connectionName, String baseUrl,
                           String endpointId, RequestSpec request, String version, List<NameValue> sentHeaders,
                           int status, String errorCode, String errorMessage, String outcome, String requestId,
                           long durationMillis, long responseBytes, List<NameValue> responseHeaders,
                           String responseBody, boolean responseTruncated, int pages, long requestBodyBytes,
                           boolean requestTruncated) {
    /** Characters of the response body kept per entry: history stays small even after 1,000 large answers. */
    public static final int BODY_LIMIT = 64 * 1024;

    public HistoryEntry {
        sentHeaders = sentHeaders == null ? List.of() : List.copyOf(sentHeaders);
        responseHeaders = responseHeaders == null ? List.of() : List.copyOf(responseHeaders);
        responseBody = responseBody == null ? "" : responseBody;
        pages = Math.max(1, pages);
    }

    /** An entry whose request body is kept whole. */
    public HistoryEntry(String id, Instant at, String connectionId, String connectionName, String baseUrl,
                        String endpointId, RequestSpec request, String version, List<NameValue> sentHeaders,
                        int status, String errorCode, String errorMessage, String outcome, String requestId,
                        long durationMillis, long responseBytes, List<NameValue> responseHeaders,
                        String responseBody, boolean responseTruncated, int pages) {
        this(id, at, connectionId, connectionName, baseUrl, endpointId, request, version, sentHeaders, status, errorCode,
                errorMessage, outcome, requestId, durationMillis, responseBytes, responseHeaders, responseBody, responseTruncated,
                pages, request == null ? 0 : request.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, false);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** A copy with every text field redacted and both bodies cut to {@link #BODY_LIMIT}. */
    public HistoryEntry redacted() {
        String body = responseBody;
        boolean truncated = responseTruncated;
        if (body.length() > BODY_LIMIT) {
            body = body.substring(0, BODY_LIMIT);
            truncated = true;
        }
        RequestSpec r = request;
        String requestBody = r.body();
        boolean requestCut = requestTruncated;
        if (requestBody.length() > BODY_LIMIT) {
            requestBody = requestBody.substring(0, BODY_LIMIT);
            requestCut = true;
        }
        RequestSpec safeRequest = new RequestSpec(r.method(), Redactor.redact(r.path()), redact(r.query()), redact(r.headers()),
                Redactor.redact(requestBody), r.notionVersion(), redact(r.form()));
        return new HistoryEntry(id, at, connectionId, connectionName, baseUrl, endpointId, safeRequest, version,
                redact(sentHeaders), status, errorCode, Redactor.redact(errorMessage), Redactor.redact(outcome), requestId,
                durationMillis, responseBytes, redact(responseHeaders), Redactor.redact(body), truncated, pages,
                requestBodyBytes, requestCut);
    }

    private static List<NameValue> redact(List<NameValue> list) {
        return list.stream().map(h -> new NameValue(h.name(), h.name().equalsIgnoreCase("authorization")
                ? Redactor.redact(h.value().contains(" ") ? h.value() : "Bearer " + h.value()) : Redactor.redact(h.value()))).toList();
    }
}
