package dev.notionconsole.request.history;

import dev.notionconsole.notion.Exchange;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
