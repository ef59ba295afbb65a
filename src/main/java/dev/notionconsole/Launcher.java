package dev.notionconsole;

import dev.notionconsole.cli.NotionConsoleCli;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.logging.Logging;

/**
 * Entry point of the jar. A plain class (not a JavaFX Application) so the shaded jar starts with JavaFX on
 * the class path. No arguments: the GUI. Any argument: the command line, which never starts the toolkit.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Logging.configure(AppDirs.fromEnvironment());
        if (args.length == 0) {
            dev.notionconsole.ui.App.launchGui(args);
        } else {
            System.exit(NotionConsoleCli.run(args));
        }
    }
}
