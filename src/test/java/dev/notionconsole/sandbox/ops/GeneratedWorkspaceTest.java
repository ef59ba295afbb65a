package dev.notionconsole.sandbox.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.sandbox.SandboxConnection;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.ops.generate.GeneratedFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --pages N --seed S}: a generated workspace served like a fixture, the same for the same seed. */
class GeneratedWorkspaceTest {
    @Test
    void servesTheGeneratedPagesWithSharingAndIsDeterministic() throws Exception {
        JsonNode doc = GeneratedFixture.generate(3_000, 7).fixture();
        JsonNode pages = doc.path("pages");
        String firstTop = pages.path(0).path("id").asText();
        String row = null;
        for (JsonNode p : pages) {
            if (row == null && p.path("parent").has("data_source")) {
                row = p.path("id").asText();
            }
        }
        // a page not under the first top-level page: the Team Bot must not see it
        String otherTop = pages.path(1).path("id").asText();
        String deep = pages.path(pages.size() / 3).path("id").asText();

        try (SandboxServer sb = SandboxServer.start(SandboxOptions.builder().generatedPages(3_000, 7).rateLimitOff().build())) {
            assertEquals(3_000, sb.model().read(() -> (int) sb.model().nodes().stream()
                    .filter(n -> n instanceof dev.notionconsole.sandbox.model.Page).count()));
            List<String> names = sb.connections().stream().map(SandboxConnection::name).toList();
            assertEquals(List.of("Bench Bot", "Team Bot", "Scoped Bot", "Olivia's token"), names);
            OpsHttp api = new OpsHttp(sb.baseUrl());
            for (String id : List.of(firstTop, deep, row)) {
                OpsHttp.Reply r = api.get("/v1/pages/" + id, GeneratedFixture.BENCH_TOKEN);
                assertEquals(200, r.status(), r::toString);
                assertEquals(id, r.json().path("id").asText());
            }
            assertEquals(200, api.get("/v1/pages/" + firstTop, GeneratedFixture.TEAM_TOKEN).status());
            OpsHttp.Reply hidden = api.get("/v1/pages/" + otherTop, GeneratedFixture.TEAM_TOKEN);
            assertEquals(404, hidden.status());
            assertEquals("object_not_found", hidden.code());
            OpsHttp.Reply search = api.send("POST", "/v1/search", GeneratedFixture.OWNER_PAT, "{\"page_size\":100}");
            assertEquals(200, search.status(), search::toString);
            int n = search.json().path("results").size();
            assertTrue(n > 0 && n <= 100, "a page of results (the sandbox sometimes gives fewer on purpose): " + n);
            assertTrue(search.json().path("has_more").asBoolean());
        }
        assertEquals(doc, GeneratedFixture.generate(3_000, 7).fixture(), "same seed, same workspace");
    }
}
