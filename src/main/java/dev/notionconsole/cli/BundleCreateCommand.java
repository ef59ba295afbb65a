package dev.notionconsole.cli;

import dev.notionconsole.bundle.Bundle;
import dev.notionconsole.bundle.BundleFile;
import dev.notionconsole.bundle.BundleMaker;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.diagnostics.Diagnosis;
import dev.notionconsole.diagnostics.DiagnosisListener;
import dev.notionconsole.diagnostics.DiagnosisOptions;
import dev.notionconsole.diagnostics.DiagnosisRequest;
import dev.notionconsole.diagnostics.DiagnosticsEngine;
import dev.notionconsole.explorer.MapException;
import dev.notionconsole.explorer.MapListener;
import dev.notionconsole.explorer.SnapshotStore;
import dev.notionconsole.explorer.WorkspaceMap;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.NotionTransportException;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.request.history.HistoryEntry;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.request.send.RequestSender;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bundle create (--history N | --diagnose METHOD PATH) -c NAME (--out FILE | --preview) [--with-map]
 * [--no-pseudonyms]}: the newest N calls of the connection from the history (failed ones diagnosed with the answers
 * they recorded), or one call sent now and diagnosed; the map from the newest snapshot, or mapped now.
 */
@Command(name = "create", description = {"Make a support bundle from history or from one call, without secrets.",
        "--preview prints exactly what would be saved."})
final class BundleCreateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @CommandLine.Mixin
    ConnectionOption connection = new ConnectionOption();

    @Option(names = "--history", paramLabel = "LAST_N", description = "The connection's newest N calls from the history.")
    Integer history;

    @Option(names = "--diagnose", arity = "2", paramLabel = "METHOD PATH", description = "Send this call now, diagnose it, bundle both.")
    List<String> diagnose;

    @CommandLine.Mixin
    BodyOptions body = new BodyOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Where to save the bundle (.ncbundle).")
    Path out;

    @Option(names = "--with-map", description = "Include the connection's map (the newest snapshot, or mapped now): needed to replay.")
    boolean withMap;

    @Option(names = "--no-pseudonyms", description = "Keep titles, names and emails (secrets are removed all the same).")
    boolean noPseudonyms;

    @Option(names = "--preview", description = "Print the bundle exactly as it would leave the machine.")
    boolean preview;

    private final CliContext context;

    BundleCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        PrintWriter err = cl.getErr();
        if ((history == null) == (diagnose == null)) {
            throw new CommandLine.ParameterException(cl, "Give either --history LAST_N or --diagnose METHOD PATH.");
        }
        if (out == null && !preview) {
            throw new CommandLine.ParameterException(cl, "Give --out FILE to save the bundle, or --preview to print it.");
        }
        if (history != null && history < 1) {
            throw new CommandLine.ParameterException(cl, "--history wants a positive number of calls.");
        }
        Connection c = context.connection(connection.name(), cl);
        ConnectionCaller caller = context.caller(cl);
        DiagnosticsEngine engine = new DiagnosticsEngine(caller, EndpointCatalog.builtIn());
        HistoryStore store = HistoryStore.open(context.dirs().config());
        try {
            List<HistoryEntry> entries = new ArrayList<>();
            List<Diagnosis> diagnoses = new ArrayList<>();
            if (diagnose != null) {
                RequestSpec request = RequestCommand.spec(context, cl, diagnose.get(0), diagnose.get(1), body.data, body.version, List.of(), List.of());
                RequestSender.Outcome sent = new RequestSender(caller, EndpointCatalog.builtIn(), store)
                        .send(c, request, CancellationToken.none(), CallObserver.NONE);
                err.println(RequestCommand.status(sent.exchange(), c));
                entries.add(sent.entry());
                diagnoses.add(engine.diagnose(new DiagnosisRequest(c.id(), request, sent.exchange(), "cli"),
                        DiagnosisOptions.defaults(), CancellationToken.none(), DiagnosisListener.NONE));
            } else {
                store.entries().stream().filter(e -> c.id().equals(e.connectionId())).limit(history).forEach(entries::add);
                if (entries.isEmpty()) {
                    throw new CommandLine.ParameterException(cl, "The history has no calls made as " + c.name() + ".");
                }
                Collections.reverse(entries); // in the order they were made
                diagnoses.addAll(BundleMaker.diagnose(engine, c.id(), entries, CancellationToken.none()));
            }
            WorkspaceMap map = withMap ? map(c, caller, err) : null;
            Connection now = context.connections(cl).findByIdOrName(c.id()).orElse(c); // with what the calls taught
            Bundle bundle = BundleMaker.make(now, entries, diagnoses, map, Instant.now());
            String text = BundleFile.preview(bundle, !noPseudonyms);
            if (preview) {
                cl.getOut().print(text);
                cl.getOut().flush();
            }
            if (out != null) {
                BundleFile.save(out, text);
                err.println("Saved " + out + ": " + entries.size() + " call(s), " + bundle.diagnoses().size() + " diagnosis(es), "
                        + (map == null ? "no map" : "a map of " + map.all().size() + " objects") + "; secrets removed"
                        + (noPseudonyms ? "." : ", titles, names and emails replaced by pseudonyms."));
            }
            return ExitCodes.OK;
        } catch (NotionTransportException | DiagnosticsEngine.UnreachableException e) {
            err.println("Could not connect (" + c.name() + "): " + TerminalText.message(e.getMessage()));
            return ExitCodes.CONNECT;
        } catch (SecretStoreException e) {
            err.println("No token for " + c.name() + ": " + TerminalText.message(e.getMessage()));
            return ExitCodes.USAGE;
        } catch (MapException e) {
            err.println("Could not map " + c.name() + ": " + TerminalText.message(e.getMessage()));
            return ExitCodes.API_ERROR;
        }
    }

    private WorkspaceMap map(Connection c, ConnectionCaller caller, PrintWriter err) throws IOException, SecretStoreException, MapException {
        List<Path> snapshots = new SnapshotStore(context.dirs().config()).list(c.name());
        if (!snapshots.isEmpty()) {
            err.println("Map: the snapshot " + snapshots.get(0).getFileName());
            return SnapshotStore.load(snapshots.get(0));
        }
        err.println("Mapping " + c.name() + "...");
        return MapCommand.mapper(caller, c).map(MapListener.NONE, CancellationToken.none());
    }
}
