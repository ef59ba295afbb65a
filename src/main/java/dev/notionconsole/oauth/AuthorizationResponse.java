package dev.notionconsole.oauth;

import dev.notionconsole.core.Secret;

/** What came back to the redirect URI: a code, or an error. Either way the state already matched. */
public sealed interface AuthorizationResponse {
    /** Allow: a single-use code to exchange at the token endpoint. */
    record Granted(Secret code) implements AuthorizationResponse {
    }

    /** Cancel or another RFC 6749 error; {@code code} is the raw {@code error} value as sent. */
    record Denied(AuthorizationError error, String code, String description, String uri) implements AuthorizationResponse {
        /** One line for a person: the meaning, plus Notion's description when it sent one. */
        public String explain() {
            String base = error == AuthorizationError.OTHER ? error.meaning() + " (" + code + ")" : error.meaning();
            return description == null || description.isBlank() ? base : base + " Notion said: " + description;
        }
    }
}
