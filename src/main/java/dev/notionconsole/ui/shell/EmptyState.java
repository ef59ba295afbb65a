package dev.notionconsole.ui.shell;

import dev.notionconsole.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;

/** A section with nothing to show yet: an icon, what the section is for and what will be there. */
public final class EmptyState extends VBox {
    public EmptyState(Ikon icon, String heading, String text) {
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        Label title = new Label(heading);
        title.getStyleClass().addAll("title-3", "empty-state-heading");
        title.setWrapText(true);
        Label body = new Label(text);
        body.getStyleClass().add("empty-state-text");
        body.setWrapText(true);
        body.setMaxWidth(520);
        var glyph = Icons.of(icon); // sized by CSS (.empty-state-icon)
        glyph.getStyleClass().add("empty-state-icon");
        getChildren().addAll(glyph, title, body);
    }
}
