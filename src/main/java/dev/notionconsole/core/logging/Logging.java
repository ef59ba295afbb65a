package dev.notionconsole.core.logging;

import dev.notionconsole.core.AppDirs;

/** Points the log file at the app's folder; must run before the first logger is created. */
public final class Logging {
    public static final String LOG_DIR_PROPERTY = "notionconsole.logdir";

    private Logging() {
    }

    public static void configure(AppDirs dirs) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, dirs.logs().toString());
        }
    }
}
