package dev.notionconsole.ui.explorer;

import dev.notionconsole.ui.common.FileType;

/** The two files an export can be (explorer-diagnostics.md §2 "Export for audits"): rows as CSV, or JSON. */
public enum ExportFormat {
    CSV("csv", new FileType("CSV files", "*.csv")),
    JSON("json", FileType.JSON);

    private final String extension;
    private final FileType fileType;

    ExportFormat(String extension, FileType fileType) {
        this.extension = extension;
        this.fileType = fileType;
    }

    public String extension() {
        return extension;
    }

    public FileType fileType() {
        return fileType;
    }
}
