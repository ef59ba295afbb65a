package dev.notionconsole.diagnostics;

/**
 * The object a fix acts on.
 *
 * @param id    canonical dashed ID
 * @param kind  {@code page}, {@code database}, {@code data_source}, {@code view}, {@code block} or {@code unknown}
 * @param title its title when some connection could read it, else null
 * @param url   its notion.so link when an answer carried one, else null
 */
public record DiagnosedObject(String id, String kind, String title, String url) {
    /** "page "Sales" (id)" or "page id". */
    public String describe() {
        return kind.replace('_', ' ') + (title != null && !title.isBlank() ? " \"" + title + "\"" : "") + " (" + id + ")";
    }

    /** The title in quotes, else the ID: for use inside a fix step. */
    public String name() {
        return title != null && !title.isBlank() ? "\"" + title + "\"" : id;
    }
}
