package dev.notionconsole.sandbox.ops;

import static dev.notionconsole.sandbox.ops.OpsHttp.DOCS_SYNC;
import static dev.notionconsole.sandbox.ops.OpsHttp.WIKI_READER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.fixture.FixtureException;
import dev.notionconsole.sandbox.model.Ids;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fault rules from a fixture, over real HTTP (docs/notion-api.md §4.1, 4.2, 4.5; decision 0034). */
class FaultInjectionHttpTest {
    private static final String HANDBOOK = Ids.fromKey("handbook");
    private static final String ENGINEERING = Ids.fromKey("engineering");

    @TempDir
    Path dir;

    private SandboxServer start(String faults, SandboxOptions.Builder options) throws Exception {
        Path fixture = OpsHttp.fixtureWith(dir, "{'faults': " + faults + "}");
        return SandboxServer.start(options.fixture(fixture).build());
    }

    @Test
    void overloadConflictGatewayTimeoutAndEdgeAnswers() throws Exception {
        String faults = "[{'method':'GET','path':'/v1/users','status':529,'times':'once'},"
                + "{'method':'PATCH','path':'/v1/pages/*','status':409,'times':'once'},"
                + "{'method':'GET','path':'/v1/blocks/*/children','status':504,'times':'once'},"
                + "{'method':'GET','path':'/v1/comments','status':502,'body':'edge_html'}]";
        try (SandboxServer sb = start(faults, SandboxOptions.builder().rateLimitOff())) {
            OpsHttp api = new OpsHttp(sb.baseUrl());
            OpsHttp.Reply overload = api.get("/v1/users", DOCS_SYNC);
            assertEquals(529, overload.status());
            assertEquals("service_overload", overload.code());
            assertEquals("5", overload.header("Retry-After"));
            assertEquals("5", overload.json().path("additional_data").path("retry_after").asText());
            assertEquals(overload.header("x-notion-request-id"), overload.json().path("request_id").asText());
            assertEquals(200, api.get("/v1/users", DOCS_SYNC).status(), "once");

            String before = api.get("/v1/pages/" + HANDBOOK, DOCS_SYNC).json().path("properties").toString();
            OpsHttp.Reply conflict = api.send("PATCH", "/v1/pages/" + HANDBOOK.replace("-", ""), DOCS_SYNC,
                    "{\"properties\":{\"title\":{\"title\":[{\"text\":{\"content\":\"Changed\"}}]}}}");
            assertEquals(409, conflict.status());
            assertEquals("conflict_error", conflict.code());
            assertEquals("Conflict occurred while saving. Please try again.", conflict.json().path("message").asText());
            assertEquals(before, api.get("/v1/pages/" + HANDBOOK, DOCS_SYNC).json().path("properties").toString(),
                    "a conflict changes nothing");

            OpsHttp.Reply timeout = api.get("/v1/blocks/" + HANDBOOK + "/children?page_size=10", DOCS_SYNC);
            assertEquals(504, timeout.status());
            assertEquals("gateway_timeout", timeout.code());

            for (int i = 0; i < 2; i++) {
                OpsHttp.Reply edge = api.get("/v1/comments?block_id=" + HANDBOOK, DOCS_SYNC);
                assertEquals(502, edge.status());
                assertTrue(edge.header("Content-Type").startsWith("text/html"));
                assertTrue(edge.header("cf-ray").matches("[0-9a-f]{16}-[A-Z]{3}"));
                assertNull(edge.header("x-notion-request-id"), "edge answers never reached the API");
                assertTrue(edge.body().contains("<title>api.notion.com | 502: Bad gateway</title>"));
            }
        }
    }

    @Test
    void savedButTimedOutAppliesTheWriteAndNamesWhatWasCommitted() throws Exception {
        String faults = "[{'method':'POST','path':'/v1/pages','body':'saved_timeout','times':'once'},"
                + "{'method':'PATCH','path':'/v1/blocks/*/children','body':'saved_timeout','times':'once'}]";
        try (SandboxServer sb = start(faults, SandboxOptions.builder().rateLimitOff())) {
            OpsHttp api = new OpsHttp(sb.baseUrl());
            // a write that fails validation keeps its own error and does not use up the rule
            assertEquals(400, api.send("POST", "/v1/pages", DOCS_SYNC, "{\"properties\":{}}").status());

            OpsHttp.Reply saved = api.send("POST", "/v1/pages", DOCS_SYNC, "{\"parent\":{\"page_id\":\"" + HANDBOOK
                    + "\"},\"properties\":{\"title\":{\"title\":[{\"text\":{\"content\":\"Saved anyway\"}}]}}}");
            assertEquals(503, saved.status(), saved::toString);
            assertEquals("service_unavailable", saved.code());
            assertEquals("The change was saved, but the response could not be built in time. Read the object again "
                    + "instead of repeating the write.", saved.json().path("message").asText());
            JsonNode data = saved.json().path("additional_data");
            assertTrue(data.path("retry_guidance").isArray() && data.path("retry_guidance").size() > 0);
            assertEquals("60000", data.path("deadline_ms").asText());
            assertEquals("POST /v1/pages", data.path("from").asText());
            String pageId = data.path("committed_resource_id").asText();
            OpsHttp.Reply readBack = api.get("/v1/pages/" + pageId, DOCS_SYNC);
            assertEquals(200, readBack.status(), "the page was saved: " + readBack);
            assertEquals("Saved anyway", readBack.json().path("properties").path("title").path("title").path(0)
                    .path("plain_text").asText());

            OpsHttp.Reply appended = api.send("PATCH", "/v1/blocks/" + pageId.replace("-", "") + "/children", DOCS_SYNC,
                    "{\"children\":[{\"paragraph\":{\"rich_text\":[{\"text\":{\"content\":\"one\"}}]}},"
                            + "{\"paragraph\":{\"rich_text\":[{\"text\":{\"content\":\"two\"}}]}}]}");
            assertEquals(503, appended.status(), appended::toString);
            JsonNode appendData = appended.json().path("additional_data");
            assertEquals(pageId, appendData.path("committed_resource_id").asText(), "appends name the parent");
            assertEquals(2, appendData.path("committed_child_ids").size());
            JsonNode children = api.get("/v1/blocks/" + pageId + "/children", DOCS_SYNC).json().path("results");
            assertEquals(appendData.path("committed_child_ids").path(1).asText(), children.path(1).path("id").asText());
            assertEquals(200, api.send("POST", "/v1/pages", DOCS_SYNC, "{\"parent\":{\"page_id\":\"" + HANDBOOK
                    + "\"},\"properties\":{\"title\":{\"title\":[{\"text\":{\"content\":\"Fine\"}}]}}}").status(), "once");
        }
    }

    @Test
    void connectionFilterSkipDelayAndRateLimitsComeFirst() throws Exception {
        String faults = "[{'path':'/v1/users/me','status':500,'connection':'Wiki Reader','skip':1,'times':'once'},"
                + "{'path':'/v1/pages/*','delay_ms':400,'times':'once'}]";
        try (SandboxServer sb = start(faults, SandboxOptions.builder().rateLimitPerMinute(4))) {
            OpsHttp api = new OpsHttp(sb.baseUrl());
            assertEquals(200, api.get("/v1/users/me", DOCS_SYNC).status(), "other connection");
            assertEquals(200, api.get("/v1/users/me", WIKI_READER).status(), "skipped once");
            OpsHttp.Reply failed = api.get("/v1/users/me", WIKI_READER);
            assertEquals(500, failed.status());
            assertEquals("internal_server_error", failed.code());
            assertEquals(200, api.get("/v1/users/me", WIKI_READER).status());

            long t0 = System.nanoTime();
            assertEquals(200, api.get("/v1/pages/" + ENGINEERING, DOCS_SYNC).status(), "slow but real");
            assertTrue(System.nanoTime() - t0 >= 400_000_000L, "delayed by the rule");

            api.get("/v1/users/me", WIKI_READER); // the 4th of its budget
            assertEquals(429, api.get("/v1/users/me", WIKI_READER).status(), "a limited client sees 429 first");
        }
    }

    @Test
    void invalidRulesStopTheFixtureWithPathNamedProblems() throws Exception {
        Path fixture = OpsHttp.fixtureWith(dir, "{'faults': [{'path':'/v1/pages','status':200},"
                + "{'method':'GET','path':'/v1/pages','body':'saved_timeout'}]}");
        FixtureException e = assertThrows(FixtureException.class,
                () -> SandboxServer.start(SandboxOptions.builder().fixture(fixture).build()));
        assertEquals(List.of("faults[0].status: should be an HTTP error status between 400 and 599",
                "faults[1].method: saved_timeout applies to writes only (POST, PATCH, PUT, DELETE)"), e.problems());
        assertFalse(e.getMessage().contains("Exception"));
    }
}
