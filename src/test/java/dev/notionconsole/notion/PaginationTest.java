package dev.notionconsole.notion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.core.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * next_cursor loops over GET (query string) and POST (body), against a server that returns short pages
 * (fewer than page_size with has_more true) and opaque cursors with characters that need encoding.
 */
class PaginationTest {
    static final int TOTAL = 250;
    LoopbackServer server;
    NotionClient client;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        client = new NotionClient(ClientSettings.builder()
                .baseUrl(server.baseUrl())
                .credentials(Credentials.bearer(Secret.of("ntn_paginationtoken1234567890")))
                .rateLimiter(RateLimiter.unlimited())
                .build());
        // pages of at most 70 (less than the 100 asked): clients must loop on has_more, not on counts
        server.otherwise(r -> {
            String cursor;
            if (r.method().equals("GET")) {
                cursor = query(r.query()).get("start_cursor");
            } else {
                JsonNode body = BodyParsing.parseJson(r.body().getBytes(StandardCharsets.UTF_8));
                cursor = body.hasNonNull("start_cursor") ? body.get("start_cursor").asText() : null;
            }
            int from = cursor == null ? 0 : Integer.parseInt(cursor.substring("c+/=".length()));
            int to = Math.min(TOTAL, from + 70);
            ObjectNode page = Json.mapper().createObjectNode().put("object", "list");
            ArrayNode results = page.putArray("results");
            for (int i = from; i < to; i++) {
                results.addObject().put("object", "page").put("n", i);
            }
            page.put("has_more", to < TOTAL);
            if (to < TOTAL) {
                page.put("next_cursor", "c+/=" + to);
            } else {
                page.putNull("next_cursor");
            }
            page.put("type", "page_or_data_source");
            return LoopbackServer.Answer.json(200, Json.compact(page));
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void getPagesThroughQueryString() throws Exception {
        List<Exchange> pages = new ArrayList<>();
        PageResult result = client.paginate(ApiRequest.get("/v1/users"), null, null, pages::add);
        assertTrue(result.complete());
        assertEquals(TOTAL, result.results().size());
        for (int i = 0; i < TOTAL; i++) {
            assertEquals(i, result.results().get(i).get("n").asInt());
        }
        assertEquals(4, result.pages());
        assertEquals(4, pages.size());
        List<LoopbackServer.Received> got = server.received();
        assertEquals("100", query(got.get(0).query()).get("page_size"));
        assertNull(query(got.get(0).query()).get("start_cursor"), "no cursor on the first page");
        assertEquals("c+/=70", query(got.get(1).query()).get("start_cursor"), "cursor passed back verbatim");
        assertEquals(TOTAL, result.asListJson().get("results").size());
        assertFalse(result.asListJson().get("has_more").asBoolean());
    }

    @Test
    void queryStringTypedInThePathIsNotSentTwice() throws Exception {
        PageResult result = client.paginate(ApiRequest.get("/v1/users?page_size=100&name=a%20b"), null, null, null);
        assertEquals(TOTAL, result.results().size());
        String q = server.received().get(1).query();
        assertEquals(1, q.split("page_size=", -1).length - 1, q);
        assertEquals("a b", query(q).get("name"));
        assertEquals("c+/=70", query(q).get("start_cursor"));
    }

    @Test
    void postPagesThroughTheBodyKeepingTheFilter() throws Exception {
        PageResult result = client.paginate(ApiRequest.post("/v1/search", "{\"query\":\"road\",\"filter\":{\"property\":\"object\",\"value\":\"page\"}}"),
                CancellationToken.none(), CallObserver.NONE, null);
        assertEquals(TOTAL, result.results().size());
        List<LoopbackServer.Received> got = server.received();
        JsonNode first = Json.mapper().readTree(got.get(0).body());
        assertEquals(100, first.get("page_size").asInt());
        assertFalse(first.has("start_cursor"));
        assertEquals("road", first.get("query").asText());
        JsonNode second = Json.mapper().readTree(got.get(1).body());
        assertEquals("c+/=70", second.get("start_cursor").asText());
        assertEquals("page", second.get("filter").get("value").asText());
        assertNull(got.get(0).query(), "nothing in the query string for POST");
    }

    @Test
    void stopsAtAFailedPageKeepingWhatCameBefore() throws Exception {
        server.then(LoopbackServer.Answer.json(200,
                "{\"object\":\"list\",\"results\":[{\"n\":0}],\"has_more\":true,\"next_cursor\":\"c+/=1\"}"));
        server.then(LoopbackServer.Answer.json(400, "{\"object\":\"error\",\"status\":400,\"code\":\"validation_error\",\"message\":\"bad cursor\"}"));
        PageResult result = client.paginate(ApiRequest.post("/v1/search", null), null, null, null);
        assertFalse(result.complete());
        assertEquals(1, result.results().size());
        assertEquals("validation_error", result.failure().error().code());
        assertEquals(2, result.pages());
    }

    @Test
    void repeatedCursorStopsInsteadOfLoopingForever() throws Exception {
        LoopbackServer.Answer same = LoopbackServer.Answer.json(200,
                "{\"object\":\"list\",\"results\":[{\"n\":1}],\"has_more\":true,\"next_cursor\":\"same\"}");
        server.then(same, same, same);
        PageResult result = client.paginate(ApiRequest.get("/v1/blocks/x/children"), null, null, null);
        assertFalse(result.complete());
        assertTrue(result.stopNote().contains("same next_cursor"), result.stopNote());
        assertEquals(2, result.pages());
    }

    @Test
    void incompleteRequestStatusIsFlagged() throws Exception {
        server.then(LoopbackServer.Answer.json(200, "{\"object\":\"list\",\"results\":[],\"has_more\":false,\"next_cursor\":null,"
                + "\"request_status\":{\"type\":\"incomplete\",\"incomplete_reason\":\"query_result_limit_reached\"}}"));
        assertTrue(client.paginate(ApiRequest.post("/v1/data_sources/x/query", "{}"), null, null, null).truncated());
    }

    @Test
    void templatesListWithoutResultsField() throws Exception {
        server.then(LoopbackServer.Answer.json(200, "{\"templates\":[{\"id\":\"t1\"},{\"id\":\"t2\"}],\"has_more\":false,\"next_cursor\":null}"));
        assertEquals(2, client.paginate(ApiRequest.get("/v1/data_sources/x/templates"), null, null, null).results().size());
    }

    @Test
    void cancelBetweenPages() {
        CancellationToken token = new CancellationToken();
        List<Exchange> seen = new ArrayList<>();
        assertThrows(CancellationException.class, () -> client.paginate(ApiRequest.get("/v1/users"), token, null, ex -> {
            seen.add(ex);
            token.cancel();
        }));
        assertEquals(1, seen.size());
        assertEquals(1, server.received().size());
    }

    @Test
    void bodyThatIsNotAnObjectIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client.paginate(ApiRequest.post("/v1/search", "[1,2"), null, null, null));
        assertTrue(e.getMessage().contains("JSON object"), e.getMessage());
    }

    static Map<String, String> query(String q) {
        Map<String, String> m = new HashMap<>();
        if (q == null) {
            return m;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }
}
