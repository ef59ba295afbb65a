package dev.notionconsole.explorer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Audit export of a map or a comparison (explorer-diagnostics.md §2 "Export for audits"): one row per object with
 * {@link #COLUMNS}; a comparison adds {@code side} (only_a, only_b, both) and {@code add_a_here}. Titles can be
 * redacted: then titles read "[redacted]" and paths are made of IDs. No tokens are ever in a map.
 */
public final class MapExport {
    public static final List<String> COLUMNS = List.of("connection", "token_kind", "workspace_id", "id", "object", "title",
            "parent_type", "parent_id", "path", "sharing_root_id", "discovered_via", "in_trash", "public_url",
            "last_edited_time", "url");
    static final String REDACTED = "[redacted]";

    private MapExport() {
    }

    public static String csv(WorkspaceMap m, boolean redactTitles) {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (MapNode n : m.all()) {
            line(sb, row(m, n, redactTitles));
        }
        return sb.toString();
    }

    public static ArrayNode json(WorkspaceMap m, boolean redactTitles) {
        ArrayNode out = Json.mapper().createArrayNode();
        for (MapNode n : m.all()) {
            ObjectNode o = out.addObject();
            List<String> row = row(m, n, redactTitles);
            for (int i = 0; i < COLUMNS.size(); i++) {
                o.put(COLUMNS.get(i), row.get(i));
            }
        }
        return out;
    }

    /** Every object either side sees, with its side and, for only B, where A would have to be added. */
    public static String csv(ConnectionComparison c, boolean redactTitles) {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append(",side,add_a_here\r\n");
        for (MapNode n : c.both()) {
            List<String> r = new java.util.ArrayList<>(row(c.a(), n, redactTitles));
            r.add("both");
            r.add("");
            line(sb, r);
        }
        for (MapNode n : c.onlyA()) {
            List<String> r = new java.util.ArrayList<>(row(c.a(), n, redactTitles));
            r.add("only_a");
            r.add("");
            line(sb, r);
        }
        for (Map.Entry<String, List<MapNode>> e : c.addAHere().entrySet()) {
            for (MapNode n : e.getValue()) {
                List<String> r = new java.util.ArrayList<>(row(c.b(), n, redactTitles));
                r.add("only_b");
                r.add(e.getKey());
                line(sb, r);
            }
        }
        return sb.toString();
    }

    static List<String> row(WorkspaceMap m, MapNode n, boolean redact) {
        String path = m.path(n.id()).stream().map(p -> redact || p.title().isEmpty() ? p.id() : p.title())
                .collect(Collectors.joining(" / "));
        return List.of(m.connection(), m.identity().tokenKind().wire(), nz(m.identity().workspaceId()), n.id(), n.object(),
                redact && !n.title().isEmpty() ? REDACTED : n.title(), nz(n.parentType()), nz(n.parentId()), path,
                nz(n.sharingRoot()), n.placeholder() ? "placeholder" : n.foundBy().wire(), String.valueOf(n.inTrash()),
                redact ? withoutSlug(n.publicUrl()) : nz(n.publicUrl()), nz(n.lastEditedTime()),
                redact ? withoutSlug(n.url()) : nz(n.url()));
    }

    /**
     * A Notion URL carries the title as a slug before the ID ({@code …/Engineering-Handbook-<32 hex>}): a redacted
     * export keeps the host and the ID only, which still opens the page.
     */
    public static String withoutSlug(String url) {
        return url == null ? "" : url.replaceAll("/[^/?#]*-([0-9a-fA-F]{32})(?=$|[?#])", "/$1");
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        sb.append("\r\n");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
