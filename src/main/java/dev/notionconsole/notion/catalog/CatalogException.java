package dev.notionconsole.notion.catalog;

import java.io.IOException;
import java.util.List;

/** The catalog file is not valid; lists every problem so one fix round is enough. */
public final class CatalogException extends IOException {
    private final List<String> problems;

    public CatalogException(List<String> problems) {
        super("Invalid endpoint catalog:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
