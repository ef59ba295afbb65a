package dev.notionconsole.sandbox.model;

import java.util.Locale;

/** The user-information capability level (docs/notion-api.md §5.3): trims user objects and gates the users endpoints. */
public enum UserInfo {
    NONE, WITHOUT_EMAIL, WITH_EMAIL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UserInfo fromKey(String key) {
        for (UserInfo u : values()) {
            if (u.key().equals(key)) {
                return u;
            }
        }
        return null;
    }
}
