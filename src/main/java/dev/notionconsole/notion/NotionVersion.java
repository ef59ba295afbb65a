package dev.notionconsole.notion;

import java.util.List;

/**
 * The {@code Notion-Version} values the API accepts (docs/notion-api.md §1.3). Versions are ISO dates, so they
 * order as strings. No version has ever been withdrawn; unknown values are still sent as typed (the API
 * answers 400), because a developer console must be able to show that answer.
 */
public final class NotionVersion {
    /** The seven accepted versions, oldest first. */
    public static final List<String> ALL = List.of(
            "2021-05-11", "2021-05-13", "2021-08-16", "2022-02-22", "2022-06-28", "2025-09-03", "2026-03-11");
    public static final String LATEST = "2026-03-11";
    /** The version the official SDKs still default to (docs/notion-api.md §0). */
    public static final String SDK_DEFAULT = "2025-09-03";
    /** First version with the database / data-source split (docs/notion-api.md §2.4). */
    public static final String DATA_SOURCES = "2025-09-03";

    private NotionVersion() {
    }

    public static boolean isKnown(String version) {
        return version != null && ALL.contains(version.strip());
    }

    /**
     * Whether {@code version} is {@code min} or newer. Both must look like dates ({@code yyyy-mm-dd});
     * anything else is not "at least" anything.
     */
    public static boolean atLeast(String version, String min) {
        if (!isDate(version) || !isDate(min)) {
            return false;
        }
        return version.strip().compareTo(min.strip()) >= 0;
    }

    private static boolean isDate(String v) {
        return v != null && v.strip().matches("\\d{4}-\\d{2}-\\d{2}");
    }
}
