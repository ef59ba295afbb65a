package dev.notionconsole.bundle;

import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.explorer.WorkspaceMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The words a bundle is summarised in, by {@code bundle show} and the app alike. */
public final class BundleSummary {
    private final Bundle bundle;

    public BundleSummary(Bundle bundle) {
        this.bundle = bundle;
    }

    /** Manifest and connection, one fact a line. */
    public List<String> header() {
        Manifest m = bundle.manifest();
        ConnectionProfile c = bundle.connection();
        List<String> lines = new ArrayList<>();
        lines.add("Made " + m.createdAt() + " by Notion Console " + m.consoleVersion() + " on " + m.os());
        lines.add("Includes: " + String.join(", ", m.included()) + "; " + redaction());
        lines.add("Connection: " + c.name() + " (" + c.kind() + "), Notion-Version " + c.notionVersion() + ", " + c.ratePerMinute()
                + " requests/min");
        lines.add("Workspace: " + (c.workspaceName() == null ? "unknown" : c.workspaceName()) + (c.workspaceId() == null ? "" : " (" + c.workspaceId() + ")")
                + (c.botId() == null ? "" : ", bot " + c.botId()));
        if (!c.learned().isEmpty()) {
            lines.add("Capabilities seen: " + String.join(", ", c.learned().stream()
                    .map(l -> l.capability() + (l.present() ? "" : " (missing)")).toList()));
        }
        return lines;
    }

    /** "secrets removed, pseudonyms: 12 titles, 3 names, 4 emails". */
    public String redaction() {
        var r = bundle.manifest().redacted();
        if (!r.path("pseudonyms").asBoolean()) {
            return "secrets removed, titles and names kept";
        }
        var n = r.path("replaced");
        return "secrets removed, pseudonyms: " + n.path("titles").asInt() + " titles, " + n.path("names").asInt() + " names, "
                + n.path("emails").asInt() + " emails, " + n.path("texts").asInt() + " texts";
    }

    /** "Map: 14 objects (3 pages, ...), 2 sharing roots" or that there is none. */
    public String mapLine() {
        WorkspaceMap map = bundle.workspaceMap();
        if (map == null) {
            return "Map: none (replay needs one: bundle create --with-map)";
        }
        Map<String, Integer> kinds = new TreeMap<>();
        for (MapNode n : map.all()) {
            if (!n.placeholder()) {
                kinds.merge(n.kindLabel(), 1, Integer::sum);
            }
        }
        StringBuilder sb = new StringBuilder();
        kinds.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
        return "Map: " + map.visibleCount() + " objects (" + sb + "), " + map.roots().size() + " sharing root(s)";
    }
}
