package dev.notionconsole.ui.connections;

import atlantafx.base.theme.Styles;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionValidator.Field;
import dev.notionconsole.connections.IdentityCheck;
import dev.notionconsole.ui.common.Icons;
import dev.notionconsole.ui.common.LazyTooltip;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCodeCombination;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small node factories shared by the Connections section's panes: icons, badges, icon buttons. */
final class ConnectionsUi {
    private ConnectionsUi() {
    }

    static Button iconButton(String id, Ikon icon, String tooltip) {
        Button b = new Button(null, Icons.of(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        LazyTooltip.install(b, tooltip);
        b.setAccessibleText(tooltip);
        return b;
    }

    static Label badge(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().addAll("badge", styleClass);
        return l;
    }

    static Ikon kindIcon(ConnectionKind kind) {
        return switch (kind) {
            case INTERNAL -> Feather.KEY;
            case PUBLIC_OAUTH -> Feather.GLOBE;
            case PERSONAL_ACCESS_TOKEN -> Feather.USER;
        };
    }

    /** The kind in a few words, for list rows where the full label would be cut. */
    static String shortKind(ConnectionKind kind) {
        return switch (kind) {
            case INTERNAL -> "Internal";
            case PUBLIC_OAUTH -> "Public (OAuth)";
            case PERSONAL_ACCESS_TOKEN -> "Personal token";
        };
    }

    /** "Public connection (OAuth)" → "public connection (OAuth)": for "New …", keeping acronyms as they are. */
    static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static FontIcon statusIcon(IdentityCheck check) {
        FontIcon i = Icons.of(statusIkon(check));
        i.getStyleClass().add(statusStyle(check));
        return i;
    }

    static Ikon statusIkon(IdentityCheck check) {
        if (check == null) {
            return Feather.CIRCLE;
        }
        return switch (check.outcome()) {
            case OK -> Feather.CHECK_CIRCLE;
            case KIND_MISMATCH -> Feather.ALERT_TRIANGLE;
            case NO_TOKEN -> Feather.LOCK;
            case UNREACHABLE -> Feather.WIFI_OFF;
            case UNAUTHORIZED, API_ERROR -> Feather.X_CIRCLE;
        };
    }

    /** One of {@link #STATUS_STYLES}. */
    static String statusStyle(IdentityCheck check) {
        if (check == null) {
            return "status-untested";
        }
        return switch (check.outcome()) {
            case OK -> "status-ok";
            case KIND_MISMATCH, NO_TOKEN -> "status-warning";
            default -> "status-error";
        };
    }

    static final List<String> STATUS_STYLES = List.of("status-untested", "status-ok", "status-warning", "status-error");

    static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** NOTION_VERSION → notionVersion, for message node ids ({@code #notionVersionMessage}). */
    static String camel(Field f) {
        String[] parts = f.name().toLowerCase().split("_");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return sb.toString();
    }

    static String display(String shortcut) {
        return KeyCodeCombination.valueOf(shortcut).getDisplayText();
    }
}
