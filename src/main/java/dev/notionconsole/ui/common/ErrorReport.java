package dev.notionconsole.ui.common;

import dev.notionconsole.core.AppInfo;
import dev.notionconsole.core.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The text behind an error dialog's "Details" and "Copy details": redacted, so it can be pasted anywhere. */
public final class ErrorReport {
    private ErrorReport() {
    }

    /** One line for the dialog body: the innermost useful message, redacted. */
    public static String summary(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() != null ? root.getMessage() : t.getMessage();
        String name = root.getClass().getSimpleName();
        return Redactor.redact(msg == null || msg.isBlank() ? name : name + ": " + msg);
    }

    /** Stack trace plus what a bug report needs, all redacted. */
    public static String details(String title, String message, Throwable t) {
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        pw.println(title);
        if (message != null && !message.isBlank()) {
            pw.println(message);
        }
        pw.println();
        pw.printf("%s %s · Java %s (%s) · %s %s%n", AppInfo.NAME, AppInfo.version(),
                System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name"), System.getProperty("os.arch"));
        if (t != null) {
            pw.println();
            t.printStackTrace(pw);
        }
        pw.flush();
        return Redactor.redact(sw.toString());
    }
}
