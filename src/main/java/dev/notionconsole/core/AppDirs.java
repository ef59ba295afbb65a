package dev.notionconsole.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the console keeps its files: the platform's config folder (XDG on Linux, AppData on Windows,
 * Application Support on macOS), or {@code NOTION_CONSOLE_HOME} when set (tests and portable installs).
 */
public final class AppDirs {
    public static final String HOME_ENV = "NOTION_CONSOLE_HOME";
    private static final String APP = "notion-console";

    private final Path home;

    public AppDirs(Path home) {
        this.home = home;
    }

    /** Resolves the folder from the real environment. */
    public static AppDirs fromEnvironment() {
        return from(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static AppDirs from(Map<String, String> env, String osName, Path userHome) {
        String override = env.get(HOME_ENV);
        if (override != null && !override.isBlank()) {
            return new AppDirs(Path.of(override));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return new AppDirs(appData != null ? Path.of(appData, "Notion Console")
                    : userHome.resolve("AppData").resolve("Roaming").resolve("Notion Console"));
        }
        if (os.contains("mac")) {
            return new AppDirs(userHome.resolve("Library").resolve("Application Support").resolve("Notion Console"));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return new AppDirs((xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".config")).resolve(APP));
    }

    /** Settings, connections (without secrets), history. */
    public Path config() {
        return home;
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path resolve(String name) {
        return home.resolve(name);
    }
}
