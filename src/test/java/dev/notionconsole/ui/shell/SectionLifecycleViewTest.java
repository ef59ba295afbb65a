package dev.notionconsole.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.ConnectionStore;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.core.Secret;
import dev.notionconsole.secrets.SecretStorage;
import dev.notionconsole.settings.SettingsStore;
import dev.notionconsole.ui.OnFx;
import dev.notionconsole.ui.common.FxDialogService;
import dev.notionconsole.ui.common.FxTaskRunner;
import dev.notionconsole.ui.connections.ConnectionsView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The shell owns the section views' lifecycles (issue 17): switching sections hides a view but keeps it
 * listening; only {@link MainWindowView#dispose()} drops it.
 */
@ExtendWith(ApplicationExtension.class)
class SectionLifecycleViewTest {
    private final AtomicInteger disposed = new AtomicInteger();
    private ConnectionService connections;
    private FxTaskRunner tasks;
    private MainWindowViewModel viewModel;
    private MainWindowView view;

    /** A request section that only counts how often the shell disposes it. */
    private final class CountingView extends StackPane implements Disposable {
        CountingView() {
            getChildren().add(new Label("request"));
        }

        @Override
        public void dispose() {
            disposed.incrementAndGet();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("nc-lifecycle");
        FxDialogService dialogs = new FxDialogService();
        tasks = new FxTaskRunner(t -> {
            throw new AssertionError("a task failed without a handler", t);
        });
        ConnectionStore cs = new ConnectionStore(home.resolve("connections.json"));
        connections = ConnectionServices.open(cs, cs.load(), SecretStorage.sessionOnly(home.resolve("s.json"), false),
                Map.of(), SandboxAccess.NONE, Runnable::run, Clock.systemUTC());
        List<Section> sections = List.of(
                Section.of(SectionSlot.CONNECTIONS, () -> ConnectionsView.create(connections, tasks, dialogs)),
                Section.of(SectionSlot.REQUEST, CountingView::new),
                Section.placeholder(SectionSlot.EXPLORER),
                Section.placeholder(SectionSlot.DIAGNOSTICS));
        SettingsStore store = new SettingsStore(home.resolve("settings.json"));
        viewModel = new MainWindowViewModel(sections, store.load(), store, connections, tasks, dialogs, Platform::runLater);
        view = new MainWindowView(viewModel, dialogs, dialogs.notificationLayer());
        view.install(stage);
        dialogs.attach(stage);
        stage.show();
    }

    @Stop
    void stop() {
        viewModel.dispose();
        tasks.close();
    }

    @Test
    void theConnectionsListFollowsTheServiceAfterASwitchAwayAndBack(FxRobot robot) throws Exception {
        ListView<Connection> list = robot.lookup("#connectionsList").queryListView();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitFor(() -> viewModel.getSelected() == SectionSlot.REQUEST);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitFor(() -> viewModel.getSelected() == SectionSlot.CONNECTIONS);

        // added elsewhere (the command line, another section): the list must show it
        connections.add(Connection.builder(ConnectionKind.INTERNAL).name("Added elsewhere")
                .baseUrl("https://api.notion.com").build(), Secret.of("ntn_11112222333344445555666677778888"), null);
        waitFor(() -> list.getItems().stream().anyMatch(c -> c.name().equals("Added elsewhere")));
        assertEquals(0, disposed.get(), "switching sections disposes nothing");
    }

    @Test
    void disposingTheWindowDisposesEachBuiltViewOnce(FxRobot robot) throws Exception {
        robot.clickOn("#nav-request");
        robot.clickOn("#nav-connections");
        robot.clickOn("#nav-request");
        assertEquals(0, disposed.get());
        robot.interact(view::dispose);
        robot.interact(view::dispose);
        assertEquals(1, disposed.get(), "disposed once, however often the window is disposed");
        assertTrue(robot.lookup("#section-request").tryQuery().isPresent());
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        OnFx.waitFor(condition);
    }
}
