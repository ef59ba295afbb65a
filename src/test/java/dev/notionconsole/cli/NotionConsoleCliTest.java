package dev.notionconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class NotionConsoleCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cl = NotionConsoleCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void helpListsUsageAndExitCodes() {
        assertEquals(ExitCodes.OK, run("--help"));
        assertTrue(out.toString().contains("Usage: notion-console"), out.toString());
        assertTrue(out.toString().contains("2 bad usage"), out.toString());
    }

    @Test
    void versionPrintsNameAndVersion() {
        assertEquals(ExitCodes.OK, run("--version"));
        assertTrue(out.toString().startsWith("Notion Console "), out.toString());
    }

    @Test
    void unknownOptionIsBadUsage() {
        assertEquals(ExitCodes.USAGE, run("--bogus"));
        assertTrue(err.toString().contains("Unknown option"), err.toString());
    }
}
