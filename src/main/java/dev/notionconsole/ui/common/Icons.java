package dev.notionconsole.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Font icons (Ikonli Feather for the chrome, Material 2 where Feather lacks a glyph). Size and colour come
 * from CSS ({@code .font-icon} / {@code .app-icon}), so icons follow the theme.
 */
public final class Icons {
    private Icons() {
    }

    public static FontIcon of(Ikon ikon) {
        FontIcon icon = FontIcon.of(ikon);
        icon.getStyleClass().add("app-icon");
        return icon;
    }
}
