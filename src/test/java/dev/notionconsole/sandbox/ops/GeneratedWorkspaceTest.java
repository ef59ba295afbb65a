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

    @Test
    void teamAndScopedBotsHaveHolesTheirReadableParentsStillList() throws Exception {
        GeneratedFixture.Generated g = GeneratedFixture.generate(3_000, 7);
        assertTrue(g.teamHoles() > 0 && g.scopedHoles() > 0, g.teamHoles() + " / " + g.scopedHoles());
        JsonNode team = g.fixture().path("connections").get(1);
        assertTrue(team.path("description").asText().contains("removed from " + g.teamHoles() + " pages"), team::toString);
        java.util.Map<String, JsonNode> pages = new java.util.HashMap<>();
        g.fixture().path("pages").forEach(p -> pages.put(p.path("id").asText(), p));
        try (SandboxServer sb = SandboxServer.start(SandboxOptions.builder().generatedPages(3_000, 7).rateLimitOff().build())) {
            OpsHttp api = new OpsHttp(sb.baseUrl());
            int checked = 0;
            for (JsonNode removed : team.path("removed_from")) {
                String hole = removed.asText();
                JsonNode parent = pages.get(hole).path("parent");
                if (!parent.has("page")) {
                    continue; // in a toggle or a column: its parent block is listed, not the page
                }
                String parentId = parent.path("page").asText();
                assertEquals(404, api.get("/v1/pages/" + hole, GeneratedFixture.TEAM_TOKEN).status());
                assertEquals(200, api.get("/v1/pages/" + hole, GeneratedFixture.BENCH_TOKEN).status());
                assertEquals(200, api.get("/v1/pages/" + parentId, GeneratedFixture.TEAM_TOKEN).status());
                OpsHttp.Reply kids = api.get("/v1/blocks/" + parentId + "/children?page_size=100", GeneratedFixture.TEAM_TOKEN);
                List<String> listed = new java.util.ArrayList<>();
                kids.json().path("results").forEach(b -> listed.add(b.path("id").asText()));
                assertTrue(listed.contains(hole), "the readable parent still lists the hole's child_page block");
                checked++;
            }
            assertTrue(checked > 0);
        }
    }

    @Test
    void withSearchLagOnlyWhatIsSharedDirectlyIsSearchableButEverythingReads() throws Exception {
        JsonNode doc = GeneratedFixture.generate(1_000, 3).fixture();
        String firstTop = doc.path("pages").path(0).path("id").asText();
        String deep = doc.path("pages").path(300).path("id").asText();
        try (SandboxServer sb = SandboxServer.start(SandboxOptions.builder().generatedPages(1_000, 3).rateLimitOff()
                .searchLagSeconds(3_600).build())) {
            OpsHttp api = new OpsHttp(sb.baseUrl());
            OpsHttp.Reply team = api.send("POST", "/v1/search", GeneratedFixture.TEAM_TOKEN, "{\"page_size\":100}");
            assertEquals(1, team.json().path("results").size(), team::toString);
            assertEquals(firstTop, team.json().path("results").path(0).path("id").asText(), "only its one share is indexed");
            assertEquals(200, api.get("/v1/pages/" + deep, GeneratedFixture.BENCH_TOKEN).status(), "reads are not affected");
            OpsHttp.Reply owner = api.send("POST", "/v1/search", GeneratedFixture.OWNER_PAT, "{\"page_size\":100}");
            assertEquals(0, owner.json().path("results").size(), "nothing is shared directly with a personal token");
        }
    }
}
