package dev.notionconsole.sandbox.model;

import java.util.Locale;

/** Content and comment capabilities of a connection (docs/notion-api.md §5.3). User information is {@link UserInfo}. */
public enum Capability {
    READ_CONTENT, UPDATE_CONTENT, INSERT_CONTENT, READ_COMMENTS, INSERT_COMMENTS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Capability fromKey(String key) {
        for (Capability c : values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        return null;
    }
}
