package dev.notionconsole.diagnostics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a call failed: the codes of issue 11's table, a public interface ({@code diagnose --json} prints
 * {@link #code()}). Finer distinctions go in {@link Diagnosis#detail()}, never in new codes here.
 */
public enum Cause {
    /** The call succeeds now: nothing to fix. */
    NONE("Nothing to fix"),
    /** The object exists but this connection has no access: add it on the named page. */
    NOT_SHARED("Not shared with the connection"),
    /** A personal access token or OAuth install whose user cannot see the object: the user needs access first. */
    USER_LACKS_ACCESS("The token's user has no access"),
    /** The object is in another workspace than the token's. */
    WRONG_WORKSPACE("Another workspace"),
    /** No saved connection can read it: not shared, or it does not exist; the API cannot tell which. */
    NOT_FOUND_OR_NOT_SHARED("Not found or not shared"),
    /** The ID is of another kind than the route wants (database vs data source vs page vs block). */
    WRONG_ID_KIND("Wrong kind of ID"),
    /** The ID is a view (the {@code ?v=} part of a URL). */
    VIEW_ID("A view ID"),
    /** A linked view of a database: the source database is what the API serves. */
    LINKED_DATABASE("A linked database"),
    /** The object is in the trash. */
    IN_TRASH("In the trash"),
    /** 403: the connection lacks a capability. */
    MISSING_CAPABILITY("Missing capability"),
    /** The route is not open to this kind of token, whatever its capabilities. */
    TOKEN_KIND_NOT_ALLOWED("Not allowed for this kind of token"),
    /** 401: the token is unknown, revoked, regenerated or expired. */
    TOKEN_INVALID("Token not valid"),
    /** The route or a field needs a newer Notion-Version. */
    VERSION_TOO_OLD("Notion-Version too old"),
    /** The Notion-Version header is missing or not one Notion knows. */
    VERSION_INVALID("Notion-Version missing or unknown"),
    /** The request itself is malformed. */
    INVALID_REQUEST("Invalid request"),
    /** 429: over a rate limit. */
    RATE_LIMITED("Rate limited"),
    /** Blocked: never retried. */
    REQUEST_BLOCKED("Request blocked"),
    /** 409. */
    CONFLICT("Conflict"),
    /** 5xx, 529 or an edge's HTML page. */
    SERVICE_ERROR("Service error");

    private final String label;

    Cause(String label) {
        this.label = label;
    }

    /** The stable code, e.g. {@code not_shared}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A short title for a verdict heading. */
    public String label() {
        return label;
    }

    public static Optional<Cause> byCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }
}
