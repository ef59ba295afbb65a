package dev.notionconsole.core.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's logging set-up in code (it replaced logback.xml): the file, its level, redaction, quiet libraries. */
class LogConfiguratorTest {
    @TempDir
    Path dir;

    @Test
    void logsInfoAndUpToTheOwnerOnlyFileWithTokensMasked() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // what SLF4J's provider sets
        try {
            LogConfigurator.configure(context, dir.resolve("logs"));
            Logger log = context.getLogger("dev.notionconsole.Example");
            log.debug("not kept");
            log.info("sent with ntn_abcdefghijklmnopqrstuvwxyz0123456789");
            context.getLogger("jdk.internal.httpclient.Http1").info("library chatter");
            assertEquals(Level.WARN, context.getLogger("org.freedesktop.dbus").getEffectiveLevel());
        } finally {
            context.stop();
        }
        Path file = dir.resolve("logs").resolve(LogConfigurator.FILE_NAME);
        String text = Files.readString(file);
        assertTrue(text.contains("INFO  [") && text.contains("dev.notionconsole.Example - sent with"), text);
        assertFalse(text.contains("ntn_abcdefghijklmnopqrstuvwxyz0123456789"), "the token is masked: " + text);
        assertFalse(text.contains("not kept") || text.contains("library chatter"), text);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }
}
