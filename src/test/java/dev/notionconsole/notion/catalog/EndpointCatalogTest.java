package dev.notionconsole.notion.catalog;

import dev.notionconsole.notion.Capability;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndpointCatalogTest {
    private final EndpointCatalog catalog = EndpointCatalog.builtIn();

    @Test
    void coversEveryFamilyOfTheApiNotes() {
        // notion-api.md section 2: pages, blocks, databases, data sources, search, users, comments, file uploads, views, OAuth
        assertTrue(catalog.families().containsAll(List.of("Pages", "Blocks", "Databases", "Data sources", "Search", "Users",
                "Comments", "File uploads", "Views", "OAuth")), catalog.families().toString());
        for (String id : List.of("pages.create", "pages.retrieve", "pages.update", "pages.move", "pages.property",
                "blocks.children.list", "blocks.children.append", "blocks.delete", "databases.retrieve", "data_sources.query",
                "data_sources.templates", "search", "users.list", "users.me", "comments.create", "comments.list",
                "file_uploads.create", "file_uploads.send", "views.list", "views.queries.create", "oauth.introspect", "oauth.revoke")) {
            assertTrue(catalog.byId(id).isPresent(), id);
        }
    }

    @Test
    void everyEntryIsComplete() {
        for (Endpoint e : catalog.all()) {
            if (e.capability() == null) {
                // only routes any token may call, and the OAuth routes (client credentials), need no capability
                assertTrue(e.auth() == Endpoint.Auth.BASIC || Set.of("users.me", "async_tasks.retrieve").contains(e.id()), e.id());
            }
            assertFalse(e.summary().isBlank(), e.id());
            assertEquals(Set.copyOf(e.placeholders()), Set.copyOf(e.pathParams().stream().map(EndpointParam::name).toList()), e.id());
            if (e.method().equals("POST") || e.method().equals("PATCH")) {
                if (e.bodyKind() == Endpoint.BodyKind.JSON && !e.id().equals("file_uploads.complete")) {
                    assertNotNull(e.body(), e.id() + " has a body template");
                }
            }
        }
    }

    @Test
    void versionsCapabilitiesAndPaginationComeFromTheNotes() {
        Endpoint query = catalog.byId("data_sources.query").orElseThrow();
        assertEquals("2025-09-03", query.since());
        assertFalse(query.existsIn("2022-06-28"));
        assertTrue(query.existsIn("2026-03-11"));
        assertEquals(Endpoint.Pagination.BODY, query.pagination());
        assertEquals(Capability.READ_CONTENT, query.capability());
        Endpoint legacy = catalog.byId("databases.query.legacy").orElseThrow();
        assertTrue(legacy.existsIn("2022-06-28"));
        assertFalse(legacy.existsIn("2025-09-03"));
        assertEquals(Capability.INSERT_COMMENTS, catalog.byId("comments.create").orElseThrow().capability());
        assertEquals(Endpoint.Auth.BASIC, catalog.byId("oauth.revoke").orElseThrow().auth());
        assertEquals(Endpoint.Pagination.QUERY, catalog.byId("blocks.children.list").orElseThrow().pagination());
        assertTrue(catalog.byId("search").orElseThrow().bodyTemplate().contains("\"page_size\" : 100"));
    }

    @Test
    void concreteCallsAreMatchedToTheirRouteLiteralSegmentsFirst() {
        assertEquals("users.me", catalog.lookup("GET", "/v1/users/me").orElseThrow().id());
        assertEquals("users.retrieve", catalog.lookup("GET", "/v1/users/6794760a-1f15-45cd-9c65-0dfe42f5135a").orElseThrow().id());
        assertEquals("blocks.children.append", catalog.lookup("PATCH", "/v1/blocks/abc/children").orElseThrow().id());
        assertEquals("pages.move", catalog.lookup("post", "/v1/pages/abc/move").orElseThrow().id());
        assertEquals("blocks.meeting_notes.query", catalog.lookup("POST", "/v1/blocks/meeting_notes/query").orElseThrow().id());
        assertEquals(List.of("p1", "prop%3A1"), catalog.byId("pages.property").orElseThrow().extract("/v1/pages/p1/properties/prop%3A1"));
        assertTrue(catalog.lookup("GET", "/v1/nothing/here").isEmpty());
        assertTrue(catalog.lookup("PUT", "/v1/pages").isEmpty());
    }

    @Test
    void searchRanksTheObviousHitFirst() {
        assertEquals("search", catalog.search("search").get(0).id());
        assertEquals("data_sources.query", catalog.search("query data source").get(0).id());
        assertEquals("users.me", catalog.search("users/me").get(0).id());
        assertTrue(catalog.search("comments").stream().allMatch(e -> e.family().equals("Comments") || e.summary().toLowerCase().contains("comment")));
        assertTrue(catalog.search("zzz-nothing").isEmpty());
        // Notion's reference names and common verbs (issue 16, item 8)
        assertEquals("users.list", catalog.search("list all users").get(0).id());
        assertEquals("pages.retrieve", catalog.search("get a page").get(0).id());
        assertEquals("pages.create", catalog.search("new page").get(0).id());
        assertEquals(catalog.all().size(), catalog.search("  ").size());
    }

    @Test
    void aBadCatalogIsRejectedWithEveryProblemListed() {
        String json = """
                {"endpoints": [
                  {"id": "a", "family": "F", "name": "A", "method": "GET", "path": "/v1/x/{x_id}", "capability": "read_content",
                   "summary": "s", "params": [], "body": {"q": 1}},
                  {"id": "a", "family": "F", "name": "B", "method": "PUT", "path": "v1/y", "capability": "read_content",
                   "summary": "s", "since": "2024-01-01"},
                  {"id": "c", "family": "F", "method": "GET", "path": "/v1/z", "capability": "read_content", "summary": "s"}
                ]}""";
        CatalogException e = assertThrows(CatalogException.class,
                () -> EndpointCatalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("placeholders [x_id] do not match path params []"), all);
        assertTrue(all.contains("GET routes take no body"), all);
        assertTrue(all.contains("duplicate id"), all);
        assertTrue(all.contains("method PUT"), all);
        assertTrue(all.contains("must start with /v1/"), all);
        assertTrue(all.contains("unknown Notion-Version 2024-01-01"), all);
        assertTrue(all.contains("\"name\" is missing"), all);
    }
}
