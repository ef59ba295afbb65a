package dev.notionconsole.notion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.AppInfo;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.json.Json;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client over real HTTP against a loopback server: what goes on the wire and what comes back. */
class NotionClientSendTest {
    static final String TOKEN = "ntn_4991090011501Ejc6Xn4sHguI7jZIN449mKe9PRhp";
    LoopbackServer server;
    NotionClient client;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        client = new NotionClient(ClientSettings.builder()
                .baseUrl(server.baseUrl())
                .credentials(Credentials.bearer(Secret.of(TOKEN)))
                .rateLimiter(RateLimiter.unlimited())
                .build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void getSendsAuthVersionUserAgentAndNoContentType() throws Exception {
        server.then(LoopbackServer.Answer.json(200, "{\"object\":\"user\",\"id\":\"u1\",\"request_id\":\"r-123\"}")
                .header("x-notion-request-id", "r-header"));
        Exchange ex = client.send(ApiRequest.get("/v1/users/me").query("a b", "c&d"));
        LoopbackServer.Received r = server.received().get(0);
        assertEquals("GET", r.method());
        assertEquals("/v1/users/me", r.path());
        assertEquals("a%20b=c%26d", r.query());
        assertEquals("Bearer " + TOKEN, r.header("Authorization"));
        assertEquals(NotionVersion.LATEST, r.header("Notion-Version"));
        assertEquals(AppInfo.userAgent(), r.header("User-Agent"));
        assertNull(r.header("Content-Type"), "no Content-Type without a body");

        assertTrue(ex.ok());
        assertEquals(200, ex.status());
        assertEquals(BodyKind.JSON, ex.bodyKind());
        assertEquals("u1", ex.json().get("id").asText());
        assertEquals("r-123", ex.requestId(), "body request_id wins over the header");
        assertNull(ex.error());
        assertEquals(1, ex.attempts());
        assertEquals(ex.body().length, ex.size());
        assertTrue(ex.total().compareTo(ex.timeToFirstByte()) >= 0);
        assertEquals("Bearer ntn_…9PRhp".replace("9PRhp", "PRhp"), ex.request().headers().get("Authorization"));
        assertTrue(ex.request().url().endsWith("/v1/users/me?a%20b=c%26d"), ex.request().url());
    }

    @Test
    void postSendsJsonBodyWithContentTypeAndVersionOverride() throws Exception {
        server.then(LoopbackServer.Answer.json(200, "{\"object\":\"page\"}"));
        client.send(ApiRequest.post("/v1/pages", "{\"parent\":{\"page_id\":\"x\"}}").version("2022-06-28")
                .header("X-Extra", "1"));
        LoopbackServer.Received r = server.received().get(0);
        assertEquals("POST", r.method());
        assertEquals("{\"parent\":{\"page_id\":\"x\"}}", r.body());
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals("2022-06-28", r.header("Notion-Version"));
        assertEquals("1", r.header("X-Extra"));
    }

    @Test
    void basicCredentialsForOAuthEndpoints() throws Exception {
        server.then(LoopbackServer.Answer.json(200, "{\"active\":true}"));
        Secret secret = Secret.of("secret_clientsecretvalue123456");
        Exchange ex = client.send(ApiRequest.post("/v1/oauth/introspect", "{\"token\":\"" + TOKEN + "\"}")
                .credentials(Credentials.basic("client-1", secret)));
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("client-1:secret_clientsecretvalue123456").getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, server.received().get(0).header("Authorization"));
        String json = Json.compact(ex);
        assertFalse(json.contains("clientsecretvalue"), json);
        assertFalse(json.contains(TOKEN), "introspect body carries a token; it is redacted: " + json);
    }

    @Test
    void notionErrorEnvelopeIsTyped() throws Exception {
        server.then(LoopbackServer.Answer.json(404, "{\"status\":404,\"object\":\"error\",\"code\":\"object_not_found\","
                + "\"message\":\"Could not find page with ID: 39d02551-8b5c-8095-844a-c8d55b10eff9.\","
                + "\"additional_data\":{\"integration_id\":\"34202551\"},\"request_id\":\"req-1\"}"));
        Exchange ex = client.send(ApiRequest.get("/v1/pages/39d025518b5c8095844ac8d55b10eff9"));
        assertFalse(ex.ok());
        NotionError e = ex.error();
        assertEquals(404, e.status());
        assertEquals("object_not_found", e.code());
        assertTrue(e.message().startsWith("Could not find page"));
        assertEquals("req-1", e.requestId());
        assertEquals("34202551", e.additional("integration_id").orElseThrow());
        assertFalse(e.fromEdgeProxy());
        assertTrue(e.describe().contains("shared"), e.describe());
    }

    @Test
    void edgeProxyHtmlIsReportedNotCrashed() throws Exception {
        server.then(LoopbackServer.Answer.of(403, "text/html; charset=UTF-8",
                "<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body>blocked</body></html>")
                .header("cf-ray", "8a1b2c3d4e5f-AMS"));
        Exchange ex = client.send(ApiRequest.get("/v1/users/me"));
        assertEquals(BodyKind.NON_JSON, ex.bodyKind());
        assertNull(ex.json());
        NotionError e = ex.error();
        assertTrue(e.fromEdgeProxy());
        assertEquals(ErrorCodes.EDGE_PROXY, e.code());
        assertEquals("8a1b2c3d4e5f-AMS", e.cfRay());
        assertTrue(e.message().contains("Attention Required! | Cloudflare"), e.message());
        assertTrue(e.message().contains("edge proxy"), e.message());
        assertTrue(e.message().contains("8a1b2c3d4e5f-AMS"), e.message());
    }

    @Test
    void emptyAndTruncatedBodies() throws Exception {
        server.then(new LoopbackServer.Answer(502, java.util.Map.of(), new byte[0], 0, 0),
                LoopbackServer.Answer.json(500, "{\"object\":\"error\",\"status\":500,\"code\":\"internal_ser"));
        Exchange empty = client.send(ApiRequest.post("/v1/pages", "{}"));
        assertEquals(BodyKind.EMPTY, empty.bodyKind());
        assertEquals(ErrorCodes.EMPTY_RESPONSE, empty.error().code());
        Exchange cut = client.send(ApiRequest.post("/v1/pages", "{}"));
        assertEquals(BodyKind.NON_JSON, cut.bodyKind());
        assertEquals(ErrorCodes.MALFORMED_JSON, cut.error().code());
        assertFalse(cut.error().fromEdgeProxy());
    }

    @Test
    void restrictedHeadersGiveAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApiRequest.get("/v1/users/me").header("Host", "evil.example"));
        assertTrue(e.getMessage().contains("Host") && e.getMessage().contains("HTTP client"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("/x").header("Content-Length", "3"));
        assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("/x").header("Bad Name", "3"));
        assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("/x").header("X-Ok", "a\r\nInjected: 1"));
        assertTrue(ApiRequest.checkHeader("Connection", "close").isPresent());
        assertTrue(ApiRequest.checkHeader("X-Fine", "ok").isEmpty());
    }

    @Test
    void notionVersionHeaderTypedByHandBecomesTheOverride() throws Exception {
        server.then(LoopbackServer.Answer.json(200, "{}"));
        Exchange ex = client.send(ApiRequest.get("/v1/users/me").header("notion-version", "2021-05-13"));
        assertEquals("2021-05-13", server.received().get(0).header("Notion-Version"));
        assertEquals("2021-05-13", ex.request().notionVersion());
    }

    @Test
    void absoluteUrlsOnlyToTheConnectionsOwnHost() throws Exception {
        server.then(LoopbackServer.Answer.json(200, "{}"));
        client.send(ApiRequest.get(server.baseUrl() + "/v1/users/me"));
        assertEquals("/v1/users/me", server.received().get(0).path());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client.send(ApiRequest.get("https://evil.example/v1/users/me")));
        assertTrue(e.getMessage().contains("only ever sent"), e.getMessage());
        assertEquals(1, server.received().size(), "nothing sent to the foreign host");
    }

    @Test
    void tokenNeverInExchangeJsonOrToStringAndJsonRoundTrips() throws Exception {
        server.then(LoopbackServer.Answer.json(200, "{\"access_token\":\"" + TOKEN + "\",\"bot_id\":\"b1\",\"request_id\":\"r9\"}"));
        Exchange ex = client.send(ApiRequest.post("/v1/oauth/token", "{\"grant_type\":\"authorization_code\",\"code\":\"abcdef123456\"}"));
        // in memory the body is exact (the OAuth flow needs the token)
        assertEquals(TOKEN, ex.json().get("access_token").asText());
        String json = Json.mapper().writeValueAsString(ex);
        assertFalse(json.contains(TOKEN), json);
        assertFalse(json.contains("abcdef123456"), json);
        assertFalse(ex.toString().contains(TOKEN), ex.toString());
        assertFalse(ex.request().toString().contains(TOKEN));

        Exchange back = Json.mapper().readValue(json, Exchange.class);
        assertEquals(ex.status(), back.status());
        assertEquals(ex.request(), back.request());
        assertEquals(ex.requestId(), back.requestId());
        assertEquals(ex.total(), back.total());
        assertEquals(ex.timeToFirstByte(), back.timeToFirstByte());
        assertEquals(ex.startedAt(), back.startedAt());
        assertEquals(BodyKind.JSON, back.bodyKind());
        assertEquals("b1", back.json().get("bot_id").asText(), "json re-derived from the stored body");
        assertFalse(back.text().contains(TOKEN));
        assertEquals(ex.headers(), back.headers());
    }

    @Test
    void errorExchangeRoundTripsWithTypedError() throws Exception {
        server.then(LoopbackServer.Answer.json(429, "{\"object\":\"error\",\"status\":429,\"code\":\"rate_limited\","
                + "\"message\":\"slow down\",\"additional_data\":{\"rate_limit_reason\":\"public_api_request_blocked\"}}"));
        Exchange ex = client.send(ApiRequest.get("/v1/users"));
        Exchange back = Json.mapper().readValue(Json.compact(ex), Exchange.class);
        assertEquals(ex.error(), back.error());
        assertTrue(back.error().blocked());
    }

    @Test
    void tenMegabyteBodyIsFine() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        String json = "{\"blob\":\"" + new String(big, StandardCharsets.US_ASCII) + "\"}";
        server.then(LoopbackServer.Answer.json(200, json));
        Exchange ex = client.send(ApiRequest.get("/v1/big"));
        assertEquals(json.length(), ex.size());
        assertEquals(big.length, ex.json().get("blob").asText().length());
    }

    @Test
    void bodyOverTheCapIsAClearTransportError() throws Exception {
        NotionClient capped = new NotionClient(client.settings().toBuilder().maxResponseBytes(1024).build());
        server.then(LoopbackServer.Answer.json(200, "{\"x\":\"" + "y".repeat(5000) + "\"}"));
        NotionTransportException e = assertThrows(NotionTransportException.class, () -> capped.send(ApiRequest.get("/v1/big")));
        assertEquals(NotionTransportException.Kind.RESPONSE_TOO_LARGE, e.kind());
        assertTrue(e.getMessage().contains("1024 bytes"), e.getMessage());
    }

    @Test
    void connectionRefusedIsATransportErrorWithoutTheToken() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        NotionClient dead = new NotionClient(client.settings().toBuilder().baseUrl("http://127.0.0.1:" + port).build());
        NotionTransportException e = assertThrows(NotionTransportException.class, () -> dead.send(ApiRequest.get("/v1/users/me")));
        assertEquals(NotionTransportException.Kind.CONNECTION_REFUSED, e.kind());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void unknownHostIsReported() {
        NotionClient nowhere = new NotionClient(client.settings().toBuilder().baseUrl("http://no-such-host.invalid").build());
        NotionTransportException e = assertThrows(NotionTransportException.class, () -> nowhere.send(ApiRequest.get("/v1/users/me")));
        assertEquals(NotionTransportException.Kind.UNKNOWN_HOST, e.kind(), e.getMessage());
    }

    @Test
    void slowAnswerTimesOut() throws Exception {
        NotionClient impatient = new NotionClient(client.settings().toBuilder().requestTimeout(Duration.ofMillis(300)).build());
        server.then(LoopbackServer.Answer.json(200, "{}").delay(3000));
        long t = System.nanoTime();
        NotionTransportException e = assertThrows(NotionTransportException.class, () -> impatient.send(ApiRequest.get("/v1/users/me")));
        assertEquals(NotionTransportException.Kind.TIMEOUT, e.kind());
        assertTrue(Duration.ofNanos(System.nanoTime() - t).toMillis() < 2500);
    }

    @Test
    void exchangeJsonIsReadable() throws Exception {
        server.then(LoopbackServer.Answer.json(200, "{\"ok\":true}"));
        JsonNode tree = Json.mapper().valueToTree(client.send(ApiRequest.get("/v1/users/me")));
        assertNotNull(tree.get("request"));
        assertEquals(200, tree.get("status").asInt());
        assertNull(tree.get("json"), "the parsed tree is derived, not stored");
        assertArrayEquals("{\"ok\":true}".getBytes(StandardCharsets.UTF_8), tree.get("body").binaryValue());
    }
}
