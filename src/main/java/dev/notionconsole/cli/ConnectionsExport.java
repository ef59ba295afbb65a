package dev.notionconsole.cli;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionTransfer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code notion-console connections export}: one subcommand of {@link ConnectionsCommand}. */
@Command(name = "export", description = "Write connection definitions as JSON, without any secret.")
final class ConnectionsExport extends ConnectionsSubcommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Default: standard output.")
    Path output;
    @Parameters(paramLabel = "CONNECTION", arity = "0..*", description = "Names or ids (default: all saved).")
    List<String> which;

    @Override
    public Integer call() throws IOException {
        List<Connection> chosen = which == null || which.isEmpty() ? parent.service().list()
                : which.stream().map(parent::resolve).toList();
        byte[] json = ConnectionTransfer.export(chosen, Instant.now());
        if (output == null) {
            spec.commandLine().getOut().println(new String(json, StandardCharsets.UTF_8));
        } else {
            dev.notionconsole.core.io.AtomicFiles.write(output, json);
            spec.commandLine().getOut().println("Exported " + chosen.stream().filter(c -> !c.temporary()).count()
                    + " connection(s) to " + output + " (no secrets).");
        }
        return ExitCodes.OK;
    }
}
