package dev.notionconsole.notion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.AppInfo;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Client overhead per call, as a ratio to a bare {@code HttpClient.send} against the same loopback server in
 * the same run (`mvn -Pbench verify`). Both sides use one shared HttpClient (HTTP/1.1, kept-alive
 * connections) and the same headers; the client adds request building, pacing (a bucket that never makes
 * anyone wait, so its bookkeeping is measured), the capped body handler, JSON parsing, error typing and the
 * Exchange record. Blocks of the two alternate, so drift on a shared machine hits both alike.
 */
@Tag("bench")
class ClientOverheadBench {
    private static final int WARMUP = 1_000;
    private static final int BLOCK = 250;
    private static final int BLOCKS = 8;

    @Test
    void clientOverheadPerCall() throws Exception {
        String small = "{\"object\":\"user\",\"id\":\"59833787-2cf9-4fdf-8782-e53db20768a5\",\"type\":\"bot\","
                + "\"name\":\"Bench\",\"bot\":{\"owner\":{\"type\":\"workspace\",\"workspace\":true},\"workspace_name\":\"Acme\"},"
                + "\"request_id\":\"7c1b2f0e-0000-4000-8000-000000000000\"}";
        StringBuilder list = new StringBuilder("{\"object\":\"list\",\"results\":[");
        for (int i = 0; i < 100; i++) {
            list.append(i == 0 ? "" : ",").append("{\"object\":\"page\",\"id\":\"59833787-2cf9-4fdf-8782-e53db2076")
                    .append(String.format("%03d", i)).append("\",\"properties\":{\"title\":{\"id\":\"title\",\"type\":\"title\",")
                    .append("\"title\":[{\"plain_text\":\"Page number ").append(i).append(" with a longish title\"}]}},")
                    .append("\"url\":\"https://www.notion.so/Page-598337872cf94fdf8782e53db20768a5\",\"in_trash\":false}");
        }
        String page = list.append("],\"next_cursor\":null,\"has_more\":false}").toString();

        Map<String, Result> results = new LinkedHashMap<>();
        try (LoopbackServer server = new LoopbackServer()) {
            server.otherwise(r -> LoopbackServer.Answer.json(200, r.path().endsWith("/list") ? page : small));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            NotionClient client = new NotionClient(ClientSettings.builder()
                    .baseUrl(server.baseUrl())
                    .credentials(Credentials.bearer(Secret.of("ntn_benchtoken000000000000000000")))
                    .httpClient(http)
                    .rateLimiter(RateLimiter.of(1_000_000, 1e9, System::nanoTime))
                    .build());
            results.put("GET /v1/users/me (" + small.length() + " B)", measure(http, client, server.baseUrl(), "/v1/users/me"));
            results.put("GET list of 100 pages (" + page.length() + " B)", measure(http, client, server.baseUrl(), "/v1/list"));
        }

        StringBuilder out = new StringBuilder();
        out.append("Notion client overhead per call vs bare HttpClient.send, loopback HTTP/1.1\n");
        out.append("command: mvn -Pbench verify -Dtest=ClientOverheadBench   (").append(AppInfo.userAgent()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs)\n");
        out.append("warm-up ").append(WARMUP).append(" calls each; then ").append(BLOCKS).append(" alternating blocks of ")
                .append(BLOCK).append(" calls each; median and p90 of single-call times\n")
                .append("the machine is shared (load ").append(String.format(Locale.ROOT, "%.1f",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(" at the end): compare the ratios, not the absolute times\n\n");
        Map<String, Object> json = new LinkedHashMap<>();
        results.forEach((name, r) -> {
            out.append(String.format(Locale.ROOT, "%-34s bare send median %6.1f us (p90 %6.1f) | bare send + Jackson parse %6.1f us"
                            + " | NotionClient median %6.1f us (p90 %6.1f) | ratio to bare %.2f (+%.1f us/call), to bare+parse %.2f%n",
                    name, r.bareMedian / 1e3, r.bareP90 / 1e3, r.parseMedian / 1e3, r.clientMedian / 1e3, r.clientP90 / 1e3,
                    r.ratio(), (r.clientMedian - r.bareMedian) / 1e3, r.ratioToParse()));
            json.put(name, Map.of("bareMedianMicros", r.bareMedian / 1e3, "bareParseMedianMicros", r.parseMedian / 1e3,
                    "clientMedianMicros", r.clientMedian / 1e3, "bareP90Micros", r.bareP90 / 1e3,
                    "clientP90Micros", r.clientP90 / 1e3, "ratio", r.ratio(), "ratioToBareWithParse", r.ratioToParse()));
        });
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("client-overhead.txt"), out.toString());
        Files.writeString(dir.resolve("client-overhead.json"), Json.pretty(Json.mapper().valueToTree(json)));
        org.slf4j.LoggerFactory.getLogger(getClass()).warn("\n{}", out);
        results.values().forEach(r -> assertTrue(r.ratio() > 0));
    }

    record Result(double bareMedian, double bareP90, double parseMedian, double clientMedian, double clientP90) {
        double ratio() {
            return clientMedian / bareMedian;
        }

        double ratioToParse() {
            return clientMedian / parseMedian;
        }
    }

    interface Call {
        void run() throws Exception;
    }

    private Result measure(HttpClient http, NotionClient client, String base, String path) throws Exception {
        HttpRequest bare = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer ntn_benchtoken000000000000000000")
                .header("Notion-Version", NotionVersion.LATEST)
                .header("User-Agent", AppInfo.userAgent())
                .header("Accept", "application/json")
                .GET().build();
        ApiRequest req = ApiRequest.get(path);
        Call[] calls = {
            () -> bareCall(http, bare),
            () -> Json.mapper().readTree(http.send(bare, HttpResponse.BodyHandlers.ofByteArray()).body()),
            () -> clientCall(client, req)
        };
        for (int i = 0; i < WARMUP; i++) {
            for (Call c : calls) {
                c.run();
            }
        }
        List<List<Long>> times = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int b = 0; b < BLOCKS; b++) {
            for (int k = 0; k < calls.length; k++) {
                for (int i = 0; i < BLOCK; i++) {
                    long t = System.nanoTime();
                    calls[k].run();
                    times.get(k).add(System.nanoTime() - t);
                }
            }
        }
        return new Result(percentile(times.get(0), 0.5), percentile(times.get(0), 0.9), percentile(times.get(1), 0.5),
                percentile(times.get(2), 0.5), percentile(times.get(2), 0.9));
    }

    private static void bareCall(HttpClient http, HttpRequest req) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
    }

    private static void clientCall(NotionClient client, ApiRequest req) throws IOException {
        Exchange ex = client.send(req);
        assertEquals(BodyKind.JSON, ex.bodyKind());
    }

    private static double percentile(List<Long> times, double p) {
        long[] a = times.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a[(int) Math.min(a.length - 1, Math.round(p * (a.length - 1)))];
    }

}
