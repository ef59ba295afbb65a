package dev.notionconsole.notion;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One field of a {@code multipart/form-data} body (RFC 7578), which Notion takes only on
 * {@code POST /v1/file_uploads/{id}/send}: a {@code file} part and, for multi-part uploads, a text
 * {@code part_number} (docs/notion-api.md §1.3 and 2.9).
 */
public sealed interface FormPart {
    String name();

    /** A plain text field, e.g. {@code part_number=2}. */
    record Text(String name, String value) implements FormPart {
        public Text {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A file read from disk when the request is sent (and again on a retry), never held in memory whole.
     *
     * @param filename the name Notion records for the upload; the file's own name by default
     * @param contentType the part's media type; guessed from the file name when null
     */
    record File(String name, Path path, String filename, String contentType) implements FormPart {
        public File {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
            filename = filename == null || filename.isBlank() ? String.valueOf(path.getFileName()) : filename;
            contentType = contentType == null || contentType.isBlank() ? MediaTypes.guess(filename) : contentType;
        }
    }
}
