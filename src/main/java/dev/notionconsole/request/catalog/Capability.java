package dev.notionconsole.request.catalog;

import java.util.Locale;

/** What a route needs from the token (notion-api.md 5.3); the catalog names them in snake_case. */
public enum Capability {
    NONE("no capability"),
    READ_CONTENT("read content"),
    UPDATE_CONTENT("update content"),
    INSERT_CONTENT("insert content"),
    READ_COMMENTS("read comments"),
    INSERT_COMMENTS("insert comments"),
    USER_INFO("user information"),
    /** OAuth routes authenticate with the public connection's client ID and secret, not a token. */
    OAUTH_CLIENT("OAuth client credentials");

    private final String label;

    Capability(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Capability parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
