package dev.notionconsole.ui.request;

import dev.notionconsole.request.history.HistoryEntry;
import dev.notionconsole.request.saved.SavedRequest;
import dev.notionconsole.ui.common.LazyTooltip;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Request section's left: the history (filterable; a double-click or Enter reopens an entry with its own
 * answer) and the saved requests.
 */
final class RequestSidebar extends TabPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss").withZone(ZoneId.systemDefault());


    RequestSidebar(RequestViewModel vm) {
        TextField search = new TextField();
        search.setId("historySearchField");
        search.setPromptText("Filter: path, 404, 4xx…");
        LazyTooltip.install(search, "Filter the history: words in the path, a status (404, status:404, 4xx), "
                + "an error code (code:object_not_found), a connection (conn:docs)");
        search.textProperty().bindBidirectional(vm.historyQueryProperty());
        ListView<HistoryEntry> list = new ListView<>(vm.history());
        list.setId("historyList");
        list.setCellFactory(v -> new HistoryCell());
        list.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE); // several into one bundle
        javafx.beans.binding.Bindings.bindContent(vm.selectedHistory(), list.getSelectionModel().getSelectedItems());
        list.setPlaceholder(RequestNodes.wrapped("Sent requests appear here."));
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
        clear.disableProperty().bind(Bindings.isEmpty(vm.allHistory())); // nothing recorded, nothing to clear (issue 16, item 11)
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox historyBox = new VBox(6, search, list, clear);
        historyBox.setPadding(new Insets(6));

        ListView<SavedRequest> saved = new ListView<>(vm.savedRequests().sorted((a, b) ->
                (a.group() + "\u0000" + a.name()).compareToIgnoreCase(b.group() + "\u0000" + b.name())));
        saved.setId("savedList");
        saved.setPlaceholder(RequestNodes.wrapped("More ▸ Save request… keeps a request here."));
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
        delete.disableProperty().bind(saved.getSelectionModel().selectedItemProperty().isNull().or(Bindings.isEmpty(vm.savedRequests())));
        VBox.setVgrow(saved, Priority.ALWAYS);
        VBox savedBox = new VBox(6, saved, delete);
        savedBox.setPadding(new Insets(6));

        getTabs().addAll(RequestNodes.tab("History", historyBox, "historyTab"), RequestNodes.tab("Saved", savedBox, "savedTab"));
        setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    /**
     * Method, path and status on the first line (the path gives way, the status never), connection and time on
     * the second; the whole text in the tooltip (issue 16, item 6). The status has the colour of its class, as
     * in the response header (issue 16, item 9).
     */
    private static final class HistoryCell extends ListCell<HistoryEntry> {
        private final StringProperty tip = new SimpleStringProperty();

        HistoryCell() {
            setPrefWidth(0); // fit the list's width instead of scrolling sideways
            LazyTooltip.install(this, tip);
        }

        @Override
        protected void updateItem(HistoryEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setText(null);
                setGraphic(null);
                tip.set(null);
                return;
            }
            String status = e.status() == 0 ? (e.outcome() == null ? "—" : "no answer") : String.valueOf(e.status());
            Label method = new Label(e.request().method());
            method.getStyleClass().addAll("history-method", "method-" + e.request().method().toLowerCase(java.util.Locale.ROOT));
            method.setMinWidth(Region.USE_PREF_SIZE);
            Label path = new Label(e.request().path());
            path.getStyleClass().add("history-path");
            path.setMinWidth(0);
            path.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS); // the end of a path says most
            HBox.setHgrow(path, Priority.ALWAYS);
            path.setMaxWidth(Double.MAX_VALUE);
            Label code = new Label(status);
            code.getStyleClass().addAll("history-status", "status-" + HttpStatus.kind(e.status()));
            code.setMinWidth(Region.USE_PREF_SIZE);
            HBox line1 = new HBox(6, method, path, code);
            line1.setAlignment(Pos.CENTER_LEFT);
            Label line2 = new Label(e.connectionName() + " · " + TIME.format(e.at()) + (e.pages() > 1 ? " · " + e.pages() + " pages" : ""));
            line2.getStyleClass().add("history-sub");
            line2.setMinWidth(0);
            VBox box = new VBox(2, line1, line2);
            box.setMinWidth(0);
            setText(null);
            setGraphic(box);
            tip.set(e.request().method() + " " + e.request().path() + "\n" + status
                    + (e.errorCode() != null ? " " + e.errorCode() : "") + "\n" + e.connectionName() + " · " + TIME.format(e.at())
                    + "\nDouble-click or Enter: open with this answer");
        }
    }

}
