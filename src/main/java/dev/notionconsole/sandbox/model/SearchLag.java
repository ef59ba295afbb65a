package dev.notionconsole.sandbox.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Search's index lag (docs/notion-api.md §2.6, explorer-diagnostics.md §0.1 and §3.3 C15): "objects shared directly
 * with the connection are guaranteed to appear, others only after indexing". While it is on, a page or data source
 * that is not directly shared with the searching token (shared with an internal connection, picked for an
 * installation; nothing is directly shared with a personal access token) is left out of search for {@code lag} after
 * the sandbox loaded it, or after it was created at run time. GET by ID still works: it is not an access problem.
 * {@code objects} (page, database or data source IDs) narrows it to those objects; null means every object. Off by
 * default; set by the fixture's {@code search_lag}.
 */
public final class SearchLag {
    public static final SearchLag OFF = new SearchLag(null, null, null);

    private final Duration lag;
    private final Set<String> objects;
    private final Instant since;

    /** @param since when the window starts for the fixture's objects (the load) */
    public SearchLag(Duration lag, Set<String> objects, Instant since) {
        this.lag = lag;
        this.objects = objects == null ? null : Set.copyOf(objects);
        this.since = since;
    }

    public boolean off() {
        return lag == null;
    }

    public Duration lag() {
        return lag;
    }

    /** The IDs it is narrowed to, or null for every object. */
    public Set<String> objects() {
        return objects;
    }

    /** Whether search leaves {@code n} out for {@code who} at {@code now}. */
    public boolean hides(Identity who, Node n, Instant now) {
        if (off()) {
            return false;
        }
        Node owner = n instanceof DataSource ds ? ds.database() : n;
        if (objects != null && !objects.contains(n.id()) && !objects.contains(owner.id())) {
            return false;
        }
        Set<String> direct = switch (who.kind()) {
            case INTERNAL -> who.connection().shares();
            case PUBLIC -> who.installation().pickedPages();
            case PERSONAL -> Set.of();
        };
        if (direct.contains(n.id()) || direct.contains(owner.id())) {
            return false;
        }
        Instant from = n.createdTime() != null && n.createdTime().isAfter(since) ? n.createdTime() : since;
        return now.isBefore(from.plus(lag));
    }
}
