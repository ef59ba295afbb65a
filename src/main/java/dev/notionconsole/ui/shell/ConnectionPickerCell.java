package dev.notionconsole.ui.shell;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.ui.common.Icons;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A connection in the toolbar's picker: in its list, the name over the kind and "sandbox"; on its button, an icon and
 * the name. The nodes are built once per cell and re-filled (docs/decisions/0193).
 */
final class ConnectionPickerCell extends ListCell<Connection> {
    private final boolean detailed;
    private Label name;
    private Label detail;
    private VBox box;
    private FontIcon icon;

    /** @param detailed a row of the list (name over kind), else the button (icon and name) */
    ConnectionPickerCell(boolean detailed) {
        this.detailed = detailed;
    }

    @Override
    protected void updateItem(Connection c, boolean empty) {
        super.updateItem(c, empty);
        if (empty || c == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        if (detailed) {
            if (box == null) {
                name = new Label();
                detail = new Label();
                detail.getStyleClass().add("picker-detail");
                box = new VBox(name, detail);
                box.getStyleClass().add("picker-cell");
            }
            name.setText(c.name());
            detail.setText(c.kind().label() + (c.isSandbox() ? " · sandbox" : ""));
            setText(null);
            setGraphic(box);
        } else {
            if (icon == null) {
                icon = Icons.of(Feather.LINK);
            }
            icon.setIconCode(c.isSandbox() ? Feather.BOX : Feather.LINK);
            setText(c.name());
            setGraphic(icon);
        }
    }
}
