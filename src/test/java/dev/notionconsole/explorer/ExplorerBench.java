package dev.notionconsole.explorer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.NotionClient;
import dev.notionconsole.notion.NotionVersion;
import dev.notionconsole.notion.RateLimiter;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.ops.generate.GeneratedFixture;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The explorer's benchmark (docs/decisions/0070): {@code mvn -Pbench verify -Dtest=ExplorerBench
 * -Dsurefire.failIfNoSpecifiedTests=false}; figures in target/bench/explorer.txt.
 * <ul>
 *   <li>Rate limiting off, 10,000 and 100,000 pages: the map's wall time against replaying the very requests it sent
 *       with a bare client (the search and probe calls alone, same server, same run), the engine's own time outside
 *       the calls (per object), and the heap the finished map holds, per object. The sandbox's search costs
 *       O(objects) a page, so on a busy machine both runs are dominated by the server and the ratio is noisy; the
 *       engine's own time is the figure to watch.</li>
 *   <li>The plan's rate limit on (Business, 600/min; the client paces at 85 % with a 10 % burst, decision 0012),
 *       10,000 pages: wall time against the rate-limit floor, requests / 10 per second, and against what the client's
 *       pacing allows.</li>
 * </ul>
 */
@Tag("bench")
class ExplorerBench {
    private final StringBuilder report = new StringBuilder();

    @Test
    void mapGeneratedWorkspaces() throws Exception {
        report.append("Explorer map benchmark (Bench Bot: sees everything; generated workspaces, seed 11)\n\n");
        Path out = Path.of("target", "bench", "explorer.txt");
        Files.createDirectories(out.getParent());
        report.append(String.format("load average at the start: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        // -Dbench.explorer.steps=paced runs one step (all three by default)
        java.util.Set<String> steps = java.util.Set.of(System.getProperty("bench.explorer.steps", "unpaced,paced,slowsearch,large").split(","));
        boolean warm = true;
        if (steps.contains("unpaced")) {
            unpaced(10_000, warm);
            warm = false;
            Files.writeString(out, report.toString()); // after each step: the 100,000-page map takes minutes on a busy machine
        }
        if (steps.contains("paced")) {
            paced(10_000, false, 0);
            Files.writeString(out, report.toString());
            paced(10_000, true, 0); // the same map with every probe in the placing loop: what the early probes gain
            Files.writeString(out, report.toString());
        }
        if (steps.contains("slowsearch")) { // search pages as slow as a busy service's: longer than the pacing interval
            paced(10_000, false, 300);
            Files.writeString(out, report.toString());
            paced(10_000, true, 300);
            Files.writeString(out, report.toString());
        }
        if (steps.contains("large")) {
            unpaced(100_000, warm);
            Files.writeString(out, report.toString());
        }
        report.append(String.format("load average at the end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private void unpaced(int pages, boolean warmUp) throws Exception {
        try (ExplorerSandbox sb = new ExplorerSandbox(SandboxOptions.builder().generatedPages(pages, 11).rateLimitOff())) {
            NotionClient client = sb.client(GeneratedFixture.BENCH_TOKEN, NotionVersion.LATEST, RateLimiter.unlimited());
            List<ApiRequest> sent = new ArrayList<>();
            long[] inCalls = {0};
            ApiCalls recording = (r, c, o) -> {
                sent.add(r);
                long s0 = System.nanoTime();
                try {
                    return client.send(r, c, o);
                } finally {
                    inCalls[0] += System.nanoTime() - s0;
                }
            };
            if (warmUp) { // JIT and connections, once: the sandbox's search costs O(objects) a page, so 100,000 is slow enough
                new Mapper(client::send, "warm-up", TokenKind.INTERNAL, NotionVersion.LATEST).map(MapListener.NONE, CancellationToken.none());
            }
            long heapBefore = usedHeapAfterGc();
            long t0 = System.nanoTime();
            // serial probes: the engine's own time is the run's time outside its calls, on one thread
            WorkspaceMap m = new Mapper(recording, "Bench Bot", TokenKind.INTERNAL, NotionVersion.LATEST).serialProbes()
                    .map(MapListener.NONE, CancellationToken.none());
            long mapNanos = System.nanoTime() - t0;
            long heap = usedHeapAfterGc() - heapBefore;
            int objects = m.visibleCount();
            long engine = mapNanos - inCalls[0];
            long t2 = System.nanoTime();
            WorkspaceMap early = new Mapper(client::send, "Bench Bot", TokenKind.INTERNAL, NotionVersion.LATEST)
                    .map(MapListener.NONE, CancellationToken.none());
            long earlyNanos = System.nanoTime() - t2;
            report.append(String.format("%,8d pages, rate limiting off: %,d objects, %,d requests; map (serial probes) %.2f s;"
                            + " the engine's own time (outside the calls) %.2f s = %.1f µs per object, %.1f %% of the map;"
                            + " map heap %.1f MB (%d bytes per object); with early probes (two threads) %.2f s, %.3f of the serial map%n",
                    pages, objects, m.requests(), mapNanos / 1e9, engine / 1e9, engine / 1e3 / objects, 100.0 * engine / mapNanos,
                    heap / 1e6, heap / Math.max(1, objects), earlyNanos / 1e9, earlyNanos / (double) mapNanos));
            if (pages <= 10_000) { // at 100,000 the replay would double a long run and says only what the server costs
                long t1 = System.nanoTime();
                for (ApiRequest r : sent) {
                    client.send(r, CancellationToken.none(), CallObserver.NONE);
                }
                long bareNanos = System.nanoTime() - t1;
                report.append(String.format("         the same requests replayed bare %.2f s: the serial map is %.3f of that%n",
                        bareNanos / 1e9, mapNanos / (double) bareNanos));
            }
            assertTrue(early.requests() == m.requests() && early.visibleCount() == objects, "the same map either way");
            assertTrue(m.complete());
            assertTrue(objects >= pages, "everything mapped");
            if (m.requests() < 0) {
                System.out.println(m); // keeps the map reachable until the heap was measured
            }
        }
    }

    private void paced(int pages, boolean serial, int searchDelayMs) throws Exception {
        try (ExplorerSandbox sb = new ExplorerSandbox(SandboxOptions.builder().generatedPages(pages, 11))) {
            int perMinute = dev.notionconsole.connections.RatePlan.BUSINESS.perMinute();
            RateLimiter limiter = RateLimiter.perMinute(perMinute);
            NotionClient client = sb.client(GeneratedFixture.BENCH_TOKEN, NotionVersion.LATEST, limiter);
            int burst = limiter.snapshot().capacity();
            PhaseClock clock = new PhaseClock(client::send, searchDelayMs);
            long t0 = System.nanoTime();
            Mapper mapper = new Mapper(clock, "Bench Bot", TokenKind.INTERNAL, NotionVersion.LATEST);
            WorkspaceMap m = (serial ? mapper.serialProbes() : mapper).map(clock, CancellationToken.none());
            double wall = (System.nanoTime() - t0) / 1e9;
            double planFloor = m.requests() / (perMinute / 60.0);
            double pacingFloor = Math.max(0, m.requests() - burst) / (perMinute * 0.85 / 60.0);
            report.append(String.format("%,8d pages, the plan's rate limit on (%d/min), %s: %,d requests in %.1f s; rate-limit floor %.1f s"
                            + " (requests / %.0f per s): ratio %.3f; the client's pacing floor (85 %%, burst %d) %.1f s: ratio %.3f%n",
                    pages, perMinute, (serial ? "probes serial after the search" : "early probes")
                            + (searchDelayMs > 0 ? ", search pages " + searchDelayMs + " ms slower" : ""), m.requests(), wall, planFloor, perMinute / 60.0, wall / planFloor, burst, pacingFloor,
                    wall / pacingFloor));
            report.append(clock.describe(t0));
            assertTrue(m.complete(), m.notes()::toString);
        }
    }

    /**
     * Where a paced map's time goes: per phase (first seen in progress) its start and requests; per kind of request
     * (search, probe) the count, the time in the client's pacing waits and the time on the wire.
     */
    private static final class PhaseClock implements MapListener, ApiCalls {
        private final ApiCalls calls;
        private final java.util.Map<MapProgress.Phase, long[]> phases = new java.util.EnumMap<>(MapProgress.Phase.class);
        private final java.util.Map<String, long[]> kinds = new java.util.TreeMap<>();
        private int requests;

        private final int searchDelayMs;

        PhaseClock(ApiCalls calls, int searchDelayMs) {
            this.calls = calls;
            this.searchDelayMs = searchDelayMs;
        }

        @Override
        public synchronized void onProgress(MapProgress p) {
            phases.putIfAbsent(p.phase(), new long[] {System.nanoTime(), p.requestsDone()});
        }

        @Override
        public dev.notionconsole.notion.Exchange send(ApiRequest r, CancellationToken c, CallObserver o)
                throws java.io.IOException, dev.notionconsole.secrets.SecretStoreException {
            long[] waited = {0};
            CallObserver timing = new CallObserver() {
                @Override
                public void onWait(dev.notionconsole.notion.Wait w) {
                    waited[0] += w.duration().toNanos();
                    o.onWait(w);
                }

                @Override
                public void onRetry(dev.notionconsole.notion.Exchange failed) {
                    o.onRetry(failed);
                }
            };
            long s0 = System.nanoTime();
            try {
                dev.notionconsole.notion.Exchange x = calls.send(r, c, timing);
                if (searchDelayMs > 0 && r.path().startsWith("/v1/search")) {
                    Thread.sleep(searchDelayMs); // a slower server's answer: the pacing bucket refills meanwhile
                }
                return x;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.IOException(e);
            } finally {
                long spent = System.nanoTime() - s0;
                synchronized (this) {
                    long[] k = kinds.computeIfAbsent(r.path().startsWith("/v1/search") ? "search" : "probe", x -> new long[3]);
                    k[0]++;
                    k[1] += Math.min(spent, waited[0]);
                    k[2] += spent - Math.min(spent, waited[0]);
                    requests++;
                }
            }
        }

        synchronized String describe(long t0) {
            StringBuilder sb = new StringBuilder("         phases:");
            phases.forEach((ph, v) -> sb.append(String.format(" %s at %.1f s (request %d);", ph, (v[0] - t0) / 1e9, v[1])));
            sb.append("\n         requests:");
            kinds.forEach((k, v) -> sb.append(String.format(" %s %d, pacing waits %.1f s, on the wire %.1f s (%.0f ms each);",
                    k, v[0], v[1] / 1e9, v[2] / 1e9, v[2] / 1e6 / Math.max(1, v[0]))));
            return sb.append('\n').toString();
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
