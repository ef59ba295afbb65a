package dev.notionconsole.ui.common;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything a ViewModel may ask of the user or the desktop: messages, confirmations, file choosers, the
 * clipboard and notifications. No JavaFX node types appear here, so ViewModels stay testable without a
 * toolkit (tests use a recording implementation). Call from the JavaFX thread, i.e. from a ViewModel method
 * or a task callback. Every text shown goes through {@link dev.notionconsole.core.Redactor}.
 */
public interface DialogService {
    /** Kinds of non-blocking notifications. */
    enum NotificationKind { INFO, SUCCESS, WARNING, ERROR }

    /** A modal error message. */
    void showError(String title, String message);

    /**
     * A modal error with the cause's details (stack trace, app and Java version, redacted) behind "Details"
     * and a "Copy details" button.
     */
    void showError(String title, String message, Throwable cause);

    void showWarning(String title, String message);

    void showInformation(String title, String message);

    /**
     * Asks a yes/no question; blocks (in a nested event loop) until answered.
     *
     * @param confirmLabel the label of the confirming button, a verb such as "Delete"
     * @return true if the user confirmed
     */
    boolean confirm(String title, String message, String confirmLabel);

    Optional<Path> chooseFileToOpen(String title, List<FileType> types);

    Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types);

    Optional<Path> chooseDirectory(String title);

    void copyToClipboard(String text);

    /**
     * Copies text (a token, say) and clears the clipboard after {@code clearAfter}, unless something else has
     * been copied in the meantime.
     */
    void copyToClipboard(String text, Duration clearAfter);

    /** A name, and the group it is filed under. */
    record NameInGroup(String name, String group) {
    }

    /**
     * Asks for a longer text, such as a pasted command (multi-line).
     *
     * @return the text, or empty when cancelled or blank
     */
    Optional<String> askText(String title, String header, String initial);

    /**
     * Asks for a name and a group: one of {@code groups} or a new one typed in.
     *
     * @return empty when cancelled or the name is blank
     */
    Optional<NameInGroup> askNameInGroup(String title, String header, String name, List<String> groups, String group);

    /** A short notification in the corner of the main window; every kind hides by itself, warnings and errors later. */
    void notify(NotificationKind kind, String message);
}
