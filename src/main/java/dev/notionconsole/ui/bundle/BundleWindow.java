package dev.notionconsole.ui.bundle;

import dev.notionconsole.ui.common.ThemeManager;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The support-bundle window: "Preview" (exactly what will be saved, with the pseudonyms switch and Save), and
 * "Bundle" (an opened or saved bundle: summary, its calls read-only with their diagnoses, a call's request and
 * answer, and Replay in sandbox with the replayed status beside the original).
 */
public final class BundleWindow {
    private final Stage stage = new Stage();
    private final TabPane tabs = new TabPane();

    private BundleWindow(BundleViewModel vm, Window owner) {
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Support bundle");
        Tab preview = new Tab("Preview", previewPane(vm));
        preview.setId("bundlePreviewTab");
        Tab opened = new Tab("Bundle", bundlePane(vm));
        opened.setId("bundleTab");
        opened.disableProperty().bind(vm.openedProperty().not());
        for (Tab t : new Tab[] {preview, opened}) {
            t.setClosable(false);
        }
        tabs.getTabs().addAll(preview, opened);
        vm.openedProperty().addListener((o, a, b) -> {
            if (b) {
                tabs.getSelectionModel().select(opened);
            }
        });
        Label status = new Label();
        status.setId("bundleStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.busyProperty());
        HBox top = new HBox(8, spinner, status);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 10, 4, 10));
        BorderPane root = new BorderPane(tabs, top, null, null, null);
        Scene scene = new Scene(root, 980, 680);
        ThemeManager.style(scene);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
    }

    /** Shows the preview of a bundle of {@code entries} being made ("Create bundle from selected history…"). */
    public static BundleWindow create(BundleViewModel vm, java.util.List<dev.notionconsole.request.history.HistoryEntry> entries, Window owner) {
        return preview(vm, owner, () -> vm.create(entries));
    }

    /**
     * Starts a bundle with {@code start} (one of the view model's {@code create…} methods) and, when it started,
     * shows the window on its preview; null when it did not (a dialog said why).
     */
    public static BundleWindow preview(BundleViewModel vm, Window owner, java.util.function.BooleanSupplier start) {
        if (!start.getAsBoolean()) {
            return null;
        }
        BundleWindow w = new BundleWindow(vm, owner);
        w.stage.show();
        return w;
    }

    /** Asks for a bundle file and shows it ("Open bundle…"); null when no file was chosen. */
    public static BundleWindow open(BundleViewModel vm, dev.notionconsole.ui.common.DialogService dialogs, Window owner) {
        return dialogs.chooseFileToOpen("Open support bundle", java.util.List.of(BundleViewModel.BUNDLE,
                dev.notionconsole.ui.common.FileType.ALL)).map(file -> {
                    BundleWindow w = new BundleWindow(vm, owner);
                    w.tabs.getTabs().get(0).setDisable(true);
                    w.stage.show();
                    vm.openFile(file);
                    return w;
                }).orElse(null);
    }

    public Stage stage() {
        return stage;
    }

    private static VBox previewPane(BundleViewModel vm) {
        TextArea text = new TextArea();
        text.setId("bundlePreviewText");
        text.setEditable(false);
        text.getStyleClass().add("code-area");
        text.setStyle("-fx-font-family: monospace;");
        text.textProperty().bind(vm.previewProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        CheckBox pseudonyms = new CheckBox("Pseudonyms for titles, names and emails");
        pseudonyms.setId("bundlePseudonyms");
        pseudonyms.selectedProperty().bindBidirectional(vm.pseudonymsProperty());
        Label always = new Label("Tokens, client secrets, codes and refresh tokens: always removed.");
        always.getStyleClass().add("muted");
        Button save = new Button("Save bundle…");
        save.setId("bundleSaveButton");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.busyProperty().or(Bindings.isEmpty(vm.previewProperty())));
        save.setOnAction(e -> vm.save());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, pseudonyms, always, spacer, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, text, bar);
        box.setPadding(new Insets(8));
        return box;
    }

    private static VBox bundlePane(BundleViewModel vm) {
        Label summary = new Label();
        summary.setId("bundleSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.setMinHeight(Region.USE_PREF_SIZE); // every line of the summary, not the first with an ellipsis
        TableView<BundleViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("bundleCalls");
        table.getColumns().add(column("#", r -> String.valueOf(r.number()), 40));
        table.getColumns().add(column("Call", BundleViewModel.Row::call, 330));
        table.getColumns().add(column("In the bundle", BundleViewModel.Row::original, 170));
        table.getColumns().add(column("Replayed", BundleViewModel.Row::replayed, 170));
        table.getColumns().add(column("Same", BundleViewModel.Row::same, 60));
        table.getColumns().add(column("Diagnosis", BundleViewModel.Row::diagnosis, 420));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> vm.select(b.intValue()));
        vm.openedProperty().addListener((o, a, b) -> table.getSelectionModel().select(1 < vm.rows().size() ? 1 : 0));
        TextArea detail = new TextArea();
        detail.setId("bundleCallDetail");
        detail.setEditable(false);
        detail.setStyle("-fx-font-family: monospace;");
        detail.textProperty().bind(vm.detailProperty());
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        Button replay = new Button("Replay in sandbox");
        replay.setId("bundleReplayButton");
        replay.disableProperty().bind(vm.busyProperty().or(vm.replayableProperty().not()));
        replay.setOnAction(e -> vm.replay());
        HBox bar = new HBox(10, replay);
        VBox box = new VBox(8, summary, split, bar);
        box.setPadding(new Insets(8));
        return box;
    }

    private static TableColumn<BundleViewModel.Row, String> column(String title,
                                                                  java.util.function.Function<BundleViewModel.Row, String> value, double width) {
        TableColumn<BundleViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
