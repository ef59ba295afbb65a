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
 * Toasts in the bottom-right corner of the main window (AtlantaFX {@link Notification}). Every toast closes by
 * itself (issue 16, item 4: a warning stayed four minutes over the response body): information and success
 * after {@link #hideAfter} a few seconds, warnings and errors after longer, since the user may be looking away.
 * The pointer over a toast holds it while it is read; the same message again replaces the older toast.
 * Problems that must not be missed are dialogs, not toasts.
 */
final class NotificationLayer extends VBox {
    private static final int MAX_VISIBLE = 4;

    /** How long a toast of this kind stays. */
    static Duration hideAfter(NotificationKind kind) {
        return switch (kind) {
            case INFO, SUCCESS -> Duration.seconds(5);
            case WARNING -> Duration.seconds(15);
            case ERROR -> Duration.seconds(30);
        };
    }

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
        n.setUserData(message);
        getChildren().removeIf(old -> message.equals(old.getUserData()));
        while (getChildren().size() >= MAX_VISIBLE) {
            getChildren().remove(0);
        }
        getChildren().add(n);
        PauseTransition hide = new PauseTransition(hideAfter(kind));
        hide.setOnFinished(e -> getChildren().remove(n));
        n.hoverProperty().addListener((o, was, over) -> {
            if (over) {
                hide.pause();
            } else {
                hide.playFromStart(); // the full time again after being read
            }
        });
        hide.play();
    }
}
