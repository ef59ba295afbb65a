package dev.notionconsole.cli;

import dev.notionconsole.connections.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code notion-console connections remove}: one subcommand of {@link ConnectionsCommand}. */
@Command(name = "remove", description = "Delete a connection and its stored secrets.")
final class ConnectionsRemove extends ConnectionsSubcommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONNECTION")
    String which;
    @Option(names = {"-y", "--yes"}, description = "Do not ask.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        Connection c = parent.resolve(which);
        CommandLine cl = spec.commandLine();
        if (!yes) {
            java.io.Console console = System.console();
            if (console == null) {
                throw new CommandLine.ParameterException(cl, "Removing \"" + c.name() + "\" deletes its secrets; add --yes to confirm.");
            }
            String answer = console.readLine("Remove \"%s\" and its stored secrets? [y/N] ", c.name());
            if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                cl.getOut().println("Nothing removed.");
                return ExitCodes.OK;
            }
        }
        try {
            parent.service().remove(c.id());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        cl.getOut().println("Removed \"" + c.name() + "\"."
                + (c.installations().isEmpty() ? "" : " Its installations' tokens were deleted locally but not revoked at "
                + "Notion; revoke them with 'notion-console oauth revoke' first if they should stop working."));
        return ExitCodes.OK;
    }
}
