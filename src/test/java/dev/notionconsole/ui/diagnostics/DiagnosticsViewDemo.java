package dev.notionconsole.ui.diagnostics;

import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.ConnectionStore;
import dev.notionconsole.wiring.SandboxServerAccess;
import dev.notionconsole.diagnostics.DiagnosticsEngine;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.secrets.SecretStorage;
import dev.notionconsole.settings.Theme;
import dev.notionconsole.ui.common.FxDialogService;
import dev.notionconsole.ui.common.FxTaskRunner;
import dev.notionconsole.ui.common.ThemeManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The Diagnostics section on its own, against the default sandbox, in a chosen state, for looking at it
 * (/work/shared/tools/fx-screenshot): {@code not_shared}, {@code wrong_id_kind}, {@code missing_capability},
 * {@code matrix}; add {@code dark} for the dark theme, {@code expand} to open every evidence row. Not a test; run from
 * the test classpath with {@link Main}.
 */
public final class DiagnosticsViewDemo extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        String mode = args.isEmpty() ? "empty" : args.get(0);
        SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().port(0).rateLimitOff().build());
        Path home = Files.createTempDirectory("nc-diagnostics-demo");
        ConnectionStore store = new ConnectionStore(home.resolve("connections.json"));
        ConnectionService service = ConnectionServices.open(store, store.load(), SecretStorage.sessionOnly(home.resolve("secrets.json"), false),
                Map.of(), new SandboxServerAccess(() -> sandbox), Runnable::run, Clock.systemUTC());
        service.setCurrent(service.findByIdOrName("Sandbox: Docs Sync").orElseThrow().id());
        FxTaskRunner tasks = new FxTaskRunner(Throwable::printStackTrace);
        FxDialogService dialogs = new FxDialogService();
        DiagnosticsViewModel vm = new DiagnosticsViewModel(service, new DiagnosticsEngine(new ConnectionCaller(service, null),
                EndpointCatalog.builtIn()), HistoryStore.open(home), tasks, dialogs, o -> { }, uri -> { }, Platform::runLater);
        ThemeManager.apply(args.contains("dark") ? Theme.DARK : Theme.LIGHT);
        DiagnosticsView view = new DiagnosticsView(vm);
        Scene scene = new Scene(view, 1280, 860);
        ThemeManager.style(scene);
        stage.setTitle("Notion Console: Diagnostics");
        stage.setScene(scene);
        dialogs.attach(stage);
        stage.show();
        CallInput in = vm.input();
        switch (mode) {
            case "not_shared", "matrix" -> in.pathProperty().set("/v1/pages/" + Ids.fromKey("sales"));
            case "wrong_id_kind" -> {
                in.methodProperty().set("POST");
                in.pathProperty().set("/v1/data_sources/" + Ids.fromKey("roadmap") + "/query");
                in.bodyProperty().set("{\"page_size\": 10}");
            }
            case "missing_capability" -> {
                in.connectionProperty().set(service.findByIdOrName("Sandbox: Wiki Reader").orElseThrow());
                in.pathProperty().set("/v1/comments?block_id=" + Ids.fromKey("wiki-welcome"));
            }
            default -> {
                return;
            }
        }
        vm.runningProperty().addListener((o, a, b) -> {
            if (!b) {
                if (mode.equals("matrix")) {
                    vm.showAccessMatrix();
                } else if (args.contains("expand")) {
                    view.lookup("#expandEvidenceButton").fireEvent(new javafx.event.ActionEvent());
                }
            }
        });
        vm.run();
    }

    /** A plain main class: with JavaFX on the class path, the launcher refuses an Application subclass. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(DiagnosticsViewDemo.class, args);
        }
    }
}
