package dev.notionconsole.cli;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.diagnostics.AccessMatrix;
import dev.notionconsole.diagnostics.Diagnosis;
import dev.notionconsole.diagnostics.DiagnosisListener;
import dev.notionconsole.diagnostics.DiagnosisOptions;
import dev.notionconsole.diagnostics.DiagnosisRequest;
import dev.notionconsole.diagnostics.DiagnosticsEngine;
import dev.notionconsole.diagnostics.Evidence;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.NotionTransportException;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.send.RequestSender;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code notion-console diagnose -c NAME [--version V] [--data JSON|@FILE] [--no-witnesses] [--json] METHOD PATH}: sends the
 * call as NAME and, if it fails, says why, with the evidence and the fix (issue 11). {@code --matrix ID} prints who can
 * read one object instead. Exit 0 when a diagnosis was made (also "none"), 2 bad usage, 3 nothing could be reached.
 */
@Command(name = "diagnose",
        description = {"Send a call as a saved connection and, if it fails, say why: the cause, the evidence and the fix.",
                "With --matrix ID: which saved connections can read one object, and why the others cannot."},
        footer = {"", "Examples:",
                "  notion-console diagnose -c \"Sandbox: Docs Sync\" GET /v1/pages/<id>",
                "  notion-console diagnose -c \"Sandbox: Docs Sync\" --json \\",
                "      POST /v1/data_sources/<id>/query",
                "  notion-console diagnose -c \"Sandbox: Docs Sync\" --matrix <id>",
                "", "Follow-up calls are reads only. Witnesses: your other saved connections on the",
                "same base URL (PATs first)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:a diagnosis was made", "2:bad usage", "3:nothing could be reached"})
public final class DiagnoseCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @CommandLine.Mixin
    ConnectionOption connection = new ConnectionOption();

    @Parameters(index = "0", arity = "0..1", paramLabel = "METHOD", description = "GET, POST, PATCH or DELETE.")
    String method;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PATH", description = "e.g. /v1/pages/<id>; a query string is allowed.")
    String path;

    @CommandLine.Mixin
    BodyOptions body = new BodyOptions();


    @Option(names = "--no-witnesses", description = "Do not ask the other saved connections.")
    boolean noWitnesses;

    @Option(names = "--json", description = "Print one JSON object (cause, summary, confidence, fix, evidence, object, capability).")
    boolean json;

    @Option(names = "--matrix", paramLabel = "ID", description = "Print the access matrix of this object instead (an ID or a Notion link).")
    String matrix;

    private final CliContext context;

    public DiagnoseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        CliContext env = context;
        if (matrix == null && (method == null || path == null)) {
            throw new CommandLine.ParameterException(cl, "Give METHOD and PATH of the call to diagnose, or --matrix ID.");
        }
        RequestSpec request = matrix == null ? RequestCommand.spec(env, cl, method, path, body.data, body.version, List.of(), List.of()) : null;
        Connection c = env.connection(connection.name(), cl);
        ConnectionCaller caller = env.caller(cl);
        DiagnosticsEngine engine = new DiagnosticsEngine(caller, EndpointCatalog.builtIn());
        DiagnosisListener progress = json ? DiagnosisListener.NONE : new DiagnosisListener() {
            @Override
            public void evidence(Evidence e, int done) {
                err.println("  " + TerminalText.message(e.line()));
                err.flush();
            }
        };
        try {
            if (matrix != null) {
                AccessMatrix m = engine.accessMatrix(matrix, c.id(), CancellationToken.none(), progress);
                out.println(json ? Json.pretty(m.toJson()) : m.toText());
                return ExitCodes.OK;
            }
            RequestSender sender = new RequestSender(caller, EndpointCatalog.builtIn(), HistoryStore.open(env.dirs().config()));
            RequestSender.Outcome sent = sender.send(c, request, CancellationToken.none(), CallObserver.NONE);
            if (!json) {
                err.println(RequestCommand.status(sent.exchange(), c));
            }
            DiagnosisOptions options = noWitnesses ? DiagnosisOptions.defaults().withoutWitnesses() : DiagnosisOptions.defaults();
            Diagnosis d = engine.diagnose(new DiagnosisRequest(c.id(), request, sent.exchange(), "cli"), options,
                    CancellationToken.none(), progress);
            out.println(json ? Json.pretty(d.toJson()) : d.toText());
            return ExitCodes.OK;
        } catch (NotionTransportException | DiagnosticsEngine.UnreachableException e) {
            return CallFailures.couldNotConnect(err, c.name(), e);
        } catch (SecretStoreException e) {
            return CallFailures.noToken(err, c.name(), e);
        } catch (IllegalArgumentException e) {
            err.println("error: " + TerminalText.message(e.getMessage()));
            return ExitCodes.USAGE;
        }
    }
}
