package dev.notionconsole.explorer;

import java.util.List;

/**
 * Hears about a map run as it goes, one call at a time, on the thread running it or (waits of probes sent early) on
 * the run's second thread; a UI hops to its own thread. Every method must be
 * quick: the run waits for it.
 */
public interface MapListener {
    MapListener NONE = new MapListener() {
    };

    /** Users/me answered. */
    default void onIdentity(MapIdentity identity) {
    }

    /**
     * Objects just found (a search page, a probe), before they are placed: {@link MapNode#sharingRoot()} is null
     * until the finished map; a placeholder arrives when a probe finds a parent unreadable.
     */
    default void onNodes(List<MapNode> nodes) {
    }

    default void onProgress(MapProgress progress) {
    }

    default void onNote(MapNote note) {
    }
}
