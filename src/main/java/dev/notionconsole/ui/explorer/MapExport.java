package dev.notionconsole.ui.explorer;

import dev.notionconsole.core.json.Json;
import dev.notionconsole.explorer.MapJson;
import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.explorer.WorkspaceMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A map as a file for audits (explorer-diagnostics.md §2 "Export for audits"): CSV with the columns
 * {@code connection, token_kind, workspace_id, id, object, title, parent_type, parent_id, path, sharing_root_id,
 * discovered_via, in_trash, public_url, last_edited_time, url}, or the map's JSON ({@link MapJson}, the snapshot
 * format). Titles can be redacted: they become "(redacted)" and paths are written with IDs, so a file can leave the
 * company without its page names. No tokens are ever in a map.
 */
public final class MapExport {
    public enum Format {
        CSV("csv"), JSON("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    static final String REDACTED = "(redacted)";
    static final List<String> COLUMNS = List.of("connection", "token_kind", "workspace_id", "id", "object", "title",
            "parent_type", "parent_id", "path", "sharing_root_id", "discovered_via", "in_trash", "public_url",
            "last_edited_time", "url");

    private MapExport() {
    }

    public static String write(WorkspaceMap m, Format format, boolean redactTitles) {
        WorkspaceMap shown = redactTitles ? redacted(m) : m;
        return format == Format.JSON ? Json.pretty(MapJson.write(shown)) : csv(shown, redactTitles);
    }

    /** The same map with every title replaced (placeholders have none to hide). */
    static WorkspaceMap redacted(WorkspaceMap m) {
        Map<String, MapNode> nodes = new LinkedHashMap<>();
        for (MapNode n : m.all()) {
            nodes.put(n.id(), n.title().isEmpty() ? n : new MapNode(n.id(), n.object(), REDACTED, n.parentType(), n.parentId(),
                    n.url() == null ? null : redactSlug(n.url()), n.inTrash(), n.publicUrl() == null ? null : redactSlug(n.publicUrl()),
                    n.lastEditedTime(), n.foundBy(), n.sharingRoot(), n.flags(), n.related()));
        }
        return new WorkspaceMap(m.connection(), m.identity(), m.notionVersion(), nodes, m.roots(), m.placeholders(), m.notes(),
                m.requests(), m.watermark(), m.finishedAt(), m.lost());
    }

    /** Notion URLs carry the title as a slug ({@code /Roadmap-1a2b...}): keep only the ID part. */
    static String redactSlug(String url) {
        int slash = url.lastIndexOf('/');
        int dash = url.lastIndexOf('-');
        return dash > slash ? url.substring(0, slash + 1) + url.substring(dash + 1) : url;
    }

    private static String csv(WorkspaceMap m, boolean redacted) {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        String kind = m.identity() == null ? "" : m.identity().tokenKind().wire();
        String workspace = m.identity() == null || m.identity().workspaceId() == null ? "" : m.identity().workspaceId();
        for (MapNode n : m.all()) {
            List<String> row = new ArrayList<>(COLUMNS.size());
            row.add(m.connection());
            row.add(kind);
            row.add(workspace);
            row.add(n.id());
            row.add(n.object());
            row.add(n.title());
            row.add(n.parentType() == null ? "" : n.parentType());
            row.add(n.parentId() == null ? "" : n.parentId());
            row.add(m.path(n.id()).stream().map(p -> redacted || p.title().isEmpty() ? p.id() : p.title())
                    .collect(Collectors.joining(" / ")));
            row.add(n.sharingRoot() == null ? "" : n.sharingRoot());
            row.add(n.foundBy() == null ? "" : n.foundBy().wire());
            row.add(Boolean.toString(n.inTrash()));
            row.add(n.publicUrl() == null ? "" : n.publicUrl());
            row.add(n.lastEditedTime() == null ? "" : n.lastEditedTime());
            row.add(n.url() == null ? "" : n.url());
            sb.append(row.stream().map(MapExport::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return sb.toString();
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula. */
    static String cell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
