package dev.notionconsole.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.notionconsole.settings.Theme;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;

/**
 * Applies the colour theme: AtlantaFX Primer Light/Dark as the user-agent stylesheet (so every window and
 * dialog follows) plus the console's own stylesheet, which only uses looked-up colours and therefore needs
 * no dark variant (docs/decisions/0004-theme.md). No colours live in Java.
 */
public final class ThemeManager {
    /** The app stylesheet; feature stylesheets may be added next to their views, scoped by a style class. */
    public static final String APP_STYLESHEET = Objects.requireNonNull(
            ThemeManager.class.getResource("/dev/notionconsole/ui/app.css")).toExternalForm();

    private static Theme current;

    private ThemeManager() {
    }

    /** Switches every window to the theme. Call on the JavaFX thread. */
    public static void apply(Theme theme) {
        if (theme == current) {
            return;
        }
        current = theme;
        // the binary form AtlantaFX ships: loading it is about ten times faster than parsing the 170 KB of CSS
        // (docs/decisions/0097-first-frame-path.md)
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
    }

    /** Adds the app stylesheet to a scene. */
    public static void style(Scene scene) {
        style(scene.getRoot());
    }

    public static void style(Parent root) {
        if (!root.getStylesheets().contains(APP_STYLESHEET)) {
            root.getStylesheets().add(APP_STYLESHEET);
        }
    }

    /** Dialogs have their own scene; give them the app stylesheet too. */
    public static void style(DialogPane pane) {
        style((Parent) pane);
    }
}
