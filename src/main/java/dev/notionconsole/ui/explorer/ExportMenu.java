package dev.notionconsole.ui.explorer;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** "Export ▾": CSV…, JSON…, and whether titles are redacted; for a map and for a comparison alike. */
final class ExportMenu {
    private final MenuButton button = new MenuButton("Export");

    ExportMenu(Consumer<ExportFormat> export, BooleanProperty redactTitles, String id) {
        button.setId(id);
        MenuItem csv = new MenuItem("CSV…");
        csv.setId(id + "Csv");
        csv.setOnAction(e -> export.accept(ExportFormat.CSV));
        MenuItem json = new MenuItem("JSON…");
        json.setId(id + "Json");
        json.setOnAction(e -> export.accept(ExportFormat.JSON));
        CheckMenuItem redact = new CheckMenuItem("Redact titles");
        redact.setId(id + "Redact");
        redact.selectedProperty().bindBidirectional(redactTitles);
        button.getItems().addAll(csv, json, new SeparatorMenuItem(), redact);
    }

    Node node() {
        return button;
    }
}
