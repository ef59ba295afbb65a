package dev.notionconsole.notion;

/**
 * Where a list route takes {@code start_cursor} and {@code page_size} (docs/notion-api.md 3.6): the query string
 * (GET routes such as block children and users) or the JSON body (POST routes such as search and queries). The
 * endpoint catalog says it per route; {@link #defaultFor} is the rule for a route the catalog does not know.
 */
public enum CursorPlacement {
    QUERY, BODY;

    /** GET and DELETE carry no body, so their cursor goes in the query; every other method's in the body. */
    public static CursorPlacement defaultFor(String method) {
        return method.equals("GET") || method.equals("DELETE") ? QUERY : BODY;
    }
}
