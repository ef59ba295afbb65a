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

    static void run() {
        try {
            Icons.of(Feather.LINK);
            dev.notionconsole.ui.shell.AppIcons.decode();
            ClassLoader loader = Warmup.class.getClassLoader();
            for (String name : CLASSES) {
                Class.forName(name, true, loader);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("Warm-up skipped: {}", e.toString());
        }
    }
}
