package dev.notionconsole.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.notionconsole.core.AppDirs;
import dev.notionconsole.settings.Theme;
import dev.notionconsole.ui.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The real shell, as the app composes it, driven headlessly (Monocle) through mouse and keyboard. */
@ExtendWith(ApplicationExtension.class)
class MainWindowViewTest {
    private AppContext context;
    private MainWindowViewModel viewModel;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("nc-shell-view");
        context = new AppContext(new AppDirs(home), java.util.Map.of("NOTION_CONSOLE_SECRETS", "session"));
        viewModel = context.mainWindowViewModel();
        new MainWindowView(viewModel, context.dialogs(), context.notificationLayer()).install(stage);
        context.attach(stage);
        stage.show();
    }

    @Stop
    void stop() {
        viewModel.dispose();
        context.close();
    }

    @Test
    void opensWithTheFourWorkspacesAndTheConnectionsWorkspace(FxRobot robot) throws Exception {
        for (String id : new String[] {"connections", "request", "explorer", "diagnostics"}) {
            assertNotNull(robot.lookup("#nav-" + id).query(), id);
        }
        assertTrue(robot.lookup("#nav-connections").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup("#connectionsView").query().isVisible(), "the Connections feature fills its slot");
        assertNotNull(robot.lookup("#connectionPicker").query());
        // start-up work (the keychain probe) may still show for a moment
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> "Ready".equals(robot.lookup("#statusActivity").queryAs(Label.class).getText()));
    }

    @Test
    void theWindowGetsTheAppIconJavaFxUsesDecodedOffTheFxThread(FxRobot robot) throws Exception {
        Stage stage = (Stage) robot.lookup("#connectionPicker").query().getScene().getWindow();
        // install() never decodes it itself: the window gets it a few frames after it shows (0193, 0197)
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> stage.getIcons().size() == 1);
        List<Double> widths = WaitForAsyncUtils.asyncFx(() -> stage.getIcons().stream().map(javafx.scene.image.Image::getWidth).toList()).get();
        assertEquals(List.of((double) AppIcons.windowIconSize(System.getProperty("os.name"))), widths);
        assertEquals(32, AppIcons.windowIconSize("Windows 11"));
        assertEquals(128, AppIcons.windowIconSize("Linux"));
        assertEquals(128, AppIcons.windowIconSize("Mac OS X"));
        javafx.scene.image.Image decoded = AppIcons.decoded().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(decoded != null && !decoded.isError());
        AppIcons.decode(); // a second call (ui.Warmup after the window's own decoder) does not decode again
        assertSame(decoded, AppIcons.decoded().get());
    }

    @Test
    void navigatesTheWorkspacesByClickAndByShortcut(FxRobot robot) {
        robot.clickOn("#nav-request");
        assertShown(robot, "request");
        robot.clickOn("#nav-diagnostics");
        assertShown(robot, "diagnostics");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertShown(robot, "explorer");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertShown(robot, "connections");

        robot.clickOn("#nav-connections"); // clicking the open workspace keeps it open
        assertShown(robot, "connections");
    }

    @Test
    void switchesBetweenLightAndDarkTheme(FxRobot robot) {
        Paint light = background(robot, "#sectionArea");
        assertEquals(Theme.LIGHT, viewModel.getTheme());

        robot.clickOn("#themeToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.DARK, viewModel.getTheme());
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"), Application.getUserAgentStylesheet());
        Paint dark = background(robot, "#sectionArea");
        assertNotEquals(light, dark, "the workspace background follows the theme");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.LIGHT, viewModel.getTheme());
        assertEquals(light, background(robot, "#sectionArea"));
    }

    @Test
    void showsAndClosesTheHelpOverlay(FxRobot robot) {
        robot.press(KeyCode.F1).release(KeyCode.F1);
        Node overlay = robot.lookup("#helpOverlay").query();
        assertTrue(overlay.isVisible());
        assertTrue(robot.lookup("#helpOverlay .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> "Open Request".equals(l.getText())), "the overlay lists the shortcuts");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertTrue(robot.lookup("#helpOverlay").tryQuery().isEmpty());

        robot.clickOn("#helpButton");
        assertTrue(robot.lookup("#helpOverlay").tryQuery().isPresent());
        robot.clickOn("#helpClose");
        assertTrue(robot.lookup("#helpOverlay").tryQuery().isEmpty());

        robot.press(KeyCode.CONTROL, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.CONTROL);
        assertTrue(robot.lookup("#helpOverlay").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.CONTROL);
        assertFalse(robot.lookup("#helpOverlay").tryQuery().isPresent());
    }

    @Test
    void workspaceShortcutsWorkWhileTheConnectionPickerHasTheFocus(FxRobot robot) {
        javafx.scene.control.ComboBox<?> picker = robot.lookup("#connectionPicker").queryAs(javafx.scene.control.ComboBox.class);
        assertFalse(picker.getItems().isEmpty(), "the sandbox's connections are listed");
        robot.interact(picker::requestFocus);
        assertTrue(picker.isFocused());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertShown(robot, "explorer");
    }

    @Test
    void theNavigationCanShrinkToIcons(FxRobot robot) {
        Region nav = robot.lookup("#navigation").queryAs(Region.class);
        double wide = nav.getWidth();
        robot.clickOn("#navCompactToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY,
                robot.lookup("#nav-request").queryAs(ToggleButton.class).getContentDisplay());
        assertTrue(nav.getWidth() < wide / 2, nav.getWidth() + " vs " + wide);
        robot.clickOn("#nav-request"); // still navigates
        assertShown(robot, "request");
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(wide, nav.getWidth(), 0.5);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        assertShown(robot, "diagnostics");
    }

    private static void assertShown(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        Node ws = robot.lookup("#section-" + id).query();
        assertTrue(ws.isVisible() && ws.getScene() != null, id + " is on screen");
        assertTrue(robot.lookup("#nav-" + id).queryAs(ToggleButton.class).isSelected(), id + " is selected");
        assertEquals(1, robot.lookup("#sectionArea").queryAs(javafx.scene.layout.StackPane.class).getChildren().size());
    }

    private static Paint background(FxRobot robot, String query) {
        Region r = robot.lookup(query).queryAs(Region.class);
        return r.getBackground().getFills().get(0).getFill();
    }

    /**
     * A connection learnt something while another section used it (a comparison maps two connections, and each answer
     * can update what the connection is known to do): the toolbar's picker still names the current connection.
     */
    @Test
    void thePickerStillNamesTheCurrentConnectionAfterConnectionsAreUpdatedElsewhere(FxRobot robot) throws Exception {
        var service = context.connections();
        java.util.List<dev.notionconsole.connections.Connection> all = service.list();
        assertTrue(all.size() >= 2, "the sandbox connections: " + all.size());
        service.setCurrent(all.get(0).id());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ComboBox<?> picker = robot.lookup("#connectionPicker").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals(all.get(0).name(), buttonText(picker));
        // what a comparison's calls do: both connections learn a capability (the list is replaced, same IDs)
        service.recordCapability(all.get(0).id(), dev.notionconsole.notion.Capability.READ_CONTENT, true, "a search answered");
        service.recordCapability(all.get(1).id(), dev.notionconsole.notion.Capability.READ_CONTENT, true, "a search answered");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(all.get(0).name(), buttonText(picker), "the picker is not blank");
        assertEquals(all.get(0).id(), ((dev.notionconsole.connections.Connection) picker.getValue()).id());
    }

    private static String buttonText(javafx.scene.control.ComboBox<?> picker) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.ListCell<?> cell = picker.getButtonCell();
            return cell.isEmpty() || cell.getItem() == null ? "" : cell.getText();
        }).get();
    }
}
