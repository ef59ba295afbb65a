package dev.notionconsole;

import dev.notionconsole.cli.NotionConsoleCli;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.logging.Logging;
import dev.notionconsole.launch.Relauncher;
import java.util.List;
import java.util.OptionalInt;

/**
 * Entry point of the jar. A plain class (not a JavaFX Application) so the shaded jar starts with JavaFX on
 * the class path. No arguments: the GUI, in a child JVM that maps the app's class-data archive when the jar
 * runs as a jar (docs/decisions/0096-appcds-relaunch.md), else in this one. Any argument: the command line,
 * which never starts the toolkit.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            // decided before anything else is loaded: this JVM may only wait for the child
            OptionalInt child = Relauncher.relaunchGui(Launcher.class.getName(), List.of());
            if (child.isPresent()) {
                System.exit(child.getAsInt());
            }
            Logging.configure(AppDirs.fromEnvironment());
            dev.notionconsole.ui.App.launchGui(args);
        } else {
            Logging.configure(AppDirs.fromEnvironment());
            System.exit(NotionConsoleCli.run(args));
        }
    }
}
