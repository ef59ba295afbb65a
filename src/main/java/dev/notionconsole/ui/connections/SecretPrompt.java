package dev.notionconsole.ui.connections;

import java.util.Optional;

/**
 * Asks the user for one secret (a masked field), for importing connections. An interface so the ViewModel
 * stays free of JavaFX nodes; the view supplies {@link SecretPromptDialog}, tests a scripted answer.
 * Called on the JavaFX thread; blocks in a nested event loop until answered.
 */
@FunctionalInterface
public interface SecretPrompt {
    /** @return the secret, or empty when the user skipped it */
    Optional<String> ask(String title, String message, String fieldLabel);
}
