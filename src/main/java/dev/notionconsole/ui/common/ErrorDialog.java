package dev.notionconsole.ui.common;

import dev.notionconsole.core.Redactor;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The one error dialog: a short message, the redacted details (stack trace, versions) behind "Show details",
 * and "Copy details" that copies them without closing the dialog.
 */
final class ErrorDialog extends Alert {
    static final ButtonType COPY = new ButtonType("Copy details", ButtonBar.ButtonData.HELP);

    ErrorDialog(Window owner, String title, String message, Throwable cause) {
        super(AlertType.ERROR);
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(title);
        setHeaderText(Redactor.redact(title));
        String body = message != null && !message.isBlank() ? message : cause != null ? ErrorReport.summary(cause) : "";
        setContentText(Redactor.redact(body));
        getDialogPane().setId("errorDialog");
        ThemeManager.style(getDialogPane());
        getDialogPane().setMinWidth(480);

        String details = ErrorReport.details(title, body, cause);
        TextArea area = new TextArea(details);
        area.setId("errorDetails");
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("monospace");
        area.setPrefRowCount(14);
        area.setPrefWidth(760);
        VBox.setVgrow(area, Priority.ALWAYS);
        if (cause != null) {
            getDialogPane().setExpandableContent(new VBox(area));
        }

        getButtonTypes().setAll(COPY, ButtonType.CLOSE);
        Button copy = (Button) getDialogPane().lookupButton(COPY);
        copy.setId("copyDetailsButton");
        copy.addEventFilter(ActionEvent.ACTION, e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(details);
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
            e.consume(); // keep the dialog open
        });
    }
}
