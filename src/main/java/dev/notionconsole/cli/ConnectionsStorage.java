package dev.notionconsole.cli;

import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.secrets.FileSecretStore;
import dev.notionconsole.secrets.SecretStorage;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code notion-console connections storage}: one subcommand of {@link ConnectionsCommand}. */
@Command(name = "storage", description = "Show where secrets are kept; opt in to or out of the secrets file.")
final class ConnectionsStorage extends ConnectionsSubcommand implements Callable<Integer> {
    @Option(names = "--use-file", description = "No keychain: keep secrets in a file only you can read (mode 0600).")
    boolean useFile;
    @Option(names = "--use-session", description = "Stop using the secrets file and delete it.")
    boolean useSession;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        ConnectionService s = parent.service();
        if (useFile && useSession) {
            throw new CommandLine.ParameterException(cl, "Choose one of --use-file and --use-session.");
        }
        SecretStorage.Status status = s.secretStorage().status();
        if (useFile) {
            if (status.keychainAvailable()) {
                throw new CommandLine.ParameterException(cl, "The system keychain works; secrets stay there.");
            }
            cl.getErr().println("warning: " + FileSecretStore.WARNING);
            s.optInToSecretsFile();
        } else if (useSession) {
            s.optOutOfSecretsFile();
        }
        status = s.secretStorage().status();
        PrintWriter out = cl.getOut();
        out.println("Secrets are kept in: " + status.description());
        if (!status.keychainAvailable()) {
            out.println("System keychain: not available. " + status.keychainProblem());
            if (status.sessionOnly()) {
                out.println("Secrets are kept for this session only. To keep them: notion-console connections storage --use-file");
            }
        }
        return ExitCodes.OK;
    }
}
