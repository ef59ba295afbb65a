package dev.notionconsole.ui.shell;

import dev.notionconsole.ui.common.Icons;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The keyboard-shortcut overlay (F1, Ctrl+/): a card over a dimmed window; Esc or a click outside closes it. */
final class HelpOverlay extends StackPane {
    HelpOverlay(List<MainWindowViewModel.HelpSection> sections, Runnable close) {
        setId("helpOverlay");
        getStyleClass().add("help-overlay");

        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("title-3");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button closeButton = new Button(null, Icons.of(Feather.X));
        closeButton.setId("helpClose");
        closeButton.getStyleClass().addAll("button-icon", "flat");
        closeButton.setOnAction(e -> close.run());
        HBox header = new HBox(title, spacer, closeButton);
        header.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(header);
        card.getStyleClass().add("help-card");
        card.setMaxWidth(Region.USE_PREF_SIZE);
        // one grid for every section, so the descriptions line up from section to section
        GridPane grid = new GridPane();
        grid.getStyleClass().add("help-grid");
        int row = 0;
        for (MainWindowViewModel.HelpSection section : sections) {
            Label heading = new Label(section.title());
            heading.getStyleClass().add("help-section-title");
            grid.add(heading, 0, row++, 2, 1);
            HBox lastKeys = null;
            String lastDescription = null;
            for (Shortcut s : section.shortcuts()) {
                Label keys = new Label(displayText(s.keys()));
                keys.getStyleClass().add("key-cap");
                if (s.description().equals(lastDescription)) {
                    lastKeys.getChildren().add(keys); // F1 and Ctrl+/ do the same: one row, two key caps
                    continue;
                }
                lastKeys = new HBox(keys);
                lastKeys.getStyleClass().add("key-caps");
                lastDescription = s.description();
                Label what = new Label(s.description());
                what.setWrapText(true);
                grid.addRow(row++, lastKeys, what);
            }
        }
        // taller than a small window (1024x700 with three sections): the list scrolls, the header stays
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
        scroll.setId("helpScroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setFitToHeight(false);
        scroll.setMinViewportHeight(0);
        // the grid's own height, but never more than the window leaves: the header (and its close button) stays
        // on screen and the list scrolls
        scroll.prefViewportHeightProperty().bind(Bindings.createDoubleBinding(() -> grid.prefHeight(-1),
                grid.layoutBoundsProperty()));
        card.maxHeightProperty().bind(Bindings.createDoubleBinding(() -> getHeight() > 0
                        ? Math.min(card.prefHeight(-1), getHeight() - 48) : Region.USE_PREF_SIZE,
                heightProperty(), grid.layoutBoundsProperty()));
        card.getChildren().add(scroll);
        // clicks on the card stay on the card; clicks on the dimmed backdrop close the overlay
        card.setOnMouseClicked(e -> e.consume());
        setOnMouseClicked(e -> close.run());
        getChildren().add(card);
    }

    /** "Shortcut+Shift+L" as the platform writes it (Ctrl+Shift+L, or ⇧⌘L on macOS). */
    static String displayText(String keys) {
        try {
            return KeyCombination.keyCombination(keys).getDisplayText();
        } catch (IllegalArgumentException e) {
            return keys; // plain keys such as "Esc"
        }
    }
}
