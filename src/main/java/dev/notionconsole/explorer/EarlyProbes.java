package dev.notionconsole.explorer;

import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Probes a full map is certain to send, sent early on a second thread (docs/decisions/0150): the block a search result
 * hangs from as soon as its page arrives (blocks never come from search, so each is probed anyway), the block chain
 * above it hop by hop up to {@link Mapper#MAX_HOPS}, and, once the search passes are over, every missing parent the
 * placing loop will probe. The placing loop still decides everything in the same order; it takes a probe's answer
 * from here ({@link #answer}) when the second thread has it or has it in flight, and sends it itself otherwise, so the
 * map is the same whatever the timing and no request is sent twice. Both threads go through the run's sender, and so
 * through the connection's one pacing bucket: while a slow search page is in flight, probes use the budget that
 * would otherwise overflow the bucket.
 *
 * <p>Its own daemon thread, not a {@code TaskRunner} task: it lives inside one blocking run, ends with it
 * ({@link #close}), and must not wait for a slot in the pool that is running the map.
 */
final class EarlyProbes implements AutoCloseable {
    private record Job(String path, int hop) {
    }

    private static final Job STOP = new Job("", 0);

    private final SearchWalk.Sender sender;
    private final Map<String, CompletableFuture<Exchange>> claims = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closed;

    EarlyProbes(SearchWalk.Sender sender, String name) {
        this.sender = sender;
        this.worker = new Thread(this::work, "map-probes " + name);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * A probe the run will send: {@code /v1/<kind>/<id>}; {@code hop} is the block's place in a chain of blocks above
     * a page (1 for the first), 0 for other kinds.
     */
    void offer(String path, int hop) {
        if (!closed && !claims.containsKey(path)) {
            queue.add(new Job(path, hop));
        }
    }

    /**
     * The answer to a probe: the one sent early (waiting for it if it is in flight), or sent now on this thread when
     * the second thread has not claimed it.
     */
    Exchange answer(String path) throws IOException, SecretStoreException {
        CompletableFuture<Exchange> mine = new CompletableFuture<>();
        CompletableFuture<Exchange> theirs = claims.putIfAbsent(path, mine);
        if (theirs == null) {
            return send(path, mine);
        }
        try {
            return theirs.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof SecretStoreException s) {
                throw s;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
    }

    private Exchange send(String path, CompletableFuture<Exchange> claim) throws IOException, SecretStoreException {
        try {
            Exchange x = sender.send(ApiRequest.get(path));
            claim.complete(x);
            return x;
        } catch (IOException | SecretStoreException | RuntimeException e) {
            claim.completeExceptionally(e);
            throw e;
        }
    }

    private void work() {
        try {
            while (true) {
                Job job = queue.take();
                if (job == STOP || closed) {
                    return;
                }
                CompletableFuture<Exchange> mine = new CompletableFuture<>();
                if (claims.putIfAbsent(job.path(), mine) != null) {
                    continue;
                }
                Exchange x;
                try {
                    x = send(job.path(), mine);
                } catch (IOException | SecretStoreException | RuntimeException e) {
                    return; // the placing loop meets the same failure when it asks for this answer
                }
                // the placing loop probes the block above whatever a probe found, up to the hop limit for blocks
                if (job.hop() < Mapper.MAX_HOPS && x.ok()) {
                    MapBuilder.Draft found = NotionObjects.draft(x.json(), FoundBy.PROBE);
                    if (found != null && "blocks".equals(found.parent.probeKind()) && found.parent.id() != null) {
                        offer("/v1/blocks/" + found.parent.id(), job.hop() + 1);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the second thread after its request in flight (a cancelled run's token aborts that one). */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        queue.add(STOP);
    }
}
