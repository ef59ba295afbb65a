package dev.notionconsole.ui.common;

import java.util.List;

/**
 * A file-chooser filter, e.g. {@code new FileType("JSON files", "*.json")}; plain strings so ViewModels can
 * ask for files without JavaFX types.
 */
public record FileType(String description, List<String> patterns) {
    public FileType(String description, String... patterns) {
        this(description, List.of(patterns));
    }

    public static final FileType JSON = new FileType("JSON files", "*.json");
    public static final FileType ALL = new FileType("All files", "*.*");
}
