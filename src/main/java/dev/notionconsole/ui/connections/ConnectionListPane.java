package dev.notionconsole.ui.connections;

import static dev.notionconsole.ui.connections.ConnectionsUi.display;
import static dev.notionconsole.ui.connections.ConnectionsUi.iconButton;
import static dev.notionconsole.ui.connections.ConnectionsUi.kindIcon;

import atlantafx.base.theme.Styles;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.ui.common.Icons;
import dev.notionconsole.ui.common.LazyTooltip;
import javafx.beans.binding.Bindings;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The left of the Connections section: the saved connections with the current one marked, Add, and the
 * list's actions. Selecting a row shows it in the form; a double-click or Enter also uses it (issue 16).
 */
final class ConnectionListPane extends VBox {
    private final ConnectionsViewModel vm;
    /**
     * Rows added per pulse while the section builds (after the first four), and how many rows are built that way:
     * each new row's first CSS pass costs a few milliseconds on the JavaFX thread, and the list at once made one
     * pulse of 45-73 ms (docs/decisions/0200). Past a window's height of rows the list makes no more cells.
     */
    static final int ROWS_PER_STEP = 3;
    static final int VISIBLE_ROWS_BUILT_IN_STEPS = 16;
    private final ListView<Connection> list = new ListView<>();
    /** What the list shows: grown a few rows per step, then kept equal to the view model's connections. */
    private final ObservableList<Connection> rows = FXCollections.observableArrayList();

    ConnectionListPane(ConnectionsViewModel vm) {
        super(8);
        this.vm = vm;
        getStyleClass().add("list-pane");
        // no fixed minimum: the pane is as narrow as its widest row allows, the actions bar with "Import…" and
        // "Export…" in words (a fixed 240 px cut "Export…" to "Expo" at the default window size)

        list.setId("connectionsList");
        // no rows and no "no connections" text until buildSteps() have run: the list is not known to be empty yet
        list.setItems(rows);
        list.setPlaceholder(new Region());
        list.setCellFactory(l -> new ConnectionCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.select(now);
                syncListSelection();
            }
        });
        vm.selectedProperty().addListener(o -> syncListSelection());
        vm.currentIdProperty().addListener(o -> {
            // the toolbar picker changed the current connection: show it, and move the "current" mark
            vm.connections().stream().filter(c -> c.id().equals(vm.currentIdProperty().get())).findFirst().ifPresent(vm::select);
            list.refresh();
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && vm.selectedProperty().get() != null) {
                vm.delete();
            } else if (e.getCode() == KeyCode.ENTER && vm.selectedProperty().get() != null) {
                vm.useSelected();
                e.consume();
            }
        });
        getChildren().addAll(header(), list, actions());
    }

    private HBox header() {
        Label title = new Label("Connections");
        title.getStyleClass().add(Styles.TITLE_4);
        MenuItem internal = new MenuItem("Internal connection", Icons.of(kindIcon(ConnectionKind.INTERNAL)));
        internal.setId("addInternal");
        internal.setOnAction(e -> vm.newConnection(ConnectionKind.INTERNAL));
        MenuItem pub = new MenuItem("Public connection (OAuth)", Icons.of(kindIcon(ConnectionKind.PUBLIC_OAUTH)));
        pub.setId("addPublic");
        pub.setOnAction(e -> vm.newConnection(ConnectionKind.PUBLIC_OAUTH));
        MenuItem pat = new MenuItem("Personal access token", Icons.of(kindIcon(ConnectionKind.PERSONAL_ACCESS_TOKEN)));
        pat.setId("addPat");
        pat.setOnAction(e -> vm.newConnection(ConnectionKind.PERSONAL_ACCESS_TOKEN));
        MenuButton add = new MenuButton("Add", Icons.of(Feather.PLUS), internal, pub, pat);
        add.setId("addConnectionButton");
        add.getStyleClass().add(Styles.ACCENT);
        LazyTooltip.install(add, "Add a connection (" + display("Shortcut+N") + " adds an internal one)");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, add);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("list-header");
        return header;
    }

    private HBox actions() {
        Button duplicate = iconButton("duplicateConnectionButton", Feather.COPY, "Duplicate the selected connection");
        duplicate.setOnAction(e -> vm.duplicate());
        duplicate.disableProperty().bind(vm.canEditSelectionProperty().not()
                .or(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() != null && vm.selectedProperty().get().temporary(),
                        vm.selectedProperty())));
        Button delete = iconButton("deleteConnectionButton", Feather.TRASH_2, "Delete the selected connection (Delete)");
        delete.getStyleClass().add(Styles.DANGER);
        delete.setOnAction(e -> vm.delete());
        delete.disableProperty().bind(vm.canEditSelectionProperty().not());
        // words, not bare icons: a download arrow does not say "import connection definitions" (issue 16, item 10)
        Button importButton = new Button("Import…", Icons.of(Feather.DOWNLOAD));
        importButton.setId("importConnectionsButton");
        importButton.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        LazyTooltip.install(importButton, "Import connection definitions from an export");
        importButton.setOnAction(e -> vm.transfer().importConnections());
        Button exportButton = new Button("Export…", Icons.of(Feather.UPLOAD));
        exportButton.setId("exportConnectionsButton");
        exportButton.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        LazyTooltip.install(exportButton, "Export connection definitions (no secrets)");
        exportButton.setOnAction(e -> vm.transfer().exportConnections());
        exportButton.disableProperty().bind(Bindings.isEmpty(vm.connections()));
        importButton.setMinWidth(Region.USE_PREF_SIZE);
        exportButton.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(4, duplicate, delete, spacer, importButton, exportButton);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("list-actions");
        return actions;
    }

    /**
     * The rows in steps for the view's build chain, after the window's first frame: the first row (the costliest: a
     * row's nodes are styled and laid out there for the first time), three more, then three per step; then the rest,
     * from when on the rows follow the view model's list; then the placeholder and the selection, a pulse of their
     * own (docs/decisions/0199, 0200). The rows only ever grow at the end while building: replacing the list re-styled
     * the rows already shown. Until the last step the list shows no placeholder: it is not known to be empty (0198).
     */
    List<Runnable> buildSteps() {
        List<Runnable> steps = new ArrayList<>();
        int all = vm.connections().size();
        for (int upTo = 1; upTo < Math.min(all, VISIBLE_ROWS_BUILT_IN_STEPS); upTo += upTo == 1 ? 3 : ROWS_PER_STEP) {
            int n = upTo;
            steps.add(() -> growTo(n));
        }
        steps.add(() -> {
            // from here on the rows follow the view model's list (it changes only when a connection is added,
            // removed or edited); if it changed while the rows were being built, they catch up at once
            growTo(Integer.MAX_VALUE);
            if (!rows.equals(vm.connections())) {
                rows.setAll(vm.connections());
            }
            vm.connections().addListener((ListChangeListener<Connection>) c -> {
                rows.setAll(vm.connections());
                syncListSelection();
            });
        });
        steps.add(() -> {
            list.setPlaceholder(new Label("No connections yet.\nAdd one with the Add button."));
            syncListSelection();
        });
        return steps;
    }

    /** Appends the view model's next connections until {@code n} rows are in: only the new rows get styled. */
    private void growTo(int n) {
        List<Connection> source = vm.connections();
        if (rows.size() < n && rows.equals(source.subList(0, Math.min(rows.size(), source.size())))) {
            rows.addAll(source.subList(rows.size(), Math.min(n, source.size())));
        }
    }

    private void syncListSelection() {
        Connection sel = vm.selectedProperty().get();
        if (sel == null) {
            list.getSelectionModel().clearSelection();
            return;
        }
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).id().equals(sel.id())) {
                if (list.getSelectionModel().getSelectedIndex() != i) {
                    list.getSelectionModel().select(i);
                }
                return;
            }
        }
    }

    /** Kind icon, name, kind and workspace, the "current" mark, and the last check's status. */
    private final class ConnectionCell extends ListCell<Connection> {
        private ConnectionRow row; // built for the cell's first connection, then re-filled
        private final StringProperty tip = new SimpleStringProperty();

        ConnectionCell() {
            setPrefWidth(0); // fit the list's width: long names are cut with an ellipsis, never a horizontal scroll bar
            LazyTooltip.install(this, tip);
            addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                    vm.use(getItem());
                }
            });
        }

        @Override
        protected void updateItem(Connection c, boolean empty) {
            super.updateItem(c, empty);
            setText(null);
            if (empty || c == null) {
                setGraphic(null);
                tip.set(null);
                return;
            }
            if (row == null) {
                row = new ConnectionRow();
            }
            boolean current = c.id().equals(vm.currentIdProperty().get());
            row.show(c, current);
            setGraphic(row);
            tip.set(c.name() + "\n" + c.kind().label()
                    + (c.workspaceLabel().isBlank() ? "" : " · " + c.workspaceLabel())
                    + (current ? "\nCurrent: every section talks through it" : "\nDouble-click or Enter to use it"));
            setAccessibleText(c.name() + ", " + c.kind().label() + (current ? ", current" : "") + (c.isSandbox() ? ", sandbox" : "")
                    + ", " + (c.lastCheck() == null ? "not tested" : c.lastCheck().outcome().name().toLowerCase()));
        }
    }
}
