package dev.notionconsole.ui;

import dev.notionconsole.ui.common.Icons;
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
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
    private static final String[] CLASSES = {
        "javafx.scene.control.skin.ComboBoxListViewSkin",
        "javafx.scene.control.skin.ToggleButtonSkin",
        "javafx.scene.control.skin.ToolBarSkin",
        "javafx.scene.control.skin.ProgressBarSkin",
        "javafx.scene.control.skin.LabelSkin",
        "javafx.scene.control.skin.ButtonSkin",
        "javafx.scene.control.skin.SeparatorSkin",
        "javafx.scene.control.skin.TooltipSkin",
        "javafx.scene.control.skin.ListViewSkin",
        "atlantafx.base.controls.Notification",
        "dev.notionconsole.ui.shell.MainWindowView",
        "dev.notionconsole.ui.shell.HelpOverlay",
    };

    private Warmup() {
    }

    /**
     * Starts the warm-up on a thread of its own and returns at once: {@code init()} must not wait for it, since
     * {@code start()} cannot begin before {@code init()} returns (it did for 200-300 ms, docs/decisions/0193).
     * The window icons are not decoded here: the first frame does not need them (AppIcons decodes them after it).
     */
    static void start() {
        Thread warmup = new Thread(Warmup::run, "warm-up");
        warmup.setDaemon(true);
        warmup.start();
    }

    private static void run() {
        try {
            dev.notionconsole.ui.shell.AppIcons.decode();
            Icons.of(Feather.LINK);
            ClassLoader loader = Warmup.class.getClassLoader();
            for (String name : CLASSES) {
                Class.forName(name, true, loader);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("Warm-up skipped: {}", e.toString());
        }
    }
}
