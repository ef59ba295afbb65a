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
    ROW,
    /**
     * A hole (explorer-diagnostics.md §1.4, §3.3 C3): a readable parent lists it as a {@code child_page} or
     * {@code child_database} block, but reading it gives 404: the connection was removed on it (or its permissions were
     * edited there). Also {@link #UNREADABLE}. Learned only when the parent's children are loaded.
     */
    HOLE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NodeFlag parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
