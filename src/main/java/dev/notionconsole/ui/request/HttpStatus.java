package dev.notionconsole.ui.request;

/** Reason phrases and what a status means for a Notion call (docs/notion-api.md §4.2). */
public final class HttpStatus {
    private HttpStatus() {
    }

    public static String reason(int s) {
        return switch (s) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 529 -> "Overloaded";
            default -> "";
        };
    }

    /**
     * The status class, one colour each wherever a status is shown (response header, history): {@code ok} 2xx,
     * {@code client} 4xx except 429, {@code server} 5xx and 429, {@code failed} no answer (0).
     */
    public static String kind(int s) {
        if (s == 0) {
            return "failed";
        }
        return s >= 200 && s < 300 ? "ok" : s >= 500 || s == 429 ? "server" : "client";
    }

    /** What a status means for a Notion call; empty for a success, where the status says it all. */
    public static String meaning(int s) {
        if (s >= 200 && s < 300) {
            return "";
        }
        return switch (s) {
            case 400 -> "The request is malformed or fails validation: fix it before retrying.";
            case 401 -> "The token is invalid, revoked or expired.";
            case 403 -> "The token lacks a capability for this call (not a sharing problem).";
            case 404 -> "The object does not exist or is not shared with this connection.";
            case 409 -> "A conflicting change happened; retry with fresh data.";
            case 413 -> "The body is too large for Notion's edge.";
            case 429 -> "Rate limited: wait for Retry-After before the next call.";
            case 502, 503, 504 -> "Notion or its edge had a problem; safe to retry GET and DELETE.";
            case 529 -> "Notion is overloaded; retry after Retry-After.";
            default -> s >= 500 ? "Server error." : s >= 400 ? "Client error." : "";
        };
    }
}
