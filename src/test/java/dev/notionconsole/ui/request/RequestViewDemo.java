package dev.notionconsole.ui.request;

import com.sun.net.httpserver.HttpServer;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.SandboxServerAccess;
import dev.notionconsole.core.Secret;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.RequestSender;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.request.render.BodyRenderer;
import dev.notionconsole.request.render.LargeBodies;
import dev.notionconsole.request.saved.SavedRequestStore;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.settings.Theme;
import dev.notionconsole.testsupport.TestConnections;
import dev.notionconsole.ui.common.FxDialogService;
import dev.notionconsole.ui.common.FxTaskRunner;
import dev.notionconsole.ui.common.ThemeManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The Request workspace on its own, against the sandbox, in a chosen state, for looking at it
 * (/work/shared/tools/fx-screenshot): {@code empty}, {@code success} (search), {@code error} (a 404), {@code huge}
 * (a 10 MB answer from a loopback server). Not a test; run from the test classpath.
 */
public final class RequestViewDemo extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        String mode = getParameters().getRaw().isEmpty() ? "empty" : getParameters().getRaw().get(0);
        SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().port(0).rateLimitOff().build());
        Path home = Files.createTempDirectory("nc-request-demo");
        ConnectionService service = TestConnections.open(home, Map.of(), new SandboxServerAccess(() -> sandbox));
        service.setCurrent(service.findByIdOrName("Sandbox: Docs Sync").orElseThrow().id());
        if (mode.equals("huge")) {
            byte[] body = LargeBodies.searchResults(10_000_000, 3);
            HttpServer big = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            big.createContext("/", ex -> {
                ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                ex.getResponseHeaders().add("x-notion-request-id", "5a0c8f2e-0000-4000-8000-000000000010");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            big.start();
            Connection c = service.add(Connection.builder(ConnectionKind.INTERNAL).name("Big answers (loopback)")
                    .baseUrl("http://127.0.0.1:" + big.getAddress().getPort()).build(), Secret.of("ntn_demo0000000000000000000000000000"), null);
            service.setCurrent(c.id());
        }
        FxTaskRunner tasks = new FxTaskRunner(Throwable::printStackTrace);
        FxDialogService dialogs = new FxDialogService();
        RequestViewModel vm = new RequestViewModel(service, new RequestSender(new dev.notionconsole.connections.ConnectionCaller(service, null), EndpointCatalog.builtIn(), HistoryStore.open(home)),
                SavedRequestStore.open(home), tasks, dialogs, new BodyRenderer(), Platform::runLater, x -> { });
        ThemeManager.apply(getParameters().getRaw().contains("dark") ? Theme.DARK : Theme.LIGHT);
        RequestView view = new RequestView(vm);
        Scene scene = new Scene(view, 1400, 860);
        ThemeManager.style(scene);
        stage.setTitle("Notion Console: Request");
        stage.setScene(scene);
        dialogs.attach(stage);
        stage.show();
        switch (mode) {
            case "success" -> {
                vm.pick(EndpointCatalog.builtIn().byId("search").orElseThrow());
                vm.bodyProperty().set("{\n  \"query\": \"\",\n  \"page_size\": 5\n}");
                vm.send();
            }
            case "error" -> {
                vm.pick(EndpointCatalog.builtIn().byId("pages.retrieve").orElseThrow());
                vm.pathParams().get(0).setValue("https://www.notion.so/acme/Q3-Plan-0c5f5fb31f664bc2a8a9cf1c54e3e9a1?v=1111111111114bc2a8a9cf1c54e3e9a1");
                Platform.runLater(vm::send);
            }
            case "huge" -> {
                vm.pick(EndpointCatalog.builtIn().byId("search").orElseThrow());
                vm.send();
            }
            case "invalid" -> {
                vm.pick(EndpointCatalog.builtIn().byId("search").orElseThrow());
                vm.bodyProperty().set("{\n  \"query\": 'Roadmap',\n  \"page_size\": 500\n}");
                vm.send();
            }
            case "picker" -> view.showPicker();
            default -> vm.pick(EndpointCatalog.builtIn().byId("search").orElseThrow());
        }
    }

    /** A plain main class: with JavaFX on the class path, the launcher refuses an Application subclass. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(RequestViewDemo.class, args);
        }
    }
}
