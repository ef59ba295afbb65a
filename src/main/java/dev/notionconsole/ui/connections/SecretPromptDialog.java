package dev.notionconsole.ui.connections;

import dev.notionconsole.ui.common.ThemeManager;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

/** The masked "paste the secret" dialog behind {@link SecretPrompt}. */
final class SecretPromptDialog implements SecretPrompt {
    private final Node owner;

    SecretPromptDialog(Node owner) {
        this.owner = owner;
    }

    @Override
    public Optional<String> ask(String title, String message, String fieldLabel) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        ButtonType ok = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        ButtonType skip = new ButtonType("Skip", ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, skip);
        PasswordField field = new PasswordField();
        field.setId("secretPromptField");
        field.setPromptText(fieldLabel);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(420);
        Label label = new Label(fieldLabel);
        label.setLabelFor(field);
        VBox box = new VBox(10, text, label, field);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(field.textProperty().isEmpty());
        ThemeManager.style(dialog.getDialogPane());
        dialog.setResultConverter(b -> b == ok ? field.getText() : null);
        Platform.runLater(field::requestFocus);
        return dialog.showAndWait();
    }
}
