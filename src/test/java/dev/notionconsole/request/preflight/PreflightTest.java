package dev.notionconsole.request.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.notion.Capability;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreflightTest {
    private final Preflight preflight = new Preflight(EndpointCatalog.builtIn());

    private List<String> codes(RequestSpec spec, String version, Set<Capability> lacking) {
        return preflight.check(spec, version, lacking).stream().map(Finding::code).toList();
    }

    @Test
    void aGoodRequestHasNoFindings() {
        assertEquals(List.of(), codes(RequestSpec.of("POST", "/v1/search").withBody("{\"query\":\"x\",\"page_size\":10}"), "2026-03-11", Set.of()));
    }

    @Test
    void dataSourceRouteBeforeTheSplitWarns() {
        List<Finding> f = preflight.check(RequestSpec.of("POST", "/v1/data_sources/abc/query").withBody("{}"), "2022-06-28", Set.of());
        assertEquals("data-sources-version", f.get(0).code());
        assertTrue(f.get(0).message().contains("invalid_request_url"));
        assertFalse(codes(RequestSpec.of("GET", "/v1/data_sources/abc"), "2025-09-03", Set.of()).contains("data-sources-version"));
        assertTrue(codes(RequestSpec.of("POST", "/v1/databases/abc/query").withBody("{}"), "2026-03-11", Set.of()).contains("route-version"));
    }

    @Test
    void archivedWith2026WarnsButAPropertyNamedArchivedDoesNot() {
        assertTrue(codes(RequestSpec.of("PATCH", "/v1/pages/abc").withBody("{\"archived\": true}"), "2026-03-11", Set.of()).contains("archived-2026"));
        assertFalse(codes(RequestSpec.of("PATCH", "/v1/pages/abc").withBody("{\"archived\": true}"), "2025-09-03", Set.of()).contains("archived-2026"));
        assertTrue(codes(RequestSpec.of("POST", "/v1/data_sources/x/query").withBody("{\"filter\":{\"and\":[{\"archived\":false}]}}"), "2026-03-11", Set.of())
                .contains("archived-2026"));
        assertFalse(codes(RequestSpec.of("PATCH", "/v1/pages/abc").withBody("{\"properties\": {\"archived\": {\"checkbox\": true}}}"), "2026-03-11", Set.of())
                .contains("archived-2026"));
        assertTrue(codes(RequestSpec.of("PATCH", "/v1/blocks/b/children").withBody("{\"children\":[],\"after\":\"x\"}"), "2026-03-11", Set.of())
                .contains("after-2026"));
    }

    @Test
    void sizeLimitsOfTheNotes() {
        String big = "{\"children\": [{\"paragraph\": {\"rich_text\": [{\"text\": {\"content\": \"" + "x".repeat(600_000) + "\"}}]}}]}";
        List<String> c = codes(RequestSpec.of("PATCH", "/v1/blocks/b/children").withBody(big), "2026-03-11", Set.of());
        assertTrue(c.contains("payload-size"), c.toString());
        assertTrue(c.contains("text-length"), c.toString());
        StringBuilder many = new StringBuilder("{\"children\": [");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{\"type\":\"divider\",\"divider\":{}}");
        }
        many.append("]}");
        assertTrue(codes(RequestSpec.of("PATCH", "/v1/blocks/b/children").withBody(many.toString()), "2026-03-11", Set.of()).contains("array-size"));
    }

    @Test
    void aCapabilityTheConnectionLacksWarns() {
        List<Finding> f = preflight.check(RequestSpec.of("GET", "/v1/comments").withQuery(List.of(new NameValue("block_id", "x"))),
                "2026-03-11", Set.of(Capability.READ_COMMENTS));
        assertEquals("capability", f.get(0).code());
        assertTrue(f.get(0).message().contains("read comments"), f.get(0).message());
        assertTrue(f.get(0).message().contains("403"), f.get(0).message());
    }

    @Test
    void invalidJsonBlocksWithLineAndColumn() {
        List<Finding> f = preflight.check(RequestSpec.of("POST", "/v1/search").withBody("{\n  \"query\": \"x\",\n}"), "2026-03-11", Set.of());
        Finding bad = f.get(0);
        assertTrue(bad.blocking());
        assertEquals(3, bad.line());
        assertEquals(1, bad.column());
        assertTrue(bad.message().contains("invalid_json"));
    }

    @Test
    void unfilledPathUrlInPathPageSizeAndVersion() {
        assertTrue(codes(RequestSpec.of("GET", "/v1/pages/{page_id}"), "2026-03-11", Set.of()).contains("unfilled-path"));
        assertTrue(codes(RequestSpec.of("GET", "/v1/pages/https://www.notion.so/x"), "2026-03-11", Set.of()).contains("url-in-path"));
        assertTrue(codes(RequestSpec.of("GET", "/v1/users").withQuery(List.of(new NameValue("page_size", "500"))), "2026-03-11", Set.of()).contains("page-size"));
        assertTrue(codes(RequestSpec.of("GET", "/v1/users/me"), "2024-01-01", Set.of()).contains("unknown-version"));
        assertTrue(codes(RequestSpec.of("GET", "/v1/users/me"), null, Set.of()).contains("no-version"));
        assertTrue(codes(RequestSpec.of("GET", "/v1/users/me").withBody("{}"), "2026-03-11", Set.of()).contains("body-ignored"));
    }

    @Test
    void formFieldsBelongToUploadSendsOnly() {
        String send = "/v1/file_uploads/6c1b5c6e-0000-4000-8000-000000000001/send";
        RequestSpec withFile = RequestSpec.of("POST", send).withForm(List.of(new dev.notionconsole.request.NameValue("file", "@/tmp/a.png")));
        assertEquals(List.of(), codes(withFile, "2026-03-11", Set.of()));
        assertTrue(codes(RequestSpec.of("POST", send), "2026-03-11", Set.of()).contains("form-missing"));
        assertTrue(codes(withFile.withBody("{}"), "2026-03-11", Set.of()).contains("form-and-body"));
        assertTrue(codes(withFile.withForm(List.of(new dev.notionconsole.request.NameValue("file", "@"))), "2026-03-11", Set.of())
                .contains("form-field"));
        assertTrue(codes(RequestSpec.of("POST", "/v1/search").withForm(withFile.form()), "2026-03-11", Set.of()).contains("form-not-expected"));
    }
}
