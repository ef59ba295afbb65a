package dev.notionconsole.ui.bundle;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.TokenRenewal;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.diagnostics.DiagnosticsEngine;
import dev.notionconsole.explorer.ApiCalls;
import dev.notionconsole.explorer.MapListener;
import dev.notionconsole.explorer.Mapper;
import dev.notionconsole.explorer.SnapshotStore;
import dev.notionconsole.explorer.TokenKind;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.request.send.RequestSender;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.settings.Theme;
import dev.notionconsole.testsupport.TestConnections;
import dev.notionconsole.ui.common.FxDialogService;
import dev.notionconsole.ui.common.FxTaskRunner;
import dev.notionconsole.ui.common.ThemeManager;
import dev.notionconsole.wiring.SandboxServerAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The bundle window against the sandbox, for looking at it (/work/shared/tools/fx-screenshot): {@code preview}
 * (Wiki Reader's failing calls, redacted), {@code opened} (saved and opened), {@code replay} (and replayed).
 * Not a test; run from the test classpath.
 */
public final class BundleWindowDemo extends Application {
    /** Launches from the class path (a main class that is not an Application needs no JavaFX module path). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(BundleWindowDemo.class, args);
        }
    }

    @Override
    public void start(Stage ignored) throws Exception {
        String mode = getParameters().getRaw().isEmpty() ? "preview" : getParameters().getRaw().get(0);
        SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().port(0).rateLimitOff().build());
        Path home = Files.createTempDirectory("nc-bundle-demo");
        ConnectionService service = TestConnections.open(home, Map.of(), new SandboxServerAccess(() -> sandbox));
        ConnectionCaller caller = new ConnectionCaller(service, TokenRenewal.NONE);
        HistoryStore history = HistoryStore.open(home);
        RequestSender sender = new RequestSender(caller, EndpointCatalog.builtIn(), history);
        Connection c = service.findByIdOrName("Sandbox: Wiki Reader").orElseThrow();
        for (String[] call : List.of(new String[] {"GET", "/v1/pages/" + Ids.fromKey("wiki-welcome"), ""},
                new String[] {"GET", "/v1/pages/" + Ids.fromKey("sales"), ""},
                new String[] {"POST", "/v1/comments", "{\"parent\": {\"page_id\": \"" + Ids.fromKey("wiki-travel") + "\"}, \"rich_text\": [{\"text\": {\"content\": \"Is this current?\"}}]}"},
                new String[] {"POST", "/v1/data_sources/" + Ids.fromKey("company-wiki") + "/query", "{}"},
                new String[] {"GET", "/v1/pages/not-an-id", ""},
                new String[] {"POST", "/v1/search", "{\"query\": \"Travel Policy\"}"})) {
            sender.send(c, RequestSpec.of(call[0], call[1]).withBody(call[2]), CancellationToken.none(), CallObserver.NONE);
        }
        SnapshotStore snapshots = new SnapshotStore(home);
        snapshots.save(new Mapper(ApiCalls.as(caller, c), c.name(), TokenKind.of(c.kind()), c.notionVersion())
                .map(MapListener.NONE, CancellationToken.none()));
        ThemeManager.apply(Theme.LIGHT);
        FxDialogService dialogs = new FxDialogService();
        BundleViewModel vm = new BundleViewModel(service, new DiagnosticsEngine(caller, EndpointCatalog.builtIn()), snapshots,
                new FxTaskRunner(Throwable::printStackTrace), dialogs);
        BundleWindow w = BundleWindow.create(vm, history.entries(), null);
        if (!mode.equals("preview")) {
            vm.previewProperty().addListener((o, a, b) -> {
                if (a.isEmpty() && !b.isEmpty()) {
                    vm.saveTo(home.resolve("demo.ncbundle"));
                }
            });
            if (mode.equals("replay")) {
                vm.openedProperty().addListener((o, a, b) -> vm.replay());
            }
        }
        w.stage().setOnHidden(e -> sandbox.close());
    }
}
