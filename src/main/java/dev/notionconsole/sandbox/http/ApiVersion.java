package dev.notionconsole.sandbox.http;

import java.util.List;

/** The seven accepted Notion-Version values and the versions that gate behaviour (docs/notion-api.md §1.3, 1.5). */
public final class ApiVersion {
    public static final List<String> ALL = List.of(
            "2021-05-11", "2021-05-13", "2021-08-16", "2022-02-22", "2022-06-28", "2025-09-03", "2026-03-11");
    public static final String LATEST = "2026-03-11";
    /** The database/data-source split: data-source routes exist from here on. */
    public static final String DATA_SOURCES = "2025-09-03";
    /**
     * The Views API: "requires API version 2025-09-03 or later" (Notion's guide "Working with views"; docs/notion-api.md
     * 2.5 dates the endpoints to March 2026 but names no version). Decision 0067.
     */
    public static final String VIEWS = DATA_SOURCES;
    /** `archived` removed (only `in_trash`), append `position` replaces `after`, `transcription` renamed `meeting_notes`. */
    public static final String NO_ARCHIVED = "2026-03-11";

    private ApiVersion() {
    }

    public static boolean isKnown(String v) {
        return v != null && ALL.contains(v);
    }

    /** Version strings are ISO dates, so they order as strings. */
    public static boolean atLeast(String v, String min) {
        return v.compareTo(min) >= 0;
    }
}
