package dev.notionconsole.cli;

import dev.notionconsole.connections.Connection;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code notion-console connections use}: one subcommand of {@link ConnectionsCommand}. */
@Command(name = "use", description = "Show or set the current connection.")
final class ConnectionsUse extends ConnectionsSubcommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONNECTION", arity = "0..1")
    String which;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (which == null) {
            out.println(parent.service().current().map(Connection::name).orElse("(none)"));
            return ExitCodes.OK;
        }
        Connection c = parent.resolve(which);
        parent.service().setCurrent(c.id());
        out.println("Current connection: " + c.name());
        return ExitCodes.OK;
    }
}
