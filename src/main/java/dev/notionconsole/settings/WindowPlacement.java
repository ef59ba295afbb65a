package dev.notionconsole.settings;

import java.util.List;

/**
 * Puts a remembered window back where the user can reach it. Screens come and go (a laptop undocked, a
 * projector unplugged), so saved bounds may now lie off every screen or be larger than the one left.
 */
public final class WindowPlacement {
    /** Default size on first start: roomy for three panes, at most 92 % of the screen. */
    static final double DEFAULT_WIDTH = 1440;
    static final double DEFAULT_HEIGHT = 900;
    private static final double DEFAULT_SCREEN_SHARE = 0.92;
    /** How much of the title bar must be on a screen for the window to count as reachable. */
    private static final double TITLE_BAR = 32;
    private static final double MIN_VISIBLE_TITLE = 120;

    private WindowPlacement() {
    }

    /**
     * @param saved the remembered bounds, or null on first start
     * @param screens every screen's visual bounds; the first one is the primary screen
     * @return bounds that fit on a screen with the title bar reachable
     */
    public static WindowBounds place(WindowBounds saved, List<ScreenArea> screens) {
        if (screens.isEmpty()) {
            return saved != null && saved.isUsable() ? saved
                    : new WindowBounds(0, 0, DEFAULT_WIDTH, DEFAULT_HEIGHT, false);
        }
        ScreenArea primary = screens.get(0);
        if (saved == null || !saved.isUsable()) {
            return centred(primary, Math.min(DEFAULT_WIDTH, primary.width() * DEFAULT_SCREEN_SHARE),
                    Math.min(DEFAULT_HEIGHT, primary.height() * DEFAULT_SCREEN_SHARE), false);
        }
        ScreenArea home = screenOf(saved, screens);
        if (home == null) {
            // off every screen: keep the size the user chose, but on the primary screen
            return centred(primary, saved.width(), saved.height(), saved.maximized());
        }
        double w = clamp(saved.width(), Math.min(WindowBounds.MIN_WIDTH, home.width()), home.width());
        double h = clamp(saved.height(), Math.min(WindowBounds.MIN_HEIGHT, home.height()), home.height());
        double x = clamp(saved.x(), home.x(), home.maxX() - w);
        double y = clamp(saved.y(), home.y(), home.maxY() - h);
        return new WindowBounds(x, y, w, h, saved.maximized());
    }

    /** The screen holding the largest part of the title bar, if enough of it is visible to grab. */
    private static ScreenArea screenOf(WindowBounds b, List<ScreenArea> screens) {
        ScreenArea best = null;
        double bestOverlap = 0;
        for (ScreenArea s : screens) {
            double o = s.overlap(b.x(), b.y(), b.width(), TITLE_BAR);
            if (o > bestOverlap) {
                bestOverlap = o;
                best = s;
            }
        }
        double needed = Math.min(MIN_VISIBLE_TITLE, b.width()) * TITLE_BAR;
        return bestOverlap >= needed ? best : null;
    }

    private static WindowBounds centred(ScreenArea s, double width, double height, boolean maximized) {
        double w = Math.min(width, s.width());
        double h = Math.min(height, s.height());
        return new WindowBounds(s.x() + (s.width() - w) / 2, s.y() + (s.height() - h) / 2, w, h, maximized);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
