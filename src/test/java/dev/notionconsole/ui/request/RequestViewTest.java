package dev.notionconsole.ui.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.notion.ErrorCodes;
import dev.notionconsole.diagnostics.DiagnosisRequest;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.send.RequestSender;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.request.render.BodyRenderer;
import dev.notionconsole.request.saved.SavedRequestStore;
import dev.notionconsole.settings.Theme;
import dev.notionconsole.testsupport.SandboxConnections;
import dev.notionconsole.ui.OnFx;
import dev.notionconsole.ui.common.FxDialogService;
import dev.notionconsole.ui.common.FxTaskRunner;
import dev.notionconsole.ui.common.ThemeManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
 * The Request workspace driven headlessly through keyboard and mouse, with the app's own task runner, against
 * the real in-process sandbox over HTTP: pick "search" with Ctrl+K and send; a 404 with its code and meaning;
 * next page; fetch all; a paced wait shown and cancelled.
 */
@ExtendWith(ApplicationExtension.class)
class RequestViewTest {
    @RegisterExtension
    static final SandboxConnections sandbox = SandboxConnections.rateLimitOff();
    ConnectionService service;
    FxTaskRunner tasks;
    HistoryStore history;
    final java.util.List<DiagnosisRequest> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
    RequestView view;

    @Start
    void start(Stage stage) throws Exception {
        Path home = sandbox.home();
        service = sandbox.connectionsUsing("Sandbox: Docs Sync");
        tasks = new FxTaskRunner(t -> {
            throw new AssertionError("a task failed without a handler", t);
        });
        history = HistoryStore.open(home);
        FxDialogService dialogs = new FxDialogService();
        RequestViewModel vm = new RequestViewModel(service, new RequestSender(new dev.notionconsole.connections.ConnectionCaller(service, null), EndpointCatalog.builtIn(), history),
                SavedRequestStore.open(home), tasks, dialogs, new BodyRenderer(), Platform::runLater, failed::add);
        ThemeManager.apply(Theme.LIGHT);
        view = new RequestView(vm);
        Scene scene = new Scene(view, 1240, 780);
        ThemeManager.style(scene);
        stage.setScene(scene);
        dialogs.attach(stage);
        stage.show();
    }

    @Stop
    void stop() {
        tasks.close();
    }

    private void pick(FxRobot robot, String query) {
        robot.clickOn("#pathField");
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        assertTrue(robot.lookup("#endpointPicker").query().isVisible(), "Ctrl+K opens the picker");
        robot.write(query).type(KeyCode.ENTER);
        // under load the Enter may still be queued: the pick (which sets the body template) must land before a
        // test sets its own body, or the template overwrites it
        try {
            waitFor(() -> !robot.lookup("#endpointPicker").query().isVisible());
        } catch (Exception e) {
            throw new AssertionError("the picker did not close after Enter", e);
        }
    }

    // Read on the JavaFX thread: read from the test thread, a status could be seen mid-update, before the
    // body it belongs to (under load, nextPageFollowsTheCursor saw "200 OK" with an empty body).
    private String status(FxRobot robot) throws Exception {
        return OnFx.call(() -> robot.lookup("#statusLabel").queryAs(Label.class).getText(), 20);
    }

    private String body(FxRobot robot) throws Exception {
        return OnFx.call(() -> robot.lookup("#responseBody").queryAs(BodyViewer.class).shown().text(), 20);
    }

    private void setBody(FxRobot robot, String json) {
        robot.interact(() -> view.viewModel().bodyProperty().set(json));
    }

    @Test
    void picksSearchSendsAndShowsResults(FxRobot robot) throws Exception {
        pick(robot, "search");
        assertEquals("POST", robot.lookup("#methodBox").queryAs(ComboBox.class).getValue());
        assertEquals("/v1/search", robot.lookup("#pathField").queryAs(TextField.class).getText());
        assertFalse(robot.lookup("#endpointPicker").query().isVisible());
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> status(robot).equals("200 OK"));
        String text = body(robot);
        assertTrue(text.startsWith("{\n  \"object\" : \"list\""), text.substring(0, Math.min(200, text.length())));
        assertTrue(text.contains("\"Engineering Handbook\"") || text.contains("Handbook"), "a page shared with Docs Sync is found");
        assertFalse(robot.lookup("#requestIdLabel").queryAs(Label.class).getText().isEmpty());
        assertFalse(robot.lookup("#errorBox").query().isVisible());
        waitFor(() -> history.size() == 1);
        assertEquals(1, view.viewModel().history().size(), "the exchange is in the history list");
    }

    @Test
    void aNotFoundShowsItsCodeAndMeaningAndOffersDiagnose(FxRobot robot) throws Exception {
        pick(robot, "retrieve a page");
        assertEquals("/v1/pages/{page_id}", robot.lookup("#pathField").queryAs(TextField.class).getText());
        TextField id = robot.lookup("#param-page_id").queryAs(TextField.class);
        robot.interact(() -> id.setText("https://www.notion.so/acme/Missing-0c5f5fb31f664bc2a8a9cf1c54e3e9a1?v=1111111111114bc2a8a9cf1c54e3e9a1"));
        waitFor(() -> id.getText().equals("0c5f5fb3-1f66-4bc2-a8a9-cf1c54e3e9a1"));
        String note = robot.lookup("#paramNote-page_id").queryAs(Label.class).getText();
        assertTrue(note.toLowerCase().contains("url") || note.toLowerCase().contains("view"), note);
        robot.clickOn("#sendButton");
        waitFor(() -> status(robot).equals("404 Not Found"));
        assertEquals("object_not_found", robot.lookup("#errorCodeLabel").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#errorMessageLabel").queryAs(Label.class).getText().startsWith("Could not find page with ID: 0c5f5fb3"));
        assertEquals(dev.notionconsole.diagnostics.ErrorAdvice.describe("object_not_found"), robot.lookup("#errorMeaningLabel").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#errorBox").query().isVisible());
        robot.clickOn("#diagnoseButton");
        assertEquals(1, failed.size(), "Diagnose hands the failed call over, once");
        DiagnosisRequest handed = failed.get(0);
        assertEquals(404, handed.answer().status(), "with the answer it got");
        assertEquals(service.findByIdOrName("Sandbox: Docs Sync").orElseThrow().id(), handed.connectionId(), "and the connection it was sent as");
        assertEquals("/v1/pages/0c5f5fb3-1f66-4bc2-a8a9-cf1c54e3e9a1", handed.request().path());
    }

    @Test
    void aFileIsUploadedThroughTheFormTab(FxRobot robot) throws Exception {
        pick(robot, "create a file upload");
        robot.clickOn("#sendButton");
        waitFor(() -> status(robot).equals("200 OK"));
        String uploadId = Json.mapper().readTree(body(robot)).path("id").asText();
        Path file = Files.writeString(Files.createTempDirectory("nc-upload").resolve("notes.txt"), "uploaded from the Form tab");

        pick(robot, "send file upload");
        assertEquals("formTab", robot.lookup(".tab-pane").queryAllAs(javafx.scene.control.TabPane.class).stream()
                .map(t -> t.getSelectionModel().getSelectedItem().getId()).filter("formTab"::equals).findFirst().orElse(""),
                "picking the upload send opens the Form tab");
        TextField id = robot.lookup("#param-file_upload_id").queryAs(TextField.class);
        robot.interact(() -> id.setText(uploadId));
        javafx.scene.layout.HBox fileRow = (javafx.scene.layout.HBox) robot.lookup("#formRows").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().get(0);
        TextField value = (TextField) fileRow.getChildren().get(1);
        robot.clickOn(value).write("@" + file);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> status(robot).equals("200 OK") && body(robot).contains("\"uploaded\""));
        JsonNode upload = Json.mapper().readTree(body(robot));
        assertEquals(Files.size(file), upload.path("content_length").asLong());
        assertTrue(view.viewModel().sentHeaders().stream().anyMatch(h -> h.name().equals("Content-Type")
                && h.value().startsWith("multipart/form-data; boundary=")), view.viewModel().sentHeaders().toString());
    }

    /**
     * Issue 16, items 9 and 11: Clear history and Delete are disabled while there is nothing to clear or delete
     * (Clear was enabled on an empty history as soon as the filter had text); Save request… asks for a group among
     * the existing ones or a new one (Ctrl+S, shown in the More menu); the Sent tab shows the request line and
     * headers one per line, the token masked.
     */
    @Test
    void emptyListsDisableTheirActionsAndSavingAsksForAGroup(FxRobot robot) throws Exception {
        Button clear = robot.lookup("#clearHistoryButton").queryAs(Button.class);
        assertTrue(clear.isDisabled(), "nothing recorded");
        robot.clickOn("#historySearchField").write("404");
        assertTrue(clear.isDisabled(), "a filter over an empty history leaves nothing to clear");
        robot.interact(() -> {
            view.viewModel().historyQueryProperty().set("");
            view.viewModel().methodProperty().set("GET");
            view.viewModel().pathProperty().set("/v1/users/me");
        });
        robot.clickOn("#sendButton");
        waitFor(() -> status(robot).equals("200 OK"));
        waitFor(() -> !clear.isDisabled());
        String sent = OnFx.call(() -> robot.lookup("#sentHeadersText").queryAs(javafx.scene.control.TextArea.class).getText(), 20);
        assertTrue(sent.startsWith("GET http") && sent.contains("\nAuthorization: Bearer ntn_…") && !sent.contains("\n\n"), sent);
        robot.clickOn(clear);
        waitFor(() -> robot.lookup("#confirmButton").tryQuery().isPresent());
        robot.clickOn("#confirmButton");
        waitFor(() -> view.viewModel().history().isEmpty() && clear.isDisabled());

        robot.clickOn("#savedTab");
        Button delete = robot.lookup("#deleteSavedButton").queryAs(Button.class);
        assertTrue(delete.isDisabled(), "nothing saved");
        saveAs(robot, "Who am I", "Smoke tests");
        waitFor(() -> view.viewModel().savedRequests().size() == 1);
        assertEquals("Smoke tests", view.viewModel().savedRequests().get(0).group());
        // the second save offers the group just made, already chosen
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#askGroupBox").tryQuery().isPresent());
        ComboBox<?> groups = robot.lookup("#askGroupBox").queryAs(ComboBox.class);
        assertEquals(java.util.List.of("Smoke tests"), java.util.List.copyOf(groups.getItems()));
        assertEquals("Smoke tests", groups.getValue());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup("#askGroupBox").tryQuery().isEmpty());

        robot.clickOn(robot.lookup("#savedList .list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() != null).queryAs(javafx.scene.Node.class));
        waitFor(() -> !delete.isDisabled());
        robot.clickOn(delete);
        waitFor(() -> view.viewModel().savedRequests().isEmpty() && delete.isDisabled());
    }

    /** Ctrl+S, a name, a new group typed into the group box, OK. */
    private void saveAs(FxRobot robot, String name, String group) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#askNameField").tryQuery().isPresent());
        TextField nameField = robot.lookup("#askNameField").queryAs(TextField.class);
        ComboBox<?> groups = robot.lookup("#askGroupBox").queryAs(ComboBox.class);
        assertTrue(groups.isEditable() && groups.getItems().isEmpty(), "no groups yet: a new one is typed");
        robot.clickOn(nameField).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(name);
        robot.clickOn(groups.getEditor()).write(group);
        robot.clickOn(nameField).press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#askNameField").tryQuery().isEmpty());
    }

    @Test
    void aHistoryDoubleClickShowsThatEntrysOwnAnswer(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.viewModel().methodProperty().set("GET");
            view.viewModel().pathProperty().set("/v1/users/me");
        });
        robot.clickOn("#sendButton");
        waitFor(() -> status(robot).equals("200 OK"));
        robot.interact(() -> view.viewModel().pathProperty().set("/v1/pages/0c5f5fb3-1f66-4bc2-a8a9-cf1c54e3e9a1"));
        robot.clickOn("#sendButton");
        waitFor(() -> status(robot).equals("404 Not Found"));
        waitFor(() -> view.viewModel().history().size() == 2);

        // the older entry, GET /v1/users/me: a real click selects it, the double-click is given its count
        // (Monocle reports the robot's double-click as two clicks of count 1)
        javafx.scene.Node row = robot.lookup("#historyList .list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() instanceof dev.notionconsole.request.history.HistoryEntry e
                && e.request().path().equals("/v1/users/me")).query();
        robot.clickOn(row);
        robot.interact(() -> javafx.event.Event.fireEvent(row, new javafx.scene.input.MouseEvent(
                javafx.scene.input.MouseEvent.MOUSE_CLICKED, 5, 5, 5, 5, javafx.scene.input.MouseButton.PRIMARY, 2,
                false, false, false, false, true, false, false, true, false, true, null)));
        waitFor(() -> status(robot).equals("200 OK"));
        assertEquals("/v1/users/me", robot.lookup("#pathField").queryAs(TextField.class).getText());
        String text = body(robot);
        assertTrue(text.contains("\"object\" : \"user\""), text.substring(0, Math.min(200, text.length())));
        assertFalse(robot.lookup("#errorBox").query().isVisible(), "the 404's error is gone with its answer");
        assertTrue(OnFx.call(() -> robot.lookup("#responseSourceLabel").queryAs(Label.class).getText(), 20)
                .startsWith("From history · Sandbox: Docs Sync"));
    }

    @Test
    void nextPageFollowsTheCursor(FxRobot robot) throws Exception {
        pick(robot, "search");
        setBody(robot, "{\"page_size\": 2}");
        robot.clickOn("#sendButton");
        waitFor(() -> status(robot).equals("200 OK"));
        JsonNode first = Json.mapper().readTree(body(robot));
        assertTrue(first.path("has_more").asBoolean(), "the sandbox has more than two results: sent "
                + view.viewModel().bodyProperty().get() + ", got " + first.path("results").size());
        Button next = robot.lookup("#nextPageButton").queryButton();
        waitFor(() -> !next.isDisabled());
        robot.clickOn(next);
        waitFor(() -> view.viewModel().bodyProperty().get().contains("start_cursor"));
        waitFor(() -> {
            try {
                JsonNode second = Json.mapper().readTree(body(robot));
                return !second.path("results").get(0).path("id").asText().equals(first.path("results").get(0).path("id").asText());
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals("200 OK", status(robot));
    }

    @Test
    void fetchAllCombinesEveryPage(FxRobot robot) throws Exception {
        pick(robot, "search");
        setBody(robot, "{\"page_size\": 2}");
        robot.clickOn("#sendButton");
        waitFor(() -> status(robot).equals("200 OK"));
        Button all = robot.lookup("#fetchAllButton").queryButton();
        waitFor(() -> !all.isDisabled());
        robot.clickOn(all);
        Label note = robot.lookup("#bodyNote").queryAs(Label.class);
        waitFor(() -> note.getText().contains("pages, combined"));
        JsonNode combined = Json.mapper().readTree(body(robot));
        assertTrue(combined.path("results").size() > 2, "more than one page of two");
        assertFalse(combined.path("has_more").asBoolean());
        assertFalse(note.getText().contains(" in 1 pages"), note.getText());
    }

    @Test
    void aPacedWaitIsShownWithItsReasonAndCanBeCancelled(FxRobot robot) throws Exception {
        Connection docs = service.current().orElseThrow();
        service.rateLimiterFor(docs).pauseFor(Duration.ofSeconds(30));
        pick(robot, "users/me");
        robot.clickOn("#sendButton");
        Label progress = robot.lookup("#progressLabel").queryAs(Label.class);
        waitFor(() -> progress.getText().startsWith("Waiting "));
        Label left = robot.lookup("#waitLabel").queryAs(Label.class);
        waitFor(() -> left.getText().endsWith("s left"));
        assertTrue(robot.lookup("#cancelButton").query().isVisible());
        robot.clickOn("#cancelButton");
        waitFor(() -> !view.viewModel().sendingProperty().get());
        assertEquals("", status(robot), "nothing was answered");
        assertFalse(robot.lookup("#cancelButton").query().isVisible());
        service.rateLimiterFor(docs).pauseFor(Duration.ZERO);
    }

    /** Waits until {@code condition}, evaluated on the JavaFX thread between events, holds. */
    private static void waitFor(Check condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return OnFx.call(condition::holds, 20);
        });
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
