package dev.notionconsole.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.notionconsole.bundle.Bundle;
import dev.notionconsole.bundle.BundleReplay;
import dev.notionconsole.bundle.ReplayResult;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.core.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bundle replay FILE [--port N] [--json]}: rebuilds the bundle's setup in a sandbox, sends its calls again and
 * prints, per call, the original and the replayed status and code. Exit 0 when every call answered as in the bundle,
 * 1 when one did not, 2 when the bundle has no map, 3 when the sandbox could not start.
 */
@Command(name = "replay", description = {"Rebuild the bundle's setup in a sandbox and send its calls again.",
        "Prints, per call, the status and code in the bundle and in the replay."})
final class BundleReplayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @Parameters(index = "0", paramLabel = "FILE", description = "The .ncbundle file (made with --with-map).")
    Path file;

    @Option(names = "--port", paramLabel = "N", description = "The sandbox's port on 127.0.0.1 (default: a free one).")
    int port;

    @Option(names = "--json", description = "Print a JSON array: call, original and replayed status and code, same.")
    boolean json;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        Bundle b = BundleCommand.open(cl, file);
        if (!b.hasMap()) {
            throw new CommandLine.ParameterException(cl, file + " has no map: make it with 'bundle create --with-map' to replay it.");
        }
        List<ReplayResult> results;
        String base;
        try (BundleReplay replay = BundleReplay.start(b, port)) {
            base = replay.baseUrl();
            results = replay.replay(b, CancellationToken.none());
        } catch (IOException e) {
            cl.getErr().println("Could not start the sandbox: " + TerminalText.message(e.getMessage()));
            return ExitCodes.CONNECT;
        }
        PrintWriter out = cl.getOut();
        if (json) {
            ArrayNode a = Json.mapper().createArrayNode();
            for (ReplayResult r : results) {
                var o = a.addObject();
                o.put("call", r.original().describe());
                o.put("original_status", r.original().status());
                o.put("original_code", r.original().code());
                o.put("replayed_status", r.status());
                o.put("replayed_code", r.code());
                o.put("same", r.same());
            }
            out.println(Json.pretty(a));
        } else {
            cl.getErr().println("Sandbox rebuilt from the bundle on " + base);
            out.printf("%-3s %-26s %-26s %-4s %s%n", "#", "BUNDLE", "REPLAY", "SAME", "CALL");
            for (int i = 0; i < results.size(); i++) {
                ReplayResult r = results.get(i);
                out.printf("%-3d %-26s %-26s %-4s %s%n", i + 1, r.original().outcome(), r.outcome(), r.same() ? "yes" : "NO",
                        TerminalText.line(r.original().describe()));
            }
        }
        return results.stream().allMatch(ReplayResult::same) ? ExitCodes.OK : ExitCodes.API_ERROR;
    }
}
