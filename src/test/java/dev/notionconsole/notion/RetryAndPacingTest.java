package dev.notionconsole.notion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.Secret;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Retries and pacing against a loopback server answering 429 (Retry-After in seconds and as an HTTP date),
 * 529, 5xx, blocked, and HTML; time is fake so Retry-After values are honoured without real waiting.
 */
class RetryAndPacingTest {
    static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    LoopbackServer server;
    FakeTime time;
    NotionClient client;
    final List<Wait> waits = new CopyOnWriteArrayList<>();
    final List<Exchange> retried = new CopyOnWriteArrayList<>();
    final CallObserver observer = new CallObserver() {
        @Override
        public void onWait(Wait wait) {
            waits.add(wait);
        }

        @Override
        public void onRetry(Exchange failedAttempt) {
            retried.add(failedAttempt);
        }
    };

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        time = new FakeTime(T0);
        client = client(RetryPolicy.defaults().withJitter(false), RateLimiter.unlimited());
    }

    NotionClient client(RetryPolicy policy, RateLimiter limiter) {
        return new NotionClient(time.apply(ClientSettings.builder())
                .baseUrl(server.baseUrl())
                .credentials(Credentials.bearer(Secret.of("ntn_retrytesttoken1234567890")))
                .retryPolicy(policy)
                .rateLimiter(limiter)
                .build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static LoopbackServer.Answer rateLimited(String reason) {
        return LoopbackServer.Answer.json(429, "{\"object\":\"error\",\"status\":429,\"code\":\"rate_limited\","
                + "\"message\":\"You have been rate limited. Please try again in a few minutes.\","
                + "\"additional_data\":{\"rate_limit_reason\":\"" + reason + "\"}}");
    }

    static LoopbackServer.Answer ok() {
        return LoopbackServer.Answer.json(200, "{\"object\":\"user\"}");
    }

    @Test
    void aRateLimitedUploadIsSentAgainWholeWithTheFileReadAgain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("a.txt"), "hello upload");
        server.then(rateLimited("public_api_request_rate_limit").header("Retry-After", "1"), ok());
        Exchange x = client.send(ApiRequest.method("POST", "/v1/file_uploads/u1/send")
                .form(List.of(new FormPart.File("file", file, null, null))), null, observer);
        assertEquals(200, x.status());
        assertEquals(2, server.received().size());
        assertEquals(server.received().get(0).body(), server.received().get(1).body());
        assertTrue(server.received().get(1).body().contains("\r\n\r\nhello upload\r\n"));
    }

    @Test
    void rateLimitedWaitsForRetryAfterSecondsAndReportsIt() throws Exception {
        server.then(rateLimited("public_api_request_rate_limit").header("Retry-After", "12"), ok());
        Exchange ex = client.send(ApiRequest.get("/v1/users/me"), null, observer);
        assertTrue(ex.ok());
        assertEquals(2, ex.attempts());
        assertEquals(2, server.received().size());
        assertEquals(List.of(Duration.ofSeconds(12)), time.sleeps);
        assertEquals(1, waits.size());
        Wait w = waits.get(0);
        assertEquals(Wait.Reason.RATE_LIMITED, w.reason());
        assertEquals(2, w.attempt());
        assertEquals("Waiting 12 s: rate limited (retry 1)", w.describe());
        assertTrue(w.detail().contains("public_api_request_rate_limit"), w.detail());
        assertEquals(waits, ex.waits());
        assertEquals(429, retried.get(0).status());
        assertTrue(ex.total().compareTo(Duration.ofSeconds(12)) >= 0, "total includes the wait");
        Exchange back = dev.notionconsole.core.json.Json.mapper().readValue(dev.notionconsole.core.json.Json.compact(ex), Exchange.class);
        assertEquals(ex.waits(), back.waits(), "waits survive history");
        assertEquals(2, back.attempts());
    }

    @Test
    void retryAfterAsHttpDate() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(T0.plusSeconds(7).atZone(ZoneOffset.UTC));
        server.then(rateLimited("public_api_space_request_rate_limit").header("Retry-After", date), ok());
        Exchange ex = client.send(ApiRequest.post("/v1/search", "{}"), null, observer);
        assertTrue(ex.ok());
        assertEquals(List.of(Duration.ofSeconds(7)), time.sleeps);
    }

    @Test
    void retryAfterFromAdditionalDataWhenHeaderMissing() throws Exception {
        server.then(LoopbackServer.Answer.json(429, "{\"object\":\"error\",\"status\":429,\"code\":\"rate_limited\",\"message\":\"x\","
                + "\"additional_data\":{\"rate_limit_reason\":\"public_api_endpoint_rate_limit\",\"retry_after\":\"3\"}}"), ok());
        assertTrue(client.send(ApiRequest.get("/v1/users/me"), null, observer).ok());
        assertEquals(List.of(Duration.ofSeconds(3)), time.sleeps);
    }

    @Test
    void withoutRetryAfterExponentialBackoff() throws Exception {
        server.then(rateLimited("public_api_request_rate_limit"), rateLimited("public_api_request_rate_limit"),
                rateLimited("public_api_request_rate_limit"), ok());
        Exchange ex = client.send(ApiRequest.get("/v1/users/me"), null, observer);
        assertTrue(ex.ok());
        assertEquals(4, ex.attempts());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), time.sleeps);
    }

    @Test
    void blockedIsNeverRetried() throws Exception {
        server.then(rateLimited("public_api_request_blocked").header("Retry-After", "1"), ok());
        Exchange ex = client.send(ApiRequest.get("/v1/users/me"), null, observer);
        assertEquals(429, ex.status());
        assertTrue(ex.error().blocked());
        assertEquals(1, ex.attempts());
        assertEquals(1, server.received().size());
        assertTrue(waits.isEmpty());
    }

    @Test
    void overloadedIsRetriedForWritesToo() throws Exception {
        server.then(LoopbackServer.Answer.json(529, "{\"object\":\"error\",\"status\":529,\"code\":\"service_overload\",\"message\":\"busy\"}")
                .header("Retry-After", "2"), ok());
        Exchange ex = client.send(ApiRequest.post("/v1/pages", "{}"), null, observer);
        assertTrue(ex.ok());
        assertEquals(Wait.Reason.OVERLOADED, waits.get(0).reason());
        assertEquals("Waiting 2 s: Notion is overloaded (retry 1)", waits.get(0).describe());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreRetriedForGetAndDelete(int status) throws Exception {
        server.then(LoopbackServer.Answer.json(status, "{\"object\":\"error\",\"status\":" + status + ",\"code\":\"x\",\"message\":\"m\"}"), ok(),
                LoopbackServer.Answer.json(status, "{\"object\":\"error\",\"status\":" + status + ",\"code\":\"x\",\"message\":\"m\"}"), ok());
        Exchange get = client.send(ApiRequest.get("/v1/pages/x"), null, observer);
        assertTrue(get.ok());
        assertEquals(2, get.attempts());
        Exchange del = client.send(ApiRequest.delete("/v1/blocks/x"), null, observer);
        assertTrue(del.ok());
        assertEquals(Wait.Reason.SERVER_ERROR, waits.get(0).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PATCH"})
    void serverErrorsAreNotRetriedForWrites(String method) throws Exception {
        server.then(LoopbackServer.Answer.json(503, "{\"object\":\"error\",\"status\":503,\"code\":\"service_unavailable\","
                + "\"message\":\"The change was saved, but the response could not be built in time.\","
                + "\"additional_data\":{\"retry_guidance\":[\"read the object again\"],\"committed_resource_id\":\"p1\"}}"), ok());
        Exchange ex = client.send(ApiRequest.method(method, "/v1/pages").body("{}"), null, observer);
        assertEquals(503, ex.status());
        assertEquals(1, ex.attempts());
        assertEquals(1, server.received().size());
        assertTrue(ex.error().mayHaveCommitted());
        assertTrue(waits.isEmpty());
    }

    @Test
    void htmlFromTheEdgeIsRetriedOnGetAndReportedWhenItPersists() throws Exception {
        LoopbackServer.Answer html = LoopbackServer.Answer.of(502, "text/html", "<html><title>502 Bad Gateway</title></html>")
                .header("cf-ray", "77aa-FRA");
        server.then(html, html, html, html);
        Exchange ex = client.send(ApiRequest.get("/v1/users/me"), null, observer);
        assertEquals(4, ex.attempts(), "first try + 3 retries");
        assertTrue(ex.error().fromEdgeProxy());
        assertEquals("77aa-FRA", ex.error().cfRay());
        assertEquals(3, waits.size());
    }

    @Test
    void budgetLimitsRetriesAndLongWaits() throws Exception {
        NotionClient two = client(RetryPolicy.defaults().withJitter(false).withMaxRetries(2), RateLimiter.unlimited());
        server.otherwise(r -> rateLimited("public_api_request_rate_limit").header("Retry-After", "1"));
        Exchange ex = two.send(ApiRequest.get("/v1/users/me"), null, observer);
        assertEquals(429, ex.status());
        assertEquals(3, ex.attempts());

        waits.clear();
        server.then(rateLimited("public_api_space_request_rate_limit").header("Retry-After", "600"));
        Exchange longWait = client.send(ApiRequest.get("/v1/users/me"), null, observer);
        assertEquals(429, longWait.status(), "a 10-minute Retry-After is handed back, not slept through");
        assertEquals(1, longWait.attempts());
        assertTrue(waits.isEmpty());

        NotionClient smallTotal = client(RetryPolicy.defaults().withJitter(false)
                .withWaitBudget(Duration.ofSeconds(60), Duration.ofSeconds(50)), RateLimiter.unlimited());
        server.otherwise(r -> rateLimited("public_api_request_rate_limit").header("Retry-After", "30"));
        Exchange total = smallTotal.send(ApiRequest.get("/v1/users/me"), null, CallObserver.NONE);
        assertEquals(2, total.attempts(), "30 s, then another 30 s would pass the 50 s total");
    }

    @Test
    void noRetryPolicyShowsTheFirstAnswer() throws Exception {
        NotionClient raw = client(RetryPolicy.none(), RateLimiter.unlimited());
        server.then(rateLimited("public_api_request_rate_limit").header("Retry-After", "1"), ok());
        assertEquals(429, raw.send(ApiRequest.get("/v1/users/me")).status());
    }

    @Test
    void pacingSpacesRequestsAndReportsWaits() throws Exception {
        RateLimiter limiter = RateLimiter.of(2, 1.0, time::nanoTime);
        NotionClient paced = client(RetryPolicy.defaults(), limiter);
        server.otherwise(r -> ok());
        for (int i = 0; i < 5; i++) {
            assertTrue(paced.send(ApiRequest.get("/v1/users/me"), null, observer).ok());
        }
        assertEquals(5, server.received().size());
        assertEquals(3, waits.size(), "two from the burst, then one per second");
        waits.forEach(w -> {
            assertEquals(Wait.Reason.PACING, w.reason());
            assertEquals(1000, w.duration().toMillis(), 5);
        });
        assertTrue(waits.get(0).describe().startsWith("Waiting 1 s: pacing"), waits.get(0).describe());
    }

    @Test
    void aRateLimitPausesEveryClientOfTheConnection() throws Exception {
        RateLimiter shared = RateLimiter.perMinute(180, time::nanoTime);
        NotionClient a = client(RetryPolicy.none(), shared);
        NotionClient b = client(RetryPolicy.none(), shared);
        server.then(rateLimited("public_api_request_rate_limit").header("Retry-After", "20"), ok());
        assertEquals(429, a.send(ApiRequest.get("/v1/users/me")).status());
        assertEquals(20, shared.snapshot().paused().toSeconds());
        assertTrue(b.send(ApiRequest.get("/v1/users/me"), null, observer).ok());
        long waited = waits.stream().mapToLong(w -> w.duration().toMillis()).sum();
        assertTrue(waited >= 20_000, "the other client waited out the Retry-After: " + waits);
        assertEquals(Wait.Reason.RATE_LIMITED, waits.get(0).reason(), "the UI says rate limited, not pacing");
        assertFalse(waits.isEmpty());
    }
}
