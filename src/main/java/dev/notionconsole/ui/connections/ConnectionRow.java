package dev.notionconsole.ui.connections;

import static dev.notionconsole.ui.connections.ConnectionsUi.badge;
import static dev.notionconsole.ui.connections.ConnectionsUi.kindIcon;
import static dev.notionconsole.ui.connections.ConnectionsUi.shortKind;
import static dev.notionconsole.ui.connections.ConnectionsUi.statusIkon;
import static dev.notionconsole.ui.connections.ConnectionsUi.statusStyle;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.ui.common.Icons;
import dev.notionconsole.ui.common.LazyTooltip;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One row of the connection list: kind icon, name, kind and workspace, the "current", "sandbox" and "not saved"
 * marks, and the last check's status. Built once per list cell and re-filled by {@link #show}: the list asks its
 * cells to update many times while it lays out, and a cell that built new labels and tooltips each time styled them
 * all from scratch, on the way to the first frame (docs/decisions/0193; the Explorer's rows do the same, 0180).
 */
final class ConnectionRow extends HBox {
    private final FontIcon kind = Icons.of(kindIcon(ConnectionKind.INTERNAL));
    private final Label name = new Label();
    private final Label sub = new Label();
    private final Label current = badge("current", "badge-current");
    private final Label sandbox = badge("sandbox", "badge-sandbox");
    private final Label temporary = badge("not saved", "badge-temporary");
    private final FontIcon statusIcon = Icons.of(statusIkon(null));
    private final Label status = new Label(null, statusIcon);
    private final StringProperty statusTip = new SimpleStringProperty();

    ConnectionRow() {
        super(10);
        kind.getStyleClass().add("kind-icon");
        name.getStyleClass().add("connection-name");
        sub.getStyleClass().add("connection-sub");
        sub.setMinWidth(0);
        HBox line2 = new HBox(6, sub, current, sandbox, temporary);
        for (Label badge : new Label[] {current, sandbox, temporary}) {
            badge.setMinWidth(Region.USE_PREF_SIZE);
            badge.managedProperty().bind(badge.visibleProperty());
        }
        VBox text = new VBox(2, name, line2);
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        status.setMinWidth(Region.USE_PREF_SIZE);
        LazyTooltip.install(status, statusTip);
        getChildren().addAll(kind, text, status);
        setAlignment(Pos.CENTER_LEFT);
    }

    /** Shows the connection; {@code isCurrent}: it is the one every section talks through. */
    void show(Connection c, boolean isCurrent) {
        kind.setIconCode(kindIcon(c.kind()));
        name.setText(c.name());
        sub.setText(c.temporary() && c.lastCheck() == null ? "Kind found by Test connection"
                : shortKind(c.kind()) + (c.workspaceLabel().isBlank() ? "" : " · " + c.workspaceLabel()));
        current.setVisible(isCurrent);
        sandbox.setVisible(c.isSandbox());
        temporary.setVisible(c.temporary());
        statusIcon.setIconCode(statusIkon(c.lastCheck()));
        String style = statusStyle(c.lastCheck());
        if (!statusIcon.getStyleClass().contains(style)) {
            statusIcon.getStyleClass().removeAll(ConnectionsUi.STATUS_STYLES);
            statusIcon.getStyleClass().add(style);
        }
        statusTip.set(c.lastCheck() == null ? "Not tested yet" : ConnectionTestViewModel.describe(c.lastCheck()));
    }
}
