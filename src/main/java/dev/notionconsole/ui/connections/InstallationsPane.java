package dev.notionconsole.ui.connections;

import atlantafx.base.theme.Styles;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.Installation;
import dev.notionconsole.ui.common.Icons;
import dev.notionconsole.ui.common.LazyTooltip;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** A public connection's installations (one per authorizing workspace user): which one requests use, remove, authorize. */
final class InstallationsPane extends VBox {
    InstallationsPane(ConnectionsViewModel vm) {
        super(6);
        Label heading = new Label("Installations");
        heading.getStyleClass().add(Styles.TITLE_4);
        ListView<Installation> installs = new ListView<>(vm.installations().installations());
        installs.setId("installationsList");
        installs.setPrefHeight(120);
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
                LazyTooltip.install(text, active ? "Requests of this connection act as this installation"
                        : "Not used for requests; Use switches to it");
                text.setMinWidth(0);
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                Button use = new Button("Use");
                use.getStyleClass().add(Styles.SMALL);
                LazyTooltip.install(use, "Send this connection's requests as this installation");
                use.setOnAction(e -> vm.installations().useInstallation(i));
                use.setVisible(!active);
                Button remove = new Button(null, Icons.of(Feather.TRASH_2));
                remove.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_ICON, Styles.FLAT, Styles.DANGER);
                LazyTooltip.install(remove, "Remove the installation and forget its tokens");
                remove.setAccessibleText("Remove the installation");
                remove.setOnAction(e -> vm.installations().removeInstallation(i));
                HBox row = new HBox(8, text, spacer, use, remove);
                row.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setPrefWidth(0); // fit the list's width: long lines end in an ellipsis, the buttons stay in view
                if (i.templateLine() == null) {
                    setGraphic(row);
                    return;
                }
                // made by duplicating the connection's template: it sees that copy only
                String title = i.duplicatedTemplateTitle() == null ? "" : " \"" + i.duplicatedTemplateTitle() + "\"";
                Label template = new Label("Made by duplicating the template" + title + ": it sees that copy only",
                        Icons.of(Feather.COPY));
                template.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                LazyTooltip.install(template, i.templateLine());
                template.setMinWidth(0);
                Button open = new Button("Open in Explorer", Icons.of(Feather.MAP));
                open.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
                LazyTooltip.install(open, "Show the copy in the Explorer's map of this connection");
                open.setOnAction(e -> vm.installations().openTemplateCopy(i));
                open.setVisible(vm.installations().canOpenInExplorer());
                open.managedProperty().bind(open.visibleProperty());
                HBox second = new HBox(8, template, open);
                second.setAlignment(Pos.CENTER_LEFT);
                second.setPadding(new javafx.geometry.Insets(0, 0, 0, 22));
                setGraphic(new VBox(2, row, second));
            }
        });
        Button authorize = new Button("Authorize in a workspace…", Icons.of(Feather.LOG_IN));
        authorize.setId("authorizeButton");
        authorize.setOnAction(e -> vm.installations().authorize());
        authorize.visibleProperty().bind(vm.installations().authorizeAvailableProperty());
        authorize.managedProperty().bind(authorize.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, heading, spacer, authorize);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, installs);
        visibleProperty().bind(vm.form().publicKindProperty().and(vm.form().isNewProperty().not()));
        managedProperty().bind(visibleProperty());
    }
}
