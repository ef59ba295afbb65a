package dev.notionconsole.ui.connections;

import atlantafx.base.theme.Styles;
import dev.notionconsole.ui.common.Icons;
import dev.notionconsole.ui.common.LazyTooltip;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Where secrets are kept (keychain, a file, this session only) and the file opt-in. The text takes the whole
 * width with the buttons below it, so a narrow window wraps it into a few long lines instead of a tall column
 * that splits words such as DBUS_SESSION_BUS_ADDRESS (issue 16, item 2).
 */
final class StorageBanner extends HBox {
    StorageBanner(ConnectionsViewModel vm) {
        super(10);
        setId("secretStorageBanner");
        getStyleClass().add("storage-banner");
        setAlignment(Pos.TOP_LEFT);
        FontIcon icon = Icons.of(Feather.LOCK);
        Label text = new Label();
        text.setId("secretStorageText");
        text.setWrapText(true);
        text.setMinHeight(Label.USE_PREF_SIZE);
        text.textProperty().bind(vm.storage().textProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        Button useFile = new Button("Keep in a file…");
        useFile.setId("useSecretsFileButton");
        useFile.getStyleClass().add(Styles.SMALL);
        LazyTooltip.install(useFile, "Save secrets in a file only you can read (mode 0600)");
        useFile.setOnAction(e -> vm.storage().useSecretsFile());
        useFile.visibleProperty().bind(vm.storage().fileOptInOfferedProperty());
        useFile.managedProperty().bind(useFile.visibleProperty());
        Button stopFile = new Button("Stop using the file");
        stopFile.setId("stopSecretsFileButton");
        stopFile.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        LazyTooltip.install(stopFile, "Delete the secrets file; secrets are kept for this session only");
        stopFile.setOnAction(e -> vm.storage().stopUsingSecretsFile());
        stopFile.visibleProperty().bind(vm.storage().fileInUseProperty());
        stopFile.managedProperty().bind(stopFile.visibleProperty());
        HBox buttons = new HBox(8, useFile, stopFile);
        buttons.visibleProperty().bind(useFile.visibleProperty().or(stopFile.visibleProperty()));
        buttons.managedProperty().bind(buttons.visibleProperty());
        VBox body = new VBox(6, text, buttons);
        HBox.setHgrow(body, Priority.ALWAYS);
        body.setMinWidth(0);
        getChildren().addAll(icon, body);
        // built after the first frame (0165): the warning may already be set, so style from the current value too
        java.util.function.Consumer<Boolean> style = warn -> {
            getStyleClass().remove("warning");
            if (warn) {
                getStyleClass().add("warning");
            }
            icon.setIconCode(warn ? Feather.ALERT_TRIANGLE : Feather.LOCK);
        };
        vm.storage().warningProperty().addListener((o, was, warn) -> style.accept(warn));
        style.accept(vm.storage().warningProperty().get());
    }
}
