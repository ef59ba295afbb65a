package dev.notionconsole.ui.request;

import dev.notionconsole.request.NameValue;
import dev.notionconsole.notion.catalog.Endpoint;
import dev.notionconsole.request.history.HistoryEntry;
import dev.notionconsole.request.json.HighlightSpans;
import dev.notionconsole.request.preflight.Finding;
import dev.notionconsole.request.saved.SavedRequest;
import dev.notionconsole.ui.shell.Disposable;
import dev.notionconsole.ui.shell.Shortcut;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The Request workspace: history and saved requests | the request editor | the response. Thin: every gesture
 * goes to {@link RequestViewModel}. Node ids are the TestFX contract (#sendButton, #pathField, #responseBody...).
 */
public final class RequestView extends StackPane implements Disposable {
    public static final Shortcut[] SHORTCUTS = {
            new Shortcut("Shortcut+Enter", "Send the request"),
            new Shortcut("Shortcut+K", "Pick an endpoint from the catalog"),
            new Shortcut("Shortcut+F", "Search in the response body"),
            new Shortcut("Shortcut+Shift+F", "Format the JSON body"),
            new Shortcut("Escape", "Close the endpoint picker / cancel the request")};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss").withZone(ZoneId.systemDefault());

    private final RequestViewModel vm;
    private final CodeArea bodyEditor = new CodeArea();
    private final BodyViewer responseBody = new BodyViewer();
    private final TextField bodySearch = new TextField();
    private final VBox picker = new VBox(8);
    private final TextField pickerSearch = new TextField();
    private final ListView<Endpoint> pickerList = new ListView<>();
    private final Label waitLabel = new Label();
    private final Timeline waitTicker = new Timeline(new KeyFrame(Duration.millis(250), e -> updateWait()));
    private List<int[]> hits = List.of();
    private int hitIndex = -1;
    private boolean syncingBody;

    public RequestView(RequestViewModel vm) {
        this.vm = vm;
        getStyleClass().add("request-view");
        getStylesheets().add(Objects.requireNonNull(RequestView.class.getResource("request.css")).toExternalForm());
        BorderPane main = new BorderPane();
        main.setTop(buildTop());
        Region sidebar = (Region) buildSidebar();
        Region editor = (Region) buildEditor();
        Region response = (Region) buildResponse();
        // Explicit bounds, so content (long history rows, a response) cannot move the dividers; the response pane
        // keeps room for its toolbar, and the sidebar keeps its width when the window grows.
        sidebar.setMinWidth(170);
        editor.setMinWidth(280);
        response.setMinWidth(450);
        sidebar.setMaxWidth(420);
        sidebar.setPrefWidth(230); // not the widest history row: the first layout would keep that width
        editor.setPrefWidth(380);
        response.setPrefWidth(560);
        editor.setMaxWidth(Double.MAX_VALUE);
        response.setMaxWidth(Double.MAX_VALUE); // a computed maximum would hand the response's room to the sidebar
        SplitPane.setResizableWithParent(sidebar, false);
        SplitPane split = new SplitPane(sidebar, editor, response);
        split.setId("requestSplit");
        split.setDividerPositions(0.18, 0.5);
        main.setCenter(split);
        getChildren().addAll(main, buildPicker());
        waitTicker.setCycleCount(Timeline.INDEFINITE);
        vm.waitEndsAtProperty().addListener((o, a, b) -> {
            if (b.longValue() > 0) {
                waitTicker.play();
            } else {
                waitTicker.stop();
            }
            updateWait();
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // the response viewer's first-time work happens while this view opens, not on the first answer
        sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene a, Scene b) {
                if (b != null) {
                    sceneProperty().removeListener(this);
                    responseBody.prime(() -> { });
                }
            }
        });
    }

    /** Called by the shell when the view is really dropped (app exit): stops listening and cancels a send. */
    @Override
    public void dispose() {
        waitTicker.stop();
        vm.dispose();
    }

    // ------------------------------------------------------------------ top bar

    private Node buildTop() {
        ComboBox<String> methodBox = new ComboBox<>();
        methodBox.setId("methodBox");
        methodBox.getItems().setAll(RequestViewModel.METHODS);
        methodBox.valueProperty().bindBidirectional(vm.methodProperty());
        TextField pathField = new TextField();
        pathField.setId("pathField");
        pathField.setPromptText("/v1/... (free-form path, or pick an endpoint with Ctrl+K)");
        pathField.textProperty().bindBidirectional(vm.pathProperty());
        HBox.setHgrow(pathField, Priority.ALWAYS);
        ComboBox<String> versionBox = new ComboBox<>();
        versionBox.setId("versionBox");
        versionBox.setEditable(true);
        versionBox.getItems().setAll(vm.versions());
        versionBox.setPromptText("Version: connection's");
        versionBox.setPrefWidth(190);
        versionBox.setTooltip(new Tooltip("Override the connection's Notion-Version for this request; leave empty to use the connection's."));
        versionBox.valueProperty().bindBidirectional(vm.versionProperty());
        Button pick = new Button("Endpoints…");
        pick.setId("pickEndpointButton");
        pick.setTooltip(new Tooltip("Pick an endpoint from the catalog (Ctrl+K)"));
        pick.setOnAction(e -> showPicker());
        Button send = new Button("Send");
        send.setId("sendButton");
        send.getStyleClass().add("accent");
        send.setDefaultButton(false);
        send.setTooltip(new Tooltip("Send (Ctrl+Enter)"));
        send.setOnAction(e -> vm.send());
        send.disableProperty().bind(vm.sendingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelButton");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.sendingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        MenuButton more = new MenuButton("More");
        more.setId("moreButton");
        MenuItem curl = item("Copy as cURL", "copyCurlItem", vm::copyAsCurl);
        MenuItem curlToken = item("Copy as cURL with the token…", "copyCurlTokenItem", vm::copyAsCurlWithToken);
        MenuItem importCurl = item("Import cURL command…", "importCurlItem", this::askImportCurl);
        MenuItem save = item("Save request…", "saveRequestItem", this::askSaveRequest);
        MenuItem export = item("Export saved requests…", "exportSavedItem", vm::exportSaved);
        MenuItem importSaved = item("Import saved requests…", "importSavedItem", vm::importSaved);
        more.getItems().addAll(curl, curlToken, importCurl, new SeparatorMenuItem(), save, export, importSaved);
        HBox bar = new HBox(6, methodBox, pathField, versionBox, pick, send, cancel, more);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setId("endpointSummary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(vm.endpointSummaryProperty());
        Tooltip summaryTip = new Tooltip();
        summaryTip.setWrapText(true);
        summaryTip.setMaxWidth(520);
        summaryTip.textProperty().bind(vm.endpointSummaryProperty());
        summary.setTooltip(summaryTip);
        Label conn = new Label();
        conn.setId("requestConnectionLabel");
        conn.getStyleClass().add("muted");
        conn.textProperty().bind(vm.connectionLabelProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox info = new HBox(8, summary, spacer, conn);
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summary, Priority.SOMETIMES);
        VBox top = new VBox(4, bar, info);
        top.getStyleClass().add("request-top");
        top.setPadding(new Insets(8, 10, 6, 10));
        return top;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }

    // ------------------------------------------------------------------ sidebar

    private Node buildSidebar() {
        TextField search = new TextField();
        search.setId("historySearchField");
        search.setPromptText("Search: path, status:404, 4xx, code:, conn:");
        search.textProperty().bindBidirectional(vm.historyQueryProperty());
        ListView<HistoryEntry> list = new ListView<>(vm.history());
        list.setId("historyList");
        list.setCellFactory(v -> new HistoryCell());
        list.setPlaceholder(new Label("Sent requests appear here."));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.reopen(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.reopen(list.getSelectionModel().getSelectedItem());
            }
        });
        Button clear = new Button("Clear history");
        clear.setId("clearHistoryButton");
        clear.setOnAction(e -> vm.clearHistory());
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox historyBox = new VBox(6, search, list, clear);
        historyBox.setPadding(new Insets(6));

        ListView<SavedRequest> saved = new ListView<>(vm.savedRequests().sorted((a, b) ->
                (a.group() + "\u0000" + a.name()).compareToIgnoreCase(b.group() + "\u0000" + b.name())));
        saved.setId("savedList");
        saved.setPlaceholder(new Label("More ▸ Save request… keeps a request here."));
        saved.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SavedRequest r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.group() + " / " + r.name() + "\n" + r.request().describe());
            }
        });
        saved.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.openSaved(saved.getSelectionModel().getSelectedItem());
            }
        });
        Button delete = new Button("Delete");
        delete.setId("deleteSavedButton");
        delete.setOnAction(e -> vm.deleteSaved(saved.getSelectionModel().getSelectedItem()));
        VBox.setVgrow(saved, Priority.ALWAYS);
        VBox savedBox = new VBox(6, saved, delete);
        savedBox.setPadding(new Insets(6));

        TabPane tabs = new TabPane(tab("History", historyBox, "historyTab"), tab("Saved", savedBox, "savedTab"));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinWidth(180);
        return tabs;
    }

    private static Tab tab(String title, Node content, String id) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    private static final class HistoryCell extends ListCell<HistoryEntry> {
        HistoryCell() {
            setWrapText(true);
            setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
        }

        @Override
        protected void updateItem(HistoryEntry e, boolean empty) {
            super.updateItem(e, empty);
            getStyleClass().removeAll("history-ok", "history-error");
            if (empty || e == null) {
                setText(null);
                return;
            }
            String status = e.status() == 0 ? (e.outcome() == null ? "—" : e.outcome()) : String.valueOf(e.status());
            setText(status + (e.errorCode() != null ? " " + e.errorCode() : "") + "  " + e.request().describe()
                    + "\n" + e.connectionName() + " · " + TIME.format(e.at()) + (e.pages() > 1 ? " · " + e.pages() + " pages" : ""));
            getStyleClass().add(e.ok() ? "history-ok" : "history-error");
        }
    }

    // ------------------------------------------------------------------ editor

    private Node buildEditor() {
        VBox params = new VBox(6);
        params.setId("paramsBox");
        vm.pathParams().addListener((ListChangeListener<IdField>) c -> fillParams(params));
        fillParams(params);

        bodyEditor.setId("bodyEditor");
        bodyEditor.getStyleClass().add("json-area");
        bodyEditor.setParagraphGraphicFactory(LineNumberFactory.get(bodyEditor));
        bodyEditor.replaceText(vm.bodyProperty().get());
        bodyEditor.textProperty().addListener((o, a, b) -> {
            if (!syncingBody) {
                syncingBody = true;
                vm.bodyProperty().set(b);
                syncingBody = false;
            }
        });
        vm.bodyProperty().addListener((o, a, b) -> {
            if (!syncingBody && !Objects.equals(b, bodyEditor.getText())) {
                syncingBody = true;
                bodyEditor.replaceText(b == null ? "" : b);
                syncingBody = false;
            }
        });
        bodyEditor.multiPlainChanges().successionEnds(java.time.Duration.ofMillis(250)).subscribe(ch -> highlightBody());
        highlightBody();
        Button format = new Button("Format");
        format.setId("formatButton");
        format.setTooltip(new Tooltip("Pretty-print the JSON (Ctrl+Shift+F)"));
        format.setOnAction(e -> vm.formatBody());
        format.setMinWidth(Region.USE_PREF_SIZE);
        Label bodyHint = new Label();
        bodyHint.textProperty().bind(Bindings.when(vm.methodProperty().isEqualTo("GET").or(vm.methodProperty().isEqualTo("DELETE")))
                .then("GET and DELETE requests carry no body: this one is not sent")
                .otherwise(Bindings.when(vm.multipartProperty()).then("A file upload: the Form tab is sent, not a JSON body")
                        .otherwise("JSON body · checked before sending")));
        bodyHint.getStyleClass().add("muted");
        HBox bodyBar = new HBox(8, format, bodyHint);
        bodyBar.setAlignment(Pos.CENTER_LEFT);
        VirtualizedScrollPane<CodeArea> bodyScroll = new VirtualizedScrollPane<>(bodyEditor);
        VBox.setVgrow(bodyScroll, Priority.ALWAYS);
        VBox bodyBox = new VBox(6, bodyBar, bodyScroll);
        bodyBox.setPadding(new Insets(6));

        Tab formTab = tab("Form", formEditor(), "formTab");
        TabPane tabs = new TabPane(tab("Body", bodyBox, "bodyTab"),
                tab("Query", rowsEditor(vm.query(), "queryRows", "Add query parameter", vm::addQuery), "queryTab"),
                tab("Headers", headersEditor(), "headersTab"), formTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // an upload's send takes the form, not JSON: open its tab when such a route is picked
        vm.multipartProperty().addListener((o, a, b) -> {
            if (b) {
                tabs.getSelectionModel().select(formTab);
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);

        VBox findingsBox = new VBox(4);
        findingsBox.setId("findingsBox");
        vm.findings().addListener((ListChangeListener<Finding>) c -> fillFindings(findingsBox));
        Label importNotes = new Label();
        importNotes.setId("importNotes");
        importNotes.setWrapText(true);
        importNotes.getStyleClass().add("note");
        importNotes.textProperty().bind(vm.importNotesProperty());
        importNotes.visibleProperty().bind(vm.importNotesProperty().isNotEmpty());
        importNotes.managedProperty().bind(importNotes.visibleProperty());
        javafx.scene.control.CheckBox usePasted = new javafx.scene.control.CheckBox("Send with the token from the pasted command (this session only)");
        usePasted.setId("usePastedTokenCheck");
        usePasted.selectedProperty().bindBidirectional(vm.usePastedTokenProperty());
        usePasted.visibleProperty().bind(vm.hasPastedTokenProperty());
        usePasted.managedProperty().bind(usePasted.visibleProperty());

        VBox editor = new VBox(8, section("Path parameters", params), importNotes, usePasted, tabs, findingsBox);
        editor.setPadding(new Insets(8));
        editor.getStyleClass().add("request-editor");
        return editor;
    }

    private static Node section(String title, Node content) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        VBox box = new VBox(4, l, content);
        box.visibleProperty().bind(Bindings.isNotEmpty(((VBox) content).getChildren()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void fillParams(VBox box) {
        box.getChildren().clear();
        for (IdField f : vm.pathParams()) {
            Label name = new Label(f.name());
            name.getStyleClass().add("param-name");
            name.setMinWidth(110);
            TextField field = new TextField();
            field.setId("param-" + f.name());
            field.setPromptText(f.description() + (f.isId() ? " (paste a Notion link or ID)" : ""));
            field.textProperty().bindBidirectional(f.valueProperty());
            field.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    f.commit();
                }
            });
            field.setOnAction(e -> f.commit());
            HBox.setHgrow(field, Priority.ALWAYS);
            Label note = new Label();
            note.setId("paramNote-" + f.name());
            note.setWrapText(true);
            note.getStyleClass().add("note");
            note.textProperty().bind(Bindings.when(f.problemProperty().isNotEmpty()).then(f.problemProperty()).otherwise(f.noteProperty()));
            note.visibleProperty().bind(note.textProperty().isNotEmpty());
            note.managedProperty().bind(note.visibleProperty());
            f.problemProperty().addListener((o, a, b) -> note.getStyleClass().setAll("label", b.isEmpty() ? "note" : "problem"));
            box.getChildren().add(new VBox(2, new HBox(8, name, field), note));
        }
    }

    private Node rowsEditor(javafx.collections.ObservableList<KeyValueRow> rows, String id, String addText, Runnable add) {
        return rowsEditor(rows, id, addText, add, null);
    }

    /** Editable name/value rows; {@code extra}, when given, adds a control per row before its remove button. */
    private Node rowsEditor(javafx.collections.ObservableList<KeyValueRow> rows, String id, String addText, Runnable add,
                            java.util.function.Function<KeyValueRow, Node> extra) {
        VBox list = new VBox(4);
        list.setId(id);
        Runnable refill = () -> {
            list.getChildren().clear();
            for (KeyValueRow r : rows) {
                TextField n = new TextField();
                n.setPromptText("name");
                n.setPrefWidth(110);
                n.setMinWidth(80);
                n.textProperty().bindBidirectional(r.nameProperty());
                TextField v = new TextField();
                v.setPromptText(r.hint().isEmpty() ? "value" : r.hint());
                if (!r.hint().isEmpty()) {
                    v.setTooltip(new Tooltip(r.hint()));
                }
                v.setMinWidth(80);
                v.textProperty().bindBidirectional(r.valueProperty());
                HBox.setHgrow(v, Priority.ALWAYS);
                Button remove = new Button("✕");
                remove.getStyleClass().add("flat");
                remove.setOnAction(e -> rows.remove(r));
                HBox row = new HBox(6, n, v);
                if (extra != null) {
                    row.getChildren().add(extra.apply(r));
                }
                row.getChildren().add(remove);
                row.setAlignment(Pos.CENTER_LEFT);
                list.getChildren().add(row);
            }
        };
        rows.addListener((ListChangeListener<KeyValueRow>) c -> refill.run());
        refill.run();
        Button addButton = new Button(addText);
        addButton.setId(id + "Add");
        addButton.setOnAction(e -> add.run());
        VBox box = new VBox(6, list, addButton);
        box.setPadding(new Insets(6));
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        return sp;
    }

    /** Multipart fields for file uploads: the rows editor with a file chooser per row. */
    private Node formEditor() {
        Label about = new Label("multipart/form-data, sent instead of the JSON body: only POST /v1/file_uploads/{id}/send takes it. "
                + "A file is written @/path (as curl -F); add ;type=image/png to set its type.");
        about.setWrapText(true);
        about.getStyleClass().add("muted");
        Node rows = rowsEditor(vm.form(), "formRows", "Add form field", vm::addFormField, r -> {
            Button choose = new Button("File…");
            choose.getStyleClass().add("chooseFileButton");
            choose.setTooltip(new Tooltip("Choose a file to upload in this field"));
            choose.setMinWidth(Region.USE_PREF_SIZE);
            choose.setOnAction(e -> vm.chooseFile(r));
            return choose;
        });
        VBox.setVgrow(rows, Priority.ALWAYS);
        VBox box = new VBox(6, about, rows);
        box.setPadding(new Insets(6));
        return box;
    }

    private Node headersEditor() {
        Label fixed = new Label("Authorization: from the connection (never shown) · Notion-Version: the connection's unless overridden above"
                + " · Content-Type: application/json with a JSON body, multipart/form-data with its boundary with a form");
        fixed.setWrapText(true);
        fixed.getStyleClass().add("muted");
        VBox box = new VBox(6, fixed, rowsEditor(vm.headers(), "headerRows", "Add header", vm::addHeader));
        box.setPadding(new Insets(6));
        return box;
    }

    private void fillFindings(VBox box) {
        box.getChildren().clear();
        boolean blocking = false;
        for (Finding f : vm.findings()) {
            Label l = new Label((f.blocking() ? "✖ " : "⚠ ") + f.message());
            l.setWrapText(true);
            l.getStyleClass().add(f.blocking() ? "finding-error" : "finding-warning");
            if (f.line() > 0) {
                l.setOnMouseClicked(e -> moveCaret(f.line(), f.column()));
                l.setTooltip(new Tooltip("Click to go to line " + f.line() + ", column " + f.column()));
            }
            box.getChildren().add(l);
            blocking |= f.blocking();
        }
        if (blocking) {
            Button anyway = new Button("Send anyway");
            anyway.setId("sendAnywayButton");
            anyway.setOnAction(e -> vm.sendAnyway());
            box.getChildren().add(anyway);
        }
    }

    private void moveCaret(int line, int column) {
        int par = Math.min(line - 1, bodyEditor.getParagraphs().size() - 1);
        int col = Math.min(column - 1, bodyEditor.getParagraph(par).length());
        bodyEditor.moveTo(par, Math.max(0, col));
        bodyEditor.requestFollowCaret();
        bodyEditor.requestFocus();
    }

    private void highlightBody() {
        String text = bodyEditor.getText();
        if (text.isEmpty() || text.length() > 1_000_000) {
            return;
        }
        vm.lexBody(text, spans -> {
            if (text.equals(bodyEditor.getText())) {
                bodyEditor.setStyleSpans(0, toStyleSpans(spans, text.length()));
            }
        });
    }

    static StyleSpans<Collection<String>> toStyleSpans(HighlightSpans spans, int length) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int pos = 0;
        for (int i = 0; i < spans.size(); i++) {
            if (spans.start(i) > pos) {
                b.add(Collections.emptyList(), spans.start(i) - pos);
            }
            b.add(Collections.singleton(spans.kind(i).styleClass()), spans.end(i) - spans.start(i));
            pos = spans.end(i);
        }
        b.add(Collections.emptyList(), Math.max(0, length - pos));
        return b.create();
    }

    // ------------------------------------------------------------------ response

    private Node buildResponse() {
        Label status = label("statusLabel", vm.statusTextProperty());
        status.getStyleClass().add("status");
        vm.statusKindProperty().addListener((o, a, b) -> status.getStyleClass().setAll("label", "status", "status-" + b));
        Label meaning = label("statusMeaning", vm.statusMeaningProperty());
        meaning.getStyleClass().add("muted");
        meaning.setWrapText(true);
        Label timing = label("timingLabel", vm.timingProperty());
        Label size = label("sizeLabel", vm.sizeProperty());
        Label rid = label("requestIdLabel", vm.requestIdProperty());
        rid.getStyleClass().add("mono");
        Button copyRid = new Button("Copy ID");
        copyRid.setId("copyRequestIdButton");
        copyRid.setOnAction(e -> vm.copyRequestId());
        copyRid.visibleProperty().bind(vm.requestIdProperty().isNotEmpty());
        for (Label l : List.of(status, timing, size)) {
            l.setMinWidth(Region.USE_PREF_SIZE); // "200 OK" is never elided; the row wraps instead
        }
        FlowPane statusRow = new FlowPane(10, 4, status, timing, size, rid, copyRid);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        statusRow.visibleProperty().bind(vm.statusTextProperty().isNotEmpty());
        statusRow.managedProperty().bind(statusRow.visibleProperty());
        meaning.visibleProperty().bind(vm.statusMeaningProperty().isNotEmpty());
        meaning.managedProperty().bind(meaning.visibleProperty());

        Label code = label("errorCodeLabel", vm.errorCodeProperty());
        code.getStyleClass().add("error-code");
        Label message = label("errorMessageLabel", vm.errorMessageProperty());
        message.setWrapText(true);
        Label errMeaning = label("errorMeaningLabel", vm.errorMeaningProperty());
        errMeaning.setWrapText(true);
        errMeaning.getStyleClass().add("muted");
        Button diagnose = new Button("Diagnose");
        diagnose.setId("diagnoseButton");
        diagnose.setTooltip(new Tooltip("Open this failed call in Diagnostics"));
        diagnose.setOnAction(e -> vm.diagnoseLastFailure());
        for (Label l : List.of(message, errMeaning, meaning)) {
            l.setMinHeight(Region.USE_PREF_SIZE); // the whole explanation, never "…": the body below gives way
        }
        VBox errorBox = new VBox(4, new HBox(8, code, diagnose), message, errMeaning);
        errorBox.setId("errorBox");
        errorBox.getStyleClass().add("error-box");
        errorBox.visibleProperty().bind(vm.errorCodeProperty().isNotEmpty());
        errorBox.managedProperty().bind(errorBox.visibleProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label progress = label("progressLabel", vm.progressTextProperty());
        waitLabel.setId("waitLabel");
        HBox progressRow = new HBox(8, spinner, progress, waitLabel);
        progressRow.setId("progressBox");
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.visibleProperty().bind(vm.sendingProperty());
        progressRow.managedProperty().bind(progressRow.visibleProperty());

        ToggleButton prettyToggle = new ToggleButton("Pretty");
        prettyToggle.setId("prettyToggle");
        prettyToggle.setTooltip(new Tooltip("Formatted and highlighted, or the body as received"));
        prettyToggle.selectedProperty().bindBidirectional(vm.prettyProperty());
        bodySearch.setId("bodySearchField");
        bodySearch.setPromptText("Find in body (Ctrl+F, Enter for next)");
        bodySearch.setOnAction(e -> nextHit());
        bodySearch.textProperty().addListener((o, a, b) -> {
            hits = vm.findInBody(b);
            hitIndex = -1;
            nextHit();
        });
        HBox.setHgrow(bodySearch, Priority.ALWAYS);
        Label hitCount = new Label();
        hitCount.setId("searchHits");
        bodySearch.textProperty().addListener((o, a, b) -> hitCount.setText(b.isEmpty() ? ""
                : hits.size() + (vm.bodyTruncatedProperty().get() ? " in the part shown" : " found")));
        Button copy = new Button("Copy");
        copy.setId("copyBodyButton");
        copy.setOnAction(e -> vm.copyBody());
        Button save = new Button("Save full body…");
        save.setId("saveBodyButton");
        save.setOnAction(e -> vm.saveFullBody());
        save.disableProperty().bind(vm.exchangeProperty().isNull());
        Button next = new Button("Next page");
        next.setId("nextPageButton");
        next.setOnAction(e -> vm.nextPage());
        next.disableProperty().bind(vm.hasNextPageProperty().not().or(vm.sendingProperty()));
        Button all = new Button("Fetch all");
        all.setId("fetchAllButton");
        all.setOnAction(e -> vm.fetchAll());
        all.disableProperty().bind(vm.canFetchAllProperty().not().or(vm.sendingProperty()));
        for (javafx.scene.control.Control c : List.of(prettyToggle, copy, save, next, all)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        bodySearch.setMinWidth(120);
        HBox pageBar = new HBox(6, prettyToggle, copy, save, new Region(), next, all);
        HBox.setHgrow(pageBar.getChildren().get(3), Priority.ALWAYS);
        pageBar.setAlignment(Pos.CENTER_LEFT);
        hitCount.setMinWidth(Region.USE_PREF_SIZE);
        Label wholeHits = label("wholeBodyHits", vm.wholeBodyHitsProperty());
        wholeHits.getStyleClass().add("muted");
        wholeHits.setWrapText(true);
        wholeHits.visibleProperty().bind(vm.wholeBodyHitsProperty().isNotEmpty());
        wholeHits.managedProperty().bind(wholeHits.visibleProperty());
        HBox searchBar = new HBox(6, bodySearch, hitCount);
        searchBar.setAlignment(Pos.CENTER_LEFT);
        VBox bodyBar = new VBox(6, pageBar, searchBar, wholeHits);
        Label note = label("bodyNote", vm.bodyNoteProperty());
        note.setWrapText(true);
        note.getStyleClass().add("note");
        note.visibleProperty().bind(vm.bodyNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        responseBody.setId("responseBody");
        vm.bodyDocumentProperty().addListener((o, a, b) -> responseBody.show(b));
        VBox.setVgrow(responseBody, Priority.ALWAYS);
        VBox bodyBox = new VBox(6, bodyBar, note, responseBody);
        bodyBox.setPadding(new Insets(6, 0, 0, 0));

        ListView<NameValue> headers = new ListView<>(vm.responseHeaders());
        headers.setId("responseHeadersList");
        headers.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(NameValue h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : h.name() + ": " + h.value());
            }
        });
        ListView<NameValue> sent = new ListView<>(vm.sentHeaders());
        sent.setId("sentHeadersList");
        sent.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(NameValue h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : getIndex() == 0 ? h.name() + " " + h.value() : h.name() + ": " + h.value());
            }
        });
        TabPane tabs = new TabPane(tab("Body", bodyBox, "responseBodyTab"), tab("Headers", headers, "responseHeadersTab"),
                tab("Sent", sent, "sentTab"));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        // while the viewer primes (BodyViewer.prime) the tabs are laid out but unseen and take no clicks
        tabs.visibleProperty().bind(vm.exchangeProperty().isNotNull().or(responseBody.primingProperty()));
        tabs.managedProperty().bind(tabs.visibleProperty());
        tabs.opacityProperty().bind(Bindings.when(responseBody.primingProperty()).then(0.0).otherwise(1.0));
        tabs.mouseTransparentProperty().bind(responseBody.primingProperty());

        Label empty = new Label("Send a request (Ctrl+Enter) to see the answer here.");
        empty.setId("responseEmpty");
        empty.getStyleClass().add("muted");
        empty.visibleProperty().bind(vm.exchangeProperty().isNull().and(vm.statusTextProperty().isEmpty()).and(vm.sendingProperty().not()));
        empty.managedProperty().bind(empty.visibleProperty());

        VBox response = new VBox(6, empty, progressRow, statusRow, meaning, errorBox, tabs);
        response.setPadding(new Insets(8));
        response.getStyleClass().add("response-pane");
        return response;
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        return l;
    }

    private void nextHit() {
        if (hits.isEmpty()) {
            return;
        }
        hitIndex = (hitIndex + 1) % hits.size();
        int[] h = hits.get(hitIndex);
        responseBody.select(h[0], h[1]);
    }

    private void updateWait() {
        long end = vm.waitEndsAtProperty().get();
        if (end <= 0) {
            waitLabel.setText("");
            return;
        }
        long left = Math.max(0, (end - System.currentTimeMillis() + 999) / 1000);
        waitLabel.setText("— " + left + " s left");
    }

    // ------------------------------------------------------------------ picker

    private Node buildPicker() {
        pickerSearch.setId("endpointSearchField");
        pickerSearch.setPromptText("Search endpoints: \"search\", \"append children\", \"data source query\"…");
        pickerList.setId("endpointList");
        pickerList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Endpoint e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.family() + " · " + e.name() + "\n" + e.method() + " " + e.path());
            }
        });
        pickerList.getItems().setAll(vm.searchCatalog(""));
        pickerSearch.textProperty().addListener((o, a, b) -> {
            pickerList.getItems().setAll(vm.searchCatalog(b));
            pickerList.getSelectionModel().selectFirst();
        });
        pickerSearch.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                pickerList.requestFocus();
                pickerList.getSelectionModel().selectNext();
                e.consume();
            }
        });
        pickerSearch.setOnAction(e -> pickSelected());
        pickerList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                pickSelected();
            }
        });
        pickerList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                pickSelected();
            }
        });
        Label title = new Label("Endpoints (" + vm.searchCatalog("").size() + ")  ·  Enter to pick, Esc to close");
        title.getStyleClass().add("section-title");
        picker.getChildren().setAll(title, pickerSearch, pickerList);
        picker.setId("endpointPicker");
        picker.getStyleClass().add("endpoint-picker");
        picker.setMaxSize(620, 460);
        picker.setPadding(new Insets(12));
        picker.setVisible(false);
        StackPane.setAlignment(picker, Pos.TOP_CENTER);
        StackPane.setMargin(picker, new Insets(60, 0, 0, 0));
        return picker;
    }

    public void showPicker() {
        picker.setVisible(true);
        pickerSearch.clear();
        pickerList.getItems().setAll(vm.searchCatalog(""));
        pickerList.getSelectionModel().selectFirst();
        pickerSearch.requestFocus();
    }

    private void hidePicker() {
        picker.setVisible(false);
    }

    private void pickSelected() {
        Endpoint e = pickerList.getSelectionModel().getSelectedItem();
        if (e == null && !pickerList.getItems().isEmpty()) {
            e = pickerList.getItems().get(0);
        }
        if (e != null) {
            vm.pick(e);
            hidePicker();
            lookup("#pathField").requestFocus();
        }
    }

    // ------------------------------------------------------------------ dialogs and keys

    private void askImportCurl() {
        javafx.scene.control.Dialog<String> d = new javafx.scene.control.Dialog<>();
        d.setTitle("Import cURL command");
        d.setHeaderText("Paste a cURL command (multi-line with \\ is fine). A token in it is kept in memory only, never saved.");
        TextArea area = new TextArea();
        area.setId("curlInput");
        area.setPrefRowCount(10);
        area.setPrefColumnCount(70);
        d.getDialogPane().setContent(area);
        d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        d.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK ? area.getText() : null);
        if (getScene() != null) {
            d.initOwner(getScene().getWindow());
        }
        d.showAndWait().filter(s -> !s.isBlank()).ifPresent(vm::importCurl);
    }

    private void askSaveRequest() {
        TextInputDialog d = new TextInputDialog(vm.currentSpec().describe());
        d.setTitle("Save request");
        d.setHeaderText("Name the request; put \"Group / Name\" to file it in a group.");
        if (getScene() != null) {
            d.initOwner(getScene().getWindow());
        }
        Optional<String> name = d.showAndWait();
        name.filter(s -> !s.isBlank()).ifPresent(s -> {
            int slash = s.indexOf('/');
            if (slash > 0) {
                vm.saveRequest(s.substring(slash + 1).trim(), s.substring(0, slash).trim());
            } else {
                vm.saveRequest(s.trim(), null);
            }
        });
    }

    private static final KeyCombination SEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PICK = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FORMAT = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private void onKey(KeyEvent e) {
        if (SEND.match(e)) {
            vm.send();
            e.consume();
        } else if (PICK.match(e)) {
            showPicker();
            e.consume();
        } else if (FORMAT.match(e)) {
            vm.formatBody();
            e.consume();
        } else if (FIND.match(e)) {
            bodySearch.requestFocus();
            bodySearch.selectAll();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            if (picker.isVisible()) {
                hidePicker();
                e.consume();
            } else if (vm.sendingProperty().get()) {
                vm.cancel();
                e.consume();
            }
        }
    }

    public RequestViewModel viewModel() {
        return vm;
    }
}
