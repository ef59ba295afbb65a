package dev.notionconsole.notion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each Notion error {@code code} means (notion-api.md 4.2-4.5), in short plain English for error panels,
 * the CLI and diagnostics. What usually fixes it is advice, and lives with the diagnostics
 * ({@code dev.notionconsole.diagnostics.ErrorAdvice}). Match on {@code code}, never on the message:
 * Notion rewords messages without a version bump (notion-api.md 1.3).
 *
 * <p>Codes starting with {@code console_} are ours: they describe answers that carried no Notion error
 * envelope (an edge proxy's HTML page, an empty body, JSON cut short).
 */
public final class ErrorCodes {
    public static final String INVALID_JSON = "invalid_json";
    public static final String INVALID_REQUEST_URL = "invalid_request_url";
    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_GRANT = "invalid_grant";
    public static final String VALIDATION_ERROR = "validation_error";
    public static final String MISSING_VERSION = "missing_version";
    public static final String INVALID_BETA = "invalid_beta";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String RESTRICTED_RESOURCE = "restricted_resource";
    public static final String OBJECT_NOT_FOUND = "object_not_found";
    public static final String CONFLICT_ERROR = "conflict_error";
    public static final String ROW_LIMIT_EXCEEDED = "row_limit_exceeded";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String INTERNAL_SERVER_ERROR = "internal_server_error";
    public static final String BAD_GATEWAY = "bad_gateway";
    public static final String SERVICE_UNAVAILABLE = "service_unavailable";
    public static final String DATABASE_CONNECTION_UNAVAILABLE = "database_connection_unavailable";
    public static final String GATEWAY_TIMEOUT = "gateway_timeout";
    public static final String SERVICE_OVERLOAD = "service_overload";

    /** A non-JSON error body, typically HTML from Cloudflare's edge (notion-api.md 4.1). */
    public static final String EDGE_PROXY = "console_edge_proxy_response";
    /** An error status with no body at all. */
    public static final String EMPTY_RESPONSE = "console_empty_response";
    /** A body that claims or looks like JSON but does not parse (cut short, or garbage). */
    public static final String MALFORMED_JSON = "console_malformed_json_response";
    /** JSON, but not Notion's error envelope and no OAuth-style {@code error} field. */
    public static final String UNRECOGNISED_ERROR = "console_unrecognised_error";

    /** {@code additional_data.rate_limit_reason} that must never be retried (notion-api.md 4.5). */
    public static final String REASON_REQUEST_BLOCKED = "public_api_request_blocked";

    /** What a code means; what usually fixes it lives in {@code diagnostics.ErrorAdvice}. */
    public record Description(String code, int usualStatus, String meaning) {
    }

    private static final Map<String, Description> TABLE = new LinkedHashMap<>();

    static {
        add(INVALID_JSON, 400, "The request body is not valid JSON.");
        add(INVALID_REQUEST_URL, 400, "Notion does not know this URL.");
        add(INVALID_REQUEST, 400, "Notion does not support this request.");
        add(INVALID_GRANT, 400, "The OAuth code or refresh token was rejected: invalid, expired, already used, "
                        + "revoked, issued to another client, or the redirect_uri does not match.");
        add(VALIDATION_ERROR, 400, "The request's body, path or query failed Notion's schema or size limits.");
        add(MISSING_VERSION, 400, "The Notion-Version header is missing (or not a known version).");
        add(INVALID_BETA, 400, "The Notion-Beta header is malformed, unknown, repeated or stale.");
        add(UNAUTHORIZED, 401, "The token is not valid: mistyped, revoked, expired (personal access tokens expire), "
                        + "or its creator is no longer allowed to use the API.");
        add(RESTRICTED_RESOURCE, 403, "The token may not do this: the connection lacks a capability (read, insert, "
                        + "update content, comments, user info), a personal access token is restricted, or a Free "
                        + "workspace used all its blocks.");
        add(OBJECT_NOT_FOUND, 404, "The object does not exist, or it is not shared with this connection.");
        add(CONFLICT_ERROR, 409, "Notion hit a conflict while saving (another change at the same time).");
        add(ROW_LIMIT_EXCEEDED, 409, "An asynchronous task would exceed a row limit.");
        add(RATE_LIMITED, 429, "Too many requests: the connection's or the workspace's budget is spent.");
        add(INTERNAL_SERVER_ERROR, 500, "Notion hit an unexpected error.");
        add(BAD_GATEWAY, 502, "An upstream connection inside Notion failed.");
        add(SERVICE_UNAVAILABLE, 503, "Notion is unavailable or took over 60 s to answer. A write may still have been saved.");
        add(DATABASE_CONNECTION_UNAVAILABLE, 503, "Notion's database cannot be queried right now.");
        add(GATEWAY_TIMEOUT, 504, "Notion timed out.");
        add(SERVICE_OVERLOAD, 529, "Notion is temporarily overloaded.");
        add(EDGE_PROXY, 0, "The answer is not from the Notion API but from the network edge in front of it "
                        + "(for example a Cloudflare page: a firewall block, or the origin unreachable).");
        add(EMPTY_RESPONSE, 0, "The server answered with an error status and no body.");
        add(MALFORMED_JSON, 0, "The body looks like JSON but does not parse: it was cut short or is garbage.");
        add(UNRECOGNISED_ERROR, 0, "The server answered with an error status and JSON that is not Notion's error format.");
    }

    private ErrorCodes() {
    }

    private static void add(String code, int status, String meaning) {
        TABLE.put(code, new Description(code, status, meaning));
    }

    /** Every code with a description, Notion's table order, then the console's own. */
    public static Map<String, Description> all() {
        return java.util.Collections.unmodifiableMap(TABLE);
    }

    public static Optional<Description> lookup(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(TABLE.get(code));
    }

    /**
     * What a code means; for an unknown code, a generic line that still says where to look (new codes appear
     * without a version bump).
     */
    public static String describe(String code) {
        if (code == null || code.isBlank()) {
            return "No error code was given. Look at the status and the body.";
        }
        Description d = TABLE.get(code);
        if (d != null) {
            return d.meaning();
        }
        return "\"" + code + "\" is not a code the console knows. Read the message; Notion adds codes over time.";
    }

    /** Whether Notion documents this code (as opposed to the console's own {@code console_} codes). */
    public static boolean isNotionCode(String code) {
        return code != null && TABLE.containsKey(code) && !code.startsWith("console_");
    }
}
