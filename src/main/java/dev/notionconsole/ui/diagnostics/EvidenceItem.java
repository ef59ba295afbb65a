package dev.notionconsole.ui.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.diagnostics.Evidence;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.ui.request.HttpStatus;
import java.util.List;
import java.util.Map;

/**
 * One row of the evidence list: a follow-up call the diagnosis made, as the list shows it collapsed (request line,
 * as whom, status, what it showed) and, on expand, the raw exchange (tokens masked).
 *
 * @param index 1-based position, as "Copy as text" numbers the evidence
 */
public record EvidenceItem(int index, Evidence evidence) {
    /** "GET /v1/pages/…", or the note's own words for evidence that was not a call. */
    public String requestLine() {
        return isCall() ? evidence.method() + " " + Redactor.redact(evidence.path()) : "Note";
    }

    /** "as Docs Sync", "as Alice's token (witness)". */
    public String asWho() {
        return "as " + evidence.connection() + (Evidence.WITNESS.equals(evidence.role()) ? " (witness)" : "");
    }

    public boolean witness() {
        return Evidence.WITNESS.equals(evidence.role());
    }

    /** "404 object_not_found", "200 OK", "no answer"; "" for a note. */
    public String status() {
        if (!isCall()) {
            return "";
        }
        int s = evidence.status();
        if (s == 0) {
            return "no answer";
        }
        return s + " " + (evidence.code() != null ? evidence.code() : HttpStatus.reason(s));
    }

    /** ok, client, server or failed (no answer): the status badge's style, as Request colours statuses. */
    public String statusKind() {
        return HttpStatus.kind(evidence.status());
    }

    public String finding() {
        return evidence.finding() == null ? "" : Redactor.redact(evidence.finding());
    }

    /** The raw exchange for the expanded row: the request as sent, the answer's status and headers, the body. */
    public String raw() {
        Exchange x = evidence.exchange();
        if (x == null) {
            return finding();
        }
        StringBuilder sb = new StringBuilder();
        sb.append(x.request().method()).append(' ').append(x.request().url()).append('\n');
        x.request().headers().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        if (x.request().body() != null && !x.request().body().isBlank()) {
            sb.append('\n').append(x.request().body()).append('\n');
        }
        sb.append("\nHTTP ").append(x.status()).append(' ').append(HttpStatus.reason(x.status())).append('\n');
        for (Map.Entry<String, List<String>> h : x.headers().entrySet()) {
            for (String v : h.getValue()) {
                sb.append(h.getKey()).append(": ").append(v).append('\n');
            }
        }
        sb.append('\n').append(body(x));
        return Redactor.redact(sb.toString());
    }

    private static String body(Exchange x) {
        JsonNode j = x.json();
        if (j != null) {
            try {
                return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(j);
            } catch (java.io.IOException e) {
                return x.text();
            }
        }
        return x.body().length == 0 ? "(no body)" : x.text();
    }

    private boolean isCall() {
        return evidence.status() > 0 || evidence.exchange() != null || !"-".equals(evidence.method());
    }
}
