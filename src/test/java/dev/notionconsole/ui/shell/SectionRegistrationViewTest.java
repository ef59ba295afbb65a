package dev.notionconsole.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.Secret;
import dev.notionconsole.settings.SettingsStore;
import dev.notionconsole.testsupport.TestConnections;
import dev.notionconsole.ui.common.FxDialogService;
import dev.notionconsole.ui.common.FxTaskRunner;
import dev.notionconsole.ui.common.UncaughtErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The registration point as features use it: views built lazily, once; a view that fails to build shows an
 * error instead of taking the window down; an exception nobody handled reaches the error dialog, redacted.
 */
@ExtendWith(ApplicationExtension.class)
class SectionRegistrationViewTest {
    private static final String TOKEN = "ntn_5555666677778888999900001111222233334444aaaa";

    private final AtomicInteger requestViewsBuilt = new AtomicInteger();
    private FxTaskRunner tasks;
    private MainWindowViewModel viewModel;
    private Thread.UncaughtExceptionHandler previousHandler;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("nc-registration");
        FxDialogService dialogs = new FxDialogService();
        UncaughtErrors errors = new UncaughtErrors(() -> dialogs);
        tasks = new FxTaskRunner(errors::taskFailed);
        previousHandler = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler(errors); // the FX thread, as App installs it globally

        List<Section> sections = List.of(
                Section.placeholder(SectionSlot.CONNECTIONS),
                Section.of(SectionSlot.REQUEST, () -> {
                    requestViewsBuilt.incrementAndGet();
                    Button boom = new Button("Fail");
                    boom.setId("boomButton");
                    boom.setOnAction(e -> {
                        throw new IllegalStateException("request failed with " + TOKEN);
                    });
                    javafx.scene.control.TextField field = new javafx.scene.control.TextField();
                    field.setId("someField");
                    return new javafx.scene.layout.VBox(field, boom);
                }).withShortcuts(new Shortcut("Shortcut+Enter", "Send the request")),
                Section.of(SectionSlot.EXPLORER, () -> {
                    throw new IllegalStateException("explorer is broken");
                }),
                Section.placeholder(SectionSlot.DIAGNOSTICS));
        SettingsStore store = new SettingsStore(home.resolve("settings.json"));
        var connections = TestConnections.open(home);
        viewModel = new MainWindowViewModel(sections, store.load(), store, connections, tasks, dialogs, Platform::runLater);
        new MainWindowView(viewModel, dialogs, dialogs.notificationLayer()).install(stage);
        dialogs.attach(stage);
        stage.show();
    }

    @Stop
    void stop() {
        Thread.currentThread().setUncaughtExceptionHandler(previousHandler);
        viewModel.dispose();
        tasks.close();
    }

    @Test
    void aRegisteredViewIsBuiltTheFirstTimeItIsOpenedAndKept(FxRobot robot) {
        assertEquals(0, requestViewsBuilt.get(), "not built at start-up");
        robot.clickOn("#nav-request");
        assertTrue(robot.lookup("#section-request #boomButton").tryQuery().isPresent());
        robot.clickOn("#nav-connections");
        robot.clickOn("#nav-request");
        assertEquals(1, requestViewsBuilt.get());
    }

    @Test
    void globalShortcutsWorkWhileATextFieldHasTheFocus(FxRobot robot) {
        robot.clickOn("#nav-request");
        robot.clickOn("#someField").write("abc");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SectionSlot.DIAGNOSTICS, viewModel.getSelected());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SectionSlot.REQUEST, viewModel.getSelected());
        assertTrue(robot.lookup("#helpOverlay").tryQuery().isPresent());
    }

    @Test
    void aWorkspaceShortcutIsListedInTheHelpOverlay(FxRobot robot) {
        robot.clickOn("#helpButton");
        assertTrue(robot.lookup("#helpOverlay .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> "Send the request".equals(l.getText())));
    }

    @Test
    void aViewThatFailsToBuildShowsAnErrorAndTheShellKeepsWorking(FxRobot robot) {
        robot.clickOn("#nav-explorer");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertTrue(pane.getHeaderText().contains("Could not open Explorer"), pane.getHeaderText());
        robot.clickOn(robot.lookup(".dialog-pane .button").match(b -> "Close".equals(((Button) b).getText())).queryButton());
        robot.clickOn("#nav-diagnostics");
        assertTrue(robot.lookup("#empty-diagnostics").tryQuery().isPresent());
    }

    @Test
    void anUncaughtExceptionIsShownWithRedactedDetailsThatCanBeCopied(FxRobot robot) throws Exception {
        robot.clickOn("#nav-request");
        robot.clickOn("#boomButton");
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane pane = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertTrue(pane.getContentText().contains("IllegalStateException"), pane.getContentText());
        assertFalse(pane.getContentText().contains(TOKEN), "the message is redacted");
        String details = ((TextArea) pane.getExpandableContent().lookup("#errorDetails")).getText();
        assertTrue(details.contains("at dev.notionconsole"), "the details carry the stack trace");
        assertFalse(details.contains(TOKEN), "the details are redacted");

        robot.clickOn("#copyDetailsButton");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()));
        assertEquals(details, copied);
        assertTrue(robot.lookup("#errorDialog").tryQuery().isPresent(), "copying keeps the dialog open");
    }

    @Test
    void aBackgroundTaskWithoutAFailureHandlerReachesTheErrorDialog(FxRobot robot) {
        dev.notionconsole.core.concurrent.BackgroundTask.of("Load users", ctx -> {
            throw new java.io.IOException("connection reset, token " + Secret.of(TOKEN).reveal());
        }).executeWith(tasks);
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertEquals("A background task failed", pane.getHeaderText());
        assertFalse(pane.getContentText().contains(TOKEN));
    }
}
