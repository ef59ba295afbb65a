package dev.notionconsole.ui.explorer;

import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.explorer.NodeFlag;
import java.util.ArrayList;
import java.util.List;

/**
 * The marks a tree row carries (explorer-diagnostics.md §2 "Badges"): its kind first, then what is special about
 * it. Each has a short label for the row, a style class for its colour (app.css / explorer.css, never colours in
 * Java) and a tooltip that says what it means. Toolkit-free, so the ViewModel and its tests use it.
 */
public enum Badge {
    PAGE("page", "kind", "A page"),
    ROW("row", "kind", "A database row: a page whose parent is a data source"),
    DATABASE("database", "kind", "A database: the container of one or more data sources"),
    DATA_SOURCE("data source", "kind", "A data source: the table of rows inside a database"),
    LINKED_VIEW("linked view", "kind-warn", "A linked database view: its source database is elsewhere and not readable here"),
    BLOCK("block", "kind", "A block that holds pages (a toggle, a column...)"),
    WIKI("wiki", "kind", "A wiki: a database whose pages can be verified"),
    SHARING_ROOT("★ root", "root", "A sharing root: where this connection's access starts (its parent is not readable)"),
    UNREADABLE("⊘ unreadable", "ghost", "Not readable by this connection: known only as the parent of something it can read"),
    HOLE("hole ⊘", "hole", "This connection was removed here: add it on this page itself"),
    IN_TRASH("🗑 in trash", "danger", "In the trash (in_trash): still readable, writes fail until it is restored"),
    LOCKED("locked", "muted", "Locked (is_locked): edits in Notion are blocked"),
    NOT_IN_SEARCH("not in search", "warn", "Readable, but /v1/search did not list it (the search index lags or leaves it out)"),
    PARTIAL("partial", "warn", "Not everything under or about it was read (has_more not followed, or a relation to a hidden database)"),
    PUBLIC_LINK("public link", "warn", "Shared to the web: it has a public_url");

    private final String label;
    private final String style;
    private final String meaning;

    Badge(String label, String style, String meaning) {
        this.label = label;
        this.style = style;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    /** The CSS class suffix: the view adds {@code badge-<style>}. */
    public String style() {
        return style;
    }

    public String meaning() {
        return meaning;
    }

    public boolean isKind() {
        return style.startsWith("kind");
    }

    /** The kind badge of a node. */
    public static Badge kindOf(MapNode n) {
        if (n.has(NodeFlag.LINKED_VIEW)) {
            return LINKED_VIEW;
        }
        if (n.has(NodeFlag.ROW)) {
            return ROW;
        }
        return switch (n.object()) {
            case "database" -> DATABASE;
            case "data_source" -> DATA_SOURCE;
            case "block" -> BLOCK;
            default -> PAGE;
        };
    }

    /** Every badge of a node, kind first. */
    public static List<Badge> of(MapNode n) {
        List<Badge> out = new ArrayList<>(4);
        out.add(kindOf(n));
        if (n.has(NodeFlag.WIKI)) {
            out.add(WIKI);
        }
        if (n.has(NodeFlag.HOLE)) {
            out.add(HOLE); // its readable parent lists it (explorer-diagnostics.md §1.4 "Holes")
            return out;
        }
        if (n.placeholder()) {
            out.add(UNREADABLE);
            return out;
        }
        if (n.isRoot()) {
            out.add(SHARING_ROOT);
        }
        if (n.inTrash()) {
            out.add(IN_TRASH);
        }
        if (n.has(NodeFlag.LOCKED)) {
            out.add(LOCKED);
        }
        if (n.notInSearch()) {
            out.add(NOT_IN_SEARCH);
        }
        if (n.has(NodeFlag.PARTIAL)) {
            out.add(PARTIAL);
        }
        if (n.publicUrl() != null) {
            out.add(PUBLIC_LINK);
        }
        return out;
    }
}
