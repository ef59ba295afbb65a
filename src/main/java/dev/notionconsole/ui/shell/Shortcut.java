package dev.notionconsole.ui.shell;

/**
 * A keyboard shortcut as the help overlay lists it.
 *
 * @param keys a JavaFX key-combination string such as {@code "Shortcut+Enter"} ("Shortcut" is Ctrl, or Cmd
 *     on macOS); the overlay shows it in the platform's notation
 * @param description what it does, e.g. "Send the request"
 */
public record Shortcut(String keys, String description) {
}
