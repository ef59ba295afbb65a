package dev.notionconsole.request.history;

import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.SentRequest;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Builds history entries from exchanges and from calls that got no answer. */
public final class HistoryEntries {
    private HistoryEntries() {
    }

    /**
     * @param body the body to keep (the exchange's, or a combined "Fetch all" result); cut to the history limit
     */
    public static HistoryEntry of(Exchange x, RequestSpec spec, String connectionId, String connectionName, String baseUrl,
                                  String endpointId, byte[] body, int pages) {
        List<NameValue> sent = new ArrayList<>();
        x.request().headers().forEach((k, v) -> sent.add(new NameValue(k, v)));
        List<NameValue> received = new ArrayList<>();
        for (Map.Entry<String, List<String>> h : x.headers().entrySet()) {
            for (String v : h.getValue()) {
                received.add(new NameValue(h.getKey(), v));
            }
        }
        // a per-request Authorization (a pasted token) is never part of what history re-opens
        RequestSpec kept = spec.withHeaders(spec.headers().stream().filter(h -> !h.name().equalsIgnoreCase("authorization")).toList());
        byte[] b = body == null ? x.body() : body;
        int keep = Math.min(b.length, HistoryEntry.BODY_LIMIT * 4);
        String text = new String(b, 0, keep, StandardCharsets.UTF_8);
        boolean truncated = keep < b.length || text.length() > HistoryEntry.BODY_LIMIT;
        return new HistoryEntry(UUID.randomUUID().toString(), x.startedAt() == null ? Instant.now() : x.startedAt(),
                connectionId, connectionName, baseUrl, endpointId, kept, x.request().notionVersion(), sent, x.status(),
                x.error() == null ? null : x.error().code(), x.error() == null ? null : x.error().message(), null,
                x.requestId(), x.total() == null ? 0 : x.total().toMillis(), b.length, received,
                text.length() > HistoryEntry.BODY_LIMIT ? text.substring(0, HistoryEntry.BODY_LIMIT) : text, truncated, pages);
    }

    /** A call that got no answer: could not connect, timed out, cancelled. */
    public static HistoryEntry failed(RequestSpec spec, String version, String connectionId, String connectionName, String baseUrl,
                                      String endpointId, String outcome, long millis) {
        return new HistoryEntry(UUID.randomUUID().toString(), Instant.now(), connectionId, connectionName, baseUrl, endpointId,
                spec, version, List.of(), 0, null, null, outcome, null, millis, 0, List.of(), "", false, 1);
    }

    /**
     * The answer an entry recorded, rebuilt as an exchange (for Diagnostics: a failed call picked from the history
     * is diagnosed with the answer it got, not sent again), or empty when the call got no answer. The body is the
     * recorded one: its first {@link HistoryEntry#BODY_LIMIT} characters, with tokens masked.
     */
    public static Optional<Exchange> answer(HistoryEntry e) {
        if (e.status() == 0) {
            return Optional.empty();
        }
        Map<String, String> sent = new LinkedHashMap<>();
        e.sentHeaders().forEach(h -> sent.put(h.name(), h.value()));
        StringBuilder url = new StringBuilder(e.baseUrl() == null ? "" : e.baseUrl()).append(e.request().path());
        String sep = e.request().path().contains("?") ? "&" : "?";
        for (NameValue q : e.request().query()) {
            if (!q.value().isEmpty()) {
                url.append(sep).append(q.name()).append('=').append(q.value());
                sep = "&";
            }
        }
        SentRequest request = new SentRequest(e.request().method(), url.toString(), sent,
                e.request().hasBody() ? e.request().body() : null, e.version());
        Map<String, List<String>> headers = new TreeMap<>();
        e.responseHeaders().forEach(h -> headers.computeIfAbsent(h.name(), k -> new ArrayList<>()).add(h.value()));
        return Optional.of(Exchange.recorded(request, e.status(), headers, errorBody(e).getBytes(StandardCharsets.UTF_8),
                e.requestId(), e.at(), Duration.ofMillis(e.durationMillis())));
    }

    /**
     * The recorded body with the error's code put back: redaction masks every {@code "code": "..."} value (an OAuth
     * authorization code looks the same), so a stored 403 reads {@code "code": "…urce"}; the entry keeps the code.
     */
    private static String errorBody(HistoryEntry e) {
        String body = e.responseBody();
        if (e.errorCode() == null) {
            return body;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode j = dev.notionconsole.core.json.Json.mapper().readTree(body);
            if (j instanceof com.fasterxml.jackson.databind.node.ObjectNode o && "error".equals(o.path("object").asText())) {
                o.put("code", e.errorCode());
                return dev.notionconsole.core.json.Json.mapper().writeValueAsString(o);
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            // an edge's HTML page, a cut body: kept as recorded
        }
        return body;
    }
}
