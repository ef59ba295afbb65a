package dev.notionconsole.ui.shell;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.notionconsole.ui.common.Pulses;
import dev.notionconsole.ui.common.StartupThread;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The app's window icon, decoded once, never on the JavaFX thread: the PNGs took 100-300 ms to decode at start-up,
 * first on the JavaFX thread (docs/decisions/0095), then in {@code init()} ahead of {@code start()} (0187). Now
 * {@code ui.Warmup} decodes it beside the start-up, and the window takes it after its first frames (0193, 0197).
 *
 * <p>One size: JavaFX hands the window system a single image, the one closest to 128 px (32 px on Windows), scaled to
 * that size ({@code WindowStage.setIcons}); the other six sizes it was given were decoded for nothing (0197). The
 * desktop entry and the installers take their icons from {@code icons/}, not from here.
 */
public final class AppIcons {
    /** The window's icon; null when the build holds none. */
    private static final CompletableFuture<Image> DECODED = new CompletableFuture<>();
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile Image logo;
    /**
     * Pulses after the window shows before it takes its icon: after the connection rows and the form's parts, ~1 s on.
     * At 5 pulses its ~25 ms of scaling landed in the rows' pulses, the longest after the first frame (0197, 0199).
     */
    static final int ICON_AFTER_PULSES = 60;

    private AppIcons() {
    }

    /** Decodes the toolbar's logo, then the window's icon, on this thread, unless that is done or under way elsewhere. */
    public static void decode() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        logo();
        try {
            DECODED.complete(of(windowIconSize(System.getProperty("os.name", ""))));
        } catch (RuntimeException | Error e) {
            DECODED.completeExceptionally(e);
        }
    }

    /** The decoded window icon (null when the build holds none), whenever it is ready. */
    public static CompletableFuture<Image> decoded() {
        return DECODED;
    }

    /**
     * Gives the window its icon on the JavaFX thread once it is decoded and the window's first frames are built:
     * as a window takes its icon, JavaFX scales it pixel by pixel on the JavaFX thread, ~25 ms of code not yet
     * compiled at start-up that sat on the way to the first frame (docs/decisions/0197). A window manager shows the
     * icon a moment later; the desktop entry's icon is there from the start. When no warm-up has started decoding it
     * (tests), it is decoded then, on a start-up thread of its own.
     */
    static void installOn(Stage stage) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, shown -> Pulses.afterPulses(stage.getScene(), ICON_AFTER_PULSES, () -> {
            if (!STARTED.get()) {
                StartupThread.start("window-icons", AppIcons::decode); // no warm-up has decoded it (tests)
            }
            DECODED.thenAccept(icon -> Platform.runLater(() -> {
                if (icon != null && stage.getIcons().isEmpty()) {
                    stage.getIcons().add(icon);
                }
            }));
        }));
    }

    /**
     * The toolbar's 32 px logo: the one the warm-up decoded while the toolkit started, else decoded here (its decoding
     * on the JavaFX thread, as the window was built, was ~8 ms of the way to the first frame, 0197). Two threads that
     * both get here first both decode it; either image serves.
     */
    public static Image logo() {
        Image decoded = logo;
        if (decoded == null) {
            decoded = of(32);
            logo = decoded;
        }
        return decoded;
    }

    /** The size JavaFX gives the window system on this platform. */
    static int windowIconSize(String osName) {
        return osName.toLowerCase(java.util.Locale.ROOT).contains("win") ? 32 : 128;
    }

    /** One size (a new image), or null when the build holds none. */
    static Image of(int size) {
        var url = AppIcons.class.getResource("/dev/notionconsole/ui/icons/app-" + size + ".png");
        return url == null ? null : new Image(url.toExternalForm());
    }
}
