package dev.notionconsole.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesContentAndLeavesNoTempFiles() throws Exception {
        Path f = dir.resolve("a.json");
        AtomicFiles.write(f, "old".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(f, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void ownerOnlyFilesAreMode0600() throws Exception {
        Path f = dir.resolve("secrets.json");
        AtomicFiles.writeOwnerOnly(f, "x".getBytes(StandardCharsets.UTF_8));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void quarantineMovesTheFileAside() throws Exception {
        Path f = dir.resolve("settings.json");
        Files.writeString(f, "{not json");
        Path aside = AtomicFiles.quarantine(f);
        assertFalse(Files.exists(f));
        assertTrue(aside.getFileName().toString().startsWith("settings.json.corrupt-"));
        assertEquals("{not json", Files.readString(aside));
    }
}
