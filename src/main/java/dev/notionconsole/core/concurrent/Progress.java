package dev.notionconsole.core.concurrent;

/** A progress report: {@code fraction} in 0..1, or negative when unknown. */
public record Progress(double fraction, String message) {
    public boolean indeterminate() {
        return fraction < 0;
    }
}
