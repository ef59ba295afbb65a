package dev.notionconsole.explorer;

import java.util.List;

/** Passes a run's events on one at a time: a full map reports from two threads (its own and the early probes'). */
final class SerializedListener implements MapListener {
    private final MapListener target;

    SerializedListener(MapListener target) {
        this.target = target;
    }

    @Override
    public synchronized void onIdentity(MapIdentity identity) {
        target.onIdentity(identity);
    }

    @Override
    public synchronized void onNodes(List<MapNode> nodes) {
        target.onNodes(nodes);
    }

    @Override
    public synchronized void onProgress(MapProgress progress) {
        target.onProgress(progress);
    }

    @Override
    public synchronized void onNote(MapNote note) {
        target.onNote(note);
    }
}
