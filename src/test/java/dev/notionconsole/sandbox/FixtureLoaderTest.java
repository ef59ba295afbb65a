package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.fixture.FixtureException;
import dev.notionconsole.sandbox.fixture.FixtureLoader;
import dev.notionconsole.sandbox.fixture.FixtureWriter;
import dev.notionconsole.sandbox.model.Block;
import dev.notionconsole.sandbox.model.Connection;
import dev.notionconsole.sandbox.model.DataSource;
import dev.notionconsole.sandbox.model.Database;
import dev.notionconsole.sandbox.model.Page;
import dev.notionconsole.sandbox.model.SandboxModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureLoaderTest {
    static FixtureException fail(String json) {
        return assertThrows(FixtureException.class,
                () -> FixtureLoader.load(json.getBytes(StandardCharsets.UTF_8), "test.json", Clock.systemUTC()));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        FixtureException e = fail("{\n  \"fixture_version\": 1,\n  \"workspaces\": [\n}");
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("line 4, column 1: not valid JSON"), e.problems().get(0));
        assertTrue(e.getMessage().startsWith("The sandbox fixture test.json is not valid (1 problem):"), e.getMessage());
    }

    @Test
    void versionIsRequiredAndChecked() {
        assertTrue(fail("{\"workspaces\": [{\"id\": \"w\", \"name\": \"W\"}]}").problems().contains("fixture_version: missing; this sandbox reads version 1"));
        assertEquals(List.of("fixture_version: 2 is not supported; this sandbox reads version 1"),
                fail("{\"fixture_version\": 2}").problems());
        assertEquals(List.of("(root): should be a JSON object"), fail("[]").problems());
    }

    @Test
    void everyProblemIsCollectedWithItsPath() {
        String json = """
                {"fixture_version": 1,
                 "workspaces": [{"id": "w", "name": "W", "plan": "gold"}],
                 "users": [{"id": "u", "name": "U", "workspace": "nowhere"}, {"id": "g", "name": "G", "workspace": "w", "role": "guest"}],
                 "pages": [
                   {"id": "a", "title": "A", "parent": {"workspace": "w"}, "colour": "red"},
                   {"id": "b", "title": "B", "parent": {"page": "missing"}},
                   {"id": "c", "title": "C", "parent": {"page": "d"}},
                   {"id": "d", "title": "D", "parent": {"page": "c"}},
                   {"id": "a", "title": "A again", "parent": {"workspace": "w"}},
                   {"id": "e", "title": "E", "parent": {"workspace": "w"}, "content": [{"type": "sparkles"}]}
                 ],
                 "connections": [
                   {"kind": "internal", "id": "i", "name": "I", "workspace": "w", "token": "t1", "capabilities": ["read_everything"], "shares": ["zzz"]},
                   {"kind": "personal", "id": "p", "name": "P", "workspace": "w", "creator": "g", "token": "t1"},
                   {"kind": "robot", "id": "r", "name": "R"}
                 ],
                 "faults": [{"method": "GET", "path": "v1/pages", "status": 200, "times": "twice"}]
                }""";
        List<String> p = fail(json).problems();
        Set<String> expected = Set.of(
                "workspaces[0].plan: should be free, plus, business or enterprise, not \"gold\"",
                "users[0].workspace: no workspace with id \"nowhere\"",
                "pages[0]: unknown field \"colour\"",
                "pages[1].parent: no page with id \"missing\"",
                "pages[4].id: duplicate id \"a\" (also used at pages[0])",
                "pages[5].content[0].type: unknown block type \"sparkles\"",
                "connections[0].capabilities: unknown capability \"read_everything\"; use read_content, update_content, insert_content, read_comments, insert_comments",
                "connections[0].shares[0]: no page or database with id \"zzz\"",
                "connections[1].creator: guests cannot create personal access tokens (docs/notion-api.md §6)",
                "connections[1].token: token already used by another connection",
                "connections[2].kind: should be internal, public or personal, not \"robot\"",
                "faults[0].path: should start with / (e.g. /v1/pages/*)",
                "faults[0].status: should be an HTTP error status between 400 and 599",
                "faults[0].times: should be once, always or a positive number, not \"twice\"");
        for (String e : expected) {
            assertTrue(p.contains(e), () -> "missing problem: " + e + "\nall: " + String.join("\n", p));
        }
        assertTrue(p.stream().anyMatch(s -> s.contains("cycle: this object is its own ancestor")), () -> String.join("\n", p));
    }

    @Test
    void installationsOnlyPickPagesTheUserCanSee() {
        String json = """
                {"fixture_version": 1,
                 "workspaces": [{"id": "w", "name": "W"}],
                 "users": [{"id": "g", "name": "G", "workspace": "w", "role": "guest", "access": ["open"]}],
                 "pages": [{"id": "open", "title": "Open", "parent": {"workspace": "w"}}, {"id": "closed", "title": "Closed", "parent": {"workspace": "w"}}],
                 "connections": [{"kind": "public", "id": "pub", "name": "Pub", "client_id": "c", "client_secret": "s", "redirect_uris": ["http://localhost/cb"],
                   "installations": [{"user": "g", "pages": ["open", "closed"], "access_token": "tok"}]}]}""";
        assertEquals(List.of("connections[0].installations[0].pages[1]: \"closed\" is not accessible to \"g\", so the page picker would not offer it"),
                fail(json).problems());
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        FixtureException e = assertThrows(FixtureException.class, () -> FixtureLoader.load(dir.resolve("nope.json"), Clock.systemUTC()));
        assertEquals(List.of("file not found"), e.problems());
    }

    @Test
    void serverStartReportsABadFixtureWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"fixture_version\": 1, \"workspaces\": []}");
        FixtureException e = assertThrows(FixtureException.class,
                () -> SandboxServer.start(SandboxOptions.builder().fixture(f).discoverExtensions(false).build()));
        assertEquals(List.of("workspaces: at least one workspace is needed"), e.problems());
    }

    @Test
    void defaultFixtureHasEverythingTheIssueAsksFor() {
        SandboxModel m = FixtureLoader.loadDefault(Clock.systemUTC());
        long objects = m.nodeCount();
        assertTrue(objects >= 60 && objects <= 140, "objects: " + objects);
        assertEquals(2, m.workspaces().size());
        Set<Connection.Kind> kinds = m.connections().stream().map(Connection::kind).collect(Collectors.toSet());
        assertEquals(Set.of(Connection.Kind.values()), kinds);
        assertTrue(m.nodes().stream().anyMatch(n -> n instanceof Database d && d.wiki()), "a wiki");
        assertTrue(m.nodes().stream().anyMatch(n -> n instanceof Database d && d.dataSources().size() > 1), "a multi-source database");
        assertTrue(m.nodes().stream().anyMatch(n -> n instanceof Block b && b.isLinkedDatabase()), "a linked database");
        assertTrue(m.nodes().stream().anyMatch(n -> n instanceof Page p && p.inTrash()), "a trashed page");
        assertTrue(m.nodes().stream().anyMatch(n -> n instanceof Page p && p.parent() instanceof Block), "a page under a block");
        assertTrue(m.nodes().stream().anyMatch(n -> n instanceof Database d && d.parent() instanceof DataSource), "a database in a wiki");
        assertTrue(m.connections().stream().allMatch(c -> c.description() != null && !c.description().isBlank()), "descriptions");
        assertTrue(m.tokens().entries().stream().anyMatch(e -> e.revoked()), "a revoked token");
    }

    @Test
    void writerRoundTripsTheWholeModel() throws Exception {
        SandboxModel first = FixtureLoader.loadDefault(Clock.systemUTC());
        byte[] written = Json.mapper().writeValueAsBytes(first.read(() -> FixtureWriter.write(first)));
        SandboxModel second = FixtureLoader.load(written, "round trip", Clock.systemUTC());
        assertEquals(first.nodeCount(), second.nodeCount());
        assertEquals(Json.mapper().readTree(written), second.read(() -> FixtureWriter.write(second)));
    }
}
