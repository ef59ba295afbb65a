package dev.notionconsole.launch;

import java.util.Map;

/**
 * GTK's OpenGL set-up, which a launcher turns off for the GUI's process on machines where JavaFX draws in software
 * ({@link RenderingMemo}, docs/decisions/0196): GTK initialises OpenGL for its visuals whether or not JavaFX uses it,
 * and without a GPU that loads Mesa's software OpenGL. Only a launcher can do it (a process cannot change its own
 * environment): the jar's {@link Relauncher} for its child, the Linux app image's script for its JVM. Programs the
 * console starts in turn (the browser) get the user's own environment back through {@link #restoreFor}.
 */
public final class GtkGl {
    static final String ENV = "GDK_GL";
    /** Set beside {@value #ENV} when a launcher set it, so it is never taken for the user's own choice. */
    static final String SET_BY_LAUNCHER = "NOTION_CONSOLE_SET_GDK_GL";

    private GtkGl() {
    }

    /** For the GUI's process about to start; the user's own {@code GDK_GL} wins. */
    static void turnOff(Map<String, String> env) {
        if (!env.containsKey(ENV)) {
            env.put(ENV, "disable");
            env.put(SET_BY_LAUNCHER, "1");
        }
    }

    /** For a program the console starts: its environment as the user had it, without what a launcher added. */
    public static void restoreFor(Map<String, String> env) {
        if (env.remove(SET_BY_LAUNCHER) != null) {
            env.remove(ENV);
        }
    }
}
