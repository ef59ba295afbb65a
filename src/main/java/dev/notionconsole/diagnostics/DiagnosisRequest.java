package dev.notionconsole.diagnostics;

import dev.notionconsole.notion.Exchange;
import dev.notionconsole.request.RequestSpec;
import java.util.Objects;

/**
 * The hand-over from wherever a call failed (the Request workspace's "Diagnose", history, Explorer's "Diagnose
 * access", the command line, or a call typed into Diagnostics) to the engine: what was sent, as whom, and the answer.
 * Replaces the unobserved {@code request.FailedExchanges} holder: the sender passes this value explicitly.
 *
 * @param connectionId the saved connection it was sent as
 * @param request      the call (method, path, query, body, the per-call Notion-Version or null for the connection's)
 * @param answer       the answer it got, or null when the call was typed in and has not been sent: the engine sends it
 *                     first (only if it is a read; a write is diagnosed without being repeated)
 * @param origin       where it came from, for the UI ("request", "history", "explorer", "typed", "cli"); may be null
 */
public record DiagnosisRequest(String connectionId, RequestSpec request, Exchange answer, String origin) {
    public DiagnosisRequest {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(request, "request");
    }

    /** A failed exchange from the Request workspace or history. */
    public static DiagnosisRequest of(String connectionId, RequestSpec request, Exchange answer) {
        return new DiagnosisRequest(connectionId, request, answer, "request");
    }

    /** A call typed in (not sent yet). */
    public static DiagnosisRequest typed(String connectionId, RequestSpec request) {
        return new DiagnosisRequest(connectionId, request, null, "typed");
    }

    /** "Diagnose access" on one object: a read of it as the connection, sent by the engine. */
    public static DiagnosisRequest access(String connectionId, String kind, String id) {
        String route = switch (kind == null ? "" : kind) {
            case "database" -> "/v1/databases/";
            case "data_source" -> "/v1/data_sources/";
            case "block" -> "/v1/blocks/";
            case "view" -> "/v1/views/";
            default -> "/v1/pages/";
        };
        return new DiagnosisRequest(connectionId, RequestSpec.of("GET", route + id), null, "explorer");
    }
}
