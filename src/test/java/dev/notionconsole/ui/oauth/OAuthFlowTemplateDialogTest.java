package dev.notionconsole.ui.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.oauth.BrowserOpener;
import dev.notionconsole.oauth.OAuthFixture;
import dev.notionconsole.ui.OnFx;
import dev.notionconsole.ui.common.FxTaskRunner;
import dev.notionconsole.ui.common.RecordingDialogService;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The OAuth dialog over the default fixture's Standup Kit (a template, installable in Acme only), headless, with a
 * person at the test's browser (decision 0120): the template installation is named in the outcome; a refusal for
 * installation scope says what to do.
 */
@ExtendWith(ApplicationExtension.class)
class OAuthFlowTemplateDialogTest {
    private OAuthFixture fixture;
    private FxTaskRunner tasks;
    private Stage owner;

    @Start
    void start(Stage owner) throws Exception {
        fixture = OAuthFixture.standupKit(Files.createTempDirectory("oauth-template-dialog"));
        tasks = new FxTaskRunner(Throwable::printStackTrace);
        dev.notionconsole.ui.common.ThemeManager.apply(dev.notionconsole.settings.Theme.LIGHT);
        owner.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 800, 600));
        owner.show();
        this.owner = owner;
    }

    @Stop
    void stop() {
        tasks.close();
        fixture.close();
    }

    /** Opens the dialog; the flow starts at once and the person answers the consent page. */
    private void open(BrowserOpener person) throws Exception {
        OnFx.call(() -> {
            OAuthFlowViewModel vm = new OAuthFlowViewModel(fixture.oauth, fixture.connection, tasks, new RecordingDialogService(),
                    person, Duration.ofMinutes(2), Platform::runLater, Clock.systemUTC());
            new OAuthFlowDialog(vm, owner).show();
            return null;
        }, 10);
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return OnFx.call(() -> robot.lookup(id).queryAs(Label.class).getText(), 10);
    }

    private static void waitForTitle(FxRobot robot, String title) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> title.equals(text(robot, "#oauthOutcomeTitle")));
    }

    @Test
    void aTemplateInstallationIsNamedInTheOutcome(FxRobot robot) throws Exception {
        open(fixture.personChoosing("Bob", "template"));
        waitForTitle(robot, "Installed");
        String detail = text(robot, "#oauthOutcomeDetail");
        assertTrue(detail.contains("Made by duplicating the template: \"Standup Kit\""), detail);
        assertTrue(detail.contains("It sees that copy only"), detail);
    }

    @Test
    void aRefusalForInstallationScopeSaysWhatToDo(FxRobot robot) throws Exception {
        open(fixture.personChoosing("Erin", "template"));
        waitForTitle(robot, "Not installable in that workspace");
        String detail = text(robot, "#oauthOutcomeDetail");
        assertTrue(detail.contains("installable in selected workspaces only"), detail);
        assertTrue(detail.contains("cannot be changed"), detail);
        assertEquals(0, fixture.connections.find(fixture.connection.id()).orElseThrow().installations().size());
    }
}
