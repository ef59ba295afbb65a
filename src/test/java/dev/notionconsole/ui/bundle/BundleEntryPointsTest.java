package dev.notionconsole.ui.bundle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.AppDirs;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.ui.AppContext;
import dev.notionconsole.ui.OnFx;
import dev.notionconsole.ui.shell.MainWindowView;
import dev.notionconsole.ui.shell.MainWindowViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13's other ways in, in the real shell (the app's composition root and its sandbox): Diagnostics' "Create
 * bundle…" bundles the diagnosed call with its diagnosis, Explorer's "Export ▸ Create bundle…" bundles the map on
 * screen with the connection's failed calls; with no snapshot saved, both take the Explorer's map in memory.
 */
@ExtendWith(ApplicationExtension.class)
class BundleEntryPointsTest {
    static final String SALES = Ids.fromKey("sales");
    private AppContext context;
    private MainWindowViewModel shell;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("nc-bundle-entry");
        context = new AppContext(new AppDirs(home), Map.of("NOTION_CONSOLE_SECRETS", "session"));
        shell = context.mainWindowViewModel();
        new MainWindowView(shell, context.dialogs(), context.notificationLayer()).install(stage);
        context.attach(stage);
        stage.setWidth(1240);
        stage.setHeight(780);
        stage.show();
        context.connections().setCurrent(context.connections().findByIdOrName("Sandbox: Docs Sync").orElseThrow().id());
    }

    @Stop
    void stop() {
        shell.dispose();
        context.close();
    }

    @Test
    void diagnosticsAndExplorerMakeBundlesWithTheMapInMemory(FxRobot robot) throws Exception {
        // the Explorer's map of Docs Sync, never saved as a snapshot
        key(robot, KeyCode.CONTROL, KeyCode.DIGIT3);
        waitFor(() -> robot.lookup("#mapButton").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#mapButton");
        waitFor(() -> text(robot, "#mapStatus").contains("sharing root"));

        // Request: GET Sales as Docs Sync (not shared with it), Diagnose, then "Create bundle…" beside the verdict
        key(robot, KeyCode.CONTROL, KeyCode.DIGIT2);
        waitFor(() -> robot.lookup("#section-request").tryQuery().map(Node::isVisible).orElse(false));
        robot.interact(() -> robot.lookup("#pathField").queryAs(TextField.class).setText("/v1/pages/" + SALES));
        robot.clickOn("#sendButton");
        waitFor(() -> robot.lookup("#errorBox").query().isVisible());
        robot.clickOn("#diagnoseButton");
        waitFor(() -> "not_shared".equals(text(robot, "#causeCode")));
        waitFor(() -> !robot.lookup("#createBundleButton").query().isDisabled());
        robot.clickOn("#createBundleButton");
        Stage diagnosis = bundleWindow(robot);
        String status = text(diagnosis, "#bundleStatus");
        assertTrue(status.startsWith("1 call(s), 1 diagnosis(es), the Explorer's current map."), status);
        String preview = text(diagnosis, "#bundlePreviewText");
        assertTrue(preview.contains("object_not_found") && preview.contains("not_shared") && preview.contains("\"map\""),
                preview.substring(0, Math.min(600, preview.length())));
        assertFalse(preview.contains("ntn_sandbox_docs_sync_FAKE") || preview.contains("\"Sales\""), "no token, no title");
        robot.interact(diagnosis::close);

        // Explorer: Export ▸ Create bundle… with the map on screen and the failed call from the history
        key(robot, KeyCode.CONTROL, KeyCode.DIGIT3);
        waitFor(() -> robot.lookup("#exportMapButton").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#exportMapButton").clickOn("Create bundle…");
        Stage map = bundleWindow(robot);
        String mapStatus = text(map, "#bundleStatus");
        assertTrue(mapStatus.startsWith("1 call(s), 1 diagnosis(es), the Explorer's current map."), mapStatus);
        String mapPreview = text(map, "#bundlePreviewText");
        assertTrue(mapPreview.contains("\"map\"") && mapPreview.contains("/v1/pages/" + SALES), mapPreview.substring(0, Math.min(600, mapPreview.length())));
        assertFalse(mapPreview.contains("ntn_sandbox_docs_sync_FAKE"), "no token");
        robot.interact(map::close);
    }

    /** The support-bundle window once its preview is filled. */
    private static Stage bundleWindow(FxRobot robot) throws Exception {
        waitFor(() -> {
            Optional<Stage> s = find();
            return s.isPresent() && !text(s.get(), "#bundlePreviewText").isEmpty();
        });
        return OnFx.call(() -> find().orElseThrow(), 20);
    }

    private static Optional<Stage> find() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && "Support bundle".equals(s.getTitle()) && s.isShowing())
                .map(Stage.class::cast).findFirst();
    }

    private static String text(Stage stage, String id) throws Exception {
        return OnFx.call(() -> {
            Node n = stage.getScene().lookup(id);
            return n instanceof TextArea t ? t.getText() : n instanceof Label l ? l.getText() : "";
        }, 20);
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return OnFx.call(() -> robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse(""), 20);
    }

    private static void key(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> OnFx.call(condition, 20));
    }
}
