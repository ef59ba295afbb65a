package dev.notionconsole.sandbox.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A comment on a page or a block, in a discussion thread (notion-api.md 2.8). */
public record Comment(String id, Workspace workspace, Node parent, String discussionId, Instant createdTime, String createdBy,
                      ArrayNode richText, ObjectNode displayName) {
}
