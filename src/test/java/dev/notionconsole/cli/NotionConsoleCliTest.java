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
    void everySubcommandAnswersHelpEvenWithRequiredOptions() {
        java.util.List<String> failures = new java.util.ArrayList<>();
        visit(NotionConsoleCli.commandLine(), new java.util.ArrayList<>(), failures);
        assertTrue(failures.isEmpty(), "commands whose --help failed: " + failures);
    }

    private void visit(picocli.CommandLine cl, java.util.List<String> path, java.util.List<String> failures) {
        for (var entry : cl.getSubcommands().entrySet()) {
            java.util.List<String> args = new java.util.ArrayList<>(path);
            args.add(entry.getKey());
            args.add("--help");
            out.getBuffer().setLength(0);
            if (run(args.toArray(String[]::new)) != ExitCodes.OK || !out.toString().startsWith("Usage: notion-console")) {
                failures.add(String.join(" ", args) + " -> " + err);
            }
            args.remove(args.size() - 1);
            visit(entry.getValue(), args, failures);
        }
    }

    @Test
    void unknownOptionIsBadUsage() {
        assertEquals(ExitCodes.USAGE, run("--bogus"));
        assertTrue(err.toString().contains("Unknown option"), err.toString());
    }
}
