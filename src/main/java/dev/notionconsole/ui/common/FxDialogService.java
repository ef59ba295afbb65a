package dev.notionconsole.ui.common;

import dev.notionconsole.core.Redactor;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX implementation of {@link DialogService}; dialogs are owned by the main window once attached. */
public final class FxDialogService implements DialogService {
    private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);

    private Window owner;
    private NotificationLayer notifications;
    private File lastDirectory;

    /** Sets the window dialogs belong to. Call on the JavaFX thread once the main window exists. */
    public void attach(Window window) {
        this.owner = window;
    }

    /** The node that shows notifications; the main window stacks it over its content. */
    public Node notificationLayer() {
        if (notifications == null) {
            notifications = new NotificationLayer();
        }
        return notifications;
    }

    @Override
    public void showError(String title, String message) {
        showError(title, message, null);
    }

    @Override
    public void showError(String title, String message, Throwable cause) {
        // show(), not showAndWait(): errors may arrive during layout or an animation, where nesting is illegal
        new ErrorDialog(owner, title, message, cause).show();
    }

    @Override
    public void showWarning(String title, String message) {
        alert(Alert.AlertType.WARNING, title, message).show();
    }

    @Override
    public void showInformation(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).show();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(yes, ButtonType.CANCEL);
        alert.getDialogPane().lookupButton(yes).setId("confirmButton");
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(Redactor.redact(title));
        alert.setContentText(Redactor.redact(message));
        ThemeManager.style(alert.getDialogPane());
        return alert;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        File f = fileChooser(title, types).showOpenDialog(owner);
        return remember(f);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
        FileChooser chooser = fileChooser(title, types);
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseDirectory(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        File dir = chooser.showDialog(owner);
        if (dir != null) {
            lastDirectory = dir;
        }
        return Optional.ofNullable(dir).map(File::toPath);
    }

    private FileChooser fileChooser(String title, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileType t : types) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(t.description(), t.patterns()));
        }
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return chooser;
    }

    private Optional<Path> remember(File f) {
        if (f != null) {
            lastDirectory = f.getParentFile();
        }
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @Override
    public void copyToClipboard(String text, Duration clearAfter) {
        copyToClipboard(text);
        PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(clearAfter.toMillis()));
        wait.setOnFinished(e -> {
            Clipboard cb = Clipboard.getSystemClipboard();
            if (text.equals(cb.getString())) { // never wipe what the user copied since
                cb.clear();
            }
        });
        wait.play();
    }

    @Override
    public void notify(NotificationKind kind, String message) {
        String text = Redactor.redact(message);
        LOG.info("Notification ({}): {}", kind, text);
        ((NotificationLayer) notificationLayer()).show(kind, text);
    }

    @Override
    public Optional<String> askText(String title, String header, String initial) {
        javafx.scene.control.Dialog<String> d = new javafx.scene.control.Dialog<>();
        d.setTitle(title);
        d.setHeaderText(header);
        javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(initial == null ? "" : initial);
        area.setId("askTextArea");
        area.setPrefRowCount(10);
        area.setPrefColumnCount(70);
        d.getDialogPane().setContent(area);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? area.getText() : null);
        if (owner != null) {
            d.initOwner(owner);
        }
        javafx.application.Platform.runLater(area::requestFocus);
        return d.showAndWait().filter(t -> !t.isBlank());
    }

    @Override
    public Optional<NameInGroup> askNameInGroup(String title, String header, String name, List<String> groups, String group) {
        javafx.scene.control.Dialog<NameInGroup> d = new javafx.scene.control.Dialog<>();
        d.setTitle(title);
        d.setHeaderText(header);
        javafx.scene.control.TextField nameField = new javafx.scene.control.TextField(name);
        nameField.setId("askNameField");
        nameField.setPrefColumnCount(32);
        javafx.scene.control.ComboBox<String> groupBox = new javafx.scene.control.ComboBox<>();
        groupBox.setId("askGroupBox");
        groupBox.setEditable(true);
        groupBox.getItems().setAll(groups);
        groupBox.setValue(group);
        groupBox.setMaxWidth(Double.MAX_VALUE);
        groupBox.setPromptText("Choose a group or type a new one");
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new javafx.scene.control.Label("Name"), nameField);
        grid.addRow(1, new javafx.scene.control.Label("Group"), groupBox);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(nameField.textProperty().isEmpty());
        d.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            String g = groupBox.getEditor().getText();
            return new NameInGroup(nameField.getText().strip(), g == null || g.isBlank() ? null : g.strip());
        });
        if (owner != null) {
            d.initOwner(owner);
        }
        javafx.application.Platform.runLater(nameField::requestFocus);
        return d.showAndWait().filter(n -> !n.name().isBlank());
    }
}
