package dev.notionconsole.settings;

/** Where the main window was, in screen coordinates; {@code maximized} restores to these bounds. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    public static final double MIN_WIDTH = 720;
    public static final double MIN_HEIGHT = 480;

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isUsable() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(width) && Double.isFinite(height)
                && width > 0 && height > 0;
    }
}
