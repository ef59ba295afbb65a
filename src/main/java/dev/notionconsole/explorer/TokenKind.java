package dev.notionconsole.explorer;

import dev.notionconsole.connections.ConnectionKind;
import java.util.Locale;

/**
 * Whose access a map shows (notion-api.md 5.1): an internal bot sees what was shared with it; a PAT or an OAuth
 * install acts for a user, so nothing was "shared with" it and its roots are where the user's access starts.
 */
public enum TokenKind {
    INTERNAL, PUBLIC, PERSONAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TokenKind parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    public static TokenKind of(ConnectionKind kind) {
        return switch (kind) {
            case INTERNAL -> INTERNAL;
            case PUBLIC_OAUTH -> PUBLIC;
            case PERSONAL_ACCESS_TOKEN -> PERSONAL;
        };
    }

    public boolean actsForUser() {
        return this != INTERNAL;
    }
}
