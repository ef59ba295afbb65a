package dev.notionconsole.ui.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.ConnectionStore;
import dev.notionconsole.connections.SandboxServerAccess;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.RequestSender;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.request.render.BodyRenderer;
import dev.notionconsole.request.saved.SavedRequestStore;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.secrets.SecretStorage;
import dev.notionconsole.settings.SettingsStore;
import dev.notionconsole.settings.Theme;
import dev.notionconsole.ui.OnFx;
import dev.notionconsole.ui.common.FxDialogService;
import dev.notionconsole.ui.common.FxTaskRunner;
import dev.notionconsole.ui.shell.MainWindowView;
import dev.notionconsole.ui.shell.MainWindowViewModel;
import dev.notionconsole.ui.shell.Section;
import dev.notionconsole.ui.shell.SectionSlot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Request section's keyboard flow inside the real main window (issue 16, item 5): its shortcuts work with
 * the focus in the toolbar, picking an endpoint puts the focus in its first empty ID field, Ctrl+Enter in the
 * picker never sends the request behind it, and Tab from the connection box does not reach the theme button.
 */
@ExtendWith(ApplicationExtension.class)
class RequestKeyboardViewTest {
    static SandboxServer sandbox;
    FxTaskRunner tasks;
    MainWindowViewModel shell;
    RequestViewModel request;

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
        Path home = Files.createTempDirectory("nc-request-keys");
        ConnectionStore store = new ConnectionStore(home.resolve("connections.json"));
        ConnectionService service = ConnectionServices.open(store, store.load(),
                SecretStorage.sessionOnly(home.resolve("secrets.json"), false), Map.of(),
                new SandboxServerAccess(() -> sandbox), Runnable::run, Clock.systemUTC());
        service.setCurrent(service.findByIdOrName("Sandbox: Docs Sync").orElseThrow().id());
        tasks = new FxTaskRunner(t -> {
            throw new AssertionError("a task failed without a handler", t);
        });
        FxDialogService dialogs = new FxDialogService();
        request = new RequestViewModel(service, new RequestSender(new dev.notionconsole.connections.ConnectionCaller(service, null), EndpointCatalog.builtIn(), HistoryStore.open(home)),
                SavedRequestStore.open(home), tasks, dialogs, new BodyRenderer(), Platform::runLater, x -> { });
        List<Section> sections = List.of(
                Section.placeholder(SectionSlot.CONNECTIONS),
                Section.of(SectionSlot.REQUEST, () -> new RequestView(request)).withShortcuts(RequestView.SHORTCUTS),
                Section.placeholder(SectionSlot.EXPLORER),
                Section.placeholder(SectionSlot.DIAGNOSTICS));
        SettingsStore settings = new SettingsStore(home.resolve("settings.json"));
        shell = new MainWindowViewModel(sections, settings.load(), settings, service, tasks, dialogs, Platform::runLater);
        shell.select(SectionSlot.REQUEST);
        new MainWindowView(shell, dialogs, dialogs.notificationLayer()).install(stage);
        dialogs.attach(stage);
        stage.show();
    }

    @Stop
    void stop() {
        shell.dispose();
        tasks.close();
    }

    @Test
    void ctrlKWorksWithTheFocusInTheToolbarAndAPickFocusesTheFirstEmptyIdField(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#connectionPicker").query().requestFocus());
        assertEquals("connectionPicker", focusedId(robot));
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#endpointPicker").query().isVisible());
        robot.write("retrieve a page").type(KeyCode.ENTER);
        waitFor(() -> !robot.lookup("#endpointPicker").query().isVisible());
        assertEquals("/v1/pages/{page_id}", request.pathProperty().get());
        waitFor(() -> "param-page_id".equals(focusOwnerId(robot)));
    }

    @Test
    void ctrlEnterInThePickerPicksAndDoesNotSendBehindIt(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#endpointPicker").query().isVisible());
        robot.write("search");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> !robot.lookup("#endpointPicker").query().isVisible());
        // a send starts on the JavaFX thread inside the key handler: had it sent, this would already show it
        assertFalse(OnFx.call(() -> request.sendingProperty().get(), 20), "nothing is sent");
        assertNull(OnFx.call(() -> request.exchangeProperty().get(), 20));
        assertEquals("/v1/search", request.pathProperty().get(), "Ctrl+Enter chose the highlighted endpoint");
    }

    @Test
    void tabFromTheConnectionBoxSkipsTheThemeButtonAndOpeningTheSectionFocusesIt(FxRobot robot) throws Exception {
        Theme before = shell.getTheme();
        robot.interact(() -> robot.lookup("#connectionPicker").query().requestFocus());
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals("themeToggle", focusedId(robot));
        assertNotEquals("helpButton", focusedId(robot));
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, shell.getTheme(), "a space after Tab does not flip the theme");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitFor(() -> "pathField".equals(focusOwnerId(robot)));
        assertTrue(robot.lookup("#section-request").tryQuery().isPresent());
    }

    private static String focusedId(FxRobot robot) throws Exception {
        return OnFx.call(() -> focusOwnerId(robot), 20);
    }

    /** On the JavaFX thread (inside {@link #waitFor}). */
    private static String focusOwnerId(FxRobot robot) {
        Node n = robot.lookup("#mainWindow").query().getScene().getFocusOwner();
        return n == null ? null : n.getId();
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        OnFx.waitFor(condition);
    }
}
