package dev.notionconsole.sandbox.ops;

import static dev.notionconsole.sandbox.ops.OpsHttp.DOCS_SYNC;
import static dev.notionconsole.sandbox.ops.OpsHttp.WIKI_READER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.fixture.FixtureException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rate limiting over real HTTP, through the discovered ops extension (docs/notion-api.md §4.5). */
class RateLimitHttpTest {
    @TempDir
    Path dir;

    @Test
    void overTheConnectionBudgetGives429WithRetryAfterTwiceAndOtherTokensGoOn() throws Exception {
        try (SandboxServer sb = SandboxServer.start(SandboxOptions.builder().rateLimitPerMinute(3).build())) {
            OpsHttp api = new OpsHttp(sb.baseUrl());
            for (int i = 0; i < 3; i++) {
                assertEquals(200, api.get("/v1/users/me", DOCS_SYNC).status());
            }
            // malformed requests count too: the budget is spent after the token check, before the body
            OpsHttp.Reply limited = api.get("/v1/users/me", DOCS_SYNC);
            assertEquals(429, limited.status(), limited::toString);
            assertEquals("rate_limited", limited.code());
            assertEquals("You have been rate limited. Please try again in a few minutes.",
                    limited.json().path("message").asText());
            int retryAfter = Integer.parseInt(limited.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            assertEquals(String.valueOf(retryAfter), limited.json().path("additional_data").path("retry_after").asText());
            assertEquals("public_api_request_rate_limit",
                    limited.json().path("additional_data").path("rate_limit_reason").asText());
            assertEquals(limited.header("x-notion-request-id"), limited.json().path("request_id").asText());

            assertEquals(200, api.get("/v1/users/me", WIKI_READER).status(), "another connection has its own budget");
            assertEquals(401, api.get("/v1/users/me", "ntn_not_a_token").status(), "unknown tokens get 401, not 429");
        }
    }

    @Test
    void theWorkspaceBudgetIsSharedByItsConnections() throws Exception {
        Path fixture = OpsHttp.fixtureWith(dir, "{'rate_limits': {'workspace_budget': 4, 'workspace_window_seconds': 600}}");
        try (SandboxServer sb = SandboxServer.start(SandboxOptions.builder().fixture(fixture).build())) {
            OpsHttp api = new OpsHttp(sb.baseUrl());
            for (int i = 0; i < 3; i++) {
                assertEquals(200, api.get("/v1/users/me", DOCS_SYNC).status());
            }
            assertEquals(200, api.get("/v1/users/me", WIKI_READER).status());
            OpsHttp.Reply limited = api.get("/v1/users/me", WIKI_READER);
            assertEquals(429, limited.status());
            assertEquals("public_api_space_request_rate_limit",
                    limited.json().path("additional_data").path("rate_limit_reason").asText());
            assertTrue(Integer.parseInt(limited.header("Retry-After")) > 60, "the workspace window is longer than a minute");
        }
    }

    @Test
    void blockedNeverClearsAndHasNoRetryAfterEvenWithRateLimitsOff() throws Exception {
        Path fixture = OpsHttp.fixtureWith(dir, "{'rate_limits': {'blocked': ['wiki-reader']}}");
        try (SandboxServer sb = SandboxServer.start(SandboxOptions.builder().fixture(fixture).rateLimitOff().build())) {
            OpsHttp api = new OpsHttp(sb.baseUrl());
            for (int i = 0; i < 3; i++) {
                OpsHttp.Reply blocked = api.get("/v1/users/me", WIKI_READER);
                assertEquals(429, blocked.status());
                assertEquals("public_api_request_blocked",
                        blocked.json().path("additional_data").path("rate_limit_reason").asText());
                assertNull(blocked.header("Retry-After"));
            }
            for (int i = 0; i < 300; i++) {
                assertEquals(200, api.get("/v1/users/me", DOCS_SYNC).status(), "budgets are off for others");
            }
        }
    }

    @Test
    void aBadRateLimitsSectionIsReportedWithItsPath() throws Exception {
        Path fixture = OpsHttp.fixtureWith(dir, "{'rate_limits': {'blocked': ['nobody'], 'workspace_budget': 0}}");
        FixtureException e = assertThrows(FixtureException.class,
                () -> SandboxServer.start(SandboxOptions.builder().fixture(fixture).build()));
        assertEquals(java.util.List.of("rate_limits.blocked[0]: no connection or workspace with id \"nobody\"",
                "rate_limits.workspace_budget: should be a whole number of at least 1, not 0"), e.problems());
        assertNotNull(e.getMessage());
    }
}
