package dev.notionconsole.core.logging;

import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.io.AtomicFiles;

/** Points the log file at the app's folder; must run before the first logger is created. */
public final class Logging {
    public static final String LOG_DIR_PROPERTY = "notionconsole.logdir";

    private Logging() {
    }

    public static void configure(AppDirs dirs) {
        try {
            // the config folder is created 0700 before anything (the log, a store) creates it with the umask's mode
            AtomicFiles.createPrivateDirectories(dirs.config());
        } catch (java.io.IOException e) {
            // the stores report their own write problems; nothing to log to yet
        }
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, dirs.logs().toString());
        }
    }
}
