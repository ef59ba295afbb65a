package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One sandbox per test class, default fixture, no discovered extensions (no rate limiting in functional tests). */
abstract class SandboxTestBase {
    static SandboxServer server;
    static SandboxClient api;

    @BeforeAll
    static void startSandbox() throws Exception {
        server = SandboxServer.start(SandboxOptions.builder().discoverExtensions(false).rateLimitOff().build());
        api = new SandboxClient(server.baseUrl());
    }

    @AfterAll
    static void stopSandbox() {
        if (server != null) {
            server.close();
        }
    }

    static void assertError(SandboxClient.Reply r, int status, String code) {
        assertEquals(status, r.status(), () -> "unexpected reply: " + r);
        assertEquals(code, r.code(), () -> "unexpected reply: " + r);
        assertEquals("error", r.json().path("object").asText(), () -> "unexpected reply: " + r);
        assertEquals(r.header("x-notion-request-id"), r.json().path("request_id").asText(), "request_id echoes the header");
    }

    static void assertError(SandboxClient.Reply r, int status, String code, String message) {
        assertError(r, status, code);
        assertEquals(message, r.message());
    }

    static void assertOk(SandboxClient.Reply r) {
        assertEquals(200, r.status(), () -> "unexpected reply: " + r);
    }
}
