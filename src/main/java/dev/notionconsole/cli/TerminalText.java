package dev.notionconsole.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The one sanitising routine for what the command line prints (issue 12, item 11). Text from a server or an
 * OAuth callback can carry terminal controls: ESC sequences clear the screen or set the window title, BEL rings,
 * a lone CR overwrites the line. {@link #safe} wraps the command line's standard output and error so that none
 * of them reaches the terminal, whatever prints; {@link #line} also turns CR, LF and tabs into spaces, for a
 * server's message printed as one line, so it cannot forge lines of its own.
 *
 * <p>Kept: printable text, tab, LF, and CR directly before LF (Windows line ends). Removed: the other C0
 * controls, DEL, the C1 controls (0x80-0x9F, 0x9B being a one-character CSI) and the Unicode bidirectional
 * overrides, which can make printed text read differently from what it is.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** A writer that removes terminal controls from everything printed through it. Idempotent. */
    public static PrintWriter safe(PrintWriter out) {
        return out instanceof SafeWriter ? out : new SafeWriter(out);
    }

    /** {@code text} as one printable line: controls removed, line breaks and tabs made spaces. */
    public static String line(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(' ');
            } else if (!isControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Rewrites the current terminal line with {@code text} (a progress line; null or "" clears it): the one control
     * sequence the console prints itself, written past the filter. The text is still made one harmless line.
     */
    public static void rewriteLine(PrintWriter out, String text) {
        String sequence = "\r" + (text == null ? "" : message(text)) + "\033[K";
        if (out instanceof SafeWriter safe) {
            safe.flush();
            safe.raw.print(sequence);
            safe.raw.flush();
        } else {
            out.print(sequence);
            out.flush();
        }
    }

    /** A message from a server or a callback, as printed: redacted, and one printable line. */
    public static String message(String text) {
        return line(dev.notionconsole.core.Redactor.redact(text));
    }

    static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f || c >= 0x80 && c <= 0x9f
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }

    /** The writer {@link #safe} returns. */
    static final class SafeWriter extends PrintWriter {
        private final PrintWriter raw;

        SafeWriter(PrintWriter out) {
            super(new Filter(out), true);
            this.raw = out;
        }
    }

    private static final class Filter extends FilterWriter {
        private boolean pendingCr;

        Filter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            write(new char[] {(char) c}, 0, 1);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            write(s.toCharArray(), off, len);
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            StringBuilder sb = new StringBuilder(len + 1);
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                if (pendingCr) {
                    pendingCr = false;
                    if (c == '\n') {
                        sb.append('\r'); // CR LF: a line end
                    }
                }
                if (c == '\r') {
                    pendingCr = true; // kept only if LF follows
                } else if (!isControl(c)) {
                    sb.append(c);
                }
            }
            out.write(sb.toString());
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
