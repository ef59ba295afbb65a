package dev.notionconsole.ui.explorer;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * "Export ▾": CSV…, JSON…, and whether titles are redacted; for a map and for a comparison alike; for a map also
 * "Create bundle…".
 */
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

    /** Adds "Create bundle…" (a support bundle with this map), shown while {@code available} holds. */
    ExportMenu withBundle(Runnable create, ObservableBooleanValue available) {
        MenuItem bundle = new MenuItem("Create bundle…");
        bundle.setId(button.getId() + "Bundle");
        bundle.setOnAction(e -> create.run());
        bundle.visibleProperty().bind(available);
        SeparatorMenuItem line = new SeparatorMenuItem();
        line.visibleProperty().bind(available);
        button.getItems().addAll(line, bundle);
        return this;
    }

    Node node() {
        return button;
    }
}
