package dev.notionconsole.diagnostics;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.ConnectionStore;
import dev.notionconsole.connections.SandboxServerAccess;
import dev.notionconsole.connections.TokenRenewal;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.secrets.SecretStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A sandbox serving one fixture (the default one, or a scenario of src/test/resources/dev/notionconsole/diagnostics),
 * and the console's saved connections for it, exactly as on a first start: one saved connection per fixture
 * connection, named "Sandbox: NAME", talking to it over HTTP.
 */
final class Scenario implements AutoCloseable {
    final SandboxServer sandbox;

    private Scenario(SandboxServer sandbox) {
        this.sandbox = sandbox;
    }

    /** @param fixture a resource name in this package, or null for the default fixture */
    static Scenario start(String fixture) throws Exception {
        return start(fixture, false);
    }

    /** @param rateLimits the fixture's rate limits on (budgets, blocked connections) */
    static Scenario start(String fixture, boolean rateLimits) throws Exception {
        SandboxOptions.Builder b = SandboxOptions.builder().port(0);
        if (!rateLimits) {
            b.rateLimitOff();
        }
        if (fixture != null) {
            b.fixture(Path.of(Scenario.class.getResource(fixture).toURI()));
        }
        return new Scenario(SandboxServer.start(b.build()));
    }

    /** Fresh saved connections (and so fresh pacing buckets) in {@code home}. */
    Session session(Path home) {
        ConnectionStore store = new ConnectionStore(home.resolve("connections.json"));
        ConnectionService service = ConnectionServices.open(store, store.load(), SecretStorage.sessionOnly(home.resolve("s.json"), false),
                Map.of(), new SandboxServerAccess(() -> sandbox), Runnable::run, Clock.systemUTC());
        return new Session(service);
    }

    static String id(String key) {
        return Ids.fromKey(key);
    }

    @Override
    public void close() {
        sandbox.close();
    }

    static final class Session {
        final ConnectionService connections;
        final ConnectionCaller caller;
        final DiagnosticsEngine engine;

        Session(ConnectionService connections) {
            this.connections = connections;
            this.caller = new ConnectionCaller(connections, TokenRenewal.NONE);
            this.engine = new DiagnosticsEngine(caller, EndpointCatalog.builtIn());
        }

        Connection connection(String fixtureName) {
            return connections.findByIdOrName("Sandbox: " + fixtureName)
                    .orElseThrow(() -> new AssertionError("no saved connection for " + fixtureName + " in " + connections.list()));
        }

        /** Sends the call as the connection over HTTP, then diagnoses its answer. */
        Diagnosis diagnose(String connection, String method, String path, String body, String version, boolean witnesses) throws Exception {
            Connection c = connection(connection);
            java.util.List<dev.notionconsole.request.NameValue> query = new java.util.ArrayList<>();
            int q = path.indexOf('?');
            if (q >= 0) {
                dev.notionconsole.core.http.QueryString.parse(path.substring(q + 1))
                        .forEach(p -> query.add(new dev.notionconsole.request.NameValue(p.name(), p.value())));
                path = path.substring(0, q);
            }
            RequestSpec spec = new RequestSpec(method, path, query, java.util.List.of(), body, version);
            Exchange x = caller.send(c, spec.toApiRequest(), CancellationToken.none(), CallObserver.NONE).exchange();
            DiagnosisOptions o = witnesses ? DiagnosisOptions.defaults() : DiagnosisOptions.defaults().withoutWitnesses();
            return engine.diagnose(DiagnosisRequest.of(c.id(), spec, x), o, CancellationToken.none(), DiagnosisListener.NONE);
        }

        Diagnosis diagnose(String connection, String method, String path) throws Exception {
            return diagnose(connection, method, path, "", null, true);
        }
    }
}
