package dev.notionconsole.sandbox.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ordered hits of recent search walks, so that a walk's later pages read a window of the ordering its first page
 * made instead of scanning and sorting every object again (docs/decisions/0150). Search cursors are opaque and "results
 * can change while paging" (docs/notion-api.md §2.6, §3.6), so a walk that keeps its first page's order is what
 * Notion's own index does. Bounded: the least recently used orderings are forgotten past {@value #MAX}; a cursor whose
 * ordering was forgotten is served from a fresh one at the same offset. Thread-safe (searches run under the read lock).
 */
public final class SearchOrders {
    static final int MAX = 16;

    private final String prefix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    private long counter;
    private final Map<String, List<Node>> orders = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Node>> eldest) {
            return size() > MAX;
        }
    };

    /** Keeps an ordering (not copied: the caller hands it over) and names it for the walk's cursors. */
    public synchronized String keep(List<Node> ordered) {
        String id = prefix + "-" + (++counter);
        orders.put(id, ordered);
        return id;
    }

    /** A kept ordering, or null when it was never kept here or was forgotten. */
    public synchronized List<Node> get(String id) {
        return id == null ? null : orders.get(id);
    }
}
