package dev.notionconsole.request.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {
    private static final String TOKEN = "ntn_58301234567890abcdefABCDEFghij";

    @TempDir
    Path dir;

    static HistoryEntry entry(String conn, String method, String path, int status, String code, String body) {
        return new HistoryEntry(java.util.UUID.randomUUID().toString(), Instant.parse("2026-11-21T09:00:00Z"), "c1", conn,
                "https://api.notion.com", null, new RequestSpec(method, path, List.of(), List.of(), "", null), "2026-03-11",
                List.of(new NameValue("Authorization", "Bearer " + TOKEN), new NameValue("Notion-Version", "2026-03-11")),
                status, code, code == null ? null : "Could not find page", null, "req-" + status, 120, body.length(),
                List.of(new NameValue("x-notion-request-id", "req-" + status)), body, false, 1);
    }

    @Test
    void entriesSurviveAReopenNewestFirstWithTheTokenMasked() throws IOException {
        HistoryStore store = HistoryStore.open(dir);
        store.add(entry("Sandbox", "GET", "/v1/users/me", 200, null, "{\"access_token\":\"" + TOKEN + "\"}"));
        store.add(entry("Sandbox", "GET", "/v1/pages/abc", 404, "object_not_found", "{}"));
        String file = Files.readString(dir.resolve(HistoryStore.FILE_NAME));
        assertFalse(file.contains(TOKEN), "the token never reaches the disk");
        assertTrue(file.contains("ntn_…ghij"), file);

        HistoryStore again = HistoryStore.open(dir);
        assertNull(again.loadProblem());
        List<HistoryEntry> all = again.entries();
        assertEquals(2, all.size());
        assertEquals("/v1/pages/abc", all.get(0).request().path());
        assertEquals("Bearer ntn_…ghij", all.get(1).sentHeaders().get(0).value());
        assertFalse(all.get(1).responseBody().contains(TOKEN));
    }

    @Test
    void searchByPathStatusCodeAndConnection() throws IOException {
        HistoryStore store = HistoryStore.open(dir);
        store.add(entry("Sandbox", "POST", "/v1/search", 200, null, "{}"));
        store.add(entry("Acme prod", "GET", "/v1/pages/abc", 404, "object_not_found", "{}"));
        store.add(entry("Acme prod", "GET", "/v1/users", 403, "restricted_resource", "{}"));
        assertEquals(1, store.search("/v1/search").size());
        assertEquals(1, store.search("status:404").size());
        assertEquals(2, store.search("4xx").size());
        assertEquals(1, store.search("code:restricted").size());
        assertEquals(2, store.search("conn:acme").size());
        assertEquals(1, store.search("conn:acme pages").size());
        assertEquals(2, store.search("errors").size());
        assertEquals(1, store.search("method:post").size());
        assertEquals(3, store.search("").size());
    }

    @Test
    void boundedToTheLimitAndBodiesAreCapped() throws IOException {
        HistoryStore store = HistoryStore.open(dir.resolve("h.jsonl"), 20);
        for (int i = 0; i < 45; i++) {
            store.add(entry("S", "GET", "/v1/blocks/" + i + "/children", 200, null, i == 44 ? "x".repeat(HistoryEntry.BODY_LIMIT + 10) : "{}"));
        }
        assertEquals(20, store.size());
        assertEquals("/v1/blocks/44/children", store.entries().get(0).request().path());
        assertTrue(store.entries().get(0).responseTruncated());
        assertEquals(HistoryEntry.BODY_LIMIT, store.entries().get(0).responseBody().length());
        HistoryStore again = HistoryStore.open(dir.resolve("h.jsonl"), 20);
        assertEquals(20, again.size());
        assertTrue(Files.readAllLines(dir.resolve("h.jsonl")).size() <= 22, "the file is compacted, not left to grow");
    }

    @Test
    void aCorruptFileIsQuarantinedAndTheGoodEntriesKept() throws IOException {
        HistoryStore store = HistoryStore.open(dir);
        store.add(entry("S", "GET", "/v1/users/me", 200, null, "{}"));
        store.add(entry("S", "GET", "/v1/users", 200, null, "{}"));
        Path file = dir.resolve(HistoryStore.FILE_NAME);
        Files.writeString(file, Files.readString(file) + "{\"id\": \"half a line", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);

        HistoryStore again = HistoryStore.open(dir);
        assertNotNull(again.loadProblem());
        assertTrue(again.loadProblem().contains("1 unreadable entry"), again.loadProblem());
        assertEquals(2, again.size());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith(HistoryStore.FILE_NAME + ".corrupt-")));
        }
        again.add(entry("S", "GET", "/v1/search", 200, null, "{}"));
        assertNull(HistoryStore.open(dir).loadProblem(), "the rewritten file is clean");
    }

    @Test
    void binaryGarbageIsNotFatal() throws IOException {
        Files.write(dir.resolve(HistoryStore.FILE_NAME), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n', (byte) 0xc3});
        HistoryStore store = HistoryStore.open(dir);
        assertNotNull(store.loadProblem());
        assertEquals(0, store.size());
        store.add(entry("S", "GET", "/v1/users/me", 200, null, "{}"));
        assertEquals(1, HistoryStore.open(dir).size());
    }

    @Test
    void clearEmptiesTheHistory() throws IOException {
        HistoryStore store = HistoryStore.open(dir);
        store.add(entry("S", "GET", "/v1/users/me", 200, null, "{}"));
        store.clear();
        assertEquals(0, store.size());
        assertEquals(0, HistoryStore.open(dir).size());
    }

    /** Issue 12 item 4: an append after a lost newline keeps both entries; a null line is unreadable, not a null entry. */
    @Test
    void anAppendNeverGluesOntoALineThatLostItsNewline() throws IOException {
        HistoryStore store = HistoryStore.open(dir);
        store.add(entry("One", "GET", "/v1/users/me", 200, null, "{}"));
        Path file = dir.resolve(HistoryStore.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 1)); // truncate -s -1

        HistoryStore.open(dir).add(entry("Two", "GET", "/v1/users", 200, null, "{}"));

        HistoryStore again = HistoryStore.open(dir);
        assertNull(again.loadProblem());
        assertEquals(List.of("Two", "One"), again.entries().stream().map(HistoryEntry::connectionName).toList());
    }

    @Test
    void aNullLineOrLeftoverTextIsUnreadableAndSaidSo() throws IOException {
        HistoryStore store = HistoryStore.open(dir);
        store.add(entry("One", "GET", "/v1/users/me", 200, null, "{}"));
        Path file = dir.resolve(HistoryStore.FILE_NAME);
        String good = Files.readString(file).strip();
        Files.writeString(file, good + "\nnull\n" + good.replace("\"One\"", "\"Two\"") + " trailing words\n");

        HistoryStore again = HistoryStore.open(dir);

        assertNotNull(again.loadProblem());
        assertTrue(again.loadProblem().contains("2 unreadable entries"), again.loadProblem());
        assertEquals(List.of("Two", "One"), again.entries().stream().map(HistoryEntry::connectionName).toList());
        assertEquals(2, again.search("users").size(), "search over what was kept works");
    }

    /** Issue 12 item 5: request bodies are capped like responses, keeping the size and marking the cut. */
    @Test
    void requestBodiesAreCappedWithTheirSizeKept() throws IOException {
        String big = "{\"q\":\"" + "x".repeat(3 * HistoryEntry.BODY_LIMIT) + "\"}";
        HistoryEntry e = entry("Big", "POST", "/v1/search", 200, null, "{}");
        HistoryStore store = HistoryStore.open(dir);
        store.add(new HistoryEntry(e.id(), e.at(), e.connectionId(), e.connectionName(), e.baseUrl(), e.endpointId(),
                e.request().withBody(big), e.version(), e.sentHeaders(), e.status(), e.errorCode(), e.errorMessage(), e.outcome(),
                e.requestId(), e.durationMillis(), e.responseBytes(), e.responseHeaders(), e.responseBody(), false, 1));

        assertTrue(Files.size(dir.resolve(HistoryStore.FILE_NAME)) < 2L * HistoryEntry.BODY_LIMIT);
        HistoryEntry kept = HistoryStore.open(dir).entries().get(0);
        assertTrue(kept.requestTruncated());
        assertEquals(big.length(), kept.requestBodyBytes());
        assertEquals(HistoryEntry.BODY_LIMIT, kept.request().body().length());
    }
}
