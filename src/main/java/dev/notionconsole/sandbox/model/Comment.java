package dev.notionconsole.sandbox.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A comment on a page or a block, in a discussion thread (docs/notion-api.md §2.8). Edits replace the record. */
public record Comment(String id, Workspace workspace, Node parent, String discussionId, Instant createdTime, String createdBy,
                      ArrayNode richText, ObjectNode displayName, Instant lastEditedTime) {

    public Comment(String id, Workspace workspace, Node parent, String discussionId, Instant createdTime, String createdBy,
                   ArrayNode richText, ObjectNode displayName) {
        this(id, workspace, parent, discussionId, createdTime, createdBy, richText, displayName, createdTime);
    }

    /** The same comment with new text, edited at the given time. */
    public Comment edited(ArrayNode newText, Instant at) {
        return new Comment(id, workspace, parent, discussionId, createdTime, createdBy, newText, displayName, at);
    }
}
