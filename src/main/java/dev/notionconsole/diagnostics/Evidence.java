package dev.notionconsole.diagnostics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.notionconsole.notion.Exchange;

/**
 * One follow-up call a diagnosis made, with its answer and what it showed.
 *
 * @param connection the saved connection's name it was sent as
 * @param role       {@code failing} (the connection being diagnosed) or {@code witness}
 * @param method     HTTP method
 * @param path       path and query as sent (never a token)
 * @param status     HTTP status, or 0 when there was no answer
 * @param code       Notion's error code, or null on success
 * @param finding    what it showed, in one sentence
 * @param exchange   the whole exchange (credentials masked) for an expandable view; not in JSON
 */
public record Evidence(String connection, String role, String method, String path, int status, String code,
                       String finding, @JsonIgnore Exchange exchange) {
    public static final String FAILING = "failing";
    public static final String WITNESS = "witness";

    /** "GET /v1/pages/… as Docs Sync → 404 object_not_found: finding". */
    public String line() {
        return method + " " + path + " as " + connection + " -> " + (status == 0 ? "no answer" : status)
                + (code != null ? " " + code : "") + (finding == null || finding.isBlank() ? "" : ": " + finding);
    }
}
