package dev.notionconsole.ui.common;

/**
 * A daemon thread for start-up work that runs beside the toolkit's own start, before the app's task runner exists
 * (the services, the warm-ups, the window icons: docs/decisions/0161, 0193). Everything later goes through the
 * {@code TaskRunner}.
 */
public final class StartupThread {
    private StartupThread() {
    }

    /** Starts {@code work} on a daemon thread named {@code name}. */
    public static void start(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }
}
