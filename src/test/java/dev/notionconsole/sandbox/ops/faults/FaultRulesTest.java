package dev.notionconsole.sandbox.ops.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.fixture.FaultRule;
import dev.notionconsole.sandbox.fixture.PathPattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultRulesTest {
    private static JsonNode json(String s) throws Exception {
        return Json.mapper().readTree(s.replace('\'', '"'));
    }

    private static FaultRules parseOk(String s) throws Exception {
        List<String> problems = new ArrayList<>();
        FaultRules rules = FaultRules.parse(json(s), "faults", problems);
        assertEquals(List.of(), problems);
        return rules;
    }

    private static List<String> problemsOf(String s) throws Exception {
        List<String> problems = new ArrayList<>();
        FaultRules.parse(json(s), "faults", problems);
        return problems;
    }

    @Test
    void onceFiresOnceAlwaysKeepsFiringAndCountsFireAfterSkip() throws Exception {
        FaultRules rules = parseOk("[{'method':'PATCH','path':'/v1/pages/*','status':409,'times':'once'},"
                + "{'path':'/v1/search','status':500,'times':'always'},"
                + "{'method':'GET','path':'/v1/users','status':502,'times':2,'skip':1}]");
        assertEquals(409, rules.before("PATCH", "/v1/pages/abc", "Bot").orElseThrow().status());
        assertTrue(rules.before("PATCH", "/v1/pages/abc", "Bot").isEmpty(), "once");
        for (int i = 0; i < 5; i++) {
            assertEquals(500, rules.before("POST", "/v1/search", null).orElseThrow().status());
        }
        assertTrue(rules.before("GET", "/v1/users", null).isEmpty(), "the first one is skipped");
        assertEquals(502, rules.before("GET", "/v1/users", null).orElseThrow().status());
        assertEquals(502, rules.before("GET", "/v1/users?page_size=5", null).orElseThrow().status());
        assertTrue(rules.before("GET", "/v1/users", null).isEmpty(), "two times only");
    }

    @Test
    void methodPathAndConnectionMustAllMatch() throws Exception {
        FaultRules rules = parseOk("[{'method':'get','path':'/v1/blocks/*/children','status':503,"
                + "'times':'always','connection':'Acme Sync'}]");
        assertTrue(rules.before("GET", "/v1/blocks/b1/children", "Other").isEmpty());
        assertTrue(rules.before("PATCH", "/v1/blocks/b1/children", "Acme Sync").isEmpty());
        assertTrue(rules.before("GET", "/v1/blocks/b1", "Acme Sync").isEmpty());
        assertTrue(rules.before("GET", "/v1/blocks/b1/children/x", "Acme Sync").isEmpty());
        assertTrue(rules.before("GET", "/v1/blocks/b1/children?page_size=100", "Acme Sync").isPresent());
    }

    @Test
    void patternsCompareIdsInCanonicalFormAndSupportDoubleStar() {
        PathPattern p = PathPattern.parse("/v1/pages/59833787-2CF9-4FDF-8782-E53DB20768A5");
        assertTrue(p.matches("/v1/pages/598337872cf94fdf8782e53db20768a5"));
        assertTrue(p.matches("/v1/pages/59833787-2cf9-4fdf-8782-e53db20768a5/"));
        assertFalse(p.matches("/v1/pages/598337872cf94fdf8782e53db20768a6"));
        PathPattern any = PathPattern.parse("/v1/**");
        assertTrue(any.matches("/v1"));
        assertTrue(any.matches("/v1/data_sources/x/query"));
        assertFalse(any.matches("/v2/pages"));
        PathPattern mid = PathPattern.parse("/v1/**/children");
        assertTrue(mid.matches("/v1/blocks/x/children"));
        assertFalse(mid.matches("/v1/blocks/x/children/y"));
    }

    @Test
    void savedButTimedOutRulesAreOnlyOfferedAfterACommit() throws Exception {
        FaultRules rules = parseOk("[{'method':'POST','path':'/v1/pages','body':'saved_timeout','times':'once'}]");
        assertTrue(rules.before("POST", "/v1/pages", null).isEmpty());
        FaultRule rule = rules.afterCommit("POST", "/v1/pages", null).orElseThrow();
        assertEquals(503, rule.status());
        assertTrue(rules.afterCommit("POST", "/v1/pages", null).isEmpty());
    }

    @Test
    void aRuleWithOnlyADelayIsASlowRule() throws Exception {
        FaultRule slow = parseOk("[{'path':'/v1/search','delay_ms':1500}]").before("POST", "/v1/search", null)
                .orElseThrow();
        assertEquals(0, slow.status());
        assertEquals(1500, slow.delay().toMillis());
        assertEquals("* /v1/search -> delay 1500 ms always", slow.describe());
        assertEquals("PATCH /v1/pages/* -> 409 once after 2 for \"Acme Sync\"", parseOk("[{'method':'patch',"
                + "'path':'/v1/pages/*','status':409,'times':'once','skip':2,'connection':'Acme Sync'}]").rules().get(0)
                .describe());
    }

    @Test
    void problemsNameThePathAndTheFix() throws Exception {
        assertEquals(List.of("faults: should be an array of fault rules"), problemsOf("{}"));
        assertEquals(List.of(
                "faults[0]: unknown field \"statu\" (a fault rule has body, code, connection, delay_ms, message, "
                        + "method, note, path, retry_after, skip, status, times)",
                "faults[0].status: missing (an HTTP error status, 400 to 599), unless the rule only sets delay_ms"),
                problemsOf("[{'path':'/v1/pages','statu':500}]"));
        assertEquals(List.of("faults[0].path: missing, e.g. \"/v1/pages/*\""), problemsOf("[{'status':500}]"));
        assertEquals(List.of("faults[0].path: should start with / (e.g. /v1/pages/*)"),
                problemsOf("[{'path':'v1/pages','status':500}]"));
        assertEquals(List.of("faults[1].status: should be an HTTP error status between 400 and 599"),
                problemsOf("[{'path':'/v1/a','status':500},{'path':'/v1/b','status':200}]"));
        assertEquals(List.of("faults[0].code: missing; status 418 has no default code (defaults exist for 409, 429, "
                + "500, 502, 503, 504, 529)"), problemsOf("[{'path':'/v1/a','status':418}]"));
        assertEquals(List.of("faults[0].times: should be once, always or a positive number, not 0"),
                problemsOf("[{'path':'/v1/a','status':500,'times':0}]"));
        assertEquals(List.of("faults[0].method: saved_timeout applies to writes only (POST, PATCH, PUT, DELETE)"),
                problemsOf("[{'method':'GET','path':'/v1/a','body':'saved_timeout'}]"));
        assertEquals(List.of("faults[0].body: should be notion, saved_timeout, edge_html or empty, not \"html\""),
                problemsOf("[{'path':'/v1/a','status':502,'body':'html'}]"));
        assertEquals(List.of("faults[0].method: should be GET, POST, PATCH, PUT, DELETE or *, not \"FETCH\""),
                problemsOf("[{'method':'fetch','path':'/v1/a','status':500}]"));
    }

    @Test
    void jsonAnswersCarryNotionCodesAndRetryAfterTwice() throws Exception {
        FaultRules rules = parseOk("[{'path':'/v1/a','status':529},{'path':'/v1/b','status':503,"
                + "'code':'database_connection_unavailable'},{'path':'/v1/c','status':429,'retry_after':7},"
                + "{'path':'/v1/d','status':409}]");
        var overload = (FaultAnswer.JsonError) FaultResponses.answer(rules.before("GET", "/v1/a", null).orElseThrow());
        assertEquals("service_overload", overload.code());
        assertEquals("5", overload.headers().get("Retry-After"));
        assertEquals("5", overload.additionalData().get("retry_after").asText());

        var db = (FaultAnswer.JsonError) FaultResponses.answer(rules.before("GET", "/v1/b", null).orElseThrow());
        assertEquals("database_connection_unavailable", db.code());
        assertEquals("Notion is unavailable, please try again later.", db.message());
        assertNull(db.additionalData());

        var limited = (FaultAnswer.JsonError) FaultResponses.answer(rules.before("GET", "/v1/c", null).orElseThrow());
        assertEquals("7", limited.headers().get("Retry-After"));
        assertEquals("public_api_request_rate_limit", limited.additionalData().get("rate_limit_reason").asText());

        var conflict = (FaultAnswer.JsonError) FaultResponses.answer(rules.before("GET", "/v1/d", null).orElseThrow());
        assertEquals("conflict_error", conflict.code());
        assertEquals("Conflict occurred while saving. Please try again.", conflict.message());
    }

    @Test
    void savedButTimedOutNamesTheCommittedObjectOrTheParentAndChildren() throws Exception {
        FaultRule rule = parseOk("[{'method':'POST','path':'/v1/**','body':'saved_timeout'}]").rules().get(0);
        var created = (FaultAnswer.JsonError) FaultResponses.savedButTimedOut(rule, "POST", "/v1/pages",
                json("{'object':'page','id':'11111111-2222-3333-4444-555555555555'}"));
        assertEquals(503, created.status());
        assertEquals("service_unavailable", created.code());
        assertEquals(FaultResponses.SAVED_MESSAGE, created.message());
        assertEquals("11111111-2222-3333-4444-555555555555", created.additionalData().get("committed_resource_id").asText());
        assertTrue(created.additionalData().get("retry_guidance").isArray());
        assertEquals("60000", created.additionalData().get("deadline_ms").asText());
        assertTrue(Long.parseLong(created.additionalData().get("elapsed_ms").asText()) > 60_000);

        var appended = (FaultAnswer.JsonError) FaultResponses.savedButTimedOut(rule, "PATCH",
                "/v1/blocks/aaaaaaaabbbbccccddddeeeeeeeeeeee/children",
                json("{'object':'list','results':[{'id':'c1'},{'id':'c2'}]}"));
        assertEquals("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", appended.additionalData().get("committed_resource_id").asText());
        assertEquals("[\"c1\",\"c2\"]", appended.additionalData().get("committed_child_ids").toString());
    }

    @Test
    void edgeAnswersAreHtmlWithACfRayAndNoRequestId() throws Exception {
        FaultRule rule = parseOk("[{'path':'/v1/**','status':522,'body':'edge_html'}]").rules().get(0);
        var edge = assertInstanceOf(FaultAnswer.Raw.class, FaultResponses.answer(rule));
        assertEquals(522, edge.status());
        assertTrue(edge.contentType().startsWith("text/html"));
        assertTrue(edge.headers().get("cf-ray").matches("[0-9a-f]{16}-FRA"));
        assertFalse(edge.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("x-notion-request-id")));
        String html = new String(edge.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("522: Connection timed out"), html);
        assertTrue(html.contains(edge.headers().get("cf-ray").substring(0, 16)));
    }
}
