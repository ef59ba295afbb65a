package dev.notionconsole.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Name and version, filtered into {@code version.properties} by the build. */
public final class AppInfo {
    public static final String NAME = "Notion Console";
    private static final String VERSION = load();

    private AppInfo() {
    }

    public static String version() {
        return VERSION;
    }

    /** The User-Agent the HTTP client sends. */
    public static String userAgent() {
        return "notion-console/" + VERSION + " (Java " + System.getProperty("java.version") + ")";
    }

    private static String load() {
        try (InputStream in = AppInfo.class.getResourceAsStream("/dev/notionconsole/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
