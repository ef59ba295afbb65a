package dev.notionconsole.core;

import java.util.Locale;

/** Byte counts for people, in decimal units as Notion's limits are stated (20 MB, 500 KB): "1.2 MB", "20 MB". */
public final class ByteSizes {
    private ByteSizes() {
    }

    public static String human(long n) {
        if (n >= 1_000_000) {
            return decimal(n / 1_000_000.0) + " MB";
        }
        if (n >= 1_000) {
            return decimal(n / 1_000.0) + " KB";
        }
        return n + " B";
    }

    /** One decimal, none when it is zero: "1.5", "20". */
    private static String decimal(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
