package dev.notionconsole.ui.common;

import java.util.Objects;

/**
 * A Notion object one section hands to another through a {@link HandOver}, e.g. Explorer's "Diagnose access":
 * which connection looked at it and what it is.
 *
 * @param connectionId the saved connection it was seen (or not seen) through
 * @param kind         Notion's object name: {@code page}, {@code database}, {@code data_source}, {@code block}
 * @param id           canonical dashed ID
 * @param title        its title when known, else null
 * @param url          its link when known, else null
 */
public record ObjectRef(String connectionId, String kind, String id, String title, String url) {
    public ObjectRef {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }
}
