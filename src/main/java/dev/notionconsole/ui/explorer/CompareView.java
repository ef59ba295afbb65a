package dev.notionconsole.ui.explorer;

import dev.notionconsole.ui.common.ConnectionNames;
import dev.notionconsole.connections.Connection;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Compare tab: two connections or two snapshots, the result as a tree of groups (only B with where A would
 * have to be added, only A, both; or newly visible, no longer visible, moved), and export. Thin over
 * {@link CompareViewModel}; ids #compareA, #compareB, #compareButton, #compareTree, #exportCompareButton...
 */
final class CompareView extends BorderPane {
    private final TreeView<CompareRow> tree = new TreeView<>();
    private final CompareViewModel vm;

    CompareView(CompareViewModel vm) {
        this.vm = vm;
        setId("compareView");
        ComboBox<Connection> a = connectionBox(vm, "compareA");
        a.valueProperty().bindBidirectional(vm.leftProperty());
        ComboBox<Connection> b = connectionBox(vm, "compareB");
        b.valueProperty().bindBidirectional(vm.rightProperty());
        Button compare = new Button("Compare connections");
        compare.setId("compareButton");
        compare.getStyleClass().add("accent");
        compare.setOnAction(e -> vm.compareConnections());
        compare.disableProperty().bind(vm.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelCompareButton");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox connections = new HBox(8, new Label("A"), a, new Label("B"), b, compare, cancel, spacer,
                new ExportMenu(vm::export, vm.redactTitlesProperty(), "exportCompareButton").node());
        connections.setAlignment(Pos.CENTER_LEFT);

        ComboBox<Path> older = snapshotBox(vm, "olderSnapshot");
        older.valueProperty().bindBidirectional(vm.olderSnapshotProperty());
        ComboBox<Path> newer = snapshotBox(vm, "newerSnapshot");
        newer.valueProperty().bindBidirectional(vm.newerSnapshotProperty());
        Button diff = new Button("Compare snapshots of A");
        diff.setId("compareSnapshotsButton");
        diff.setOnAction(e -> vm.compareSnapshots());
        diff.disableProperty().bind(vm.runningProperty());
        HBox snapshots = new HBox(8, new Label("Older"), older, new Label("Newer"), newer, diff);
        snapshots.setAlignment(Pos.CENTER_LEFT);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label progress = new Label();
        progress.getStyleClass().add("muted");
        progress.textProperty().bind(vm.progressTextProperty());
        Label summary = new Label();
        summary.setId("compareSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        HBox status = new HBox(8, busy, summary, progress);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, connections, snapshots, status);
        top.getStyleClass().add("explorer-top");
        top.setPadding(new Insets(8, 10, 6, 10));
        setTop(top);

        tree.setId("compareTree");
        tree.setShowRoot(false);
        tree.setCellFactory(v -> new TreeCell<>() {
            @Override
            protected void updateItem(CompareRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeIf(c -> c.startsWith("compare-"));
                setText(empty || r == null ? null : r.label());
                if (!empty && r != null) {
                    getStyleClass().add("compare-" + r.style());
                }
            }
        });
        setCenter(tree);
        vm.rowsProperty().addListener((o, x, rows) -> show(rows));
        sceneProperty().addListener((o, x, s) -> {
            if (s != null) {
                vm.refreshChoices();
            }
        });
    }

    CompareViewModel viewModel() {
        return vm;
    }

    private void show(List<CompareRow> rows) {
        TreeItem<CompareRow> root = new TreeItem<>();
        for (CompareRow r : rows) {
            TreeItem<CompareRow> group = item(r);
            group.setExpanded(true);
            root.getChildren().add(group);
        }
        tree.setRoot(root);
    }

    private static TreeItem<CompareRow> item(CompareRow r) {
        TreeItem<CompareRow> i = new TreeItem<>(r);
        for (CompareRow c : r.children()) {
            i.getChildren().add(item(c));
        }
        return i;
    }

    private static ComboBox<Connection> connectionBox(CompareViewModel vm, String id) {
        ComboBox<Connection> box = new ComboBox<>(vm.choices());
        box.setId(id);
        box.setPrefWidth(220);
        box.setConverter(ConnectionNames.converter());
        return box;
    }

    private static ComboBox<Path> snapshotBox(CompareViewModel vm, String id) {
        ComboBox<Path> box = new ComboBox<>(vm.snapshotChoices());
        box.setId(id);
        box.setPrefWidth(300);
        box.setPromptText("no snapshots yet");
        box.setButtonCell(new PathCell());
        box.setCellFactory(v -> new PathCell());
        return box;
    }

    private static final class PathCell extends ListCell<Path> {
        @Override
        protected void updateItem(Path p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : p.getFileName().toString());
        }
    }
}
