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
        assertTrue(out.toString().contains("  2   bad usage"), out.toString());
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

    /**
     * Footer lines and exit codes are laid out as written: a footer line longer than the usage width was re-wrapped
     * by picocli mid-sentence ("connections --help" ended in "2 bad usage," / "3 could not connect.", issue 16,
     * item 12), and exit codes are picocli's aligned list, never a sentence in the footer.
     */
    @Test
    void everyCommandsHelpKeepsItsLinesAndListsExitCodes() {
        java.util.List<String> problems = new java.util.ArrayList<>();
        java.util.Deque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(java.util.List.of(NotionConsoleCli.commandLine()));
        while (!todo.isEmpty()) {
            picocli.CommandLine cl = todo.pop();
            todo.addAll(cl.getSubcommands().values());
            var usage = cl.getCommandSpec().usageMessage();
            for (String line : usage.footer()) {
                if (line.length() > usage.width() - 1) {
                    problems.add(cl.getCommandSpec().qualifiedName() + " footer line of " + line.length() + ": " + line);
                }
                if (line.contains("Exit codes")) {
                    problems.add(cl.getCommandSpec().qualifiedName() + " has exit codes in its footer");
                }
            }
            for (String line : usage.description()) { // a line picocli wraps must be a whole paragraph
                if (line.length() > usage.width() - 1 && !line.endsWith(".")) {
                    problems.add(cl.getCommandSpec().qualifiedName() + " description line broken mid-sentence: " + line);
                }
            }
            StringWriter help = new StringWriter();
            cl.usage(new PrintWriter(help));
            if (cl.getParent() == null || cl.getParent().getParent() == null) { // the commands, not their subcommands
                if (!help.toString().contains("Exit codes:") || usage.exitCodeList().isEmpty()) {
                    problems.add(cl.getCommandSpec().qualifiedName() + " lists no exit codes");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        StringWriter help = new StringWriter();
        NotionConsoleCli.commandLine().getSubcommands().get("connections").usage(new PrintWriter(help));
        assertTrue(help.toString().contains("Exit codes:") && help.toString().contains("  2   bad usage"), help.toString());
    }

    @Test
    void unknownOptionIsBadUsage() {
        assertEquals(ExitCodes.USAGE, run("--bogus"));
        assertTrue(err.toString().contains("Unknown option"), err.toString());
    }
}
