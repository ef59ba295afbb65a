package dev.notionconsole.request;

import dev.notionconsole.notion.FormPart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Form fields written as curl's {@code -F} takes them, the one spelling the builder, history, saved requests,
 * the command line and cURL import/export share: {@code name=text}, or {@code name=@path} for a file with
 * optional {@code ;type=media/type} and {@code ;filename=shown-name}. A relative path is taken from the
 * working folder, as curl does.
 */
public final class FormFields {
    private FormFields() {
    }

    /** @throws IllegalArgumentException naming the field, for a nameless field or a file field without a path */
    public static List<FormPart> parts(List<NameValue> fields) {
        List<FormPart> parts = new ArrayList<>();
        for (NameValue f : fields) {
            parts.add(part(f));
        }
        return parts;
    }

    public static FormPart part(NameValue field) {
        String name = field.name().strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A form field needs a name (for an upload: file=@/path/to/file).");
        }
        String value = field.value();
        if (!value.startsWith("@")) {
            return new FormPart.Text(name, value);
        }
        String[] pieces = value.substring(1).split(";");
        String path = pieces[0].strip();
        if (path.isEmpty()) {
            throw new IllegalArgumentException("Form field \"" + name + "\" names no file: choose one, or write " + name + "=@/path/to/file.");
        }
        String type = null;
        String filename = null;
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].strip();
            if (p.startsWith("type=")) {
                type = p.substring(5).strip();
            } else if (p.startsWith("filename=")) {
                filename = unquote(p.substring(9).strip());
            } else if (!p.isEmpty()) {
                throw new IllegalArgumentException("Form field \"" + name + "\": \"" + p + "\" is not type=... or filename=...");
            }
        }
        return new FormPart.File(name, Path.of(path).toAbsolutePath(), filename, type);
    }

    /** The field for a chosen file, in the shared spelling. */
    public static NameValue file(String name, Path path) {
        return new NameValue(name, "@" + path.toAbsolutePath());
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
