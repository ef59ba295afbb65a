package dev.notionconsole.diagnostics;

import dev.notionconsole.notion.ErrorCodes;
import dev.notionconsole.notion.NotionVersion;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What usually fixes each error code, in one line, for error panels and the command line before (or instead of) a
 * full diagnosis. The codes and their meanings stay in {@link ErrorCodes}; the advice is diagnostics' because it is a
 * judgement that the probes refine: a 404 is as often a wrong kind of ID as an unshared page
 * (docs/explorer-diagnostics.md §0.9), so the advice says to diagnose it rather than to share.
 */
public final class ErrorAdvice {
    private static final Map<String, String> FIX = new HashMap<>();

    static {
        FIX.put(ErrorCodes.INVALID_JSON, "Check for a trailing comma, unquoted key or a missing brace; send Content-Type: application/json.");
        FIX.put(ErrorCodes.INVALID_REQUEST_URL, "Check the path and method. A full notion.so URL pasted as an ID, or a data-source route with a "
                        + "Notion-Version older than 2025-09-03, also gives this.");
        FIX.put(ErrorCodes.INVALID_REQUEST, "Check the endpoint's reference for the method and parameters it takes.");
        FIX.put(ErrorCodes.INVALID_GRANT, "Start the authorization again; send the same redirect_uri as in the authorize URL.");
        FIX.put(ErrorCodes.VALIDATION_ERROR, "Read the message: it names the field. Common causes: an ID that is not a UUID (a URL or a view ID), "
                        + "a page ID where a database ID belongs, text over 2000 characters, over 100 items in an array.");
        FIX.put(ErrorCodes.MISSING_VERSION, "Send Notion-Version with one of the seven versions, e.g. " + NotionVersion.LATEST + ".");
        FIX.put(ErrorCodes.INVALID_BETA, "Remove the Notion-Beta header unless an endpoint's docs ask for it.");
        FIX.put(ErrorCodes.UNAUTHORIZED, "Copy the token again from the connection's settings in Notion, or create a new one.");
        FIX.put(ErrorCodes.RESTRICTED_RESOURCE, "Turn on the capability in the connection's settings. This is not about sharing: unshared pages give 404.");
        FIX.put(ErrorCodes.OBJECT_NOT_FOUND, "Diagnose it before sharing anything: the same 404 comes from a page not shared with the "
                + "connection, a database ID where a data source ID belongs, a view ID (?v=), a linked database, another workspace, "
                + "or a token whose user cannot see the page.");
        FIX.put(ErrorCodes.CONFLICT_ERROR, "Read the object again and repeat the change.");
        FIX.put(ErrorCodes.ROW_LIMIT_EXCEEDED, "Split the work into smaller parts.");
        FIX.put(ErrorCodes.RATE_LIMITED, "Wait for Retry-After and slow down; the console paces requests to 180 a minute (600 on Business "
                        + "and Enterprise). If the reason is public_api_request_blocked, access is restricted: do not retry.");
        FIX.put(ErrorCodes.INTERNAL_SERVER_ERROR, "Try again later; reads are retried automatically. Report it with the request ID if it persists.");
        FIX.put(ErrorCodes.BAD_GATEWAY, "Try again shortly; reads are retried automatically.");
        FIX.put(ErrorCodes.SERVICE_UNAVAILABLE, "Before repeating a write, read the object again (see additional_data.retry_guidance).");
        FIX.put(ErrorCodes.DATABASE_CONNECTION_UNAVAILABLE, "Try again later; reads are retried automatically.");
        FIX.put(ErrorCodes.GATEWAY_TIMEOUT, "Try again; for large queries use smaller page sizes or narrower filters.");
        FIX.put(ErrorCodes.SERVICE_OVERLOAD, "Wait for Retry-After and try again; the console retries this automatically.");
        FIX.put(ErrorCodes.EDGE_PROXY, "Try again later; if it persists, check proxies or VPNs and quote the cf-ray ID when asking for help.");
        FIX.put(ErrorCodes.EMPTY_RESPONSE, "Check the base URL (a proxy or a non-Notion server may be answering) and try again.");
        FIX.put(ErrorCodes.MALFORMED_JSON, "Try again; if it persists, a proxy may be truncating responses.");
        FIX.put(ErrorCodes.UNRECOGNISED_ERROR, "Check the base URL points at the Notion API.");
    }

    private ErrorAdvice() {
    }

    /** What usually fixes {@code code}, or empty for a code the console does not know. */
    public static Optional<String> fix(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(FIX.get(code));
    }

    /** "meaning fix" on one line: {@link ErrorCodes#describe} and the advice. */
    public static String describe(String code) {
        return ErrorCodes.describe(code) + fix(code).map(f -> " " + f).orElse("");
    }
}
