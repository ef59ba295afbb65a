package dev.notionconsole.connections;

import dev.notionconsole.notion.Capability;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionStoreTest {
    @TempDir
    Path dir;

    static Connection publicConnection() {
        Instant t = Instant.parse("2026-11-20T10:15:30Z");
        return Connection.builder(ConnectionKind.PUBLIC_OAUTH).id("c-1").name("Acme app")
                .baseUrl("https://api.notion.com").notionVersion("2025-09-03").ratePlan(RatePlan.BUSINESS)
                .notes("team app").clientId("client-123").redirectUri("http://localhost:53682/callback")
                .installations(List.of(new Installation("bot-1", "ws-1", "Acme Corp", "🚀",
                        new AuthorizingUser("u-1", "Ada", "ada@example.com"), null, t, null)))
                .activeBotId("bot-1")
                .capabilities(List.of(new LearnedCapability(Capability.READ_COMMENTS, false, t,
                        "403 restricted_resource on GET /v1/comments")))
                .lastCheck(new IdentityCheck(t, IdentityCheck.Outcome.OK, "Acme Bot", ConnectionKind.PUBLIC_OAUTH,
                        "bot-1", "Acme Bot", "user", new AuthorizingUser("u-1", "Ada", null), "ws-1", "Acme Corp", 200, "req-1"))
                .createdAt(t).build();
    }

    @Test
    void roundTripsEveryField() throws Exception {
        ConnectionStore store = new ConnectionStore(dir.resolve("connections.json"));
        Connection internal = Connection.builder(ConnectionKind.INTERNAL).id("c-2").name("Internal").build();
        ConnectionsDocument doc = new ConnectionsDocument(2, "c-1", true, true, List.of(publicConnection(), internal));
        store.save(doc);

        ConnectionStore.LoadResult loaded = new ConnectionStore(dir.resolve("connections.json")).load();
        assertTrue(loaded.existed());
        assertTrue(loaded.notices().isEmpty(), loaded.notices().toString());
        assertEquals(doc, loaded.document());
    }

    @Test
    void neverWritesTemporaryConnections() throws Exception {
        ConnectionStore store = new ConnectionStore(dir.resolve("connections.json"));
        Connection temp = Connection.builder(ConnectionKind.INTERNAL).id("env").name("env").temporary(true).build();
        store.save(new ConnectionsDocument(2, null, false, false, List.of(temp, publicConnection())));
        String json = Files.readString(store.file());
        assertFalse(json.contains("\"env\""), json);
        assertEquals(1, store.load().document().connections().size());
    }

    @Test
    void firstStartHasNoFile() {
        ConnectionStore.LoadResult loaded = new ConnectionStore(dir.resolve("connections.json")).load();
        assertFalse(loaded.existed());
        assertTrue(loaded.document().connections().isEmpty());
        assertTrue(loaded.notices().isEmpty());
    }

    @Test
    void migratesFormat1AndKeepsABackup() throws Exception {
        Path file = dir.resolve("connections.json");
        try (var in = getClass().getResourceAsStream("connections-v1.json")) {
            Files.write(file, in.readAllBytes());
        }
        String original = Files.readString(file);

        ConnectionStore store = new ConnectionStore(file);
        ConnectionStore.LoadResult loaded = store.load();

        assertTrue(loaded.notices().get(0).contains("upgraded from format 1 to 2"), loaded.notices().toString());
        ConnectionsDocument doc = loaded.document();
        assertEquals("11111111-1111-1111-1111-111111111111", doc.currentConnectionId());
        assertEquals(3, doc.connections().size());

        Connection internal = doc.connections().get(0);
        assertEquals(ConnectionKind.INTERNAL, internal.kind());
        assertEquals("https://api.notion.com", internal.baseUrl());
        assertEquals("2022-06-28", internal.notionVersion());
        assertEquals(RatePlan.STANDARD, internal.ratePlan());
        assertEquals(List.of(Capability.READ_CONTENT, Capability.INSERT_CONTENT),
                internal.capabilities().stream().map(LearnedCapability::capability).toList(),
                "known capability names are kept, unknown ones dropped");
        assertTrue(internal.capabilities().get(0).present());
        assertNull(internal.capabilities().get(0).observedAt());

        Connection oauth = doc.connections().get(1);
        assertEquals(ConnectionKind.PUBLIC_OAUTH, oauth.kind());
        assertEquals(RatePlan.BUSINESS, oauth.ratePlan());
        assertEquals("client-abc", oauth.clientId());
        assertEquals("http://localhost:53682/callback", oauth.redirectUri());
        assertEquals(1, oauth.installations().size());
        assertEquals("Globex", oauth.activeInstallation().orElseThrow().workspaceName());

        assertEquals(ConnectionKind.PERSONAL_ACCESS_TOKEN, doc.connections().get(2).kind());
        assertEquals("http://127.0.0.1:9000", doc.connections().get(2).baseUrl());

        // the old file is kept, the new one is written in the current format and loads without migration
        assertEquals(original, Files.readString(dir.resolve("connections.json.v1.bak")));
        assertTrue(Files.readString(file).contains("\"formatVersion\" : 2"));
        ConnectionStore.LoadResult again = new ConnectionStore(file).load();
        assertTrue(again.notices().isEmpty());
        assertEquals(doc, again.document());
    }

    @Test
    void corruptFileIsMovedAsideWithAClearMessage() throws Exception {
        Path file = dir.resolve("connections.json");
        Files.writeString(file, "{\"formatVersion\": 2, \"connections\": [ {\"id\": ");

        ConnectionStore.LoadResult loaded = new ConnectionStore(file).load();

        assertFalse(loaded.existed());
        assertTrue(loaded.document().connections().isEmpty());
        String msg = loaded.notices().get(0);
        assertTrue(msg.contains("not valid JSON") && msg.contains("moved to connections.json.corrupt-"), msg);
        assertFalse(Files.exists(file));
        try (Stream<Path> files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("connections.json.corrupt-")).findFirst().orElseThrow();
            assertTrue(Files.readString(aside).startsWith("{\"formatVersion\": 2"), "the content is kept for the user");
        }
    }

    @Test
    void wrongShapesAndMissingVersionsCountAsCorrupt() throws Exception {
        for (String content : List.of("[]", "{\"connections\": []}", "{\"formatVersion\": 2, \"connections\": 7}", "")) {
            Path file = dir.resolve("connections.json");
            Files.writeString(file, content);
            ConnectionStore.LoadResult loaded = new ConnectionStore(file).load();
            assertFalse(loaded.notices().isEmpty(), content);
            assertTrue(loaded.notices().get(0).startsWith("Saved connections could not be loaded"), loaded.notices().get(0));
            assertFalse(Files.exists(file), content);
        }
    }

    @Test
    void aNewerFormatIsReadOnlyAndNeverOverwritten() throws Exception {
        Path file = dir.resolve("connections.json");
        String newer = "{\"formatVersion\": 3, \"connections\": [{\"id\": \"a\", \"name\": \"From the future\", "
                + "\"kind\": \"INTERNAL\", \"hologram\": true}]}";
        Files.writeString(file, newer);

        ConnectionStore store = new ConnectionStore(file);
        ConnectionStore.LoadResult loaded = store.load();

        assertTrue(loaded.readOnly());
        assertEquals("From the future", loaded.document().connections().get(0).name());
        assertTrue(loaded.notices().get(0).contains("newer Notion Console"));
        assertThrows(IOException.class, () -> store.save(loaded.document()));
        assertEquals(newer, Files.readString(file));
    }

    // ---- issue 12

    private static String entry(String id, String name) {
        return "{\"id\": " + (id == null ? "null" : "\"" + id + "\"") + ", \"name\": " + (name == null ? "null" : "\"" + name + "\"")
                + ", \"kind\": \"INTERNAL\"}";
    }

    private List<Path> siblings(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    /** Issue 12 item 1: Jackson's depth and string limits end in the README's promise, not in a raw exception. */
    @Test
    void aTooDeepOrTooLargeFileIsMovedAsideWithANotice() throws Exception {
        Path file = dir.resolve("connections.json");
        for (String content : List.of("[".repeat(1001) + "]".repeat(1001),
                "{\"formatVersion\": 2, \"connections\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"INTERNAL\", \"notes\": \""
                        + "n".repeat(21_000_000) + "\"}]}")) {
            Files.writeString(file, content);
            ConnectionStore.LoadResult loaded = new ConnectionStore(file).load();
            String msg = loaded.notices().get(0);
            assertTrue(msg.startsWith("Saved connections could not be loaded") && msg.contains(".corrupt-"), msg);
            assertTrue(msg.contains("nested deeper than 1000 levels") || msg.contains("text longer than 20,000,000 characters"), msg);
            assertFalse(Files.exists(file), "moved aside, so the next command starts clean");
            assertTrue(loaded.document().connections().isEmpty());
        }
        assertEquals(2, siblings("connections.json.corrupt-").size(), "two bad files in one second are both kept");
    }

    /** Issue 12 item 2: entries without a usable id are skipped, and the file as it was is kept before a rewrite. */
    @Test
    void emptyAndDuplicateIdsAreSkippedButTheOriginalIsKept() throws Exception {
        Path file = dir.resolve("connections.json");
        String content = "{\"formatVersion\": 2, \"connections\": [" + entry("a", "Kept") + ", " + entry("", "No id") + ", "
                + entry("a", "Twin") + "]}";
        Files.writeString(file, content);
        ConnectionStore store = new ConnectionStore(file);
        ConnectionStore.LoadResult loaded = store.load();

        assertEquals(List.of("Kept"), loaded.document().connections().stream().map(Connection::name).toList());
        String notices = String.join("\n", loaded.notices());
        assertTrue(notices.contains("\"No id\"") && notices.contains("\"Twin\""), notices);
        List<Path> copies = siblings("connections.json.bak-");
        assertEquals(1, copies.size());
        assertTrue(notices.contains(copies.get(0).getFileName().toString()), notices);
        store.save(loaded.document());
        assertEquals(content, Files.readString(copies.get(0)), "the dropped entries are still on disk after the rewrite");
    }

    /** Issue 12 item 3: a null name is repaired with a notice, and adding a connection next to it works. */
    @Test
    void aNullNameIsRepairedAndAddingStillWorks() throws Exception {
        Path file = dir.resolve("connections.json");
        Files.writeString(file, "{\"formatVersion\": 2, \"connections\": [" + entry("abcdef123456", null) + "]}");
        ConnectionStore.LoadResult loaded = new ConnectionStore(file).load();
        Connection c = loaded.document().connections().get(0);
        assertEquals("Unnamed connection abcdef12", c.name());
        assertTrue(String.join(" ", loaded.notices()).contains("had no name"), loaded.notices().toString());

        var problems = ConnectionValidator.validate(Connection.builder(ConnectionKind.INTERNAL).id("new").name("New").build(),
                loaded.document().connections(), true, false, dev.notionconsole.notion.NotionVersion.ALL);
        assertFalse(ConnectionValidator.blocking(problems), problems.toString());
    }
}
