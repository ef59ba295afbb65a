package dev.notionconsole.oauth;

import java.util.Locale;

/**
 * The {@code error} values of an authorization response (RFC 6749 4.1.2.1), with what each means for someone
 * authorizing a Notion public connection. Notion sends {@code access_denied} when the user clicks Cancel
 * (docs/notion-api.md §2.10).
 */
public enum AuthorizationError {
    ACCESS_DENIED("access_denied", "Access was denied: Cancel was clicked on Notion's consent page, so no installation was made."),
    INVALID_REQUEST("invalid_request", "Notion refused the authorization request as malformed (a missing or repeated parameter)."),
    UNAUTHORIZED_CLIENT("unauthorized_client", "This connection is not allowed to request an authorization code (check that it is a public connection)."),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", "Notion does not support the requested response type."),
    INVALID_SCOPE("invalid_scope", "The requested scope is invalid."),
    SERVER_ERROR("server_error", "Notion hit an unexpected error while authorizing. Try again in a moment."),
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", "Notion is temporarily unable to authorize. Try again in a moment."),
    OTHER("", "Notion ended the authorization with an error.");

    private final String code;
    private final String meaning;

    AuthorizationError(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public static AuthorizationError fromCode(String code) {
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        for (AuthorizationError e : values()) {
            if (!e.code.isEmpty() && e.code.equals(c)) {
                return e;
            }
        }
        return OTHER;
    }

    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
