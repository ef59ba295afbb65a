package dev.notionconsole.ui.request;

import dev.notionconsole.notion.BodyKind;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionError;
import dev.notionconsole.notion.SentRequest;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.history.HistoryEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A history entry shown again as the exchange it recorded (issue 16, item 6): its own status, headers and body
 * (the first {@link HistoryEntry#BODY_LIMIT} characters, redacted as history keeps them), so a reopened request
 * never sits beside the answer to another one.
 */
final class HistoryReplay {
    private HistoryReplay() {
    }

    /** The recorded answer, or null when the request got none (could not connect, cancelled). */
    static Exchange toExchange(HistoryEntry e) {
        if (e.status() == 0) {
            return null;
        }
        byte[] body = e.responseBody().getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (NameValue h : e.responseHeaders()) {
            headers.computeIfAbsent(h.name().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(h.value());
        }
        Map<String, String> sent = new LinkedHashMap<>();
        for (NameValue h : e.sentHeaders()) {
            sent.put(h.name(), h.value());
        }
        String query = e.request().query().isEmpty() ? "" : "?" + e.request().query().stream()
                .map(q -> q.name() + "=" + q.value()).collect(Collectors.joining("&"));
        SentRequest request = new SentRequest(e.request().method(), e.baseUrl() + e.request().path() + query, sent,
                e.request().body(), e.version());
        NotionError error = e.ok() ? null
                : new NotionError(e.status(), e.errorCode(), e.errorMessage(), e.requestId(), null, false, null);
        return new Exchange(request, e.status(), headers, body, null, body.length == 0 ? BodyKind.EMPTY : BodyKind.JSON,
                error, e.requestId(), e.at(), Duration.ofMillis(e.durationMillis()), null, e.responseBytes(), 1, List.of());
    }
}
