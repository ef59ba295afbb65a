package dev.notionconsole.settings;

/** A screen's visual bounds (without task bars), as plain numbers so placement logic needs no toolkit. */
public record ScreenArea(double x, double y, double width, double height) {
    double maxX() {
        return x + width;
    }

    double maxY() {
        return y + height;
    }

    /** Area of the overlap with the rectangle, 0 when apart. */
    double overlap(double rx, double ry, double rw, double rh) {
        double w = Math.min(maxX(), rx + rw) - Math.max(x, rx);
        double h = Math.min(maxY(), ry + rh) - Math.max(y, ry);
        return w > 0 && h > 0 ? w * h : 0;
    }
}
