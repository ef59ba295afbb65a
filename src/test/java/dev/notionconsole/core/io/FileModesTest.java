package dev.notionconsole.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.LoggerContext;
import dev.notionconsole.core.logging.OwnerOnlyRollingFileAppender;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.request.history.HistoryEntry;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.request.saved.SavedRequestStore;
import dev.notionconsole.settings.AppSettings;
import dev.notionconsole.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 13: every file the console creates in its folder is 0600, and the folder it creates 0700. */
class FileModesTest {
    @TempDir
    Path dir;
    Path home;

    @BeforeEach
    void posixOnly() {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX modes only");
        home = dir.resolve("fresh").resolve("notion-console");
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theHistoryIsCreatedOwnerOnlyByItsFirstAppend() throws Exception {
        HistoryStore.open(home).add(new HistoryEntry("1", Instant.now(), "c", "C", "b", null, RequestSpec.of("GET", "/v1/users/me"),
                "2026-03-11", List.of(), 200, null, null, null, null, 1, 0, List.of(), "", false, 1));
        assertEquals("rw-------", mode(home.resolve(HistoryStore.FILE_NAME)));
        assertEquals("rwx------", mode(home));
        assertEquals("rwx------", mode(home.getParent()), "every folder the console creates");
    }

    @Test
    void aWidenedHistoryIsNarrowedOnTheNextAppend() throws Exception {
        Files.createDirectories(home);
        Path file = home.resolve(HistoryStore.FILE_NAME);
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        HistoryStore.open(home).add(new HistoryEntry("1", Instant.now(), "c", "C", "b", null, RequestSpec.of("GET", "/v1/users"),
                "2026-03-11", List.of(), 200, null, null, null, null, 1, 0, List.of(), "", false, 1));
        assertEquals("rw-------", mode(file));
    }

    @Test
    void storesWrittenWholeAreOwnerOnly() throws Exception {
        new SettingsStore(home.resolve(SettingsStore.FILE_NAME)).save(AppSettings.defaults());
        SavedRequestStore.open(home).save("Me", null, null, RequestSpec.of("GET", "/v1/users/me"));
        assertEquals("rw-------", mode(home.resolve(SettingsStore.FILE_NAME)));
        assertEquals("rw-------", mode(home.resolve(SavedRequestStore.FILE_NAME)));
        assertEquals("rwx------", mode(home));
    }

    @Test
    void theLogFileAndItsFolderAreOwnerOnly() throws Exception {
        Path log = home.resolve("logs").resolve("notion-console.log");
        OwnerOnlyRollingFileAppender<Object> appender = new OwnerOnlyRollingFileAppender<>();
        appender.setContext(new LoggerContext());
        appender.openFile(log.toString());
        try {
            assertEquals("rw-------", mode(log));
            assertEquals("rwx------", mode(log.getParent()));
        } finally {
            appender.stop();
        }
    }
}
