package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.sandbox.fixture.FixtureLoader;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Response;
import dev.notionconsole.sandbox.http.Route;
import dev.notionconsole.sandbox.model.SandboxModel;
import dev.notionconsole.testsupport.FixtureIds;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The hooks other parts build on: extensions, routes, pre-handlers (and where they sit in the check order), listeners. */
class ExtensionHooksTest {

    @Test
    void preHandlersSeeTheIdentityAfterAuthAndBeforeTheBody() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        AtomicBoolean closed = new AtomicBoolean();
        SandboxExtension ext = new SandboxExtension() {
            @Override
            public void install(SandboxContext ctx) {
                ctx.router().addPreHandler(call -> {
                    seen.add(call.identity() == null ? "anonymous " + call.route().template()
                            : call.identity().connection().name() + " " + call.identity().workspace().name() + " " + call.route().template());
                    if ("limit".equals(call.header("X-Test"))) {
                        var data = ApiError.data();
                        data.put("rate_limit_reason", "public_api_request_rate_limit");
                        data.put("retry_after", "7");
                        throw new ApiError(429, "rate_limited", "You have been rate limited. Please try again in a few minutes.", data)
                                .header("Retry-After", "7");
                    }
                    if ("edge".equals(call.header("X-Test"))) {
                        return Response.html(502, "<html>bad gateway</html>").header("cf-ray", "8f00-SJC");
                    }
                    return null;
                });
                ctx.router().route("GET", "/v1/oauth/authorize").auth(Route.Auth.NONE).requiresVersion(false)
                        .handle(call -> Response.html(200, "<form>consent " + call.queryParam("client_id") + "</form>"));
                ctx.router().addResponseListener((call, status) -> statuses.add(status));
            }

            @Override
            public void beforeClose(SandboxContext ctx) {
                closed.set(true);
            }
        };
        try (SandboxServer s = SandboxServer.start(SandboxOptions.builder().discoverExtensions(false).extension(ext).build())) {
            assertTrue(s.baseUrl().startsWith("http://127.0.0.1:"));
            SandboxClient api = new SandboxClient(s.baseUrl());
            // token and version problems are answered before any pre-handler runs
            assertEquals(401, api.get("/v1/users/me", "bogus").status());
            assertEquals(400, api.send("GET", "/v1/users/me", FixtureIds.DOCS_SYNC, null, null).status());
            assertEquals(List.of(), seen);

            assertEquals(200, api.get("/v1/users/me", FixtureIds.DOCS_SYNC).status());
            assertEquals(List.of("Docs Sync Acme Robotics /v1/users/me"), seen);

            var r = sendWithHeader(s.baseUrl(), "limit", "{not json");
            assertEquals(429, r.statusCode());
            assertEquals("7", r.headers().firstValue("Retry-After").orElse(null));
            var body = dev.notionconsole.core.json.Json.mapper().readTree(r.body());
            assertEquals("rate_limited", body.path("code").asText());
            assertEquals("7", body.path("additional_data").path("retry_after").asText());
            assertEquals(r.headers().firstValue("x-notion-request-id").orElse(null), body.path("request_id").asText());

            var edge = sendWithHeader(s.baseUrl(), "edge", "{}");
            assertEquals(502, edge.statusCode());
            assertTrue(edge.headers().firstValue("content-type").orElse("").startsWith("text/html"));
            assertEquals("8f00-SJC", edge.headers().firstValue("cf-ray").orElse(null));
            assertNull(edge.headers().firstValue("x-notion-request-id").orElse(null), "edge answers never reached Notion");

            var consent = api.send("GET", "/v1/oauth/authorize?client_id=abc", null, null, null);
            assertEquals(200, consent.status());
            assertTrue(consent.body().contains("consent abc"));
            assertTrue(seen.contains("anonymous /v1/oauth/authorize"));
            assertTrue(statuses.contains(429) && statuses.contains(401) && statuses.contains(200));
        }
        assertTrue(closed.get());
    }

    private static java.net.http.HttpResponse<String> sendWithHeader(String base, String test, String body) throws Exception {
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/v1/search"))
                .header("Authorization", "Bearer " + FixtureIds.DOCS_SYNC).header("Notion-Version", "2026-03-11").header("X-Test", test)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        return java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anExtensionCanSupplyTheModel() throws Exception {
        SandboxModel custom = FixtureLoader.load("""
                {"fixture_version": 1, "workspaces": [{"id": "solo", "name": "Solo"}],
                 "users": [{"id": "me", "name": "Me", "workspace": "solo", "role": "owner"}],
                 "pages": [{"id": "home", "title": "Home", "parent": {"workspace": "solo"}}],
                 "connections": [{"kind": "internal", "id": "c", "name": "Only", "workspace": "solo", "token": "ntn_only", "shares": ["home"]}]}
                """.getBytes(), "inline", Clock.systemUTC());
        SandboxExtension ext = new SandboxExtension() {
            @Override
            public SandboxModel loadModel(SandboxOptions options) {
                return custom;
            }
        };
        try (SandboxServer s = SandboxServer.start(SandboxOptions.builder().discoverExtensions(false).extension(ext).build())) {
            assertEquals(List.of("Only"), s.connections().stream().map(SandboxConnection::name).toList());
            assertEquals(200, new SandboxClient(s.baseUrl()).get("/v1/pages/" + FixtureIds.id("home"), "ntn_only").status());
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        try (SandboxServer s = SandboxServer.start(SandboxOptions.builder().discoverExtensions(false).build())) {
            InetAddress lan = null;
            for (var nif : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                for (var addr : java.util.Collections.list(nif.getInetAddresses())) {
                    if (!addr.isLoopbackAddress() && addr instanceof java.net.Inet4Address) {
                        lan = addr;
                    }
                }
            }
            if (lan != null) {
                boolean refused = false;
                try (Socket sock = new Socket()) {
                    sock.connect(new InetSocketAddress(lan, s.port()), 1000);
                } catch (java.io.IOException expected) {
                    refused = true;
                }
                assertTrue(refused, "reachable on " + lan);
            }
        }
    }

    @Test
    void concurrentReadsAndWritesStayConsistent() throws Exception {
        try (SandboxServer s = SandboxServer.start(SandboxOptions.builder().discoverExtensions(false).build())) {
            SandboxClient api = new SandboxClient(s.baseUrl());
            String page = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("handbook") + "\"}}").json().path("id").asText();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int thread = t;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 40; i++) {
                        var r = thread % 2 == 0
                                ? api.get("/v1/pages/" + FixtureIds.id("roadmap-q1"), FixtureIds.DOCS_SYNC)
                                : api.patch("/v1/blocks/" + page + "/children", FixtureIds.DOCS_SYNC, "{\"children\": [{\"paragraph\": {\"rich_text\": []}}]}");
                        ok += r.status() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (Future<Integer> f : results) {
                ok += f.get();
            }
            pool.shutdown();
            assertEquals(320, ok);
            int children = 0;
            String cursor = null;
            do {
                var r = api.get("/v1/blocks/" + page + "/children" + (cursor == null ? "" : "?start_cursor=" + cursor), FixtureIds.DOCS_SYNC).json();
                children += r.path("results").size();
                cursor = r.path("has_more").asBoolean() ? r.path("next_cursor").asText() : null;
            } while (cursor != null);
            assertEquals(160, children);
        }
    }
}
