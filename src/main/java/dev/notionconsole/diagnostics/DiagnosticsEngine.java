package dev.notionconsole.diagnostics;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.catalog.Endpoint;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.preflight.Preflight;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Access diagnostics (issue 11): says why a call failed, proves it with follow-up reads, and gives the fix in
 * Notion's own words for the connection's kind. The ladder is in docs/decisions/0075-diagnostics-probe-ladder.md.
 *
 * <pre>{@code
 * DiagnosticsEngine engine = new DiagnosticsEngine(caller, EndpointCatalog.builtIn());
 * Diagnosis d = engine.diagnose(DiagnosisRequest.of(connectionId, spec, failedExchange), DiagnosisOptions.defaults(),
 *         cancel, listener);
 * d.cause(); d.fix(); d.evidence(); d.toJson(); d.toText();
 * AccessMatrix m = engine.accessMatrix(objectId, connectionId, cancel, listener);
 * }</pre>
 *
 * Blocking (network): run it in a background task; progress through {@link DiagnosisListener}, cancel through the
 * token ({@link CancellationException} then). Thread-safe: each call has its own state.
 */
public final class DiagnosticsEngine {
    private final ConnectionCaller caller;
    private final EndpointCatalog catalog;
    private final Preflight preflight;

    public DiagnosticsEngine(ConnectionCaller caller, EndpointCatalog catalog) {
        this.caller = caller;
        this.catalog = catalog;
        this.preflight = new Preflight(catalog);
    }

    public ConnectionService connections() {
        return caller.connections();
    }

    /**
     * Diagnoses one call. Never writes: a typed-in call without an answer is sent first only when it is a read.
     *
     * @throws IllegalArgumentException when the connection does not exist
     * @throws UnreachableException     when no call got an answer at all (network, keychain)
     * @throws CancellationException    when cancelled
     */
    public Diagnosis diagnose(DiagnosisRequest request, DiagnosisOptions options, CancellationToken cancel, DiagnosisListener listener) {
        Connection c = connections().find(request.connectionId())
                .orElseThrow(() -> new IllegalArgumentException("No saved connection with id " + request.connectionId()));
        if (c.temporary() && c.lastCheck() == null) {
            // NOTION_TOKEN's connection is "internal" until checked: the identity check adopts the kind it finds, and the
            // fix wording depends on the kind (docs/decisions/0042-identity-check-and-kind-detection.md)
            try {
                connections().testConnection(c, cancel);
                c = connections().find(c.id()).orElse(c);
            } catch (dev.notionconsole.secrets.SecretStoreException e) {
                // diagnosed with the kind as saved
            }
        }
        Probes probes = new Probes(caller, cancel, listener);
        Investigation look = new Investigation(probes, connections().registry());
        Endpoint endpoint = catalog.lookup(request.request().method(), request.request().path()).orElse(null);
        Exchange answer = request.answer();
        if (answer == null) {
            Run draft = new Run(c, request.request(), endpoint, null, options, look);
            if (!draft.isRead()) {
                return draft.finish(new WriteCheck(draft).diagnose());
            }
            Optional<Probes.Answer> a = probes.original(c, request.request().toApiRequest());
            if (a.isEmpty()) {
                throw new UnreachableException("\"" + c.name() + "\" could not send the call: " + String.join("; ", probes.problems()));
            }
            answer = a.get().exchange();
        }
        Run run = new Run(c, request.request(), endpoint, answer, options == null ? DiagnosisOptions.defaults() : options, look);
        Verdict v = classify(run);
        if (probes.answered() == 0 && !probes.problems().isEmpty() && !answer.ok() && answer.status() == 0) {
            throw new UnreachableException(String.join("; ", probes.problems()));
        }
        return run.finish(v);
    }

    private Verdict classify(Run run) {
        Exchange x = run.answer;
        StatusRules status = new StatusRules(run);
        if (x.ok()) {
            return status.success(x);
        }
        if (x.error() == null) {
            return status.serviceError();
        }
        if (x.error().fromEdgeProxy() || x.status() >= 500) {
            return status.serviceError();
        }
        return switch (x.status()) {
            case 401 -> status.unauthorized();
            case 403 -> status.forbidden();
            case 404 -> new NotFoundLadder(run).diagnose();
            case 409 -> status.conflict();
            case 429 -> status.rateLimited();
            default -> new BadRequestRules(run, preflight).diagnose();
        };
    }

    /**
     * Which saved connections on the same API base URL as {@code connectionId} can read the object, through which root,
     * and why the others cannot. Only reads.
     */
    public AccessMatrix accessMatrix(String objectId, String connectionId, CancellationToken cancel, DiagnosisListener listener) {
        Connection c = connections().find(connectionId)
                .orElseThrow(() -> new IllegalArgumentException("No saved connection with id " + connectionId));
        Probes probes = new Probes(caller, cancel, listener);
        return new AccessMatrixBuilder(new Investigation(probes, connections().registry()), c).build(objectId);
    }

    /** No call of the diagnosis got an answer: the CLI's exit 3. */
    public static final class UnreachableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnreachableException(String message) {
            super(dev.notionconsole.core.Redactor.redact(message));
        }
    }
}
