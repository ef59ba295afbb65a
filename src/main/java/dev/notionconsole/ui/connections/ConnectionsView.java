package dev.notionconsole.ui.connections;

import atlantafx.base.theme.Styles;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.shell.Disposable;
import dev.notionconsole.ui.shell.Shortcut;
import javafx.application.Platform;
import dev.notionconsole.connections.ConnectionValidator.Field;
import dev.notionconsole.connections.IdentityCheck;
import dev.notionconsole.connections.Installation;
import dev.notionconsole.connections.LearnedCapability;
import dev.notionconsole.connections.RatePlan;
import dev.notionconsole.notion.NotionVersion;
import dev.notionconsole.ui.common.Icons;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Connections workspace: the list on the left, the selected connection's form, identity check and
 * installations on the right. Thin: bindings and gestures only; every decision is in {@link ConnectionsViewModel}.
 *
 * <p>Node ids (the TestFX contract): {@code #connectionsList}, {@code #addConnectionButton} (menu items
 * {@code #addInternal}, {@code #addPublic}, {@code #addPat}), {@code #duplicateConnectionButton},
 * {@code #deleteConnectionButton}, {@code #importConnectionsButton}, {@code #exportConnectionsButton},
 * {@code #nameField}, {@code #kindChoice}, {@code #baseUrlField}, {@code #notionVersionChoice},
 * {@code #ratePlanChoice}, {@code #tokenField}, {@code #tokenRevealField}, {@code #revealTokenToggle},
 * {@code #copyTokenButton}, {@code #clientIdField}, {@code #clientSecretField}, {@code #redirectUriField},
 * {@code #notesArea}, {@code #saveConnectionButton}, {@code #revertConnectionButton},
 * {@code #testConnectionButton}, {@code #cancelTestButton}, {@code #testProgress}, {@code #checkResult},
 * {@code #installationsList}, {@code #secretStorageBanner}, {@code #useSecretsFileButton}; field messages
 * {@code #<field>Message}.
 */
public final class ConnectionsView extends SplitPane implements Disposable {
    private static final String STYLESHEET = Objects.requireNonNull(
            ConnectionsView.class.getResource("connections.css")).toExternalForm();

    private final ConnectionsViewModel vm;
    private final ConnectionFormViewModel form;
    private final ListView<Connection> list = new ListView<>();

    public ConnectionsView(ConnectionsViewModel vm) {
        this.vm = vm;
        this.form = vm.form();
        setId("connectionsView");
        getStyleClass().add("connections-view");
        getStylesheets().add(STYLESHEET);
        Node left = listPane();
        Node right = detailPane();
        getItems().addAll(left, right);
        SplitPane.setResizableWithParent(left, false);
        setDividerPositions(0.3);
        installShortcuts();
    }

    /** Called by the shell when the view is really dropped; never on a section switch (issue 17). */
    @Override
    public void dispose() {
        vm.dispose();
    }

    /** The shortcuts this workspace adds, for the help overlay. */
    public static final Shortcut[] SHORTCUTS = {
        new Shortcut("Shortcut+N", "New internal connection"),
        new Shortcut("Shortcut+S", "Save the connection"),
        new Shortcut("Shortcut+T", "Test the connection (GET /v1/users/me)"),
        new Shortcut("Delete", "Delete the selected connection (asks first)"),
    };

    /** The workspace as the app composes it: ViewModel started, import prompts owned by this view. */
    public static ConnectionsView create(ConnectionService service, TaskRunner tasks, DialogService dialogs) {
        return create(service, tasks, dialogs, null);
    }

    /**
     * @param authorize starts an OAuth authorization for a public connection (the OAuth feature's flow); null
     *     hides the "Authorize in a workspace…" button
     */
    public static ConnectionsView create(ConnectionService service, TaskRunner tasks, DialogService dialogs,
                                         java.util.function.Consumer<Connection> authorize) {
        SecretPrompt[] prompt = new SecretPrompt[1];
        ConnectionsViewModel vm = new ConnectionsViewModel(service, tasks, dialogs,
                (title, message, label) -> prompt[0].ask(title, message, label), Platform::runLater);
        ConnectionsView view = new ConnectionsView(vm);
        prompt[0] = new SecretPromptDialog(view);
        vm.setAuthorizeAction(authorize);
        vm.start();
        return view;
    }

    // ---- left: list ------------------------------------------------------------------------------------

    private Node listPane() {
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
        add.setTooltip(new Tooltip("Add a connection (" + display("Shortcut+N") + " adds an internal one)"));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, add);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("list-header");

        list.setId("connectionsList");
        list.setItems(vm.connections());
        list.setCellFactory(l -> new ConnectionCell());
        list.setPlaceholder(new Label("No connections yet.\nAdd one with the Add button."));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.select(now);
                syncListSelection();
            }
        });
        vm.selectedProperty().addListener(o -> syncListSelection());
        vm.currentIdProperty().addListener(o -> {
            // the toolbar picker changed the current connection: follow it
            vm.connections().stream().filter(c -> c.id().equals(vm.currentIdProperty().get())).findFirst().ifPresent(vm::select);
        });
        vm.connections().addListener((ListChangeListener<Connection>) c -> syncListSelection());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && vm.selectedProperty().get() != null) {
                vm.delete();
            }
        });

        Button duplicate = iconButton("duplicateConnectionButton", Feather.COPY, "Duplicate the connection");
        duplicate.setOnAction(e -> vm.duplicate());
        duplicate.disableProperty().bind(vm.canEditSelectionProperty().not()
                .or(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() != null && vm.selectedProperty().get().temporary(),
                        vm.selectedProperty())));
        Button delete = iconButton("deleteConnectionButton", Feather.TRASH_2, "Delete the connection (Delete)");
        delete.getStyleClass().add(Styles.DANGER);
        delete.setOnAction(e -> vm.delete());
        delete.disableProperty().bind(vm.canEditSelectionProperty().not());
        Button importButton = iconButton("importConnectionsButton", Feather.DOWNLOAD, "Import connection definitions");
        importButton.setOnAction(e -> vm.importConnections());
        Button exportButton = iconButton("exportConnectionsButton", Feather.UPLOAD, "Export connection definitions (no secrets)");
        exportButton.setOnAction(e -> vm.exportConnections());
        exportButton.disableProperty().bind(Bindings.isEmpty(vm.connections()));
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        HBox actions = new HBox(4, duplicate, delete, spacer2, importButton, exportButton);
        actions.getStyleClass().add("list-actions");

        VBox pane = new VBox(8, header, list, actions);
        pane.getStyleClass().add("list-pane");
        pane.setMinWidth(240);
        return pane;
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

    /** Kind icon, name, workspace or kind, and the last check's status. */
    private final class ConnectionCell extends ListCell<Connection> {
        ConnectionCell() {
            setPrefWidth(0); // fit the list's width: long names are cut with an ellipsis, never a horizontal scroll bar
        }

        @Override
        protected void updateItem(Connection c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            FontIcon kind = Icons.of(kindIcon(c.kind()));
            kind.getStyleClass().add("kind-icon");
            Label name = new Label(c.name());
            name.getStyleClass().add("connection-name");
            String secondary = !c.workspaceLabel().isBlank() ? c.workspaceLabel()
                    : c.temporary() && c.lastCheck() == null ? "Kind found by Test connection" : c.kind().label();
            Label sub = new Label(secondary);
            sub.getStyleClass().add("connection-sub");
            HBox line2 = new HBox(6, sub);
            if (c.isSandbox()) {
                line2.getChildren().add(badge("sandbox", "badge-sandbox"));
            }
            if (c.temporary()) {
                line2.getChildren().add(badge("not saved", "badge-temporary"));
            }
            line2.getChildren().stream().skip(1).forEach(b -> ((Region) b).setMinWidth(Region.USE_PREF_SIZE));
            VBox text = new VBox(2, name, line2);
            text.setMinWidth(0);
            sub.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            FontIcon status = statusIcon(c.lastCheck());
            Label statusHolder = new Label(null, status);
            statusHolder.setMinWidth(Region.USE_PREF_SIZE);
            statusHolder.setTooltip(new Tooltip(c.lastCheck() == null ? "Not tested yet"
                    : ConnectionsViewModel.describe(c.lastCheck())));
            HBox row = new HBox(10, kind, text, statusHolder);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
            setAccessibleText(c.name() + ", " + c.kind().label() + (c.isSandbox() ? ", sandbox" : "")
                    + ", " + (c.lastCheck() == null ? "not tested" : c.lastCheck().outcome().name().toLowerCase()));
        }
    }

    // ---- right: form -----------------------------------------------------------------------------------

    private Node detailPane() {
        VBox content = new VBox(16, storageBanner(), formHeader(), formGrid(), buttons(), checkSection(), installationsSection());
        content.getStyleClass().add("detail-pane");
        content.setPadding(new Insets(16, 20, 20, 20));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private Node storageBanner() {
        FontIcon icon = Icons.of(Feather.LOCK);
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(vm.storageTextProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button useFile = new Button("Keep in a file…");
        useFile.setId("useSecretsFileButton");
        useFile.setTooltip(new Tooltip("Save secrets in a file only you can read (mode 0600)"));
        useFile.setOnAction(e -> vm.useSecretsFile());
        useFile.visibleProperty().bind(vm.fileOptInOfferedProperty());
        useFile.managedProperty().bind(useFile.visibleProperty());
        useFile.setMinWidth(Region.USE_PREF_SIZE);
        Button stopFile = new Button("Stop using the file");
        stopFile.setId("stopSecretsFileButton");
        stopFile.getStyleClass().add(Styles.FLAT);
        stopFile.setTooltip(new Tooltip("Delete the secrets file; secrets are kept for this session only"));
        stopFile.setOnAction(e -> vm.stopUsingSecretsFile());
        stopFile.visibleProperty().bind(vm.fileInUseProperty());
        stopFile.managedProperty().bind(stopFile.visibleProperty());
        stopFile.setMinWidth(Region.USE_PREF_SIZE);
        HBox banner = new HBox(10, icon, text, useFile, stopFile);
        banner.setId("secretStorageBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("storage-banner");
        vm.storageWarningProperty().addListener((o, was, warn) -> {
            banner.getStyleClass().remove("warning");
            if (warn) {
                banner.getStyleClass().add("warning");
            }
            icon.setIconCode(warn ? Feather.ALERT_TRIANGLE : Feather.LOCK);
        });
        return banner;
    }

    private Node formHeader() {
        Label title = new Label();
        title.setId("formTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(Bindings.createStringBinding(() -> form.isNewProperty().get()
                ? "New " + form.kindProperty().get().label().toLowerCase()
                : form.nameProperty().get().isBlank() ? "(no name)" : form.nameProperty().get(),
                form.isNewProperty(), form.nameProperty(), form.kindProperty()));
        Label current = badge("current", "badge-current");
        current.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() != null
                && vm.selectedProperty().get().id().equals(vm.currentIdProperty().get()), vm.selectedProperty(), vm.currentIdProperty()));
        current.managedProperty().bind(current.visibleProperty());
        current.setTooltip(new Tooltip("Requests anywhere in the console go through this connection"));
        Label temporary = badge("from NOTION_TOKEN, not saved", "badge-temporary");
        temporary.visibleProperty().bind(form.temporaryProperty());
        temporary.managedProperty().bind(temporary.visibleProperty());
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(16, 16);
        loading.visibleProperty().bind(vm.loadingSecretsProperty());
        HBox header = new HBox(10, title, current, temporary, loading);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node formGrid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("connection-form");
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;

        TextField name = textField("nameField", form.nameProperty(), "e.g. Acme production");
        row = addRow(grid, row, "Name", name, Field.NAME, null);

        ComboBox<ConnectionKind> kind = new ComboBox<>();
        kind.setId("kindChoice");
        kind.getItems().setAll(ConnectionKind.values());
        kind.setConverter(converter(ConnectionKind::label));
        kind.valueProperty().bindBidirectional(form.kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);
        row = addRow(grid, row, "Kind", kind, null, null);

        TextField baseUrl = textField("baseUrlField", form.baseUrlProperty(), Connection.DEFAULT_BASE_URL);
        row = addRow(grid, row, "Base URL", baseUrl, Field.BASE_URL,
                "https://api.notion.com, \"sandbox\" for the built-in sandbox, or any compatible server");

        ComboBox<String> version = new ComboBox<>();
        version.setId("notionVersionChoice");
        version.setEditable(true);
        java.util.List<String> newestFirst = new java.util.ArrayList<>(NotionVersion.ALL);
        java.util.Collections.reverse(newestFirst);
        version.getItems().setAll(newestFirst);
        version.valueProperty().bindBidirectional(form.notionVersionProperty());
        version.setMaxWidth(Double.MAX_VALUE);
        version.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                version.setValue(version.getEditor().getText());
                vm.validateForm();
            }
        });
        row = addRow(grid, row, "Notion-Version", version, Field.NOTION_VERSION, "Sent with every request of this connection");

        ComboBox<RatePlan> plan = new ComboBox<>();
        plan.setId("ratePlanChoice");
        plan.getItems().setAll(RatePlan.values());
        plan.setConverter(converter(RatePlan::label));
        plan.valueProperty().bindBidirectional(form.ratePlanProperty());
        plan.setMaxWidth(Double.MAX_VALUE);
        row = addRow(grid, row, "Rate plan", plan, null, "The console paces requests to stay under this limit");

        Node token = secretField("token", form.tokenProperty(), form.tokenRevealedProperty(), "Paste the token", true);
        int tokenRow = row;
        row = addRow(grid, row, "Token", token, Field.TOKEN, null);
        bindVisible(grid, tokenRow, row, form.publicKindProperty().not());

        int publicStart = row;
        TextField clientId = textField("clientIdField", form.clientIdProperty(), "OAuth client ID");
        row = addRow(grid, row, "Client ID", clientId, Field.CLIENT_ID, null);
        Node clientSecret = secretField("clientSecret", form.clientSecretProperty(), form.clientSecretRevealedProperty(),
                "OAuth client secret", false);
        row = addRow(grid, row, "Client secret", clientSecret, Field.CLIENT_SECRET, null);
        TextField redirect = textField("redirectUriField", form.redirectUriProperty(), "http://localhost:53682/callback");
        row = addRow(grid, row, "Redirect URI", redirect, Field.REDIRECT_URI, "Exactly as registered with Notion");
        bindVisible(grid, publicStart, row, form.publicKindProperty());

        TextArea notes = new TextArea();
        notes.setId("notesArea");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(form.notesProperty());
        row = addRow(grid, row, "Notes", notes, null, null);
        return grid;
    }

    private Node secretField(String id, StringProperty value, BooleanProperty revealed, String prompt, boolean copy) {
        PasswordField masked = new PasswordField();
        masked.setId(id + "Field");
        masked.setPromptText(prompt);
        masked.textProperty().bindBidirectional(value);
        TextField clear = new TextField();
        clear.setId(id + "RevealField");
        clear.setPromptText(prompt);
        clear.textProperty().bindBidirectional(value);
        clear.getStyleClass().add("monospace");
        clear.visibleProperty().bind(revealed);
        masked.visibleProperty().bind(revealed.not());
        StackPane stack = new StackPane(masked, clear);
        HBox.setHgrow(stack, Priority.ALWAYS);
        for (TextInputControl t : new TextInputControl[] {masked, clear}) {
            t.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    vm.validateForm();
                }
            });
        }
        ToggleButton reveal = new ToggleButton(null, Icons.of(Feather.EYE));
        reveal.setId(id.equals("token") ? "revealTokenToggle" : "revealClientSecretToggle");
        reveal.getStyleClass().add(Styles.BUTTON_ICON);
        reveal.selectedProperty().bindBidirectional(revealed);
        reveal.setTooltip(new Tooltip("Show or hide"));
        reveal.setAccessibleText("Show or hide the secret");
        revealed.addListener((o, was, now) -> ((FontIcon) reveal.getGraphic()).setIconCode(now ? Feather.EYE_OFF : Feather.EYE));
        HBox box = new HBox(4, stack, reveal);
        box.setAlignment(Pos.CENTER_LEFT);
        if (copy) {
            Button copyButton = iconButton("copyTokenButton", Feather.CLIPBOARD, "Copy the stored token (the clipboard is cleared after 30 s)");
            copyButton.setOnAction(e -> vm.copyToken());
            copyButton.disableProperty().bind(form.isNewProperty());
            box.getChildren().add(copyButton);
        }
        return box;
    }

    private Node buttons() {
        Button save = new Button("Save", Icons.of(Feather.CHECK));
        save.setId("saveConnectionButton");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> vm.save());
        save.setTooltip(new Tooltip("Save (" + display("Shortcut+S") + ")"));
        Button revert = new Button("Revert");
        revert.setId("revertConnectionButton");
        revert.disableProperty().bind(form.dirtyProperty().not().or(vm.busyProperty()));
        revert.setOnAction(e -> vm.revert());
        Button test = new Button("Test connection", Icons.of(Feather.ACTIVITY));
        test.setId("testConnectionButton");
        test.disableProperty().bind(vm.testingProperty().or(vm.selectedProperty().isNull()).or(form.isNewProperty()));
        test.setOnAction(e -> vm.testConnection());
        test.setTooltip(new Tooltip("Ask GET /v1/users/me who the token acts as (" + display("Shortcut+T") + ")"));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("testProgress");
        spinner.setPrefSize(18, 18);
        Label progress = new Label();
        progress.textProperty().bind(vm.testProgressProperty());
        progress.getStyleClass().add(Styles.TEXT_MUTED);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelTestButton");
        cancel.getStyleClass().add(Styles.FLAT);
        cancel.setOnAction(e -> vm.cancelTest());
        HBox running = new HBox(8, spinner, progress, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(vm.testingProperty());
        running.managedProperty().bind(running.visibleProperty());
        HBox box = new HBox(8, save, revert, new Separator(Orientation.VERTICAL), test, running);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node checkSection() {
        Label heading = new Label("Identity");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label result = new Label();
        result.setId("checkResult");
        result.setWrapText(true);
        result.textProperty().bind(vm.lastCheckTextProperty());
        result.getStyleClass().add("check-result");
        vm.lastCheckProperty().addListener((o, was, now) -> styleCheck(result, now));
        styleCheck(result, vm.lastCheckProperty().get());
        VBox caps = new VBox(2);
        caps.getStyleClass().add("capabilities");
        Runnable showCaps = () -> {
            caps.getChildren().clear();
            Connection c = vm.selectedProperty().get();
            if (c == null || c.capabilities().isEmpty()) {
                return;
            }
            Label h = new Label("Capabilities seen (Notion has no call that lists them):");
            h.getStyleClass().add(Styles.TEXT_MUTED);
            caps.getChildren().add(h);
            for (LearnedCapability cap : c.capabilities()) {
                Label l = new Label(cap.capability().label() + ": " + (cap.present() ? "works" : "seems missing") + " — " + cap.evidence(),
                        Icons.of(cap.present() ? Feather.CHECK : Feather.MINUS_CIRCLE));
                l.getStyleClass().add(cap.present() ? "capability-present" : "capability-absent");
                caps.getChildren().add(l);
            }
        };
        vm.selectedProperty().addListener(o -> showCaps.run());
        showCaps.run();
        VBox box = new VBox(6, heading, result, caps);
        box.visibleProperty().bind(form.isNewProperty().not());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static void styleCheck(Label result, IdentityCheck check) {
        result.getStyleClass().removeAll("check-ok", "check-warning", "check-error");
        result.setGraphic(statusIcon(check));
        if (check != null) {
            result.getStyleClass().add(switch (check.outcome()) {
                case OK -> "check-ok";
                case KIND_MISMATCH, NO_TOKEN -> "check-warning";
                default -> "check-error";
            });
        }
    }

    private Node installationsSection() {
        Label heading = new Label("Installations");
        heading.getStyleClass().add(Styles.TITLE_4);
        ListView<Installation> installs = new ListView<>(vm.installations());
        installs.setId("installationsList");
        installs.setPrefHeight(110);
        installs.setPlaceholder(new Label("None yet: authorize the connection in a workspace to get a token."));
        installs.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Installation i, boolean empty) {
                super.updateItem(i, empty);
                if (empty || i == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Connection c = vm.selectedProperty().get();
                boolean active = c != null && c.activeInstallation().map(a -> a.botId().equals(i.botId())).orElse(false);
                Label text = new Label(i.displayName() + " · bot " + i.botId() + (active ? " · used for requests" : ""),
                        Icons.of(active ? Feather.CHECK_CIRCLE : Feather.CIRCLE));
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                Button use = new Button("Use");
                use.getStyleClass().add(Styles.SMALL);
                use.setTooltip(new Tooltip("Send this connection's requests as this installation"));
                use.setOnAction(e -> vm.useInstallation(i));
                use.setVisible(!active);
                Button remove = new Button(null, Icons.of(Feather.TRASH_2));
                remove.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_ICON, Styles.FLAT, Styles.DANGER);
                remove.setTooltip(new Tooltip("Remove the installation and forget its tokens"));
                remove.setOnAction(e -> vm.removeInstallation(i));
                HBox row = new HBox(8, text, spacer, use, remove);
                row.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(row);
            }
        });
        Button authorize = new Button("Authorize in a workspace…", Icons.of(Feather.LOG_IN));
        authorize.setId("authorizeButton");
        authorize.setOnAction(e -> vm.authorize());
        authorize.visibleProperty().bind(vm.authorizeAvailableProperty());
        authorize.managedProperty().bind(authorize.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, heading, spacer, authorize);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, head, installs);
        box.visibleProperty().bind(form.publicKindProperty().and(form.isNewProperty().not()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private int addRow(GridPane grid, int row, String label, Node field, Field messageField, String hint) {
        Label l = new Label(label);
        l.getStyleClass().add("form-label");
        if (field instanceof javafx.scene.control.Control control) {
            l.setLabelFor(control);
        }
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        l.setPadding(new Insets(6, 0, 0, 0));
        grid.add(l, 0, row);
        VBox cell = new VBox(3, field);
        if (hint != null) {
            Label h = new Label(hint);
            h.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            h.setWrapText(true);
            cell.getChildren().add(h);
        }
        if (messageField != null) {
            Label m = new Label();
            m.setId(camel(messageField) + "Message");
            m.setWrapText(true);
            m.textProperty().bind(form.messageProperty(messageField));
            m.visibleProperty().bind(m.textProperty().isNotEmpty());
            m.managedProperty().bind(m.visibleProperty());
            Runnable style = () -> {
                m.getStyleClass().removeAll("field-error", "field-warning");
                m.getStyleClass().add(form.blockingProperty(messageField).get() ? "field-error" : "field-warning");
            };
            form.blockingProperty(messageField).addListener(o -> style.run());
            style.run();
            cell.getChildren().add(m);
        }
        cell.setPadding(new Insets(0, 0, 8, 0));
        grid.add(cell, 1, row);
        return row + 1;
    }

    /** Shows rows [from, to) of the grid only while {@code visible} holds. */
    private static void bindVisible(GridPane grid, int from, int to, javafx.beans.value.ObservableBooleanValue visible) {
        for (Node n : grid.getChildren()) {
            Integer r = GridPane.getRowIndex(n);
            if (r != null && r >= from && r < to) {
                n.visibleProperty().bind(visible);
                n.managedProperty().bind(visible);
            }
        }
    }

    private TextField textField(String id, StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.validateForm();
            }
        });
        return f;
    }

    private static Button iconButton(String id, Ikon icon, String tooltip) {
        Button b = new Button(null, Icons.of(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tooltip));
        b.setAccessibleText(tooltip);
        return b;
    }

    private static Label badge(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().addAll("badge", styleClass);
        return l;
    }

    static Ikon kindIcon(ConnectionKind kind) {
        return switch (kind) {
            case INTERNAL -> Feather.KEY;
            case PUBLIC_OAUTH -> Feather.GLOBE;
            case PERSONAL_ACCESS_TOKEN -> Feather.USER;
        };
    }

    static FontIcon statusIcon(IdentityCheck check) {
        if (check == null) {
            FontIcon i = Icons.of(Feather.CIRCLE);
            i.getStyleClass().add("status-untested");
            return i;
        }
        FontIcon i = Icons.of(switch (check.outcome()) {
            case OK -> Feather.CHECK_CIRCLE;
            case KIND_MISMATCH -> Feather.ALERT_TRIANGLE;
            case NO_TOKEN -> Feather.LOCK;
            case UNREACHABLE -> Feather.WIFI_OFF;
            case UNAUTHORIZED, API_ERROR -> Feather.X_CIRCLE;
        });
        i.getStyleClass().add(switch (check.outcome()) {
            case OK -> "status-ok";
            case KIND_MISMATCH, NO_TOKEN -> "status-warning";
            default -> "status-error";
        });
        return i;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static String camel(Field f) {
        String[] parts = f.name().toLowerCase().split("_");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return sb.toString();
    }

    private void installShortcuts() {
        KeyCombination save = KeyCombination.valueOf("Shortcut+S");
        KeyCombination newOne = KeyCombination.valueOf("Shortcut+N");
        KeyCombination test = KeyCombination.valueOf("Shortcut+T");
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (save.match(e)) {
                if (vm.canSaveProperty().get()) {
                    vm.save();
                }
                e.consume();
            } else if (newOne.match(e)) {
                vm.newConnection(ConnectionKind.INTERNAL);
                e.consume();
            } else if (test.match(e)) {
                vm.testConnection();
                e.consume();
            }
        });
    }

    private static String display(String shortcut) {
        return KeyCodeCombination.valueOf(shortcut).getDisplayText();
    }
}
