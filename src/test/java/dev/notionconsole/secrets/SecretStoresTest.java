package dev.notionconsole.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.notionconsole.core.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoresTest {
    private static final Secret TOKEN = Secret.of("ntn_filestoretest0000000000000000000001");

    @TempDir
    Path dir;

    @Test
    void sessionStoreKeepsSecretsInMemoryOnly() {
        SessionSecretStore store = new SessionSecretStore();
        store.put("a", TOKEN);
        assertEquals(Optional.of(TOKEN), store.get("a"));
        store.delete("a");
        store.delete("a"); // absent is not an error
        assertEquals(Optional.empty(), store.get("a"));
        assertEquals(SecretStore.Persistence.SESSION, store.persistence());
    }

    @Test
    void fileStoreIsOwnerOnlyAndSurvivesReopening() throws Exception {
        Path file = dir.resolve("secrets.json");
        FileSecretStore store = FileSecretStore.open(file);
        store.put("connection/x/token", TOKEN);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        FileSecretStore reopened = FileSecretStore.open(file);
        assertEquals(Optional.of(TOKEN), reopened.get("connection/x/token"));
        reopened.delete("connection/x/token");
        assertEquals(Optional.empty(), FileSecretStore.open(file).get("connection/x/token"));
    }

    @Test
    void fileStoreNarrowsAWidenedFileBackToItsOwner() throws Exception {
        Path file = dir.resolve("secrets.json");
        FileSecretStore.open(file).put("k", TOKEN);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(Optional.of(TOKEN), FileSecretStore.open(file).get("k"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void unreadableSecretsFileIsMovedAsideAndItsContentNeverQuoted() throws Exception {
        Path file = dir.resolve("secrets.json");
        Files.writeString(file, "{\"secrets\": {\"k\": \"" + TOKEN.reveal() + "\"");
        SecretStoreException e = assertThrows(SecretStoreException.class, () -> FileSecretStore.open(file));
        assertTrue(e.getMessage().contains("moved to secrets.json.corrupt-"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN.reveal()));
        assertFalse(Files.exists(file));
    }

    @Test
    void withoutKeychainSecretsAreSessionOnlyUntilTheUserOptsIn() throws Exception {
        Path file = dir.resolve("secrets.json");
        SecretStorage storage = SecretStorage.sessionOnly(file, false);
        SecretStorage.Status status = storage.status();
        assertTrue(status.sessionOnly());
        assertFalse(status.keychainAvailable());
        assertFalse(status.keychainProblem().isBlank(), "the UI can say why");

        storage.put("k", TOKEN);
        assertFalse(Files.exists(file), "never a silent plaintext fallback");

        storage.optInToFile();
        assertEquals(SecretStore.Persistence.FILE, storage.persistence());
        assertTrue(storage.fileOptedIn());
        assertEquals(Optional.of(TOKEN), FileSecretStore.open(file).get("k"), "this session's secrets moved into the file");

        // next start: the opt-in is remembered by the caller and the file is read
        SecretStorage next = SecretStorage.sessionOnly(file, true);
        assertEquals(Optional.of(TOKEN), next.get("k"));

        next.optOutOfFile();
        assertFalse(Files.exists(file));
        assertEquals(Optional.of(TOKEN), next.get("k"), "still usable for the rest of the session");
        assertEquals(SecretStore.Persistence.SESSION, next.persistence());
    }

    @Test
    void keychainProbeOnAHeadlessMachineExplainsWhy() {
        String bus = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        assumeTrue((bus == null || bus.isBlank()) && System.getProperty("os.name").toLowerCase().contains("linux"),
                "only meaningful without a D-Bus session (javafx-house.md B4)");
        long start = System.nanoTime();
        KeychainProbe.Result result = KeychainProbe.probe();
        assertFalse(result.available());
        assertTrue(result.reason().contains("D-Bus"), result.reason());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "fails fast");
    }
}
