package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.http.ServerLimits;
import dev.notionconsole.core.http.SlowClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 7: connections that trickle their headers or body, more of them than the sandbox has workers
 * (and more than it has connection threads), stop nobody: real requests are still answered, and the slow
 * connections are closed by the server within the request time limit (docs/decisions/0092-slow-clients.md).
 */
class SlowClientTest {
    @Test
    void slowConnectionsBeyondEveryThreadDoNotStopRealAnswers() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().port(0).threads(2).rateLimitOff().build());
             SlowClients slow = new SlowClients()) {
            assertTrue(sandbox.baseUrl().startsWith("http://127.0.0.1:"), "loopback only");
            int threads = SandboxServer.connectionThreads(sandbox.options());
            slow.partialHeaders(sandbox.port(), threads + 4, "127.0.0.1");
            slow.partialBody(sandbox.port(), 4, "/v1/search", 10_000);
            String token = sandbox.connections().stream().filter(c -> c.name().equals("Docs Sync")).findFirst().orElseThrow().token();

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/users/me"))
                        .header("Authorization", "Bearer " + token).header("Notion-Version", "2026-03-11")
                        .timeout(Duration.ofSeconds(ServerLimits.requestSeconds() * 4 + 10)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
            }
            assertEquals(0, slow.awaitClosedByServer((int) ServerLimits.requestSeconds() * 3 + 5),
                    "every slow connection is closed by the server, bounded in time");
        }
    }

    @Test
    void slowConnectionsBeyondTheWorkersLeaveTheOthersAnsweredAtOnce() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().port(0).threads(2).rateLimitOff().build());
             SlowClients slow = new SlowClients()) {
            slow.partialHeaders(sandbox.port(), 3 * sandbox.options().threads(), "127.0.0.1");
            slow.partialBody(sandbox.port(), 2, "/v1/search", 10_000);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // shorter than the request time limit: the answer cannot have waited for a slow connection to be cut
            Duration patience = Duration.ofMillis(ServerLimits.requestSeconds() * 1000 - 500);
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/users/me"))
                    .header("Notion-Version", "2026-03-11").timeout(patience).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, r.statusCode(), "answered (no token: 401), while " + slow.count() + " slow connections wait");
        }
    }
}
