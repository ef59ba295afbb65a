package dev.notionconsole.notion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each Notion error {@code code} means and what usually fixes it (notion-api.md 4.2-4.5), in short
 * plain English for error panels, the CLI and diagnostics. Match on {@code code}, never on the message:
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

    /** Meaning and usual fix. */
    public record Description(String code, int usualStatus, String meaning, String fix) {
        /** "meaning. fix" on one line. */
        public String text() {
            return meaning + " " + fix;
        }
    }

    private static final Map<String, Description> TABLE = new LinkedHashMap<>();

    static {
        add(INVALID_JSON, 400, "The request body is not valid JSON.",
                "Check for a trailing comma, unquoted key or a missing brace; send Content-Type: application/json.");
        add(INVALID_REQUEST_URL, 400, "Notion does not know this URL.",
                "Check the path and method. A full notion.so URL pasted as an ID, or a data-source route with a "
                        + "Notion-Version older than 2025-09-03, also gives this.");
        add(INVALID_REQUEST, 400, "Notion does not support this request.",
                "Check the endpoint's reference for the method and parameters it takes.");
        add(INVALID_GRANT, 400, "The OAuth code or refresh token was rejected: invalid, expired, already used, "
                        + "revoked, issued to another client, or the redirect_uri does not match.",
                "Start the authorization again; send the same redirect_uri as in the authorize URL.");
        add(VALIDATION_ERROR, 400, "The request's body, path or query failed Notion's schema or size limits.",
                "Read the message: it names the field. Common causes: an ID that is not a UUID (a URL or a view ID), "
                        + "a page ID where a database ID belongs, text over 2000 characters, over 100 items in an array.");
        add(MISSING_VERSION, 400, "The Notion-Version header is missing (or not a known version).",
                "Send Notion-Version with one of the seven versions, e.g. " + NotionVersion.LATEST + ".");
        add(INVALID_BETA, 400, "The Notion-Beta header is malformed, unknown, repeated or stale.",
                "Remove the Notion-Beta header unless an endpoint's docs ask for it.");
        add(UNAUTHORIZED, 401, "The token is not valid: mistyped, revoked, expired (personal access tokens expire), "
                        + "or its creator is no longer allowed to use the API.",
                "Copy the token again from the connection's settings in Notion, or create a new one.");
        add(RESTRICTED_RESOURCE, 403, "The token may not do this: the connection lacks a capability (read, insert, "
                        + "update content, comments, user info), a personal access token is restricted, or a Free "
                        + "workspace used all its blocks.",
                "Turn on the capability in the connection's settings. This is not about sharing: unshared pages give 404.");
        add(OBJECT_NOT_FOUND, 404, "The object does not exist, or it is not shared with this connection.",
                "Share the page or database (or an ancestor) with the connection: ••• > Connections. Check the ID is "
                        + "the right kind (page vs database vs data source).");
        add(CONFLICT_ERROR, 409, "Notion hit a conflict while saving (another change at the same time).",
                "Read the object again and repeat the change.");
        add(ROW_LIMIT_EXCEEDED, 409, "An asynchronous task would exceed a row limit.",
                "Split the work into smaller parts.");
        add(RATE_LIMITED, 429, "Too many requests: the connection's or the workspace's budget is spent.",
                "Wait for Retry-After and slow down; the console paces requests to 180 a minute (600 on Business "
                        + "and Enterprise). If the reason is public_api_request_blocked, access is restricted: do not retry.");
        add(INTERNAL_SERVER_ERROR, 500, "Notion hit an unexpected error.",
                "Try again later; reads are retried automatically. Report it with the request ID if it persists.");
        add(BAD_GATEWAY, 502, "An upstream connection inside Notion failed.",
                "Try again shortly; reads are retried automatically.");
        add(SERVICE_UNAVAILABLE, 503, "Notion is unavailable or took over 60 s to answer. A write may still have been saved.",
                "Before repeating a write, read the object again (see additional_data.retry_guidance).");
        add(DATABASE_CONNECTION_UNAVAILABLE, 503, "Notion's database cannot be queried right now.",
                "Try again later; reads are retried automatically.");
        add(GATEWAY_TIMEOUT, 504, "Notion timed out.",
                "Try again; for large queries use smaller page sizes or narrower filters.");
        add(SERVICE_OVERLOAD, 529, "Notion is temporarily overloaded.",
                "Wait for Retry-After and try again; the console retries this automatically.");
        add(EDGE_PROXY, 0, "The answer is not from the Notion API but from the network edge in front of it "
                        + "(for example a Cloudflare page: a firewall block, or the origin unreachable).",
                "Try again later; if it persists, check proxies or VPNs and quote the cf-ray ID when asking for help.");
        add(EMPTY_RESPONSE, 0, "The server answered with an error status and no body.",
                "Check the base URL (a proxy or a non-Notion server may be answering) and try again.");
        add(MALFORMED_JSON, 0, "The body looks like JSON but does not parse: it was cut short or is garbage.",
                "Try again; if it persists, a proxy may be truncating responses.");
        add(UNRECOGNISED_ERROR, 0, "The server answered with an error status and JSON that is not Notion's error format.",
                "Check the base URL points at the Notion API.");
    }

    private ErrorCodes() {
    }

    private static void add(String code, int status, String meaning, String fix) {
        TABLE.put(code, new Description(code, status, meaning, fix));
    }

    /** Every code with a description, Notion's table order, then the console's own. */
    public static Map<String, Description> all() {
        return java.util.Collections.unmodifiableMap(TABLE);
    }

    public static Optional<Description> lookup(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(TABLE.get(code));
    }

    /**
     * "meaning fix" for a code; for an unknown code, a generic line that still says where to look (new codes
     * appear without a version bump).
     */
    public static String describe(String code) {
        if (code == null || code.isBlank()) {
            return "No error code was given. Look at the status and the body.";
        }
        Description d = TABLE.get(code);
        if (d != null) {
            return d.text();
        }
        return "\"" + code + "\" is not a code the console knows. Read the message; Notion adds codes over time.";
    }

    /** Whether Notion documents this code (as opposed to the console's own {@code console_} codes). */
    public static boolean isNotionCode(String code) {
        return code != null && TABLE.containsKey(code) && !code.startsWith("console_");
    }
}
