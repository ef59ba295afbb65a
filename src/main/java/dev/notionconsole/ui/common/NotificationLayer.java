package dev.notionconsole.ui.common;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import dev.notionconsole.ui.common.DialogService.NotificationKind;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * Toasts in the bottom-right corner of the main window (AtlantaFX {@link Notification}). Informational ones
 * hide after a few seconds; warnings and errors stay until closed, since the user may not be looking.
 */
final class NotificationLayer extends VBox {
    private static final int MAX_VISIBLE = 4;
    private static final Duration AUTO_HIDE = Duration.seconds(6);

    NotificationLayer() {
        setId("notificationLayer");
        getStyleClass().add("notification-layer");
        setAlignment(Pos.BOTTOM_RIGHT);
        setPickOnBounds(false); // clicks between toasts reach the window below
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    }

    void show(NotificationKind kind, String message) {
        Notification n = new Notification(message, Icons.of(switch (kind) {
            case INFO -> Feather.INFO;
            case SUCCESS -> Feather.CHECK_CIRCLE;
            case WARNING -> Feather.ALERT_TRIANGLE;
            case ERROR -> Feather.ALERT_OCTAGON;
        }));
        n.getStyleClass().addAll(Styles.ELEVATED_2, switch (kind) {
            case INFO -> Styles.ACCENT;
            case SUCCESS -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case ERROR -> Styles.DANGER;
        });
        n.getStyleClass().add("app-notification");
        n.setPrefWidth(380);
        n.setMaxWidth(380);
        n.setOnClose(e -> getChildren().remove(n));
        while (getChildren().size() >= MAX_VISIBLE) {
            getChildren().remove(0);
        }
        getChildren().add(n);
        if (kind == NotificationKind.INFO || kind == NotificationKind.SUCCESS) {
            PauseTransition hide = new PauseTransition(AUTO_HIDE);
            hide.setOnFinished(e -> getChildren().remove(n));
            hide.play();
        }
    }
}
