package dev.notionconsole.cli;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.core.Secret;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code notion-console connections set-token}: one subcommand of {@link ConnectionsCommand}. */
@Command(name = "set-token", description = "Replace the token of an internal connection or personal access token.")
final class ConnectionsSetToken extends ConnectionsSubcommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONNECTION")
    String which;
    @ArgGroup(exclusive = true, multiplicity = "1")
    TokenSource token;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        Connection c = parent.resolve(which);
        if (c.kind() == ConnectionKind.PUBLIC_OAUTH) {
            throw new CommandLine.ParameterException(cl, "Public connections get their tokens by authorizing ('notion-console oauth').");
        }
        Secret t = parent.readSecret(token.env, token.stdin, "token", cl).orElseThrow();
        if (!c.temporary()) {
            parent.requireLastingSecrets(cl);
        }
        parent.service().setToken(c.id(), t);
        cl.getOut().println("Token of \"" + c.name() + "\" replaced (" + t.masked() + ").");
        return ExitCodes.OK;
    }
}
