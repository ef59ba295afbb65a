package dev.notionconsole.notion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.Secret;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.ops.generate.GeneratedFixture;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against the real sandbox (a generated workspace): identity, pagination through pages the
 * sandbox deliberately cuts short, and errors as the sandbox builds them.
 */
class ClientAgainstSandboxTest {
    static SandboxServer sandbox;
    static NotionClient client;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.builder().generatedPages(450, 11).rateLimitOff().build());
        client = new NotionClient(ClientSettings.builder()
                .baseUrl(sandbox.baseUrl())
                .credentials(Credentials.bearer(Secret.of(GeneratedFixture.OWNER_PAT)))
                .rateLimiter(RateLimiter.unlimited())
                .build());
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void identity() throws Exception {
        Exchange me = client.send(ApiRequest.get("/v1/users/me"));
        assertTrue(me.ok(), me::toString);
        assertEquals("user", me.json().path("object").asText());
        assertEquals(me.header("x-notion-request-id").orElseThrow(), me.requestId());
    }

    @Test
    void searchPaginatesThroughEveryPage() throws Exception {
        List<Exchange> pages = new ArrayList<>();
        PageResult all = client.paginate(ApiRequest.post("/v1/search", "{\"filter\":{\"property\":\"object\",\"value\":\"page\"}}"),
                null, null, pages::add);
        assertTrue(all.complete(), all::toString);
        Set<String> ids = new HashSet<>();
        for (JsonNode r : all.results()) {
            assertTrue(ids.add(r.path("id").asText()), "no page twice: " + r.path("id"));
            assertEquals("page", r.path("object").asText());
        }
        assertTrue(ids.size() > 300, "the PAT sees most of the 450 pages: " + ids.size());
        assertEquals(pages.size(), all.pages());
        assertTrue(all.pages() >= 5, "at least 5 pages of at most 100: " + all.pages());
        assertTrue(pages.stream().anyMatch(p -> p.json().path("results").size() < 100 && p.json().path("has_more").asBoolean()),
                "the sandbox cut a page short with has_more true, and we went on");
    }

    @Test
    void errorsAreTypedAsTheSandboxSendsThem() throws Exception {
        Exchange missing = client.send(ApiRequest.get("/v1/pages/" + NotionIds.canonical("0".repeat(31) + "1")));
        assertEquals(404, missing.status());
        assertEquals(ErrorCodes.OBJECT_NOT_FOUND, missing.error().code());
        assertEquals(missing.header("x-notion-request-id").orElseThrow(), missing.error().requestId());

        Exchange badVersion = client.send(ApiRequest.get("/v1/users/me").version("2024-01-01"));
        assertEquals(400, badVersion.status());
        assertTrue(badVersion.error().message().contains("Notion-Version"), badVersion.error().message());

        Exchange notAnId = client.send(ApiRequest.get("/v1/pages/not-a-real-id"));
        assertEquals(ErrorCodes.VALIDATION_ERROR, notAnId.error().code());

        NotionClient revoked = new NotionClient(client.settings().toBuilder()
                .credentials(Credentials.bearer(Secret.of("ntn_this_token_was_never_issued_000"))).build());
        Exchange unauthorized = revoked.send(ApiRequest.get("/v1/users/me"));
        assertEquals(ErrorCodes.UNAUTHORIZED, unauthorized.error().code());
        assertFalse(unauthorized.toString().contains("never_issued"));
    }
}
