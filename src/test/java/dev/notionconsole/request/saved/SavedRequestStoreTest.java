package dev.notionconsole.request.saved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedRequestStoreTest {
    @TempDir
    Path dir;

    @Test
    void savedRequestsAreGroupedPersistedAndShareable() throws IOException {
        SavedRequestStore store = SavedRequestStore.open(dir);
        RequestSpec withAuth = new RequestSpec("POST", "/v1/search", List.of(),
                List.of(new NameValue("Authorization", "Bearer ntn_abcdefghijklmnop1234"), new NameValue("X-Case", "4711")),
                "{\"query\":\"ntn_abcdefghijklmnop1234\"}", "2025-09-03");
        store.save("Find roadmap", "Support", "search", withAuth);
        store.save("Me", null, "users.me", RequestSpec.of("GET", "/v1/users/me"));
        store.save("Find roadmap", "Support", "search", withAuth.withBody("{\"query\":\"v2\"}")); // replaces

        SavedRequestStore again = SavedRequestStore.open(dir);
        assertEquals(List.of("Saved", "Support"), List.copyOf(again.byGroup().keySet()));
        assertEquals(2, again.all().size());
        SavedRequest found = again.byGroup().get("Support").get(0);
        assertEquals("{\"query\":\"v2\"}", found.request().body());
        assertEquals(List.of(new NameValue("X-Case", "4711")), found.request().headers(), "no Authorization header is saved");

        Path export = dir.resolve("exported.json");
        again.export(export, "Support");
        String text = Files.readString(export);
        assertTrue(text.contains("\"format\" : \"notion-console/saved-requests\""), text);
        assertFalse(text.contains("ntn_abcdefghijklmnop1234"));

        SavedRequestStore other = SavedRequestStore.open(dir.resolve("other"));
        assertEquals(1, other.importFrom(export));
        assertEquals("Find roadmap", other.all().get(0).name());
    }

    @Test
    void aCorruptFileIsQuarantinedAndAForeignImportRefused() throws IOException {
        Files.writeString(dir.resolve(SavedRequestStore.FILE_NAME), "{not json");
        SavedRequestStore store = SavedRequestStore.open(dir);
        assertNotNull(store.loadProblem());
        assertEquals(0, store.all().size());
        Path foreign = dir.resolve("foreign.json");
        Files.writeString(foreign, "{\"info\": {\"name\": \"Postman\"}}");
        assertTrue(assertThrows(IOException.class, () -> store.importFrom(foreign)).getMessage().contains("not a Notion Console"));
    }

    /** Issue 12 item 6: a file of another format version is shown read-only and never rewritten. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"99", "0", "-1", "\"abc\"", "null"})
    void anUnknownVersionIsOpenedReadOnly(String version) throws IOException {
        Path file = dir.resolve(SavedRequestStore.FILE_NAME);
        String content = "{\"format\": \"notion-console/saved-requests\", \"version\": " + version + ", \"requests\": [{\"id\": \"r1\", "
                + "\"name\": \"From elsewhere\", \"request\": {\"method\": \"GET\", \"path\": \"/v1/users/me\"}, \"hologram\": 1}]}";
        Files.writeString(file, content);

        SavedRequestStore store = SavedRequestStore.open(dir);

        assertTrue(store.readOnly());
        assertTrue(store.loadProblem().contains("read-only"), store.loadProblem());
        assertEquals("From elsewhere", store.all().get(0).name());
        assertThrows(IOException.class, () -> store.save("Mine", null, null, RequestSpec.of("GET", "/v1/users")));
        assertThrows(IOException.class, () -> store.delete("r1"));
        assertEquals(content, Files.readString(file), "the file is exactly as it was");
    }
}
