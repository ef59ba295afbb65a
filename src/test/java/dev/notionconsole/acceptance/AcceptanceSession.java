package dev.notionconsole.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.Installation;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.diagnostics.Diagnosis;
import dev.notionconsole.diagnostics.DiagnosisListener;
import dev.notionconsole.diagnostics.DiagnosisOptions;
import dev.notionconsole.diagnostics.DiagnosisRequest;
import dev.notionconsole.diagnostics.DiagnosticsEngine;
import dev.notionconsole.explorer.ApiCalls;
import dev.notionconsole.explorer.MapJson;
import dev.notionconsole.explorer.MapListener;
import dev.notionconsole.explorer.Mapper;
import dev.notionconsole.explorer.TokenKind;
import dev.notionconsole.explorer.WorkspaceMap;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.request.send.RequestSender;
import dev.notionconsole.sandbox.SandboxServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Saved connections to sandboxes serving the acceptance fixtures, used the way {@code map --json} and
 * {@code diagnose --json} use them: one session-only connection store, one caller.
 */
final class AcceptanceSession {
    private final ConnectionService service;
    private final ConnectionCaller caller;

    AcceptanceSession(Path home) {
        service = ConnectionServices.open(new AppDirs(home.resolve("home")), Map.of(ConnectionServices.SECRETS_ENV, "session"),
                SandboxAccess.NONE, Runnable::run);
        caller = new ConnectionCaller(service, null);
    }

    /** A fixture of this package copied to {@code dir}, as a user would pass it to {@code sandbox --fixture}. */
    static Path copy(Path dir, String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = AcceptanceSession.class.getResourceAsStream("/dev/notionconsole/acceptance/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    /** Saves a connection; a public one as the authorize flow leaves it: the client, then the install's access token. */
    void add(SandboxServer s, String name, ConnectionKind kind, String token) throws Exception {
        if (kind == ConnectionKind.PUBLIC_OAUTH) {
            Connection c = service.add(Connection.builder(kind).name(name).baseUrl(s.baseUrl()).clientId("acceptance-client")
                    .redirectUri("http://localhost:8765/callback").build(), null, Secret.of("acceptance-client-secret"));
            service.putInstallation(c.id(), new Installation("bot-" + name, null, null, null, null, null, null, null),
                    Secret.of(token), null);
        } else {
            service.add(Connection.builder(kind).name(name).baseUrl(s.baseUrl()).build(), Secret.of(token), null);
        }
    }

    Connection connection(String name) {
        return service.findByIdOrName(name).orElseThrow();
    }

    /** {@code map --json} of the connection. */
    JsonNode map(String name) throws Exception {
        return MapJson.write(workspaceMap(name));
    }

    /** The connection's map, as the Explorer holds it. */
    WorkspaceMap workspaceMap(String name) throws Exception {
        Connection c = connection(name);
        return new Mapper(calls(name), c.name(), TokenKind.of(c.kind()), c.notionVersion()).map(MapListener.NONE, CancellationToken.none());
    }

    /** Calls as the connection, through the one caller (what the Explorer's lazy loading uses). */
    ApiCalls calls(String name) {
        return ApiCalls.as(caller, connection(name));
    }

    /** As {@code diagnose} does it: send the call as the connection, then judge the answer. A query string is allowed. */
    Diagnosis diagnose(String connection, String method, String path, String body, String version, DiagnosisOptions options)
            throws Exception {
        Connection c = connection(connection);
        int q = path.indexOf('?');
        RequestSpec spec = RequestSpec.of(method, q < 0 ? path : path.substring(0, q));
        if (q >= 0) {
            List<NameValue> params = new ArrayList<>();
            for (String pair : path.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                params.add(new NameValue(kv[0], kv.length > 1 ? kv[1] : ""));
            }
            spec = spec.withQuery(params);
        }
        if (body != null) {
            spec = spec.withBody(body);
        }
        if (version != null) {
            spec = spec.withVersion(version);
        }
        Exchange x = new RequestSender(caller, EndpointCatalog.builtIn(), null).send(c, spec, CancellationToken.none(),
                CallObserver.NONE).exchange();
        return new DiagnosticsEngine(caller, EndpointCatalog.builtIn()).diagnose(DiagnosisRequest.of(c.id(), spec, x),
                options, CancellationToken.none(), DiagnosisListener.NONE);
    }
}
