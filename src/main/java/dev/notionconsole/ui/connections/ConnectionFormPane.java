package dev.notionconsole.ui.connections;

import static dev.notionconsole.ui.connections.ConnectionsUi.badge;
import static dev.notionconsole.ui.connections.ConnectionsUi.camel;
import static dev.notionconsole.ui.connections.ConnectionsUi.converter;
import static dev.notionconsole.ui.connections.ConnectionsUi.iconButton;
import static dev.notionconsole.ui.connections.ConnectionsUi.lowerFirst;

import atlantafx.base.theme.Styles;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionValidator.Field;
import dev.notionconsole.connections.InstallationScope;
import dev.notionconsole.connections.RatePlan;
import dev.notionconsole.notion.NotionVersion;
import dev.notionconsole.ui.common.Icons;
import dev.notionconsole.ui.common.LazyTooltip;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The connection form: its title with the "current" badge or "Use this connection", and the fields with their
 * hints and messages. Fields validate when they lose the focus; the Save button lives in
 * {@link FormActionsBar}, outside the scrolling form, so messages appearing or clearing never move it from under
 * the pointer (issue 16, item 1).
 */
final class ConnectionFormPane extends VBox {
    /** How many groups {@link #rowGroups()} has. */
    static final int ROW_GROUPS = 6;
    private final ConnectionsViewModel vm;
    private final ConnectionFormViewModel form;
    private final GridPane grid = new GridPane();
    private int row;

    /** The header and an empty grid: the fields come from {@link #rowGroups()}, one group per pulse (0165). */
    ConnectionFormPane(ConnectionsViewModel vm) {
        super(16);
        this.vm = vm;
        this.form = vm.form();
        grid.getStyleClass().add("connection-form");
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        getChildren().addAll(header(), grid);
    }

    /**
     * The form's rows in groups, to be run in this order, each adding its rows to the grid: the view runs one
     * per pulse after the first frame, so no pulse pays for all the fields' skins and first CSS pass at once.
     */
    List<Runnable> rowGroups() {
        return List.of(this::nameRow, this::kindRows, this::versionRows, this::tokenRow, this::publicRows, this::notesRow);
    }

    private Node header() {
        Label title = new Label();
        title.setId("formTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setMinWidth(0);
        title.textProperty().bind(Bindings.createStringBinding(() -> form.isNewProperty().get()
                ? "New " + lowerFirst(form.kindProperty().get().label())
                : form.nameProperty().get().isBlank() ? "(no name)" : form.nameProperty().get(),
                form.isNewProperty(), form.nameProperty(), form.kindProperty()));
        Label current = badge("current", "badge-current");
        current.setId("currentBadge");
        current.setMinWidth(Region.USE_PREF_SIZE);
        current.visibleProperty().bind(vm.selectedIsCurrentProperty());
        current.managedProperty().bind(current.visibleProperty());
        LazyTooltip.install(current, "Requests anywhere in the console go through this connection");
        Button use = new Button("Use this connection", Icons.of(Feather.CHECK_CIRCLE));
        use.setId("useConnectionButton");
        use.getStyleClass().add(Styles.SMALL);
        use.setMinWidth(Region.USE_PREF_SIZE);
        LazyTooltip.install(use, "Make it the connection every section talks through (or double-click it in the list)");
        use.setOnAction(e -> vm.useSelected());
        use.visibleProperty().bind(vm.selectedProperty().isNotNull().and(vm.selectedIsCurrentProperty().not()));
        use.managedProperty().bind(use.visibleProperty());
        Label temporary = badge("from NOTION_TOKEN, not saved", "badge-temporary");
        temporary.setMinWidth(Region.USE_PREF_SIZE);
        temporary.visibleProperty().bind(form.temporaryProperty());
        temporary.managedProperty().bind(temporary.visibleProperty());
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(16, 16);
        loading.visibleProperty().bind(vm.loadingSecretsProperty());
        HBox header = new HBox(10, title, current, temporary, loading, use);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private void nameRow() {
        TextField name = textField("nameField", form.nameProperty(), "e.g. Acme production");
        row = addRow(grid, row, "Name", name, Field.NAME, null);
    }

    private void kindRows() {
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
    }

    private void versionRows() {
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
    }

    private void tokenRow() {
        Node token = secretField("token", form.tokenProperty(), form.tokenRevealedProperty(), "Paste the token", true);
        int tokenRow = row;
        row = addRow(grid, row, "Token", token, Field.TOKEN, null);
        bindVisible(grid, tokenRow, row, form.publicKindProperty().not());
    }

    private void publicRows() {
        int publicStart = row;
        TextField clientId = textField("clientIdField", form.clientIdProperty(), "OAuth client ID");
        row = addRow(grid, row, "Client ID", clientId, Field.CLIENT_ID, null);
        Node clientSecret = secretField("clientSecret", form.clientSecretProperty(), form.clientSecretRevealedProperty(),
                "OAuth client secret", false);
        row = addRow(grid, row, "Client secret", clientSecret, Field.CLIENT_SECRET, null);
        TextField redirect = textField("redirectUriField", form.redirectUriProperty(), "http://localhost:53682/callback");
        row = addRow(grid, row, "Redirect URI", redirect, Field.REDIRECT_URI, "Exactly as registered with Notion");
        ComboBox<InstallationScope> scope = new ComboBox<>();
        scope.setId("installationScopeChoice");
        scope.getItems().setAll(InstallationScope.values());
        scope.setConverter(converter(InstallationScope::label));
        scope.setPromptText("Not recorded");
        scope.valueProperty().bindBidirectional(form.installationScopeProperty());
        scope.setMaxWidth(Double.MAX_VALUE);
        row = addRow(grid, row, "Installation scope", scope, null, "Which workspaces may install it: chosen when the connection "
                + "was created in Notion and fixed since. The API does not report it, so say which. With selected workspaces "
                + "only, people of other workspaces are refused when they authorize.");
        bindVisible(grid, publicStart, row, form.publicKindProperty());
    }

    private void notesRow() {
        TextArea notes = new TextArea();
        notes.setId("notesArea");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(form.notesProperty());
        row = addRow(grid, row, "Notes", notes, null, null);
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
            validateOnFocusLoss(t);
        }
        ToggleButton reveal = new ToggleButton(null, Icons.of(Feather.EYE));
        reveal.setId(id.equals("token") ? "revealTokenToggle" : "revealClientSecretToggle");
        reveal.getStyleClass().add(Styles.BUTTON_ICON);
        reveal.selectedProperty().bindBidirectional(revealed);
        LazyTooltip.install(reveal, "Show or hide");
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
            h.setMinHeight(Label.USE_PREF_SIZE);
            cell.getChildren().add(h);
        }
        if (messageField != null) {
            Label m = new Label();
            m.setId(camel(messageField) + "Message");
            m.setWrapText(true);
            m.setMinHeight(Label.USE_PREF_SIZE);
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
        validateOnFocusLoss(f);
        return f;
    }

    private void validateOnFocusLoss(javafx.scene.control.Control c) {
        c.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.validateForm();
            }
        });
    }
}
