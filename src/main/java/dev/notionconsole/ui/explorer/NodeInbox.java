package dev.notionconsole.ui.explorer;

import dev.notionconsole.explorer.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Carries nodes from the map's worker to the UI thread without flooding it: the worker {@link #offer}s each page of
 * results; one drain at a time is queued on the UI thread, and a drain hands the tree at most a time budget's worth
 * (checked every {@value #SLICE} nodes) before queueing the next, so layout and painting run in between and the tree
 * stays scrollable while 100,000 nodes arrive (see ExplorerTreeBench).
 */
public final class NodeInbox {
    /** Nodes handed to the tree per call: small enough that one call stays far below a frame. */
    static final int SLICE = 500;

    private final ConcurrentLinkedQueue<MapNode> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<Runnable> uiThread;
    private final Consumer<List<MapNode>> sink;
    private final long budgetNanos;
    private final LongSupplier clock;
    private volatile Runnable onIdle = () -> { };

    /**
     * @param uiThread  queues work on the UI thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     * @param sink      receives slices on the UI thread (the tree's {@code add})
     * @param budgetMs  the most one drain may take before it yields to the next pulse
     */
    public NodeInbox(Consumer<Runnable> uiThread, Consumer<List<MapNode>> sink, long budgetMs, LongSupplier clock) {
        this.uiThread = uiThread;
        this.sink = sink;
        this.budgetNanos = budgetMs * 1_000_000;
        this.clock = clock;
    }

    /** Called when a drain empties the queue (on the UI thread): filters re-run, counts refresh. */
    public void onIdle(Runnable r) {
        this.onIdle = r;
    }

    /** From any thread. */
    public void offer(List<MapNode> nodes) {
        queue.addAll(nodes);
        schedule();
    }

    /** Nodes not yet handed to the tree. */
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Drops what has not been handed over (a new map, a cancelled one replaced). */
    public void clear() {
        queue.clear();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            uiThread.accept(this::drain);
        }
    }

    private void drain() {
        long start = clock.getAsLong();
        do {
            List<MapNode> slice = new ArrayList<>(SLICE);
            MapNode n;
            while (slice.size() < SLICE && (n = queue.poll()) != null) {
                slice.add(n);
            }
            if (slice.isEmpty()) {
                break;
            }
            sink.accept(slice);
        } while (clock.getAsLong() - start < budgetNanos);
        scheduled.set(false);
        if (!queue.isEmpty()) {
            schedule();
        } else {
            onIdle.run();
        }
    }
}
