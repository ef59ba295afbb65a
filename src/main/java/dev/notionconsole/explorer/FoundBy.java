package dev.notionconsole.explorer;

import java.util.Locale;

/** How the explorer learned of an object (the {@code found_by} field of the map's JSON). */
public enum FoundBy {
    /** Listed by {@code POST /v1/search} (a database container is "search" when one of its data sources was). */
    SEARCH,
    /** Read by ID while placing something else: a parent search did not list ("not in search"), or a block. */
    PROBE,
    /** Listed by {@code GET /v1/blocks/{id}/children} or a data-source query when a node was expanded. */
    CHILDREN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FoundBy parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
