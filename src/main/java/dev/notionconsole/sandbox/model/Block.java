package dev.notionconsole.sandbox.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A content block. Sub-pages and databases are not Blocks: they are listed among a parent's children and rendered
 * as child_page / child_database blocks with the same ID (docs/notion-api.md §3.5). A linked database is a Block of
 * type child_database whose {@link #linkedSourceId()} names the source; it never resolves as a database.
 */
public final class Block extends Node {
    private String type;
    /** The type-specific object, e.g. for a paragraph {rich_text: [...], color: "default"}. */
    private ObjectNode value;
    private final String linkedSourceId;

    public Block(String id, Workspace workspace, String type, ObjectNode value, String linkedSourceId) {
        super(id, workspace);
        this.type = type;
        this.value = value;
        this.linkedSourceId = linkedSourceId;
    }

    @Override
    public Kind kind() {
        return Kind.BLOCK;
    }

    public String type() {
        return type;
    }

    public ObjectNode value() {
        return value;
    }

    public void setValue(ObjectNode value) {
        this.value = value;
    }

    public boolean isLinkedDatabase() {
        return linkedSourceId != null;
    }

    public String linkedSourceId() {
        return linkedSourceId;
    }

    @Override
    public String plainTitle() {
        if (isLinkedDatabase()) {
            return value.path("title").asText("");
        }
        return RichText.plain(value.path("rich_text"));
    }
}
