package dev.notionconsole.request.preflight;

/**
 * Something the console knows about a request before it is sent.
 *
 * @param severity ERROR blocks sending (the user may still choose "Send anyway"); WARNING is shown
 * @param code a stable key, for tests and for "do not show again"
 * @param message what will happen and how to fix it, in plain words
 * @param line 1-based line in the body the finding is about, or 0
 * @param column 1-based column, or 0
 */
public record Finding(Severity severity, String code, String message, int line, int column) {
    public enum Severity { ERROR, WARNING }

    public static Finding error(String code, String message) {
        return new Finding(Severity.ERROR, code, message, 0, 0);
    }

    public static Finding warning(String code, String message) {
        return new Finding(Severity.WARNING, code, message, 0, 0);
    }

    public boolean blocking() {
        return severity == Severity.ERROR;
    }
}
