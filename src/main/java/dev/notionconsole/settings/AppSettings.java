package dev.notionconsole.settings;

/**
 * The shell's own settings: theme, window placement and the workspace that was open. Feature settings
 * (connections, history) live in their own files, so one corrupt file never costs the others.
 *
 * @param window null until the window has been closed once
 * @param workspace id of the workspace shown last, or null
 * @param compactNavigation the navigation shows icons only, leaving the workspace more room
 */
public record AppSettings(Theme theme, WindowBounds window, String workspace, boolean compactNavigation) {
    public static AppSettings defaults() {
        return new AppSettings(Theme.LIGHT, null, null, false);
    }

    /** Fills what an older or hand-edited file left out. */
    AppSettings normalized() {
        return new AppSettings(theme == null ? Theme.LIGHT : theme,
                window != null && window.isUsable() ? window : null, workspace, compactNavigation);
    }

    public AppSettings withTheme(Theme t) {
        return new AppSettings(t, window, workspace, compactNavigation);
    }

    public AppSettings withWindow(WindowBounds w) {
        return new AppSettings(theme, w, workspace, compactNavigation);
    }

    public AppSettings withWorkspace(String id) {
        return new AppSettings(theme, window, id, compactNavigation);
    }

    public AppSettings withCompactNavigation(boolean compact) {
        return new AppSettings(theme, window, workspace, compact);
    }
}
