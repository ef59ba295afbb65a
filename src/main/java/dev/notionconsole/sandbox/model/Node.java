package dev.notionconsole.sandbox.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Anything with an ID in the content tree: pages, databases, data sources and blocks. The tree is held with
 * direct references (parent, ordered children) so that visibility walks and children listings are O(depth) and
 * O(children). All fields are guarded by the model's lock ({@link SandboxModel#lock()}).
 */
public abstract sealed class Node permits Page, Database, DataSource, Block {
    /** The kind of object, as named in Notion's messages ("Could not find data_source with ID"). */
    public enum Kind {
        PAGE("page"), DATABASE("database"), DATA_SOURCE("data_source"), BLOCK("block");

        private final String noun;

        Kind(String noun) {
            this.noun = noun;
        }

        public String noun() {
            return noun;
        }
    }

    private final String id;
    private final Workspace workspace;
    private Node parent;
    private final List<Node> children = new ArrayList<>();
    private Instant createdTime;
    private Instant lastEditedTime;
    private String createdBy;
    private String lastEditedBy;
    private boolean inTrash;

    protected Node(String id, Workspace workspace) {
        this.id = id;
        this.workspace = workspace;
    }

    public abstract Kind kind();

    public String id() {
        return id;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** The parent node, or null for a workspace-level page or database. */
    public Node parent() {
        return parent;
    }

    void setParent(Node parent) {
        this.parent = parent;
    }

    /** Ordered children: content blocks, child pages and databases (pages, blocks), rows (data sources), data sources (databases). */
    public List<Node> children() {
        return children;
    }

    public boolean hasLiveChildren() {
        for (Node c : children) {
            if (!c.inTrash) {
                return true;
            }
        }
        return false;
    }

    public Instant createdTime() {
        return createdTime;
    }

    public Instant lastEditedTime() {
        return lastEditedTime;
    }

    public String createdBy() {
        return createdBy;
    }

    public String lastEditedBy() {
        return lastEditedBy;
    }

    public void setCreated(Instant time, String userId) {
        this.createdTime = time;
        this.createdBy = userId;
        this.lastEditedTime = time;
        this.lastEditedBy = userId;
    }

    public void touch(Instant time, String userId) {
        this.lastEditedTime = time;
        this.lastEditedBy = userId;
    }

    public boolean inTrash() {
        return inTrash;
    }

    public void setInTrash(boolean inTrash) {
        this.inTrash = inTrash;
    }

    /** True when this node or any ancestor is in the trash. */
    public boolean inTrashOrUnderTrash() {
        for (Node n = this; n != null; n = n.parent) {
            if (n.inTrash) {
                return true;
            }
        }
        return false;
    }

    /** The plain-text title used by search and by child_page/child_database blocks. */
    public abstract String plainTitle();

    @Override
    public String toString() {
        return kind().noun() + "[" + id + " " + plainTitle() + "]";
    }
}
