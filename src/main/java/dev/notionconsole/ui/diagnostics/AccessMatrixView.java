package dev.notionconsole.ui.diagnostics;

import dev.notionconsole.ui.common.LazyTooltip;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The access matrix page: an object ID, then one table row per saved connection (reads it or not, through which
 * root, why not). Node ids: {@code #matrixObjectField}, {@code #matrixCheckButton}, {@code #matrixCancelButton},
 * {@code #matrixCopyButton}, {@code #matrixProgress}, {@code #matrixProblem}, {@code #matrixObjectLine},
 * {@code #matrixTable}.
 */
final class AccessMatrixView extends VBox {
    AccessMatrixView(AccessMatrixViewModel vm) {
        super(8);
        setPadding(new Insets(10));
        getStyleClass().add("matrix-view");

        TextField id = new TextField();
        id.setId("matrixObjectField");
        id.setPromptText("Page, database, data source or block ID, or a Notion link");
        id.textProperty().bindBidirectional(vm.objectIdProperty());
        id.setOnAction(e -> vm.check());
        HBox.setHgrow(id, Priority.ALWAYS);
        Button check = new Button("Check access");
        check.setId("matrixCheckButton");
        check.getStyleClass().add("accent");
        LazyTooltip.install(check, "Read the object as every saved connection on the same API base URL (reads only)");
        check.setOnAction(e -> vm.check());
        check.disableProperty().bind(vm.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("matrixCancelButton");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Button copy = new Button("Copy as text");
        copy.setId("matrixCopyButton");
        copy.setOnAction(e -> vm.copyAsText());
        copy.disableProperty().bind(vm.matrixProperty().isNull());
        HBox bar = new HBox(6, id, check, cancel, copy);
        bar.setAlignment(Pos.CENTER_LEFT);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.runningProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label progress = new Label();
        progress.setId("matrixProgress");
        progress.getStyleClass().add("muted");
        progress.textProperty().bind(vm.progressTextProperty());
        HBox progressRow = new HBox(8, spinner, progress);
        progressRow.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("matrixProblem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Label object = new Label();
        object.setId("matrixObjectLine");
        object.getStyleClass().add("section-title");
        object.textProperty().bind(vm.objectLineProperty());

        TableView<AccessMatrixViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("matrixTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Paste an object ID and press Check access: every saved connection on the same "
                + "API base URL reads it, and the table says which can and why the others cannot."));
        TableColumn<AccessMatrixViewModel.Row, String> access = column("Access", AccessMatrixViewModel.Row::access, 100);
        access.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll("access-yes", "access-no");
                AccessMatrixViewModel.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : s);
                if (row != null) {
                    getStyleClass().add(row.readable() ? "access-yes" : "access-no");
                }
            }
        });
        table.getColumns().add(column("Connection", AccessMatrixViewModel.Row::connection, 200));
        table.getColumns().add(column("Kind", AccessMatrixViewModel.Row::kind, 180));
        table.getColumns().add(access);
        table.getColumns().add(column("Through (or add it to)", AccessMatrixViewModel.Row::through, 220));
        table.getColumns().add(column("Cause", AccessMatrixViewModel.Row::cause, 140));
        table.getColumns().add(column("Why", AccessMatrixViewModel.Row::why, 320));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, progressRow, problem, object, table);
    }

    private static TableColumn<AccessMatrixViewModel.Row, String> column(String title, Function<AccessMatrixViewModel.Row, String> value,
                                                                        double width) {
        TableColumn<AccessMatrixViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> (ObservableValue<String>) new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            private final StringProperty tip = new SimpleStringProperty();

            {
                LazyTooltip.install(this, tip); // the full text of a cut-off cell
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                tip.set(empty ? null : s);
            }
        });
        return c;
    }
}
