package dev.notionconsole.cli;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.IdentityCheck;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code notion-console connections test}: one subcommand of {@link ConnectionsCommand}. */
@Command(name = "test", description = "Call GET /v1/users/me and show who the token acts as.")
final class ConnectionsTest extends ConnectionsSubcommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONNECTION", arity = "0..1", description = "Name or id (default: the current one).")
    String which;

    @Override
    public Integer call() throws Exception {
        ConnectionService s = parent.service();
        Connection c = which != null ? parent.resolve(which) : s.current().orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(), "No current connection; name one."));
        IdentityCheck check = s.testConnection(c, dev.notionconsole.core.concurrent.CancellationToken.none());
        PrintWriter out = spec.commandLine().getOut();
        out.println(c.name() + ": " + check.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        out.println("  " + check.summary());
        if (check.workspaceName() != null || check.workspaceId() != null) {
            out.println("  Workspace: " + Optional.ofNullable(check.workspaceName()).orElse("(no name)")
                    + (check.workspaceId() != null ? " (" + check.workspaceId() + ")" : ""));
        }
        if (check.requestId() != null) {
            out.println("  Request id: " + check.requestId());
        }
        return switch (check.outcome()) {
            case OK -> ExitCodes.OK;
            case UNREACHABLE -> ExitCodes.CONNECT;
            case NO_TOKEN -> ExitCodes.USAGE;
            default -> ExitCodes.API_ERROR;
        };
    }
}
