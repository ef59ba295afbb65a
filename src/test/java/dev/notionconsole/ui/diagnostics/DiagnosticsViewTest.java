package dev.notionconsole.ui.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.AppDirs;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.ui.AppContext;
import dev.notionconsole.ui.OnFx;
import dev.notionconsole.ui.shell.MainWindowView;
import dev.notionconsole.ui.shell.MainWindowViewModel;
import dev.notionconsole.ui.shell.Shortcut;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
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
 * The Diagnostics section in the real shell, as the app composes it (its own sandbox, the default connections each
 * showing a classic mistake), driven headlessly through mouse and keyboard: "Diagnose" on a failed request opens
 * Diagnostics with the call, the verdict and the numbered fix show, an evidence row expands to its raw exchange, and
 * the access matrix lists every connection.
 */
@ExtendWith(ApplicationExtension.class)
class DiagnosticsViewTest {
    static final String SALES = Ids.fromKey("sales");
    private AppContext context;
    private MainWindowViewModel shell;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("nc-diagnostics-view");
        context = new AppContext(new AppDirs(home), Map.of("NOTION_CONSOLE_SECRETS", "session"));
        shell = context.mainWindowViewModel();
        new MainWindowView(shell, context.dialogs(), context.notificationLayer()).install(stage);
        context.attach(stage);
        stage.show();
        context.connections().setCurrent(context.connections().findByIdOrName("Sandbox: Docs Sync").orElseThrow().id());
    }

    @Stop
    void stop() {
        shell.dispose();
        context.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        waitFor(condition, () -> "");
    }

    /** Waits on the JavaFX thread (a read from the test thread could see a half-updated view); says what it saw. */
    private static void waitFor(Callable<Boolean> condition, Callable<String> seen) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> OnFx.call(condition, 20));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out; saw: " + OnFx.call(seen, 20), e);
        }
    }

    /** Scrolls the diagnosis page so that {@code node} is on screen, for a click. */
    private static void reveal(FxRobot robot, Node node) {
        robot.interact(() -> {
            ScrollPane scroll = robot.lookup("#diagnosisScroll").queryAs(ScrollPane.class);
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double view = scroll.getViewportBounds().getHeight();
            double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            scroll.setVvalue(content <= view ? 0 : Math.min(1, Math.max(0, (y - 20) / (content - view))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return OnFx.call(() -> robot.lookup(query).queryAs(Label.class).getText(), 20);
    }

    private static void key(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }

    /** Request: GET the Sales page as Docs Sync (not shared with it), then its "Diagnose". */
    private void diagnoseFromRequest(FxRobot robot) throws Exception {
        key(robot, KeyCode.CONTROL, KeyCode.DIGIT2);
        waitFor(() -> robot.lookup("#section-request").tryQuery().map(Node::isVisible).orElse(false));
        TextField path = robot.lookup("#pathField").queryAs(TextField.class);
        robot.interact(() -> path.setText("/v1/pages/" + SALES));
        robot.clickOn("#sendButton");
        waitFor(() -> robot.lookup("#errorBox").query().isVisible());
        assertEquals("object_not_found", text(robot, "#errorCodeLabel"));
        robot.clickOn("#diagnoseButton");
    }

    @Test
    void diagnoseOnAFailedRequestOpensDiagnosticsWithTheVerdictTheFixAndTheEvidence(FxRobot robot) throws Exception {
        diagnoseFromRequest(robot);
        waitFor(() -> robot.lookup("#nav-diagnostics").queryAs(ToggleButton.class).isSelected());
        assertEquals("/v1/pages/" + SALES, robot.lookup("#diagPathField").queryAs(TextField.class).getText(),
                "the call is the input");
        waitFor(() -> "not_shared".equals(robot.lookup("#causeCode").queryAs(Label.class).getText()));
        assertEquals("From the Request section, answered 404 object_not_found.", text(robot, "#diagOrigin"));
        assertEquals("confirmed", text(robot, "#confidenceLabel"));
        assertTrue(text(robot, "#summaryLabel").contains("Sales"), text(robot, "#summaryLabel"));
        assertEquals("Sales", text(robot, "#objectTitle"));
        Node step1 = robot.lookup("#fixStep-1").query();
        assertTrue(step1.isVisible(), "the fix is numbered from 1");
        assertEquals("1", ((Label) ((javafx.scene.layout.HBox) step1).getChildren().get(0)).getText());
        assertTrue(robot.lookup("#fixStep-2").tryQuery().isPresent(), "a fix has several steps");
        assertTrue(text(robot, "#witnessesLabel").startsWith("Witnesses asked: "), text(robot, "#witnessesLabel"));

        TitledPane first = robot.lookup("#evidence-1").queryAs(TitledPane.class);
        assertTrue(!first.isExpanded(), "evidence starts collapsed");
        reveal(robot, first);
        robot.clickOn(first.lookup(".title"));
        waitFor(first::isExpanded);
        String raw = OnFx.call(() -> robot.lookup("#evidenceRaw-1").queryAs(TextArea.class).getText(), 20);
        assertTrue(raw.startsWith("GET http") && raw.contains("\nHTTP "), raw);
        assertTrue(!raw.contains("ntn_sandbox_docs_sync_FAKE"), "the token is masked in the raw exchange");

        key(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        waitFor(() -> robot.lookup(".evidence-row").queryAllAs(TitledPane.class).stream().allMatch(TitledPane::isExpanded));
    }

    @Test
    void theAccessMatrixSaysWhichConnectionsReadTheObjectAndWhyTheOthersCannot(FxRobot robot) throws Exception {
        diagnoseFromRequest(robot);
        waitFor(() -> "not_shared".equals(robot.lookup("#causeCode").queryAs(Label.class).getText()));
        key(robot, KeyCode.CONTROL, KeyCode.M);
        waitFor(() -> "matrixTab".equals(robot.lookup("#diagnosticsTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId()));
        @SuppressWarnings("unchecked")
        TableView<AccessMatrixViewModel.Row> table = robot.lookup("#matrixTable").queryAs(TableView.class);
        int connections = context.connections().list().size();
        waitFor(() -> table.getItems().size() == connections && !robot.lookup("#matrixCancelButton").query().isVisible(),
                () -> table.getItems().size() + " rows of " + connections + "; " + text(robot, "#matrixProgress") + "; "
                        + text(robot, "#matrixProblem"));
        List<AccessMatrixViewModel.Row> rows = OnFx.call(() -> List.copyOf(table.getItems()), 20);
        AccessMatrixViewModel.Row docs = rows.stream().filter(r -> r.connection().equals("Sandbox: Docs Sync")).findFirst().orElseThrow();
        assertEquals("No access", docs.access());
        assertEquals("not_shared", docs.cause());
        AccessMatrixViewModel.Row alice = rows.stream().filter(r -> r.connection().equals("Sandbox: Alice's token")).findFirst().orElseThrow();
        assertEquals("Reads it", alice.access());
        assertTrue(alice.through().contains("Sales"), alice.through());
        assertTrue(rows.stream().anyMatch(r -> r.cause().equals("wrong_workspace")), "Lab Assistant is in Globex: " + rows);
        assertTrue(text(robot, "#matrixObjectLine").contains("Sales"));
        // the table shows the rows: one cell per connection name
        assertTrue(robot.lookup(".table-cell").queryAll().stream().anyMatch(c -> "Sandbox: Alice's token".equals(((javafx.scene.control.Labeled) c).getText())));
    }

    @Test
    void aTypedCallIsDiagnosedWithCtrlEnterAndTheShortcutsAreInTheHelpOverlay(FxRobot robot) throws Exception {
        key(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        waitFor(() -> robot.lookup("#diagPathField").tryQuery().map(Node::isFocused).orElse(false));
        robot.write("/v1/data_sources/" + Ids.fromKey("roadmap"));
        key(robot, KeyCode.CONTROL, KeyCode.ENTER);
        waitFor(() -> "wrong_id_kind".equals(robot.lookup("#causeCode").queryAs(Label.class).getText()));
        Label step = (Label) OnFx.call(() -> ((javafx.scene.layout.HBox) robot.lookup("#fixStep-1").query()).getChildren().get(1), 20);
        assertTrue(step.getText().contains(Ids.fromKey("roadmap-ds")), "the fix names the data source ID: " + step.getText());

        List<Shortcut> help = shell.helpSections().stream().filter(h -> h.title().equals("Diagnostics")).findFirst().orElseThrow().shortcuts();
        assertEquals(List.of(DiagnosticsView.SHORTCUTS), help);
        key(robot, KeyCode.F1);
        waitFor(() -> robot.lookup(".label").queryAll().stream().anyMatch(l -> l instanceof Label x
                && "Diagnose the call".equals(x.getText()) && l.isVisible()));
    }
}
