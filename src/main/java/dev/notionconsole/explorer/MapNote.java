package dev.notionconsole.explorer;

import java.util.Locale;

/**
 * Something the map knows it does not have in full.
 *
 * @param kind   what
 * @param nodeId the node it is about, or null
 * @param detail one line for people
 */
public record MapNote(Kind kind, String nodeId, String detail) {
    public enum Kind {
        /** A search cursor expired or was refused and the walk restarted (explorer-diagnostics.md §0.2). */
        CURSOR_RESTART,
        /** The walk stopped before the end: restarts used up, a repeated cursor, an error; results so far are kept. */
        SEARCH_INCOMPLETE,
        /** A relation property names a data source that is not in the map (its database is not visible). */
        RELATION_TO_INVISIBLE,
        /** A block chain longer than the hop limit: the page was placed as a root. */
        HOP_LIMIT,
        /** A parent could not be probed (an error other than 404): placed as a root, verdict unknown. */
        PROBE_FAILED,
        /** A has_more was not followed (lazy children, row listings). */
        HAS_MORE_NOT_FOLLOWED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
