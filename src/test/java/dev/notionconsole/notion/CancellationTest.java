package dev.notionconsole.notion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cancel returns promptly, with real sleeping and real slow answers, and really aborts the exchange. */
class CancellationTest {
    LoopbackServer server;
    ScheduledExecutorService scheduler;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() {
        server.close();
        scheduler.shutdownNow();
    }

    NotionClient client(RateLimiter limiter) {
        return new NotionClient(ClientSettings.builder()
                .baseUrl(server.baseUrl())
                .credentials(Credentials.bearer(Secret.of("ntn_canceltesttoken1234567890")))
                .rateLimiter(limiter)
                .build());
    }

    CancellationToken cancelAfter(long ms) {
        CancellationToken token = new CancellationToken();
        scheduler.schedule(token::cancel, ms, TimeUnit.MILLISECONDS);
        return token;
    }

    static long millisSince(long t) {
        return Duration.ofNanos(System.nanoTime() - t).toMillis();
    }

    @Test
    void cancelDuringARetryAfterWait() {
        server.otherwise(r -> RetryAndPacingTest.rateLimited("public_api_request_rate_limit").header("Retry-After", "30"));
        NotionClient client = client(RateLimiter.unlimited());
        long t = System.nanoTime();
        CompletableFuture<Wait> reported = new CompletableFuture<>();
        assertThrows(CancellationException.class, () -> client.send(ApiRequest.get("/v1/users/me"), cancelAfter(300),
                new CallObserver() {
                    @Override
                    public void onWait(Wait wait) {
                        reported.complete(wait);
                    }
                }));
        assertTrue(millisSince(t) < 3000, "returned in " + millisSince(t) + " ms, not after the 30 s Retry-After");
        assertEquals("Waiting 30 s: rate limited (retry 1)", reported.getNow(null).describe());
        assertEquals(1, server.received().size());
    }

    @Test
    void cancelWhileWaitingForHeadersAbortsTheExchange() throws Exception {
        server.then(LoopbackServer.Answer.json(200, "{\"ok\":true}").delay(1500));
        NotionClient client = client(RateLimiter.unlimited());
        long t = System.nanoTime();
        assertThrows(CancellationException.class, () -> client.send(ApiRequest.get("/v1/slow"), cancelAfter(200), null));
        assertTrue(millisSince(t) < 1200, "returned in " + millisSince(t) + " ms");
        awaitClientGone();
    }

    @Test
    void cancelWhileReadingASlowBodyAbortsTheExchange() throws Exception {
        server.then(LoopbackServer.Answer.json(200, "{\"x\":\"" + "y".repeat(8_000_000) + "\"}").bodyDelay(1500));
        NotionClient client = client(RateLimiter.unlimited());
        long t = System.nanoTime();
        assertThrows(CancellationException.class, () -> client.send(ApiRequest.get("/v1/slow"), cancelAfter(300), null));
        assertTrue(millisSince(t) < 1200, "returned in " + millisSince(t) + " ms");
        awaitClientGone();
    }

    @Test
    void cancelDuringPacingGivesTheSlotBack() {
        RateLimiter limiter = RateLimiter.of(1, 0.05, System::nanoTime); // one now, the next in 20 s
        NotionClient client = client(limiter);
        server.otherwise(r -> RetryAndPacingTest.ok());
        CancellationToken none = CancellationToken.none();
        assertThrows(CancellationException.class, () -> {
            client.send(ApiRequest.get("/v1/users/me"), none, null);
            client.send(ApiRequest.get("/v1/users/me"), cancelAfter(200), null);
        });
        assertEquals(1, server.received().size(), "the paced request was never sent");
        // the cancelled caller's reservation was refunded: the next caller waits ~20 s, not ~40 s
        Duration next = limiter.reserve();
        assertTrue(next.toSeconds() <= 20, next.toString());
    }

    @Test
    void alreadyCancelledSendsNothing() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(CancellationException.class, () -> client(RateLimiter.unlimited()).send(ApiRequest.get("/v1/users/me"), token, null));
        assertEquals(0, server.received().size());
    }

    @Test
    void interruptIsACancel() throws Exception {
        server.then(LoopbackServer.Answer.json(200, "{}").delay(1500));
        NotionClient client = client(RateLimiter.unlimited());
        Thread caller = Thread.currentThread();
        scheduler.schedule(caller::interrupt, 200, TimeUnit.MILLISECONDS);
        long t = System.nanoTime();
        assertThrows(CancellationException.class, () -> client.send(ApiRequest.get("/v1/slow")));
        assertTrue(Thread.interrupted(), "interrupt flag kept");
        assertTrue(millisSince(t) < 1200);
    }

    private void awaitClientGone() throws InterruptedException {
        assertTrue(server.clientWentAway.await(5, TimeUnit.SECONDS), "the server saw the connection closed: the exchange was aborted, not abandoned");
    }
}
