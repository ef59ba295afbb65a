package dev.notionconsole.settings;

/**
 * The shell's own settings: theme, window placement and the workspace that was open. Feature settings
 * (connections, history) live in their own files, so one corrupt file never costs the others.
 *
 * @param window null until the window has been closed once
 * @param workspace id of the workspace shown last, or null
 */
public record AppSettings(Theme theme, WindowBounds window, String workspace) {
    public static AppSettings defaults() {
        return new AppSettings(Theme.LIGHT, null, null);
    }

    /** Fills what an older or hand-edited file left out. */
    AppSettings normalized() {
        return new AppSettings(theme == null ? Theme.LIGHT : theme,
                window != null && window.isUsable() ? window : null, workspace);
    }

    public AppSettings withTheme(Theme t) {
        return new AppSettings(t, window, workspace);
    }

    public AppSettings withWindow(WindowBounds w) {
        return new AppSettings(theme, w, workspace);
    }

    public AppSettings withWorkspace(String id) {
        return new AppSettings(theme, window, id);
    }
}
