package dev.notionconsole.bundle;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.TokenRenewal;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.diagnostics.DiagnosticsEngine;
import dev.notionconsole.explorer.ApiCalls;
import dev.notionconsole.explorer.MapListener;
import dev.notionconsole.explorer.Mapper;
import dev.notionconsole.explorer.TokenKind;
import dev.notionconsole.explorer.WorkspaceMap;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.request.history.HistoryEntry;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.request.send.RequestSender;
import dev.notionconsole.sandbox.model.Ids;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Real calls to the test sandbox as a saved connection, recorded in a history, for bundle tests. */
final class SandboxTraffic {
    final ConnectionService service;
    final ConnectionCaller caller;
    final RequestSender sender;
    final HistoryStore history;

    SandboxTraffic(ConnectionService service, Path home) {
        this.service = service;
        this.caller = new ConnectionCaller(service, TokenRenewal.NONE);
        this.history = HistoryStore.open(home);
        this.sender = new RequestSender(caller, EndpointCatalog.builtIn(), history);
    }

    Connection connection(String name) {
        return service.findByIdOrName("Sandbox: " + name).orElseThrow();
    }

    void send(Connection c, String method, String path, String body, NameValue... query) throws Exception {
        RequestSpec spec = new RequestSpec(method, path, List.of(query), List.of(), body, null);
        sender.send(c, spec, CancellationToken.none(), CallObserver.NONE);
    }

    /** Wiki Reader (read content only, shares the company wiki): a 200, a 404 not shared, a 403 missing capability,
     *  a 400 wrong kind of ID, a 400 validation error, a search for a title. */
    List<HistoryEntry> wikiReaderFailures() throws Exception {
        Connection c = connection("Wiki Reader");
        send(c, "GET", "/v1/pages/" + Ids.fromKey("wiki-welcome"), "");
        send(c, "GET", "/v1/pages/" + Ids.fromKey("sales"), "");
        send(c, "POST", "/v1/comments", "{\"parent\": {\"page_id\": \"" + Ids.fromKey("wiki-welcome")
                + "\"}, \"rich_text\": [{\"text\": {\"content\": \"Is this current?\"}}]}");
        send(c, "POST", "/v1/data_sources/" + Ids.fromKey("company-wiki") + "/query", "{}");
        send(c, "GET", "/v1/pages/not-an-id", "");
        send(c, "POST", "/v1/search", "{\"query\": \"Travel Policy\"}");
        return chronological(6);
    }

    /** The newest {@code n} entries, oldest first (the order they were made). */
    List<HistoryEntry> chronological(int n) {
        List<HistoryEntry> e = new ArrayList<>(history.entries().subList(0, n));
        Collections.reverse(e);
        return e;
    }

    WorkspaceMap map(Connection c) throws Exception {
        return new Mapper(ApiCalls.as(caller, c), c.name(), TokenKind.of(c.kind()), c.notionVersion())
                .map(MapListener.NONE, CancellationToken.none());
    }

    DiagnosticsEngine engine() {
        return new DiagnosticsEngine(caller, EndpointCatalog.builtIn());
    }
}
