package dev.notionconsole.ui.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.notionconsole.request.render.BodyRenderer;
import dev.notionconsole.request.saved.SavedRequestStore;
import dev.notionconsole.request.send.RequestSender;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.settings.Theme;
import dev.notionconsole.testsupport.FixtureIds;
import dev.notionconsole.testsupport.SandboxConnections;
import dev.notionconsole.ui.OnFx;
import dev.notionconsole.ui.common.FxTaskRunner;
import dev.notionconsole.ui.common.RecordingDialogService;
import dev.notionconsole.ui.common.ThemeManager;
import dev.notionconsole.ui.request.RequestView;
import dev.notionconsole.ui.request.RequestViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13 in the app, against the real sandbox: select failed calls in the Request workspace's history, "Create
 * bundle from selected history…" shows the redaction preview, Save writes exactly it and opens it, "Replay in
 * sandbox" gives the same status for every call.
 */
@ExtendWith(ApplicationExtension.class)
class BundleViewTest {
    @RegisterExtension
    static final SandboxConnections sandbox = SandboxConnections.rateLimitOff();

    FxTaskRunner tasks;
    RecordingDialogService dialogs = new RecordingDialogService();
    final AtomicReference<BundleWindow> window = new AtomicReference<>();
    RequestViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Path home = sandbox.home();
        ConnectionService service = sandbox.connectionsUsing("Sandbox: Wiki Reader");
        ConnectionCaller caller = new ConnectionCaller(service, TokenRenewal.NONE);
        HistoryStore history = HistoryStore.open(home);
        RequestSender sender = new RequestSender(caller, EndpointCatalog.builtIn(), history);
        Connection c = service.findByIdOrName("Sandbox: Wiki Reader").orElseThrow();
        for (String path : List.of("/v1/pages/" + Ids.fromKey("wiki-welcome"), "/v1/pages/" + Ids.fromKey("sales"), "/v1/pages/not-an-id")) {
            sender.send(c, RequestSpec.of("GET", path), CancellationToken.none(), CallObserver.NONE);
        }
        SnapshotStore snapshots = new SnapshotStore(home.resolve("snapshots-home"));
        snapshots.save(new Mapper(ApiCalls.as(caller, c), c.name(), TokenKind.of(c.kind()), c.notionVersion())
                .map(MapListener.NONE, CancellationToken.none()));
        tasks = new FxTaskRunner(t -> {
            throw new AssertionError("a task failed without a handler", t);
        });
        vm = new RequestViewModel(service, sender, SavedRequestStore.open(home), tasks, dialogs, new BodyRenderer(), Platform::runLater, d -> { });
        vm.bundleActions(() -> window.set(BundleWindow.create(new BundleViewModel(service, new DiagnosticsEngine(caller, EndpointCatalog.builtIn()),
                snapshots, tasks, dialogs), List.copyOf(vm.selectedHistory()), stage)), () -> { });
        ThemeManager.apply(Theme.LIGHT);
        Scene scene = new Scene(new RequestView(vm), 1100, 700);
        ThemeManager.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Stop
    void stop() {
        tasks.close();
    }

    @Test
    void createFromHistoryWithThePreviewOpenAndReplay(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#historyList").queryAs(ListView.class).getItems().size() == 3);
        robot.interact(() -> robot.lookup("#historyList").queryAs(ListView.class).getSelectionModel().selectAll());
        robot.clickOn("#moreButton").clickOn("Create bundle from selected history…");
        waitFor(() -> window.get() != null && !text(robot, "#bundlePreviewText").isEmpty());
        String preview = OnFx.call(() -> text(robot, "#bundlePreviewText"), 20);
        assertFalse(preview.contains(FixtureIds.WIKI_READER) || preview.contains("ntn_…"), "no token, not even masked");
        assertFalse(preview.contains("Welcome to Acme") || preview.contains("Company Wiki"), "no title");
        assertTrue(preview.contains("\"ncbundle\" : 1") && preview.contains("Page "), preview.substring(0, 400));

        Path file = sandbox.home().resolve("from-ui.ncbundle");
        dialogs.answerFile(file);
        robot.clickOn("#bundleSaveButton");
        waitFor(() -> Files.exists(file) && !robot.lookup("#bundleTab").query().isDisabled()
                && robot.lookup("#bundleReplayButton").query().isVisible());
        assertEquals(preview, Files.readString(file), "what was shown is what was saved");
        var calls = window.get().stage().getScene().lookup("#bundleCalls");
        assertTrue(calls != null && calls.isVisible());
        waitFor(() -> !robot.lookup("#bundleReplayButton").query().isDisabled());
        robot.clickOn("#bundleReplayButton");
        waitFor(() -> OnFx.call(() -> robot.lookup("#bundleStatus").queryLabeled().getText(), 20).startsWith("Replayed 3 call(s)"));
        assertEquals("Replayed 3 call(s): 3 answered as in the bundle.", OnFx.call(() -> robot.lookup("#bundleStatus").queryLabeled().getText(), 20));
        robot.interact(() -> window.get().stage().close());
    }

    private static String text(FxRobot robot, String id) {
        var n = robot.lookup(id).tryQueryAs(TextArea.class);
        return n.map(TextArea::getText).orElse("");
    }

    private static void waitFor(Check condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return OnFx.call(condition::holds, 20);
        });
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
