package dev.notionconsole.ui.request;

import dev.notionconsole.request.json.HighlightSpans;
import dev.notionconsole.request.preflight.Finding;
import dev.notionconsole.ui.common.LazyTooltip;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The Request section's middle: path parameters (ID fields that take a Notion URL), the Body (JSON, highlighted),
 * Query, Headers and Form tabs, and what the checks before sending found.
 */
final class RequestEditor extends VBox {
    private final RequestViewModel vm;
    private final CodeArea bodyEditor = new CodeArea();
    private boolean syncingBody;


    RequestEditor(RequestViewModel vm) {
        super(8);
        this.vm = vm;
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
        LazyTooltip.install(format, "Pretty-print the JSON (Ctrl+Shift+F)");
        format.setOnAction(e -> vm.formatBody());
        format.setMinWidth(Region.USE_PREF_SIZE);
        Label bodyHint = new Label();
        bodyHint.textProperty().bind(Bindings.when(vm.methodProperty().isEqualTo("GET").or(vm.methodProperty().isEqualTo("DELETE")))
                .then("No body: GET and DELETE send none")
                .otherwise(Bindings.when(vm.multipartProperty()).then("Upload: the Form tab is sent")
                        .otherwise("JSON, checked before sending")));
        bodyHint.getStyleClass().add("muted");
        bodyHint.setMinWidth(0);
        LazyTooltip.install(bodyHint, bodyHint.textProperty());
        HBox bodyBar = new HBox(8, format, bodyHint);
        bodyBar.setAlignment(Pos.CENTER_LEFT);
        VirtualizedScrollPane<CodeArea> bodyScroll = new VirtualizedScrollPane<>(bodyEditor);
        VBox.setVgrow(bodyScroll, Priority.ALWAYS);
        VBox bodyBox = new VBox(6, bodyBar, bodyScroll);
        bodyBox.setPadding(new Insets(6));

        Tab formTab = RequestNodes.tab("Form", formEditor(), "formTab");
        TabPane tabs = new TabPane(RequestNodes.tab("Body", bodyBox, "bodyTab"),
                RequestNodes.tab("Query", rowsEditor(vm.query(), "queryRows", "Add query parameter", vm::addQuery), "queryTab"),
                RequestNodes.tab("Headers", headersEditor(), "headersTab"), formTab);
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

        getChildren().addAll(section("Path parameters", params), importNotes, usePasted, tabs, findingsBox);
        setPadding(new Insets(8));
        getStyleClass().add("request-editor");
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
            // short enough to read in a narrow editor; the whole hint in the tooltip (issue 16, item 7)
            field.setPromptText(f.description());
            LazyTooltip.install(field, f.description() + (f.isId() ? ": paste a Notion link or an ID" : ""));
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
                n.setPrefWidth(130); // "start_cursor", "filter_properties" fit
                LazyTooltip.install(n, r.nameProperty());
                n.setMinWidth(80);
                n.textProperty().bindBidirectional(r.nameProperty());
                TextField v = new TextField();
                v.setPromptText(r.hint().isEmpty() ? "value" : r.hint());
                if (!r.hint().isEmpty()) {
                    LazyTooltip.install(v, r.hint());
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
            LazyTooltip.install(choose, "Choose a file to upload in this field");
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
                LazyTooltip.install(l, "Click to go to line " + f.line() + ", column " + f.column());
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

}
