package dev.notionconsole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.bundle.Bundle;
import dev.notionconsole.bundle.BundleSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bundle show FILE}: the manifest, the connection, each call with its status and code, the diagnoses, the map's counts. */
@Command(name = "show", description = "Summarise a bundle: manifest, connection, calls, diagnoses, map.")
final class BundleShowCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @Parameters(index = "0", paramLabel = "FILE", description = "The .ncbundle file.")
    Path file;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        Bundle b = BundleCommand.open(cl, file);
        PrintWriter out = cl.getOut();
        BundleSummary s = new BundleSummary(b);
        s.header().forEach(out::println);
        out.println();
        out.println("Calls:");
        for (int i = 0; i < b.exchanges().size(); i++) {
            var x = b.exchanges().get(i);
            JsonNode d = b.diagnosisOf(i);
            out.printf("  %2d  %-24s %s%s%n", i + 1, x.outcome(), TerminalText.line(x.describe()),
                    d == null ? "" : "  → " + d.path("cause").asText());
        }
        if (!b.diagnoses().isEmpty()) {
            out.println();
            out.println("Diagnoses:");
            for (var d : b.diagnoses()) {
                JsonNode j = d.path("diagnosis");
                out.println("  call " + (d.path("entry").asInt() + 1) + ": " + j.path("cause").asText() + ", "
                        + j.path("confidence").asText() + ": " + TerminalText.line(j.path("summary").asText()));
            }
        }
        out.println();
        out.println(s.mapLine());
        return ExitCodes.OK;
    }
}
