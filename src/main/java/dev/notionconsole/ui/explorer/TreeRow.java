package dev.notionconsole.ui.explorer;

/**
 * What one row of the Explorer tree stands for: a node, or under a node the row of its lazily loaded children
 * ("Loading…", "Load more", "Could not load"). The node itself is looked up in {@link ExplorerTree} when drawn, so
 * a node that changes needs no new row.
 */
public record TreeRow(Type type, String id) {
    public enum Type { NODE, LAZY }

    public static TreeRow node(String id) {
        return new TreeRow(Type.NODE, id);
    }

    /** The lazy-children row under {@code parentId}. */
    public static TreeRow lazy(String parentId) {
        return new TreeRow(Type.LAZY, parentId);
    }
}
