package dev.notionconsole.notion.catalog;

import java.util.Objects;

/**
 * One parameter of a route.
 *
 * @param kind for IDs, what the ID names (page, block, database, data_source, user, comment, view, file_upload):
 *     such fields accept a pasted Notion URL; {@code text} or null for anything else
 */
public record EndpointParam(String name, Location in, String kind, boolean required, String description) {
    public enum Location { PATH, QUERY }

    public EndpointParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(in, "in");
        description = description == null ? "" : description;
    }

    /** True when the field holds a Notion ID, so a pasted URL is normalised to the ID. */
    public boolean isId() {
        return kind != null && !kind.equals("text");
    }
}
