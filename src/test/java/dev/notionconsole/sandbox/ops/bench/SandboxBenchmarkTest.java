package dev.notionconsole.sandbox.ops.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.model.Page;
import dev.notionconsole.sandbox.ops.generate.GeneratedFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's sandbox targets, measured (mvn -Pbench verify; figures in target/bench/sandbox.txt):
 * a 100,000-page workspace loads in under 10 s, answers GET page at over 2,000 requests/s on loopback, with
 * under 1 GB of heap. Throughput is reported against a baseline in the same run: the same JDK HttpServer with
 * the same thread pool answering a static copy of a page body, driven by the same load generator.
 */
@Tag("bench")
class SandboxBenchmarkTest {
    private static final int PAGES = 100_000;
    private static final long SEED = 42;
    private static final int LOADS = 3;
    private static final int ROUNDS = 3;
    private static final int CONNECTIONS = 8;
    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final long RUN_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long RUN_REQUESTS = 200_000;
    private static final String VERSION = "2026-03-11";

    private final StringBuilder report = new StringBuilder();

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        report.append(s).append('\n');
        System.out.println(s); // test output only (ArchitectureTest covers main code)
    }

    @Test
    void hundredThousandPagesLoadFastServeFastAndFitInOneGigabyte() throws Exception {
        line("Sandbox benchmark (issue 3), %s", java.time.Instant.now());
        line("machine: %d cores, load average at start %.2f, Java %s, max heap %d MB",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        long heapBefore = heapAfterGc();

        // ---- load: generate + validate + build the model + bind, as `sandbox --pages 100000` does ----
        List<Double> loadSeconds = new ArrayList<>();
        List<Double> loadCpuSeconds = new ArrayList<>();
        List<Double> loadGcSeconds = new ArrayList<>();
        List<Double> loadProcessCpuSeconds = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        SandboxServer sandbox = null;
        SandboxOptions options = SandboxOptions.builder().generatedPages(PAGES, SEED).rateLimitOff().build();
        for (int i = 0; i < LOADS; i++) {
            if (sandbox != null) {
                sandbox.close();
                sandbox = null;
                heapAfterGc();
            }
            long gc0 = gcMillis();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long process0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            sandbox = SandboxServer.start(options);
            loadSeconds.add((System.nanoTime() - t0) / 1e9);
            loadCpuSeconds.add((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
            loadGcSeconds.add((gcMillis() - gc0) / 1e3);
            loadProcessCpuSeconds.add((os.getProcessCpuTime() - process0) / 1e9);
        }
        SandboxServer loaded = sandbox;
        try {
            int pages = loaded.model().read(() -> (int) loaded.model().nodes().stream().filter(n -> n instanceof Page).count());
            assertEquals(PAGES, pages);
            long heapLoaded = heapAfterGc();
            line("");
            line("load %d pages (seed %d; %d objects in all): %s s; median %.2f s (first run includes JIT warm-up) [target < 10 s]",
                    PAGES, SEED, sandbox.model().read(sandbox.model()::nodeCount), fmt(loadSeconds), median(loadSeconds));
            line("  CPU used by the load: %s s in all threads (GC included), %s s in the loading thread; GC pauses %s s. "
                    + "Wall time also includes waiting for a core while the machine is busy (see the load average): "
                    + "on an idle 2-core machine the load takes about its CPU time / 2 to its CPU time.",
                    fmt(loadProcessCpuSeconds), fmt(loadCpuSeconds), fmt(loadGcSeconds));
            line("heap used after load and GC: %d MB (JVM before loading: %d MB; the sandbox: %d MB) [target < 1024 MB]",
                    heapLoaded >> 20, heapBefore >> 20, (heapLoaded - heapBefore) >> 20);

            // ---- throughput: GET /v1/pages/{id} over random pages vs a static baseline -------------------------
            List<String> ids = new ArrayList<>();
            for (JsonNode p : GeneratedFixture.generate(PAGES, SEED).fixture().path("pages")) {
                ids.add(p.path("id").asText());
            }
            Collections.shuffle(ids, new Random(SEED));
            Map<String, String> headers = Map.of("Authorization", "Bearer " + GeneratedFixture.BENCH_TOKEN,
                    "Notion-Version", VERSION);
            byte[] sampleBody = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                            + "/v1/pages/" + ids.get(0))).header("Authorization", headers.get("Authorization"))
                    .header("Notion-Version", VERSION).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            assertTrue(new String(sampleBody, StandardCharsets.UTF_8).contains("\"object\":\"page\""));

            HttpServer baseline = staticServer(sampleBody, options.threads());
            ExecutorService baselinePool = (ExecutorService) baseline.getExecutor();
            try {
                String baseUrl = "http://127.0.0.1:" + baseline.getAddress().getPort();
                String sandboxUrl = sandbox.baseUrl();
                KeepAliveLoad.run(sandboxUrl, i -> "/v1/pages/" + ids.get(i % ids.size()), headers, CONNECTIONS,
                        Long.MAX_VALUE, WARMUP_NANOS);
                KeepAliveLoad.run(baseUrl, i -> "/v1/pages/" + ids.get(i % ids.size()), headers, CONNECTIONS,
                        Long.MAX_VALUE, WARMUP_NANOS);
                List<Double> sandboxRps = new ArrayList<>();
                List<Double> baselineRps = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    KeepAliveLoad.Result s = KeepAliveLoad.run(sandboxUrl, i -> "/v1/pages/" + ids.get(i % ids.size()),
                            headers, CONNECTIONS, RUN_REQUESTS, RUN_NANOS);
                    assertEquals(0, s.errors(), () -> "sandbox errors: " + s.firstError());
                    KeepAliveLoad.Result b = KeepAliveLoad.run(baseUrl, i -> "/v1/pages/" + ids.get(i % ids.size()),
                            headers, CONNECTIONS, RUN_REQUESTS, RUN_NANOS);
                    assertEquals(0, b.errors(), () -> "baseline errors: " + b.firstError());
                    sandboxRps.add(s.perSecond());
                    baselineRps.add(b.perSecond());
                }
                double sMedian = median(sandboxRps);
                double bMedian = median(baselineRps);
                line("");
                line("GET /v1/pages/{id}, %d keep-alive connections on loopback, %d rounds of <= %d s / %d requests, "
                        + "server pool %d threads:", CONNECTIONS, ROUNDS, RUN_NANOS / 1_000_000_000L, RUN_REQUESTS,
                        options.threads());
                line("  sandbox (random page of 100,000, full check order): %s req/s; median %.0f [target > 2000]",
                        fmt0(sandboxRps), sMedian);
                line("  baseline (same HttpServer, static %d-byte body):     %s req/s; median %.0f", sampleBody.length,
                        fmt0(baselineRps), bMedian);
                line("  ratio sandbox / baseline: %.2f", sMedian / bMedian);

                // ---- the same under a hard 1 GB heap cap, as a user would run it --------------------------------
                line("");
                capped(ids, headers);

                line("");
                line("load average at the end: %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                Files.createDirectories(Path.of("target/bench"));
                Files.writeString(Path.of("target/bench/sandbox.txt"), report.toString());
                assertTrue(median(loadSeconds) < 10, "load median " + median(loadSeconds) + " s");
                assertTrue(heapLoaded < (1L << 30), "heap " + (heapLoaded >> 20) + " MB");
                assertTrue(sMedian > 2000, "throughput " + sMedian + " req/s");
            } finally {
                baseline.stop(0);
                baselinePool.shutdownNow();
            }
        } finally {
            sandbox.close();
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/sandbox.txt"), report.toString());
        }
    }

    /** The launcher in a child JVM with -Xmx1g: time to the --json line, then a short GET page run. */
    private void capped(List<String> ids, Map<String, String> headers) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), "dev.notionconsole.Launcher", "sandbox",
                "--pages", String.valueOf(PAGES), "--seed", String.valueOf(SEED), "--rate-limit", "off", "--json");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("NOTION_CONSOLE_HOME", System.getProperty("java.io.tmpdir") + "/nc-sandbox-bench");
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        lines.add(l);
                    }
                } catch (IOException e) {
                    // process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            String json = lines.poll(120, TimeUnit.SECONDS);
            assertNotNull(json, "the capped sandbox did not start within 120 s");
            double startSeconds = (System.nanoTime() - t0) / 1e9;
            String base = Json.mapper().readTree(json).path("base_url").asText();
            KeepAliveLoad.run(base, i -> "/v1/pages/" + ids.get(i % ids.size()), headers, CONNECTIONS, Long.MAX_VALUE,
                    WARMUP_NANOS);
            KeepAliveLoad.Result r = KeepAliveLoad.run(base, i -> "/v1/pages/" + ids.get(i % ids.size()), headers,
                    CONNECTIONS, RUN_REQUESTS, RUN_NANOS);
            assertEquals(0, r.errors(), () -> "capped sandbox errors: " + r.firstError());
            line("child JVM with -Xmx1g (`notion-console sandbox --pages %d --json`): listening %.2f s after the "
                    + "process started (JVM start included); GET page %.0f req/s, %d requests, no errors", PAGES,
                    startSeconds, r.perSecond(), r.requests());
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static HttpServer staticServer(byte[] body, int threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("x-notion-request-id", java.util.UUID.randomUUID().toString());
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String fmt(List<Double> xs) {
        return xs.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList().toString();
    }

    private static String fmt0(List<Double> xs) {
        return xs.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList().toString();
    }
}
