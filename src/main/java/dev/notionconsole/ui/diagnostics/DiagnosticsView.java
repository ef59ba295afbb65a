package dev.notionconsole.ui.diagnostics;

import dev.notionconsole.ui.common.ConnectionNames;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.notion.NotionVersion;
import dev.notionconsole.request.history.HistoryEntry;
import dev.notionconsole.ui.common.LazyTooltip;
import dev.notionconsole.ui.shell.Shortcut;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Diagnostics section: the call on top (connection, method, path, version, body, witnesses, recent failures),
 * then two pages: the diagnosis (verdict, numbered fix, object with links, witnesses, evidence) and the access
 * matrix. Thin: every gesture goes to {@link DiagnosticsViewModel}.
 *
 * <p>Node ids (the TestFX contract): input {@code #diagConnectionBox}, {@code #diagMethodBox}, {@code #diagPathField},
 * {@code #diagVersionBox}, {@code #diagBodyArea}, {@code #witnessesToggle}, {@code #runDiagnosisButton},
 * {@code #diagCancelButton}, {@code #recentFailuresButton}, {@code #diagOrigin}, {@code #diagProblem},
 * {@code #diagProgress}; verdict {@code #verdictBox}, {@code #causeLabel}, {@code #causeCode}, {@code #confidenceLabel},
 * {@code #summaryLabel}, {@code #callLine}, {@code #alternativesLabel}, {@code #copyDiagnosisButton}; fix
 * {@code #fixList} with {@code #fixStep-N}; object {@code #objectBox}, {@code #objectTitle}, {@code #objectLine},
 * {@code #capabilityLabel}, {@code #openInNotionButton}, {@code #openInExplorerButton}, {@code #accessMatrixButton},
 * {@code #copyObjectIdButton}; {@code #witnessesLabel}; {@code #evidenceList} (see {@link EvidenceList}),
 * {@code #expandEvidenceButton}; tabs {@code #diagnosisTab}, {@code #matrixTab} (see {@link AccessMatrixView}).
 */
public final class DiagnosticsView extends BorderPane {
    public static final Shortcut[] SHORTCUTS = {
            new Shortcut("Shortcut+Enter", "Diagnose the call"),
            new Shortcut("Escape", "Cancel the probes"),
            new Shortcut("Shortcut+Shift+C", "Copy the diagnosis as text"),
            new Shortcut("Shortcut+Shift+E", "Expand or collapse all evidence"),
            new Shortcut("Shortcut+M", "Access matrix for the object")};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneId.systemDefault());
    private static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination EXPAND = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination MATRIX = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN);

    private final DiagnosticsViewModel vm;
    private final EvidenceList evidenceList;

    public DiagnosticsView(DiagnosticsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("diagnostics-view");
        getStylesheets().add(Objects.requireNonNull(DiagnosticsView.class.getResource("diagnostics.css")).toExternalForm());
        evidenceList = new EvidenceList(vm.verdict().evidence());
        setTop(buildInput());
        Tab diagnosis = new Tab("Diagnosis", buildDiagnosis());
        diagnosis.setId("diagnosisTab");
        Tab matrix = new Tab("Access matrix", new AccessMatrixView(vm.matrix()));
        matrix.setId("matrixTab");
        TabPane tabs = new TabPane(diagnosis, matrix);
        tabs.setId("diagnosticsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().select(vm.pageProperty().get() == DiagnosticsViewModel.Page.MATRIX ? matrix : diagnosis);
        vm.pageProperty().addListener((o, a, b) -> tabs.getSelectionModel().select(b == DiagnosticsViewModel.Page.MATRIX ? matrix : diagnosis));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                vm.pageProperty().set(b == matrix ? DiagnosticsViewModel.Page.MATRIX : DiagnosticsViewModel.Page.DIAGNOSIS));
        setCenter(tabs);
        // on the scene, not on this node: after a hand-over the focus may still be on a node of the section the user
        // came from, and the section's shortcuts must work at once. The section is in the scene only while shown.
        javafx.event.EventHandler<KeyEvent> keys = this::onKey;
        sceneProperty().addListener((o, a, b) -> {
            if (a != null) {
                a.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (b != null) {
                b.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
        });
    }

    public DiagnosticsViewModel viewModel() {
        return vm;
    }

    private void onKey(KeyEvent e) {
        if (RUN.match(e)) {
            if (vm.pageProperty().get() == DiagnosticsViewModel.Page.MATRIX) {
                vm.matrix().check();
            } else {
                vm.run();
            }
        } else if (e.getCode() == KeyCode.ESCAPE && (vm.runningProperty().get() || vm.matrix().runningProperty().get())) {
            vm.cancel();
            vm.matrix().cancel();
        } else if (COPY.match(e)) {
            vm.copyAsText();
        } else if (EXPAND.match(e)) {
            evidenceList.toggleAll();
        } else if (MATRIX.match(e)) {
            vm.showAccessMatrix();
        } else {
            return;
        }
        e.consume();
    }

    // ------------------------------------------------------------------ input

    private Node buildInput() {
        CallInput in = vm.input();
        ComboBox<Connection> connection = new ComboBox<>(vm.connectionChoices());
        connection.setId("diagConnectionBox");
        connection.setPromptText("Connection");
        connection.setPrefWidth(250);
        connection.setConverter(ConnectionNames.converter());
        connection.setCellFactory(v -> new ConnectionCell());
        connection.valueProperty().bindBidirectional(in.connectionProperty());
        LazyTooltip.install(connection, "The saved connection the call was sent as");
        ComboBox<String> method = new ComboBox<>();
        method.setId("diagMethodBox");
        method.getItems().setAll(CallInput.METHODS);
        method.valueProperty().bindBidirectional(in.methodProperty());
        TextField path = new TextField();
        path.setId("diagPathField");
        path.setPromptText("/v1/pages/<id> (or paste an api.notion.com URL)");
        path.textProperty().bindBidirectional(in.pathProperty());
        path.setOnAction(e -> vm.run());
        HBox.setHgrow(path, Priority.ALWAYS);
        // opening the section with nothing to diagnose puts the caret where the call is typed
        path.sceneProperty().addListener((o, a, b) -> {
            if (b != null && vm.verdict().diagnosisProperty().get() == null && !vm.runningProperty().get()) {
                javafx.application.Platform.runLater(path::requestFocus);
            }
        });
        ComboBox<String> version = new ComboBox<>();
        version.setId("diagVersionBox");
        version.setEditable(true);
        version.getItems().setAll(NotionVersion.ALL);
        version.setPromptText("the connection's");
        version.setPrefWidth(180);
        version.valueProperty().bindBidirectional(in.versionProperty());
        CheckBox witnesses = new CheckBox("Witnesses");
        witnesses.setId("witnessesToggle");
        witnesses.selectedProperty().bindBidirectional(in.witnessesProperty());
        LazyTooltip.install(witnesses, "Also ask your other saved connections on the same API base URL (reads only): "
                + "they tell whether the object exists, where, and which page to share");
        Button run = new Button("Diagnose");
        run.setId("runDiagnosisButton");
        run.getStyleClass().add("accent");
        LazyTooltip.install(run, "Diagnose the call (Ctrl+Enter)");
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("diagCancelButton");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        MenuButton recent = new MenuButton("Recent failures");
        recent.setId("recentFailuresButton");
        LazyTooltip.install(recent, "Diagnose a failed call from the history, with the answer it got");
        recent.setOnShowing(e -> {
            vm.refreshRecentFailures();
            fillRecent(recent);
        });
        fillRecent(recent);
        for (Region r : List.of(run, cancel, recent, witnesses, method)) {
            r.setMinWidth(Region.USE_PREF_SIZE); // labels are never elided: the path field gives way
        }
        HBox bar = new HBox(6, method, path, run, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label as = new Label("as");
        as.getStyleClass().add("muted");
        Label with = new Label("Notion-Version");
        with.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox options = new HBox(8, as, connection, with, version, witnesses, spacer, recent);
        options.setAlignment(Pos.CENTER_LEFT);

        TextArea body = new TextArea();
        body.setId("diagBodyArea");
        body.setPromptText("JSON body of a POST or PATCH (IDs in it are checked too: parent.page_id, relations…)");
        body.setPrefRowCount(3);
        body.getStyleClass().add("mono");
        body.textProperty().bindBidirectional(in.bodyProperty());
        body.visibleProperty().bind(in.methodProperty().isNotEqualTo("GET").or(in.bodyProperty().isNotEmpty()));
        body.managedProperty().bind(body.visibleProperty());

        Label origin = label("diagOrigin", vm.originProperty(), "muted");
        Label problem = label("diagProblem", vm.problemProperty(), "problem");
        VBox top = new VBox(6, bar, options, body, origin, problem);
        top.getStyleClass().add("diagnostics-top");
        top.setPadding(new Insets(8, 10, 8, 10));
        return top;
    }

    private void fillRecent(MenuButton recent) {
        List<HistoryEntry> failed = vm.recentFailures();
        recent.getItems().clear();
        if (failed.isEmpty()) {
            MenuItem none = new MenuItem("No failed call in the history yet");
            none.setDisable(true);
            recent.getItems().add(none);
            return;
        }
        for (int i = 0; i < failed.size(); i++) {
            HistoryEntry e = failed.get(i);
            MenuItem m = new MenuItem(e.status() + (e.errorCode() != null ? " " + e.errorCode() : "") + "  "
                    + e.request().describe() + "  ·  " + e.connectionName() + " · " + TIME.format(e.at()));
            m.setId("recentFailure-" + (i + 1));
            m.setOnAction(x -> vm.diagnose(e));
            recent.getItems().add(m);
        }
    }

    // ------------------------------------------------------------------ diagnosis page

    private Node buildDiagnosis() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        Label progressText = label("diagProgress", vm.progressTextProperty(), "muted");
        HBox progress = new HBox(8, spinner, progressText);
        progress.setAlignment(Pos.CENTER_LEFT);
        spinner.visibleProperty().bind(vm.runningProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        progress.visibleProperty().bind(vm.runningProperty().or(vm.progressTextProperty().isNotEmpty()));
        progress.managedProperty().bind(progress.visibleProperty());

        Label empty = new Label("Diagnose a failed call: press \"Diagnose\" next to a failed answer in Request, pick one "
                + "under \"Recent failures\", or type the call above. The console then makes a few read-only calls (and asks "
                + "your other saved connections, the witnesses) to say why it failed and what to change in Notion.");
        empty.setId("diagEmpty");
        empty.setWrapText(true);
        empty.getStyleClass().add("diag-empty");
        empty.visibleProperty().bind(vm.verdict().diagnosisProperty().isNull().and(vm.runningProperty().not()));
        empty.managedProperty().bind(empty.visibleProperty());

        VBox result = new VBox(14, new VerdictPane(vm), buildEvidence());
        result.visibleProperty().bind(vm.verdict().diagnosisProperty().isNotNull().or(vm.runningProperty()));
        result.managedProperty().bind(result.visibleProperty());

        VBox page = new VBox(12, progress, empty, result);
        page.setPadding(new Insets(12, 14, 16, 14));
        page.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setId("diagnosisScroll");
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node buildEvidence() {
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> "Evidence (" + vm.verdict().evidence().size()
                + (vm.verdict().evidence().size() == 1 ? " call)" : " calls)"), vm.verdict().evidence()));
        Button expand = button("Expand all", "expandEvidenceButton", evidenceList::toggleAll);
        expand.getStyleClass().add("small");
        LazyTooltip.install(expand, "Expand or collapse every call (Ctrl+Shift+E)");
        HBox head = new HBox(10, title, expand);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, head, evidenceList);
        box.setId("evidenceBox");
        box.visibleProperty().bind(Bindings.isNotEmpty(vm.verdict().evidence()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    // ------------------------------------------------------------------ helpers

    static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    static Label label(String id, ObservableStringValue text, String style) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.getStyleClass().add(style);
        l.setMinHeight(Region.USE_PREF_SIZE);
        hideWhenEmpty(l, text);
        return l;
    }

    static void hideWhenEmpty(Node n, ObservableStringValue text) {
        n.visibleProperty().bind(Bindings.createBooleanBinding(() -> text.get() != null && !text.get().isEmpty(), text));
        n.managedProperty().bind(n.visibleProperty());
    }

    static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A list cell for connections in plain combo popups (name and kind). */
    static final class ConnectionCell extends ListCell<Connection> {
        @Override
        protected void updateItem(Connection c, boolean empty) {
            super.updateItem(c, empty);
            setText(empty || c == null ? null : c.name() + "  ·  " + c.kind().label());
        }
    }
}
