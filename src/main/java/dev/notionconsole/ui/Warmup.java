package dev.notionconsole.ui;

import dev.notionconsole.ui.common.Icons;
import dev.notionconsole.ui.common.StartupThread;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.kordamp.ikonli.feather.Feather;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads, off the JavaFX thread, what building the main window would otherwise load on it: the icon font
 * (Ikonli finds it through ServiceLoader, then reads the TTF), the window icons, and the control and skin classes
 * the shell uses.
 * Nothing is shown; a failure here only costs the head start.
 */
final class Warmup {
    private static final String[] CLASSES = {
        "javafx.scene.control.skin.ComboBoxListViewSkin",
        "javafx.scene.control.skin.ToggleButtonSkin",
        "javafx.scene.control.skin.ToolBarSkin",
        "javafx.scene.control.skin.ProgressBarSkin",
        "javafx.scene.control.skin.LabelSkin",
        "javafx.scene.control.skin.ButtonSkin",
        "javafx.scene.control.skin.SeparatorSkin",
        "javafx.scene.control.skin.ListViewSkin",
        "atlantafx.base.controls.Notification",
        "dev.notionconsole.ui.shell.MainWindowView",
        "dev.notionconsole.ui.shell.HelpOverlay",
    };

    /** Counted down when the stylesheet read-ahead ends; null when none was started (tests build the window directly). */
    private static volatile CountDownLatch stylesheetRead;

    private Warmup() {
    }

    /** Looked up when used: {@link #beforeToolkit} runs before the logging is set up, which is not on its way. */
    private static Logger log() {
        return LoggerFactory.getLogger(Warmup.class);
    }

    /**
     * While the toolkit starts: reads the theme's binary stylesheet once and drops it, on a thread of its own, so
     * that the JavaFX thread's own read in {@code init()} runs code the compiler has already seen (a cold read took
     * ~50 ms, a second one ~8 ms). Needs no toolkit. Light or dark: the same code reads both.
     */
    static void beforeToolkit() {
        CountDownLatch done = new CountDownLatch(1);
        stylesheetRead = done;
        StartupThread.start("warm-up-stylesheet", () -> {
            try {
                java.net.URL bss = Warmup.class.getResource(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheetBSS());
                if (bss != null) {
                    javafx.css.Stylesheet.loadBinary(bss);
                }
            } catch (java.io.IOException | RuntimeException | LinkageError e) {
                log().debug("Stylesheet warm-up skipped: {}", e.toString());
            } finally {
                done.countDown();
            }
        });
    }

    /**
     * Waits (briefly) for {@link #beforeToolkit}'s read to end. Call before the JavaFX thread reads a stylesheet:
     * reading one registers its style classes in a static table of JavaFX's that is not safe for two threads at once.
     * The read starts with the launch and takes ~50 ms, ~500 ms before the theme is applied, so this never waits
     * in practice; a read that hangs is not waited for beyond two seconds. Returns at once when none was started.
     */
    static void awaitStylesheetRead() {
        CountDownLatch read = stylesheetRead;
        if (read == null) {
            return;
        }
        try {
            read.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts the warm-up on a thread of its own and returns at once: {@code init()} must not wait for it, since
     * {@code start()} cannot begin before {@code init()} returns (it did for 200-300 ms, docs/decisions/0193).
     * The toolbar's logo comes first, then the icon font and the shell's classes, then the window's icon (0199).
     */
    static void start() {
        StartupThread.start("warm-up", Warmup::run);
    }

    private static void run() {
        try {
            dev.notionconsole.ui.shell.AppIcons.logo(); // in the toolbar of the first frame
            Icons.of(Feather.LINK);
            ClassLoader loader = Warmup.class.getClassLoader();
            for (String name : CLASSES) {
                Class.forName(name, true, loader);
            }
            // last: the window takes its icon ~1 s after it shows; decoded first, it competed with the window being built
            dev.notionconsole.ui.shell.AppIcons.decode();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            log().debug("Warm-up skipped: {}", e.toString());
        }
    }
}
