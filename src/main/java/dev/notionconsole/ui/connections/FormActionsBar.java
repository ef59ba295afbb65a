package dev.notionconsole.ui.connections;

import static dev.notionconsole.ui.connections.ConnectionsUi.display;

import atlantafx.base.theme.Styles;
import dev.notionconsole.ui.common.Icons;
import dev.notionconsole.ui.common.LazyTooltip;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * Save, Revert and Test connection, pinned below the scrolling form: validation messages that appear or clear
 * when a field loses the focus (on the press of Save) cannot move Save away before the release (issue 16, item 1).
 */
final class FormActionsBar extends HBox {
    FormActionsBar(ConnectionsViewModel vm) {
        super(8);
        getStyleClass().add("form-actions");
        setAlignment(Pos.CENTER_LEFT);
        ConnectionFormViewModel form = vm.form();
        Button save = new Button("Save", Icons.of(Feather.CHECK));
        save.setId("saveConnectionButton");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> vm.save());
        LazyTooltip.install(save, "Save (" + display("Shortcut+S") + ")");
        Button revert = new Button("Revert");
        revert.setId("revertConnectionButton");
        LazyTooltip.install(revert, "Drop the unsaved changes");
        revert.disableProperty().bind(form.dirtyProperty().not().or(vm.busyProperty()));
        revert.setOnAction(e -> vm.revert());
        Button test = new Button("Test connection", Icons.of(Feather.ACTIVITY));
        test.setId("testConnectionButton");
        test.disableProperty().bind(vm.test().testingProperty().or(vm.selectedProperty().isNull().and(form.isNewProperty().not())));
        test.setOnAction(e -> vm.test().testConnection());
        LazyTooltip.install(test, "Ask GET /v1/users/me who the token acts as, with the values in the form, saved or not ("
                + display("Shortcut+T") + ")");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("testProgress");
        spinner.setPrefSize(18, 18);
        Label progress = new Label();
        progress.textProperty().bind(vm.test().progressProperty());
        progress.getStyleClass().add(Styles.TEXT_MUTED);
        progress.setMinWidth(0);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelTestButton");
        cancel.getStyleClass().add(Styles.FLAT);
        cancel.setOnAction(e -> vm.test().cancelTest());
        HBox running = new HBox(8, spinner, progress, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.setMinWidth(0);
        running.visibleProperty().bind(vm.test().testingProperty());
        running.managedProperty().bind(running.visibleProperty());
        getChildren().addAll(save, revert, new Separator(Orientation.VERTICAL), test, running);
    }
}
