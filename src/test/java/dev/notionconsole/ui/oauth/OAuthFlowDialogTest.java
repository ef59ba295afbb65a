package dev.notionconsole.ui.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.oauth.BrowserOpener;
import dev.notionconsole.oauth.OAuthFixture;
import dev.notionconsole.ui.common.FxTaskRunner;
import dev.notionconsole.ui.common.RecordingDialogService;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The dialog, headless (Monocle), over a real flow against the sandbox: what a person sees and clicks. */
@ExtendWith(ApplicationExtension.class)
class OAuthFlowDialogTest {
    private OAuthFixture fixture;
    private FxTaskRunner tasks;
    private OAuthFlowDialog dialog;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage owner) throws Exception {
        fixture = new OAuthFixture(Files.createTempDirectory("oauth-dialog"));
        tasks = new FxTaskRunner(Throwable::printStackTrace);
        dev.notionconsole.ui.common.ThemeManager.apply(dev.notionconsole.settings.Theme.LIGHT);
        // an owner without a scene stalls Monocle's renderer: give it one
        owner.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 800, 600));
        owner.show();
        OAuthFlowViewModel vm = new OAuthFlowViewModel(fixture.oauth, fixture.connection, tasks, dialogs,
                BrowserOpener.NONE, Duration.ofMinutes(5), Platform::runLater, Clock.systemUTC());
        dialog = new OAuthFlowDialog(vm, owner);
        dialog.show();
    }

    @Stop
    void stop() {
        tasks.close();
        fixture.close();
    }

    private static boolean treeVisible(javafx.scene.Node n) {
        for (javafx.scene.Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        // evaluated on the JavaFX thread, so nodes are never read mid-update
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dev.notionconsole.ui.OnFx.call(condition, 10));
    }

    @Test
    void showsWhatToRegisterAndOpenTakesPasteErrorsAndCancels(FxRobot robot) throws Exception {
        assertEquals(fixture.connection.redirectUri(), robot.lookup("#oauthRedirectUri").queryAs(TextField.class).getText());
        waitFor(() -> !robot.lookup("#oauthAuthorizeUrl").queryAs(TextField.class).getText().isEmpty());
        assertTrue(robot.lookup("#oauthStatus").queryAs(Label.class).getText().startsWith("Waiting for you to allow access"));
        assertTrue(robot.lookup("#oauthTimeLeft").queryAs(Label.class).getText().startsWith("Listening for 4:"));

        robot.clickOn("#oauthCopyRedirect");
        assertEquals(fixture.connection.redirectUri(), dialogs.clipboard);

        robot.clickOn("#oauthPaste").write("http://localhost:1/nope");
        robot.clickOn("#oauthPasteSubmit");
        waitFor(() -> robot.lookup("#oauthPasteError").queryAs(Label.class).isVisible());
        assertTrue(robot.lookup("#oauthPasteError").queryAs(Label.class).getText().contains("not the redirected address"));

        Button cancel = robot.lookup("#oauthCancel").queryAs(Button.class);
        assertEquals("Cancel", cancel.getText());
        robot.clickOn(cancel);
        waitFor(() -> "Cancelled".equals(robot.lookup("#oauthOutcomeTitle").queryAs(Label.class).getText()));
        assertEquals("Close", cancel.getText());
        assertTrue(robot.lookup("#oauthRetry").queryAs(Button.class).isVisible());
        assertFalse(treeVisible(robot.lookup("#oauthAuthorizeUrl").query()),
                "the waiting sections are hidden once the flow ended");

        robot.clickOn(cancel);
        waitFor(() -> !dialog.stage().isShowing());
    }
}
