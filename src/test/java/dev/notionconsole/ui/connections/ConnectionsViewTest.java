package dev.notionconsole.ui.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.IdentityCheck;
import dev.notionconsole.sandbox.SandboxConnection;
import dev.notionconsole.settings.Theme;
import dev.notionconsole.testsupport.SandboxConnections;
import dev.notionconsole.ui.common.FxDialogService;
import dev.notionconsole.ui.common.FxTaskRunner;
import dev.notionconsole.ui.common.ThemeManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import dev.notionconsole.ui.OnFx;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workspace driven headlessly through mouse and keyboard, with the app's own task runner and dialogs, against
 * the real in-process sandbox over HTTP: add a sandbox connection, test it, edit it, delete it.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionsViewTest {
    @RegisterExtension
    static final SandboxConnections sandbox = SandboxConnections.defaults();
    final SandboxConnection docsSync = sandbox.fixtureConnection("Docs Sync");
    ConnectionService service;
    FxTaskRunner tasks;
    ConnectionsView view;

    @Start
    void start(Stage stage) throws Exception {
        service = sandbox.connections();
        tasks = new FxTaskRunner(t -> {
            throw new AssertionError("a task failed without a handler", t);
        });
        FxDialogService dialogs = new FxDialogService();
        ThemeManager.apply(Theme.LIGHT);
        view = ConnectionsView.create(service, tasks, dialogs);
        Scene scene = new Scene(view, 1200, 800);
        ThemeManager.style(scene);
        stage.setScene(scene);
        dialogs.attach(stage);
        stage.show();
    }

    /** The detail pane (the form) is built after the first frame, one part per pulse (decision 0165). */
    @BeforeEach
    void formBuilt() throws Exception {
        waitFor(() -> view.detailBuiltProperty().get());
    }

    @Stop
    void stop() {
        tasks.close();
    }


    @Test
    void aNewViewFillsItsListAfterItsFirstFrameARowAtFirstThenEveryConnectionWithoutSayingItIsEmpty(FxRobot robot)
            throws Exception {
        // decision 0198: the rows are not in the view's first frame; the list must never claim "No connections yet"
        List<Integer> sizes = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> replaced = new java.util.concurrent.CopyOnWriteArrayList<>();
        ListView<Connection> list = OnFx.call(() -> {
            ConnectionsView fresh = ConnectionsView.create(service, tasks, new FxDialogService());
            Stage other = new Stage();
            Scene scene = new Scene(fresh, 900, 600);
            ThemeManager.style(scene);
            other.setScene(scene);
            other.show(); // laid out for its first frame; no pulse has run yet (this is one FX event)
            @SuppressWarnings("unchecked")
            ListView<Connection> l = (ListView<Connection>) fresh.lookup("#connectionsList");
            sizes.add(l.getItems().size());
            l.itemsProperty().addListener((o, was, now) -> replaced.add("the list itself"));
            l.getItems().addListener((javafx.collections.ListChangeListener<Connection>) c -> {
                while (c.next()) {
                    if (c.wasRemoved() || c.getFrom() != c.getList().size() - c.getAddedSize()) {
                        replaced.add(c.toString());
                    }
                }
                sizes.add(c.getList().size());
            });
            assertFalse(l.getPlaceholder() instanceof Label, "no \"No connections yet\" before the rows are in");
            return l;
        }, 10);
        int all = service.list().size();
        assertTrue(all > 7, "the fixture has more connections than the first steps show");
        waitFor(() -> sizes.size() >= 2 && sizes.get(sizes.size() - 1) == all);
        // decision 0200: a row, three more, three per step, then the rest; only ever appended at the end, since
        // replacing the rows re-styled those already shown
        List<Integer> expected = new java.util.ArrayList<>(List.of(0));
        for (int n = 1; n < Math.min(all, ConnectionListPane.VISIBLE_ROWS_BUILT_IN_STEPS); n += n == 1 ? 3 : ConnectionListPane.ROWS_PER_STEP) {
            expected.add(n);
        }
        expected.add(all);
        assertEquals(expected, sizes, "empty in the first frame, then the first row, four, seven... every connection");
        assertEquals(List.of(), replaced, "rows are only appended while the list is built");
        // the placeholder comes in the step after the last rows (0199): "No connections yet" once the list knows
        waitFor(() -> list.getPlaceholder() instanceof Label);
        OnFx.call(() -> {
            ((Stage) list.getScene().getWindow()).close();
            return null;
        }, 10);
    }

    @Test
    void everyRowFitsTheListsFixedRowHeight(FxRobot robot) throws Exception {
        // decision 0199: the rows' height is fixed in connections.css so the list never measures them; a row whose
        // content grew (a third line, a taller badge) would be clipped, so its natural height must fit the fixed one
        waitFor(() -> robot.lookup("#connectionsList").queryAs(ListView.class).getItems().size() == service.list().size());
        double fixed = OnFx.call(() -> robot.lookup("#connectionsList").queryAs(ListView.class).getFixedCellSize(), 10);
        assertTrue(fixed > 0, "a fixed row height from the stylesheet: " + fixed);
        List<String> rows = OnFx.call(() -> robot.lookup(".list-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.ListCell<?>) n).filter(c -> c.getGraphic() != null)
                .map(c -> c.getGraphic().prefHeight(-1) + c.snappedTopInset() + c.snappedBottomInset() + " "
                        + ((Connection) c.getItem()).name())
                .toList(), 10);
        assertFalse(rows.isEmpty());
        for (String row : rows) {
            double natural = Double.parseDouble(row.substring(0, row.indexOf(' ')));
            assertTrue(natural <= fixed + 0.01, "fits " + fixed + " px: " + row);
        }
    }

    @Test
    void theListPaneAtItsNarrowestKeepsItsActionsWhole(FxRobot robot) throws Exception {
        // the divider dragged all the way left: the pane stops at its minimum, which must hold the actions bar
        robot.interact(() -> view.setDividerPositions(0.0));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#importConnectionsButton", "#exportConnectionsButton")) {
            javafx.scene.Node button = robot.lookup(id).query();
            javafx.geometry.Bounds b = button.localToScene(button.getBoundsInLocal());
            javafx.scene.Node pane = robot.lookup("#connectionsList").query().getParent();
            // the pane's own width (its layout bounds); its bounds in local would grow with a child that overflows it
            javafx.geometry.Bounds p = pane.localToScene(pane.getLayoutBounds());
            assertTrue(b.getMaxX() <= p.getMaxX() + 0.5, id + " ends at " + b.getMaxX() + ", its pane at " + p.getMaxX());
        }
    }

    @Test
    void addsTestsEditsAndDeletesASandboxConnection(FxRobot robot) throws Exception {
        ListView<Connection> list = robot.lookup("#connectionsList").queryListView();
        int defaults = list.getItems().size();
        assertEquals(sandbox.server().connections().size(), defaults, "the sandbox's connections are there on first start");

        // add
        robot.clickOn("#addConnectionButton").clickOn("#addInternal");
        robot.clickOn("#nameField").write("TestFX docs");
        TextField baseUrl = robot.lookup("#baseUrlField").queryAs(TextField.class);
        robot.doubleClickOn(baseUrl).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("sandbox");
        // tokens are pasted, not typed (and typing 48 characters through the robot is slow)
        robot.interact(() -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, docsSync.token() + "\n")));
        robot.clickOn("#tokenField").press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        robot.clickOn("#revealTokenToggle");
        assertTrue(robot.lookup("#tokenRevealField").query().isVisible());
        assertEquals(docsSync.token(), robot.lookup("#tokenRevealField").queryAs(TextField.class).getText());
        robot.clickOn("#revealTokenToggle");
        assertFalse(robot.lookup("#tokenRevealField").query().isVisible(), "masked again");
        robot.clickOn("#saveConnectionButton");
        waitFor(() -> list.getItems().stream().anyMatch(c -> c.name().equals("TestFX docs")));
        Connection added = list.getSelectionModel().getSelectedItem();
        assertEquals("TestFX docs", added.name());
        assertEquals(added.id(), service.current().orElseThrow().id(), "the new connection is current for the app");

        // test, over HTTP against the sandbox
        assertEquals(1, robot.listTargetWindows().size(), "no dialog is open");
        robot.clickOn("#testConnectionButton");
        Label result = robot.lookup("#checkResult").queryAs(Label.class);
        waitFor(() -> result.getText().startsWith("Works"));
        assertTrue(result.getText().contains("Docs Sync"), result.getText());
        assertEquals(IdentityCheck.Outcome.OK, service.find(added.id()).orElseThrow().lastCheck().outcome());

        // edit
        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        robot.clickOn(name).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("TestFX docs (edited)");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor(() -> service.find(added.id()).map(c -> c.name().equals("TestFX docs (edited)")).orElse(false));
        waitFor(() -> list.getItems().stream().anyMatch(c -> c.name().equals("TestFX docs (edited)")));

        // delete, confirming in the real dialog
        robot.clickOn("#deleteConnectionButton");
        waitFor(() -> robot.lookup("#confirmButton").tryQuery().isPresent());
        robot.clickOn("#confirmButton");
        waitFor(() -> service.find(added.id()).isEmpty());
        waitFor(() -> list.getItems().size() == defaults);
    }

    @Test
    void saveWorksOnTheFirstClickWhileATextFieldHasTheFocus(FxRobot robot) throws Exception {
        // leaving Name shows the messages of the fields still empty (the token), as a new user sees them
        fillNewInternalDraft(robot, "First click");
        assertTrue(robot.lookup("#tokenField").query().isFocused(), "the token field still has the focus");
        // once, as a person clicks: the layout gets a pulse between press and release
        robot.moveTo("#saveConnectionButton").press(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        robot.release(MouseButton.PRIMARY);
        waitFor(() -> service.list().stream().anyMatch(c -> c.name().equals("First click")));
        waitFor(() -> !robot.lookup("#formTitle").queryAs(Label.class).getText().startsWith("New "));
    }

    @Test
    void testConnectionTriesTheFormsValuesWithoutSavingThem(FxRobot robot) throws Exception {
        // issue 16, item 10: Test connection was disabled until the draft was saved
        int saved = service.list().size();
        fillNewInternalDraft(robot, "Draft under test");
        assertFalse(robot.lookup("#testConnectionButton").query().isDisabled(), "a new draft can be tested");
        robot.clickOn("#testConnectionButton");
        Label result = robot.lookup("#checkResult").queryAs(Label.class);
        waitFor(() -> result.getText().startsWith("Works"));
        assertTrue(result.getText().contains("Docs Sync") && result.getText().contains("not saved"), result.getText());
        assertFalse(result.getText().contains(docsSync.token()), "the token is never shown");
        assertEquals(saved, service.list().size(), "testing saved nothing");
        assertTrue(robot.lookup("#formTitle").queryAs(Label.class).getText().startsWith("New "), "still the draft");

        // an edited saved connection is tested as edited (here a wrong token), and its recorded check is kept
        Connection docs = service.list().stream().filter(c -> c.name().endsWith("Docs Sync")).findFirst().orElseThrow();
        IdentityCheck before = docs.lastCheck();
        robot.clickOn("#revertConnectionButton"); // an empty draft again: leaving it asks nothing
        robot.clickOn(cellOf(robot, docs));
        waitFor(() -> robot.lookup("#formTitle").queryAs(Label.class).getText().equals(docs.name()));
        String wrong = "ntn_" + "1".repeat(46);
        robot.interact(() -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, wrong)));
        TextField token = robot.lookup("#tokenField").queryAs(TextField.class);
        robot.clickOn(token).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        robot.clickOn("#testConnectionButton");
        waitFor(() -> result.getText().startsWith("Token rejected"));
        assertTrue(result.getText().contains("not saved"), result.getText());
        assertEquals(before, service.find(docs.id()).orElseThrow().lastCheck(), "an unsaved test is not recorded");
        assertEquals(docsSync.token(), service.token(docs).orElseThrow().reveal(), "the stored token is untouched");
    }

    @Test
    void selectingARowShowsItAndOnlyUsingItMakesItCurrent(FxRobot robot) throws Exception {
        ListView<Connection> list = robot.lookup("#connectionsList").queryListView();
        String first = service.current().orElseThrow().id();
        List<Connection> others = list.getItems().stream().filter(c -> !c.id().equals(first)).limit(3).toList();

        robot.clickOn(cellOf(robot, others.get(0)));
        waitFor(() -> robot.lookup("#formTitle").queryAs(Label.class).getText().equals(others.get(0).name()));
        assertEquals(first, service.current().orElseThrow().id(), "selecting is not choosing");
        assertTrue(robot.lookup("#useConnectionButton").query().isVisible());
        assertFalse(robot.lookup("#currentBadge").query().isVisible());

        robot.clickOn("#useConnectionButton");
        waitFor(() -> service.current().orElseThrow().id().equals(others.get(0).id()));
        waitFor(() -> robot.lookup("#currentBadge").query().isVisible());
        assertFalse(robot.lookup("#useConnectionButton").query().isVisible());

        // Monocle delivers the robot's double-click as two clicks of count 1, so the second click is given
        // its count as a desktop would (the row is selected by the first, real click)
        javafx.scene.Node second = cellOf(robot, others.get(1));
        robot.clickOn(second);
        robot.interact(() -> javafx.event.Event.fireEvent(second, new javafx.scene.input.MouseEvent(
                javafx.scene.input.MouseEvent.MOUSE_CLICKED, 5, 5, 5, 5, MouseButton.PRIMARY, 2,
                false, false, false, false, true, false, false, true, false, true, null)));
        waitFor(() -> service.current().orElseThrow().id().equals(others.get(1).id()));

        robot.clickOn(cellOf(robot, others.get(2)));
        waitFor(() -> robot.lookup("#formTitle").queryAs(Label.class).getText().equals(others.get(2).name()));
        assertEquals(others.get(1).id(), service.current().orElseThrow().id());
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitFor(() -> service.current().orElseThrow().id().equals(others.get(2).id()));
        // rows are built once per cell and re-filled (0193): the list's one "current" mark moved with the choice
        waitFor(() -> currentMarks(list).equals(List.of(others.get(2).name())));
    }

    /** The names of the list rows that show the "current" mark. */
    private static List<String> currentMarks(ListView<Connection> list) {
        return list.lookupAll(".list-cell").stream()
                .filter(cell -> cell instanceof javafx.scene.control.ListCell<?> c && c.getItem() != null)
                .filter(cell -> cell.lookupAll(".badge-current").stream().anyMatch(javafx.scene.Node::isVisible))
                .map(cell -> ((Connection) ((javafx.scene.control.ListCell<?>) cell).getItem()).name())
                .toList();
    }

    /** Add → Internal connection, then Name, Base URL "sandbox" and Docs Sync's token (pasted), nothing saved. */
    private void fillNewInternalDraft(FxRobot robot, String name) {
        robot.clickOn("#addConnectionButton").clickOn("#addInternal");
        robot.clickOn("#nameField").write(name);
        TextField baseUrl = robot.lookup("#baseUrlField").queryAs(TextField.class);
        robot.doubleClickOn(baseUrl).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("sandbox");
        robot.interact(() -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, docsSync.token())));
        robot.clickOn("#tokenField").press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
    }

    private static javafx.scene.Node cellOf(FxRobot robot, Connection c) {
        return robot.lookup("#connectionsList .list-cell")
                .match(n -> n instanceof ListCell<?> cell && cell.getItem() instanceof Connection x && x.id().equals(c.id()))
                .query();
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        OnFx.waitFor(condition);
    }
}
