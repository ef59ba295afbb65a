package dev.notionconsole.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.http.ServerLimits;
import dev.notionconsole.core.http.SlowClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 8: connections that stop halfway through their headers, more than the listener has threads, do
 * not keep the genuine redirect from being handled; they are closed within the request time limit
 * (docs/decisions/0092-slow-clients.md).
 */
class LoopbackListenerSlowClientTest {
    private final OAuthState state = OAuthState.generate();

    private AuthorizationResponse signIn(int slowConnections, Duration patience) throws Exception {
        RedirectUri uri = RedirectUri.parse("http://127.0.0.1:" + LoopbackListenerTest.freePort() + "/callback");
        try (LoopbackListener listener = LoopbackListener.open(uri, state, "Acme Sync");
             SlowClients slow = new SlowClients()) {
            assertTrue(listener.boundAddresses().stream().allMatch(a -> a.getAddress().isLoopbackAddress()), "loopback only");
            slow.partialHeaders(uri.port(), slowConnections, "127.0.0.1:" + uri.port());
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(uri.value() + "?code=real-code-1&state=" + state.value())).timeout(patience).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), page.body());
            AuthorizationResponse answer = listener.answer().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(0, slow.awaitClosedByServer((int) ServerLimits.requestSeconds() * 3 + 5),
                    "the slow connections are closed, bounded in time");
            return answer;
        }
    }

    @Test
    void theGenuineRedirectIsHandledAtOnceNextToSlowConnections() throws Exception {
        // more than the two threads the listener used to have, fewer than its connection threads: no waiting at all
        AuthorizationResponse r = signIn(4, Duration.ofMillis(ServerLimits.requestSeconds() * 1000 - 500));
        assertEquals("real-code-1", ((AuthorizationResponse.Granted) r).code().reveal());
    }

    @Test
    void theGenuineRedirectIsHandledEvenWithMoreSlowConnectionsThanThreads() throws Exception {
        AuthorizationResponse r = signIn(LoopbackListener.THREADS + 4, Duration.ofSeconds(ServerLimits.requestSeconds() * 4 + 10));
        assertEquals("real-code-1", ((AuthorizationResponse.Granted) r).code().reveal());
    }
}
