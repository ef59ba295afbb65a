package dev.notionconsole.notion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.Secret;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings, credentials, timing and transport details of the client. */
class ClientDetailsTest {
    static final String TOKEN = "ntn_detailstesttoken0123456789abc";
    LoopbackServer server;
    NotionClient client;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        client = new NotionClient(ClientSettings.builder().baseUrl(server.baseUrl() + "/v1/")
                .credentials(Credentials.bearer(Secret.of(TOKEN))).rateLimiter(RateLimiter.unlimited()).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void baseUrlIsNormalisedAndChecked() throws Exception {
        assertEquals(server.baseUrl(), client.settings().baseUrl().toString(), "trailing /v1/ dropped");
        server.then(LoopbackServer.Answer.json(200, "{}"));
        client.send(ApiRequest.get("v1/users/me"));
        assertEquals("/v1/users/me", server.received().get(0).path(), "a missing leading slash is added");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClientSettings.builder().baseUrl("ftp://api.notion.com"));
        assertTrue(e.getMessage().contains("https://"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClientSettings.builder().baseUrl("api.notion.com"));
        assertEquals("https://api.notion.com", ClientSettings.builder().build().baseUrl().toString());
        assertEquals(NotionVersion.LATEST, ClientSettings.builder().build().notionVersion());
    }

    @Test
    void credentialsNeverShowInClear() {
        Credentials bearer = Credentials.bearer(Secret.of(TOKEN));
        Credentials basic = Credentials.basic("client-id", Secret.of("secret_basicsecret0123456789"));
        for (Object o : new Object[] {bearer, basic, bearer.maskedAuthorizationHeader().orElseThrow(),
                basic.maskedAuthorizationHeader().orElseThrow(), client.settings(), client}) {
            assertFalse(o.toString().contains(TOKEN) || o.toString().contains("basicsecret0123"), o.toString());
        }
        assertTrue(Credentials.none().authorizationHeader().isEmpty());
    }

    @Test
    void noCredentialsSendsNoAuthorization() throws Exception {
        NotionClient anon = new NotionClient(client.settings().toBuilder().credentials(Credentials.none()).build());
        server.then(LoopbackServer.Answer.json(401, "{\"object\":\"error\",\"status\":401,\"code\":\"unauthorized\",\"message\":\"API token is invalid.\"}"));
        Exchange ex = anon.send(ApiRequest.get("/v1/users/me"));
        assertEquals(null, server.received().get(0).header("Authorization"));
        assertEquals("unauthorized", ex.error().code());
        assertFalse(ex.request().headers().containsKey("Authorization"));
    }

    @Test
    void authorizationTypedByHandIsUsedAndMasked() throws Exception {
        server.then(LoopbackServer.Answer.json(200, "{}"));
        String typed = "ntn_typedbyhandtoken99887766554433";
        Exchange ex = client.send(ApiRequest.get("/v1/users/me").header("Authorization", "Bearer " + typed));
        assertEquals("Bearer " + typed, server.received().get(0).header("Authorization"));
        assertFalse(ex.request().headers().get("Authorization").contains(typed));
        assertFalse(dev.notionconsole.core.json.Json.compact(ex).contains(typed));
    }

    @Test
    void timeToFirstByteIsWhenHeadersArrive() throws Exception {
        server.then(LoopbackServer.Answer.json(200, "{\"x\":\"" + "y".repeat(100) + "\"}").bodyDelay(400));
        Exchange ex = client.send(ApiRequest.get("/v1/slow-body"));
        assertTrue(ex.total().minus(ex.timeToFirstByte()).toMillis() >= 300,
                "ttfb " + ex.timeToFirstByte() + " total " + ex.total());
        assertTrue(ex.startedAt().isBefore(Instant.now().plusSeconds(1)));
    }

    @Test
    void chunkedBodyOverTheCapStopsReading() throws Exception {
        NotionClient capped = new NotionClient(client.settings().toBuilder().maxResponseBytes(64 * 1024).build());
        server.then(LoopbackServer.Answer.json(200, "{\"x\":\"" + "y".repeat(1_000_000) + "\"}").header("X-Test-Chunked", "1"));
        NotionTransportException e = assertThrows(NotionTransportException.class, () -> capped.send(ApiRequest.get("/v1/big")));
        assertEquals(NotionTransportException.Kind.RESPONSE_TOO_LARGE, e.kind());
        assertFalse(e.getMessage().contains("declared"), "no Content-Length was declared: " + e.getMessage());
        server.then(LoopbackServer.Answer.json(200, "{\"x\":\"" + "y".repeat(10_000) + "\"}").header("X-Test-Chunked", "1"));
        assertEquals(10_008, capped.send(ApiRequest.get("/v1/fits")).size(), "a chunked body under the cap is read whole");
    }

    @Test
    void tlsFailureIsReportedAsTls() throws Exception {
        // a plain-text server answering a TLS ClientHello with HTTP: the handshake fails at once (the generous
        // timeout only covers the first TLS set-up of the JVM, which is slow on a loaded machine)
        try (java.net.ServerSocket plain = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            // answer every connection: the JDK client may open more than one, and an unanswered one would
            // only time out (TIMEOUT instead of TLS)
            Thread t = new Thread(() -> {
                while (!plain.isClosed()) {
                    try (java.net.Socket s = plain.accept()) {
                        s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes());
                        s.getOutputStream().flush();
                    } catch (Exception ignored) {
                        // the client hung up, or the test is over
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            NotionClient tls = new NotionClient(client.settings().toBuilder()
                    .baseUrl("https://127.0.0.1:" + plain.getLocalPort()).requestTimeout(Duration.ofSeconds(30)).build());
            NotionTransportException e = assertThrows(NotionTransportException.class, () -> tls.send(ApiRequest.get("/v1/users/me")));
            assertEquals(NotionTransportException.Kind.TLS, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("TLS handshake"), e.getMessage());
            assertFalse(e.getMessage().contains(TOKEN));
        }
    }

    @Test
    void versions() {
        assertEquals(7, NotionVersion.ALL.size());
        assertEquals(NotionVersion.LATEST, NotionVersion.ALL.get(6));
        assertTrue(NotionVersion.isKnown("2022-06-28"));
        assertFalse(NotionVersion.isKnown("2024-01-01"));
        assertTrue(NotionVersion.atLeast("2026-03-11", NotionVersion.DATA_SOURCES));
        assertFalse(NotionVersion.atLeast("2022-06-28", "2025-09-03"));
        assertFalse(NotionVersion.atLeast("garbage", "2025-09-03"));
    }

    @Test
    void waitDescriptions() {
        assertEquals("Waiting 250 ms: pacing requests to stay under the rate limit",
                new Wait(Wait.Reason.PACING, Duration.ofMillis(250), 1, "").describe());
        assertEquals("Waiting 2 min 5 s: rate limited (retry 2)",
                new Wait(Wait.Reason.RATE_LIMITED, Duration.ofSeconds(125), 3, "").describe());
        assertEquals("Waiting 4 s: server error, retrying (retry 1)",
                new Wait(Wait.Reason.SERVER_ERROR, Duration.ofSeconds(4), 2, "").describe());
    }

    @Test
    void retryAfterParsing() {
        Instant now = Instant.parse("2026-11-21T09:00:00Z");
        assertEquals(Duration.ofSeconds(12), RetryPolicy.parseRetryAfter("12", now).orElseThrow());
        assertEquals(Duration.ofMillis(1500), RetryPolicy.parseRetryAfter("1.5", now).orElseThrow());
        assertEquals(Duration.ofSeconds(30), RetryPolicy.parseRetryAfter("Sat, 21 Nov 2026 09:00:30 GMT", now).orElseThrow());
        assertEquals(Duration.ZERO, RetryPolicy.parseRetryAfter("Sat, 21 Nov 2026 08:00:00 GMT", now).orElseThrow());
        assertTrue(RetryPolicy.parseRetryAfter("soon", now).isEmpty());
        assertTrue(RetryPolicy.parseRetryAfter("-5", now).isEmpty());
        RetryPolicy p = RetryPolicy.defaults();
        for (int i = 1; i <= 10; i++) {
            Duration d = p.backoff(i);
            long cap = Math.min(1000L << (i - 1), 30_000);
            assertTrue(d.toMillis() >= cap / 2 && d.toMillis() <= cap, i + ": " + d);
        }
    }
}
