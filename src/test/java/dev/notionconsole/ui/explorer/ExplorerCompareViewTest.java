package dev.notionconsole.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.explorer.SnapshotStore;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.settings.Theme;
import dev.notionconsole.ui.common.FxTaskRunner;
import dev.notionconsole.ui.common.RecordingDialogService;
import dev.notionconsole.ui.common.ThemeManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The Explorer view on its own against the real sandbox, headless: compare two connections in the Compare tab and
 * export the comparison and the map through the Export menus (the file "chosen" by a recording dialog service: a
 * native file chooser cannot be driven headless).
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerCompareViewTest {
    static SandboxServer sandbox;
    Path home;
    ConnectionService service;
    FxTaskRunner tasks;
    final RecordingDialogService dialogs = new RecordingDialogService();
    ExplorerView view;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.builder().port(0).rateLimitOff().build());
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("nc-explorer-compare");
        service = TestServices.connections(home, sandbox);
        service.setCurrent(service.findByIdOrName("Sandbox: Docs Sync").orElseThrow().id());
        tasks = new FxTaskRunner(t -> {
            throw new AssertionError("a task failed without a handler", t);
        });
        view = ExplorerView.create(service, new ConnectionCaller(service, null), tasks, dialogs, new SnapshotStore(home),
                uri -> { }, Platform::runLater, spec -> { }, ref -> { });
        ThemeManager.apply(Theme.LIGHT);
        Scene scene = new Scene(view, 1240, 780);
        ThemeManager.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Stop
    void stop() {
        tasks.close();
    }

    @Test
    void compareTwoConnectionsAndExportTheComparisonAndTheMap(FxRobot robot) throws Exception {
        robot.clickOn("#compareTab");
        CompareView compare = robot.lookup("#compareView").queryAs(CompareView.class);
        robot.interact(() -> {
            CompareViewModel vm = compare.viewModel();
            vm.leftProperty().set(service.findByIdOrName("Sandbox: Docs Sync").orElseThrow());
            vm.rightProperty().set(service.findByIdOrName("Sandbox: Alice's token").orElseThrow());
        });
        robot.clickOn("#compareButton");
        ExplorerViewTest.waitFor(() -> compare.viewModel().comparison() != null);
        @SuppressWarnings("unchecked")
        TreeView<CompareRow> tree = robot.lookup("#compareTree").queryAs(TreeView.class);
        ExplorerViewTest.waitFor(() -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 3);
        assertTrue(ExplorerViewTest.fx(() -> tree.getRoot().getChildren().get(0).getValue().label())
                .startsWith("Only Sandbox: Alice's token (B) sees"));

        Path csv = home.resolve("comparison.csv");
        dialogs.answerFile(csv);
        robot.clickOn("#exportCompareButton").clickOn("#exportCompareButtonCsv");
        ExplorerViewTest.waitFor(() -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).endsWith(",side,add_a_here"));
        assertTrue(lines.stream().anyMatch(l -> l.contains(",only_b,")), "what only Alice sees is listed");

        robot.clickOn("#mapTab");
        robot.clickOn("#mapButton");
        ExplorerViewModel vm = view.viewModel();
        ExplorerViewTest.waitFor(() -> vm.mapProperty().get() != null);
        Path json = home.resolve("map.json");
        dialogs.answerFile(json);
        robot.clickOn("#exportMapButton").clickOn("#exportMapButtonJson");
        ExplorerViewTest.waitFor(() -> Files.exists(json));
        String text = Files.readString(json);
        assertTrue(text.contains("\"sharing_root_id\""));
        assertEquals(vm.mapProperty().get().nodes().size(), dev.notionconsole.core.json.Json.mapper().readTree(text).size());
    }
}
