package dev.notionconsole.ui.shell;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;

/**
 * A section's own shortcuts (Ctrl+K, Ctrl+Enter, Ctrl+S…), active wherever the focus is while the section is
 * shown, including the toolbar and the navigation (issue 16, item 5). The handler is a filter on the window's
 * scene while the view is in it; the shell takes a hidden section out of the scene, which removes it.
 */
public final class SectionKeys {
    private SectionKeys() {
    }

    public static void whileShown(Node view, EventHandler<KeyEvent> handler) {
        view.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, handler);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, handler);
            }
        });
        Scene scene = view.getScene();
        if (scene != null) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, handler);
        }
    }
}
