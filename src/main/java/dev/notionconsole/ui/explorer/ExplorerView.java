package dev.notionconsole.ui.explorer;

import dev.notionconsole.ui.shell.InitialFocus;
import dev.notionconsole.ui.shell.Shortcut;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.explorer.SnapshotStore;
import dev.notionconsole.oauth.BrowserOpener;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.LazyTooltip;
import dev.notionconsole.ui.common.ObjectRef;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Explorer section: a toolbar (map, cancel, grouping, filter over what is loaded, export, compare), the map's
 * progress, the tree, and the selected node's details. Thin: every gesture goes to {@link ExplorerViewModel}; node ids
 * are the TestFX contract (#mapButton, #explorerTree, #filterField, #openAsRequestButton...).
 */
public final class ExplorerView extends BorderPane implements InitialFocus {
    public static final Shortcut[] SHORTCUTS = {
            new Shortcut("Shortcut+R", "Map the current connection"),
            new Shortcut("Escape", "Cancel the map"),
            new Shortcut("Shortcut+F", "Filter the loaded objects"),
            new Shortcut("Shortcut+Shift+F", "Search Notion (asks the API)"),
            new Shortcut("Shortcut+G", "Group by hierarchy / by sharing root"),
            new Shortcut("Shortcut+Enter", "Open the selected object as a request"),
            new Shortcut("Shortcut+D", "Diagnose access to the selected object"),
            new Shortcut("Shortcut+Shift+C", "Copy the selected object's ID")};
    private static final KeyCombination MAP = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FILTER = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SEARCH = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination GROUP = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination DIAGNOSE = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY_ID = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final ExplorerViewModel vm;
    private final TreeView<TreeRow> treeView = new TreeView<>();
    private final TextField filterField = new TextField();
    private final TreeItems items;
    private final TabPane tabs = new TabPane();

    public ExplorerView(ExplorerViewModel vm, Node compareView) {
        this.vm = vm;
        setId("explorerView");
        getStyleClass().add("explorer-view");
        getStylesheets().add(Objects.requireNonNull(ExplorerView.class.getResource("explorer.css")).toExternalForm());
        treeView.setId("explorerTree");
        treeView.getStyleClass().add("explorer-tree");
        treeView.setShowRoot(false);
        treeView.setCellFactory(v -> new NodeCell(vm.tree(), vm::loadMore));
        items = new TreeItems(vm.tree(), treeView, vm::expand);
        treeView.getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                vm.selection().select(b == null || b.getValue() == null || b.getValue().type() != TreeRow.Type.NODE ? null : b.getValue().id()));
        vm.filter().resultProperty().addListener((o, a, r) -> {
            if (r != null) {
                r.matches().forEach(items::reveal);
            }
        });
        Label empty = new Label("Nothing mapped yet: press Map (Ctrl+R) to list everything the current connection can read.");
        empty.getStyleClass().add("muted");
        empty.setWrapText(true);
        empty.setMaxWidth(360);
        empty.visibleProperty().bind(vm.mapProperty().isNull().and(vm.mappingProperty().not()));
        empty.setMouseTransparent(true);
        StackPane treeBox = new StackPane(treeView, empty);

        DetailsPane details = new DetailsPane(vm.selection());
        Region detailsRegion = details;
        detailsRegion.setMinWidth(300);
        treeBox.setMinWidth(320);
        SplitPane split = new SplitPane(treeBox, detailsRegion);
        split.setId("explorerSplit");
        split.setDividerPositions(0.56);
        SplitPane.setResizableWithParent(detailsRegion, false);

        BorderPane mapPane = new BorderPane(split);
        mapPane.setTop(buildTop());
        Tab mapTab = new Tab("Map", mapPane);
        mapTab.setId("mapTab");
        Tab compareTab = new Tab("Compare", compareView);
        compareTab.setId("compareTab");
        tabs.getTabs().addAll(mapTab, compareTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("explorerTabs");
        setCenter(tabs);
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // each time the section is shown, the keyboard goes to the tree, so its shortcuts work at once
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                javafx.application.Platform.runLater(treeView::requestFocus);
            }
        });
    }

    private Node buildTop() {
        Button map = new Button("Map");
        map.setId("mapButton");
        map.getStyleClass().add("accent");
        LazyTooltip.install(map, "List everything the current connection can read, and through which shared page (Ctrl+R)");
        map.setOnAction(e -> vm.map());
        map.disableProperty().bind(vm.mappingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelMapButton");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.mappingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());

        ToggleGroup group = new ToggleGroup();
        ToggleButton hierarchy = new ToggleButton("Hierarchy");
        hierarchy.setId("groupHierarchy");
        ToggleButton byRoot = new ToggleButton("By sharing root");
        byRoot.setId("groupByRoot");
        LazyTooltip.install(byRoot, "Every sharing root at the top: where the connection's access starts (Ctrl+G)");
        hierarchy.setToggleGroup(group);
        byRoot.setToggleGroup(group);
        hierarchy.getStyleClass().add("left-pill");
        byRoot.getStyleClass().add("right-pill");
        syncGrouping(hierarchy, byRoot);
        vm.groupingProperty().addListener((o, a, b) -> syncGrouping(hierarchy, byRoot));
        hierarchy.setOnAction(e -> vm.groupingProperty().set(ExplorerTree.Grouping.HIERARCHY));
        byRoot.setOnAction(e -> vm.groupingProperty().set(ExplorerTree.Grouping.BY_ROOT));
        HBox groupBox = new HBox(0, hierarchy, byRoot);

        filterField.setId("filterField");
        filterField.setPromptText("Filter loaded objects (title or ID)");
        LazyTooltip.install(filterField, "Filters what is loaded in the tree, not Notion: Ctrl+F");
        filterField.textProperty().bindBidirectional(vm.filter().filterTextProperty());
        filterField.setPrefWidth(260);
        Label filterSummary = new Label();
        filterSummary.setId("filterSummary");
        filterSummary.getStyleClass().add("muted");
        filterSummary.textProperty().bind(vm.filter().summaryProperty());

        TextField search = new TextField();
        search.setId("searchNotionField");
        search.setPromptText("Search Notion");
        LazyTooltip.install(search, "Asks Notion's search (its index may lag) and shows the answers in the tree (Enter)");
        search.textProperty().bindBidirectional(vm.filter().searchTextProperty());
        search.setOnAction(e -> vm.filter().searchNotion());
        search.setPrefWidth(170);
        search.setMinWidth(110);
        Node export = new ExportMenu(vm.outputs()::exportMap, vm.outputs().redactTitlesProperty(), "exportMapButton")
                .withBundle(vm.outputs()::createBundle, vm.outputs().bundlesProperty()).node();
        Button snapshot = new Button("Save snapshot");
        snapshot.setId("saveSnapshotButton");
        LazyTooltip.install(snapshot, "Keep this map to compare with a later one (Compare tab)");
        snapshot.setOnAction(e -> vm.outputs().saveSnapshot());
        snapshot.disableProperty().bind(vm.mapProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(filterField, Priority.SOMETIMES);
        filterField.setMinWidth(140);
        filterSummary.setMinWidth(0);
        for (javafx.scene.control.Control c : List.of(map, cancel, hierarchy, byRoot, snapshot, (javafx.scene.control.Control) export)) {
            c.setMinWidth(Region.USE_PREF_SIZE); // buttons keep their words; the filter field gives way
        }
        HBox bar = new HBox(8, map, cancel, groupBox, filterField, search, spacer, snapshot, export);
        bar.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar(-1);
        progress.setId("mapProgressBar");
        progress.setPrefWidth(120);
        progress.visibleProperty().bind(vm.mappingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label progressText = new Label();
        progressText.setId("mapProgress");
        progressText.textProperty().bind(vm.progressTextProperty());
        progressText.getStyleClass().add("muted");
        Label wait = new Label();
        wait.setId("mapWait");
        wait.getStyleClass().add("wait");
        wait.textProperty().bind(vm.waitTextProperty());
        Label status = new Label();
        status.setId("mapStatus");
        status.textProperty().bind(vm.statusTextProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Label conn = new Label();
        conn.setId("explorerConnectionLabel");
        conn.getStyleClass().add("muted");
        conn.textProperty().bind(vm.connectionLabelProperty());
        conn.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(10, progress, status, filterSummary, progressText, wait, conn);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, bar, line);
        top.getStyleClass().add("explorer-top");
        top.setPadding(new Insets(8, 10, 6, 10));
        return top;
    }

    private void syncGrouping(ToggleButton hierarchy, ToggleButton byRoot) {
        boolean root = vm.groupingProperty().get() == ExplorerTree.Grouping.BY_ROOT;
        hierarchy.setSelected(!root);
        byRoot.setSelected(root);
    }

    private void onKey(KeyEvent e) {
        if (MAP.match(e)) {
            vm.map();
        } else if (e.getCode() == KeyCode.ESCAPE && vm.mappingProperty().get()) {
            vm.cancel();
        } else if (SEARCH.match(e)) {
            tabs.getSelectionModel().select(0);
            lookup("#searchNotionField").requestFocus();
        } else if (FILTER.match(e)) {
            tabs.getSelectionModel().select(0);
            filterField.requestFocus();
            filterField.selectAll();
        } else if (GROUP.match(e)) {
            vm.groupingProperty().set(vm.groupingProperty().get() == ExplorerTree.Grouping.BY_ROOT
                    ? ExplorerTree.Grouping.HIERARCHY : ExplorerTree.Grouping.BY_ROOT);
        } else if (OPEN.match(e)) {
            vm.selection().openAsRequest();
        } else if (DIAGNOSE.match(e)) {
            vm.selection().diagnoseAccess();
        } else if (COPY_ID.match(e)) {
            NodeDetails d = vm.selection().detailsProperty().get();
            if (d != null) {
                vm.selection().copyId(d.node().id());
            }
        } else {
            return;
        }
        e.consume();
    }

    /** The section as AppContext registers it: the map and the compare tab over the same services. */
    public static ExplorerView create(ConnectionService connections, ConnectionCaller caller, TaskRunner tasks,
                                      DialogService dialogs, SnapshotStore snapshots, BrowserOpener browser,
                                      Consumer<Runnable> uiThread, Consumer<RequestSpec> openAsRequest,
                                      Consumer<ObjectRef> diagnose) {
        ExplorerViewModel vm = new ExplorerViewModel(connections, caller, tasks, dialogs, snapshots, browser, uiThread,
                openAsRequest, diagnose);
        CompareViewModel compare = new CompareViewModel(connections, caller, tasks, dialogs, snapshots, uiThread);
        return new ExplorerView(vm, new CompareView(compare));
    }

    /** Selects a node in the tree, expanding its ancestors (tests and "reveal" from search results). */
    public void reveal(String id) {
        TreeItem<TreeRow> item = items.reveal(id);
        if (item != null) {
            treeView.getSelectionModel().select(item);
            int row = treeView.getRow(item);
            if (row >= 0) {
                treeView.scrollTo(Math.max(0, row - 3));
            }
        }
    }

    /**
     * Diagnostics' "Open in Explorer": selects the object when the map holds it; otherwise its ID goes into the
     * filter, so the user sees at once whether the current map has it and, after Map, finds it there.
     */
    public void show(ObjectRef object) {
        reveal(object.id());
        if (vm.selection().selectedProperty().get() == null || !vm.selection().selectedProperty().get().equals(object.id())) {
            vm.filter().filterTextProperty().set(object.id());
        }
    }

    public ExplorerViewModel viewModel() {
        return vm;
    }

    /** On opening the section the tree takes the focus, so Ctrl+R and the other shortcuts work at once (issue 16, item 5). */
    @Override
    public void focusInitial() {
        treeView.requestFocus();
    }
}
