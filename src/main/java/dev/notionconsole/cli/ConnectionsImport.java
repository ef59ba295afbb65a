package dev.notionconsole.cli;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionTransfer;
import dev.notionconsole.core.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code notion-console connections import}: one subcommand of {@link ConnectionsCommand}. */
@Command(name = "import", description = "Add connections from an export; asks for each one's secret.")
final class ConnectionsImport extends ConnectionsSubcommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path file;
    @Option(names = "--secret-env", paramLabel = "NAME=VAR",
            description = "The secret for the connection NAME is in the environment variable VAR (repeatable).")
    Map<String, String> secretEnv = new LinkedHashMap<>();
    @Option(names = "--secrets-stdin",
            description = "Read secrets from standard input, one line per connection that needs one, in file order.")
    boolean secretsStdin;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        List<Connection> drafts;
        try {
            drafts = ConnectionTransfer.parse(Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CommandLine.ParameterException(cl, "No such file: " + file);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        boolean needsSecrets = drafts.stream().anyMatch(d -> ConnectionTransfer.SecretNeed.of(d) != ConnectionTransfer.SecretNeed.NONE);
        if (needsSecrets && (secretsStdin || !secretEnv.isEmpty())) {
            parent.requireLastingSecrets(cl);
        }
        BufferedReader stdin = secretsStdin
                ? new BufferedReader(new InputStreamReader(parent.environment().stdin().get(), StandardCharsets.UTF_8)) : null;
        List<String> wanted = new ArrayList<>();
        ConnectionTransfer.ImportReport report = ConnectionTransfer.importInto(parent.service(), drafts, (draft, need) -> {
            String what = need == ConnectionTransfer.SecretNeed.TOKEN ? "token" : "client secret";
            String var = secretEnv.get(draft.name());
            if (var != null) {
                String v = parent.environment().env().get(var);
                if (v == null || v.isBlank()) {
                    throw new IOException("The environment variable " + var + " is not set.");
                }
                return Optional.of(Secret.of(v));
            }
            if (stdin != null) {
                String line = stdin.readLine();
                return line == null || line.isBlank() ? Optional.empty() : Optional.of(Secret.of(line));
            }
            wanted.add(draft.name() + " (" + what + ")");
            return Optional.empty();
        });
        PrintWriter out = cl.getOut();
        report.added().forEach(c -> out.println("Imported \"" + c.name() + "\"."));
        report.alreadyPresent().forEach(s -> out.println("Not imported, " + s + "."));
        report.skipped().forEach(s -> cl.getErr().println("Skipped " + s + "."));
        if (!wanted.isEmpty()) {
            cl.getErr().println("Give secrets with --secret-env \"NAME=VAR\" or --secrets-stdin for: " + String.join(", ", wanted));
        }
        return report.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
