package dev.notionconsole.explorer;

import java.util.Locale;

/** Badges of a node beyond its kind (explorer-diagnostics.md §2 "Badges"). */
public enum NodeFlag {
    /** A {@code child_database} block whose database cannot be retrieved: a linked view, its source elsewhere. */
    LINKED_VIEW,
    /** A wiki database or data source (its schema has a verification property). */
    WIKI,
    /** {@code is_locked}. */
    LOCKED,
    /** Something under or about this node was not read (a has_more not followed, a relation to an invisible database). */
    PARTIAL,
    /** Not readable by the connection: an ancestor ID seen only in a child's {@code parent}. */
    UNREADABLE,
    /** A database row (a page whose parent is a data source or, before 2025-09-03, a database). */
    ROW;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NodeFlag parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
