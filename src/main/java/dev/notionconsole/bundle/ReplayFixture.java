package dev.notionconsole.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.explorer.NodeFlag;
import dev.notionconsole.explorer.WorkspaceMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sandbox fixture (docs/sandbox-fixtures.md) that reproduces what a bundle's connection saw: the map's tree of
 * pages, databases, data sources and container blocks with their original IDs (so the bundled calls address the
 * same objects) and their pseudonymous titles; each sharing root below a placeholder page that is not shared (with
 * the real parent's ID when that was a page); one connection of the same kind and Notion-visible capabilities,
 * shared with the same roots. Objects the connection could not see are absent, so asking for them is a 404 as it was.
 * Decision 0111.
 */
public final class ReplayFixture {
    /** The replayed connection's token: fake, and shaped like one so that nothing mistakes it for a real token. */
    public static final String TOKEN = "ntn_replay_sandbox_FAKE_TOKEN_000000000000001";
    static final String WORKSPACE = "replay-workspace";
    static final String OWNER = "replay-owner";
    private static final List<String> CONTENT_CAPABILITIES = List.of("read_content", "update_content", "insert_content",
            "read_comments", "insert_comments");

    private final WorkspaceMap map;
    private final ObjectNode root = Json.mapper().createObjectNode();
    private final ArrayNode pages;
    private final ArrayNode databases;
    /** Fixture objects by ID, to hang content blocks into. */
    private final Map<String, ObjectNode> written = new HashMap<>();
    private final Set<String> wanted = new HashSet<>();
    private final String workspaceKey;

    private ReplayFixture(WorkspaceMap map) {
        this.map = map;
        root.put("fixture_version", 1);
        root.put("description", "Rebuilt from a support bundle: the structure its connection saw, with pseudonymous titles.");
        workspaceKey = map.identity().workspaceId() != null ? map.identity().workspaceId() : WORKSPACE;
        pages = Json.mapper().createArrayNode();
        databases = Json.mapper().createArrayNode();
    }

    /** @throws IllegalArgumentException when the bundle has no map to rebuild from */
    public static ObjectNode of(Bundle bundle) {
        WorkspaceMap map = bundle.workspaceMap();
        if (map == null) {
            throw new IllegalArgumentException("this bundle has no map: make it with --with-map to replay it in the sandbox");
        }
        return new ReplayFixture(map).build(bundle.connection(), bundle.diagnoses());
    }

    private ObjectNode build(ConnectionProfile profile, List<ObjectNode> diagnoses) {
        ObjectNode ws = root.putArray("workspaces").addObject();
        ws.put("id", workspaceKey);
        ws.put("name", map.identity().workspaceName() == null ? "Workspace" : map.identity().workspaceName());
        ws.put("plan", profile.ratePerMinute() >= 600 ? "business" : "free");
        root.putArray("users").addObject().put("id", OWNER).put("name", "Owner").put("email", "owner@example.invalid")
                .put("workspace", workspaceKey).put("role", "owner");
        root.set("pages", pages);
        root.set("databases", databases);
        List<String> roots = new ArrayList<>();
        for (String r : map.roots()) {
            map.node(r).filter(n -> !n.placeholder()).ifPresent(n -> roots.add(n.id()));
        }
        map.all().stream().filter(n -> !n.placeholder()).forEach(n -> wanted.add(n.id()));
        int placeholder = 0;
        for (String r : roots) {
            MapNode n = map.node(r).orElseThrow();
            if ("workspace".equals(n.parentType()) || n.parentType() == null) {
                subtree(n, null);
            } else {
                // the unshared parent above the root: the real one's ID when it was a page, so a call to it is a 404 too
                String id = "page_id".equals(n.parentType()) && n.parentId() != null ? n.parentId() : "unshared-parent-" + (placeholder + 1);
                ObjectNode p = pages.addObject();
                p.put("id", id);
                p.put("title", "Unshared parent " + (++placeholder));
                p.putObject("parent").put("workspace", workspaceKey);
                written.put(id, p);
                subtree(n, ref("page", id));
            }
        }
        root.putArray("connections").add(connection(profile, roots, diagnoses));
        return root;
    }

    /** Writes {@code top} and everything below it, parents first; {@code override} replaces top's parent. */
    private void subtree(MapNode top, ObjectNode override) {
        Deque<MapNode> queue = new ArrayDeque<>();
        queue.add(top);
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            MapNode n = queue.poll();
            if (!seen.add(n.id()) || !wanted.contains(n.id())) {
                continue;
            }
            if (!written.containsKey(n.id())) { // data sources are written with their database
                write(n, n == top ? override : parentOf(n));
            }
            map.children(n.id()).forEach(queue::add);
        }
    }

    private void write(MapNode n, ObjectNode parent) {
        switch (n.object()) {
            case "page" -> {
                ObjectNode p = pages.addObject();
                p.put("id", n.id());
                p.put("title", n.title());
                p.set("parent", parent == null ? ref("workspace", workspaceKey) : parent);
                if (n.inTrash()) {
                    p.put("in_trash", true);
                }
                written.put(n.id(), p);
            }
            case "database" -> {
                if (n.has(NodeFlag.LINKED_VIEW)) {
                    return; // a linked view never resolves as a database (docs/sandbox-fixtures.md): not rebuilt
                }
                ObjectNode d = databases.addObject();
                d.put("id", n.id());
                d.put("title", n.title());
                d.set("parent", parent == null ? ref("workspace", workspaceKey) : parent);
                d.put("inline", false);
                List<MapNode> sources = map.children(n.id()).stream().filter(c -> "data_source".equals(c.object())).toList();
                // only a wiki's data source holds databases (docs/sandbox-fixtures.md)
                if (holdsDatabases(n, sources)) {
                    d.put("wiki", true);
                }
                if (sources.isEmpty()) {
                    d.putObject("properties").put("Name", "title");
                } else {
                    ArrayNode ds = d.putArray("data_sources");
                    for (MapNode s : sources) {
                        ds.addObject().put("id", s.id()).put("title", s.title()).putObject("properties").put("Name", "title");
                        written.put(s.id(), d);
                    }
                }
                written.put(n.id(), d);
            }
            case "block" -> block(n, parent);
            default -> {
                // data sources are written with their database
            }
        }
    }

    /** A wiki: a database inside it shows the wiki itself (or its data source) as its parent. */
    private boolean holdsDatabases(MapNode db, List<MapNode> sources) {
        if (map.children(db.id()).stream().anyMatch(x -> "database".equals(x.object()))) {
            return true;
        }
        return sources.stream().anyMatch(s -> map.children(s.id()).stream().anyMatch(x -> "database".equals(x.object())));
    }

    /** A container block (a toggle, a column) that pages hang under: content of the page or block above it. */
    private void block(MapNode n, ObjectNode parent) {
        ObjectNode owner = parent == null ? null : written.get(parent.fields().next().getValue().asText());
        if (owner == null) {
            return;
        }
        ObjectNode b = Json.mapper().createObjectNode();
        b.put("type", "toggle");
        b.put("id", n.id());
        b.put("text", n.title().isEmpty() ? "Block" : n.title());
        (owner.has("type") ? owner.withArray("children") : owner.withArray("content")).add(b);
        written.put(n.id(), b);
    }

    /** The fixture's parent reference for a node: its map parent, or its sharing root when that parent is not in the map. */
    private ObjectNode parentOf(MapNode n) {
        String pid = n.parentId();
        if (pid != null && written.containsKey(pid)) {
            return switch (n.parentType()) {
                case "page_id" -> ref("page", pid);
                case "block_id" -> ref("block", pid);
                case "database_id" -> "database".equals(n.object()) ? wikiSource(pid) : ref("database", pid);
                case "data_source_id" -> ref("data_source", pid);
                default -> ref("workspace", workspaceKey);
            };
        }
        return n.sharingRoot() != null && written.containsKey(n.sharingRoot()) ? ref("page", n.sharingRoot()) : null;
    }

    /** A database inside a wiki: in the fixture its parent is the wiki's (first) data source. */
    private ObjectNode wikiSource(String wikiId) {
        return map.children(wikiId).stream().filter(c -> "data_source".equals(c.object())).findFirst()
                .map(s -> ref("data_source", s.id())).orElse(ref("database", wikiId));
    }

    private ObjectNode connection(ConnectionProfile profile, List<String> roots, List<ObjectNode> diagnoses) {
        ObjectNode c = Json.mapper().createObjectNode();
        String kind = profile.kind();
        c.put("kind", kind);
        c.put("id", "replay");
        c.put("name", profile.name() == null || profile.name().isBlank() ? "Replayed connection" : profile.name());
        c.put("description", "The connection of a support bundle, with the capabilities it showed.");
        capabilities(profile, diagnoses).forEach(c.putArray("capabilities")::add);
        String userInfo = userInfo(profile);
        if (userInfo != null) {
            c.put("user_info", userInfo);
        }
        switch (kind) {
            case "public" -> {
                c.put("client_id", "00000000-0000-4000-8000-00000000feed");
                c.put("client_secret", "secret_replay_sandbox_FAKE_CLIENT_SECRET_0001");
                c.putArray("redirect_uris").add("http://localhost:8765/callback");
                ObjectNode in = c.putArray("installations").addObject();
                in.put("user", OWNER);
                roots.forEach(in.putArray("pages")::add);
                in.put("access_token", TOKEN);
                if (profile.botId() != null) {
                    in.put("bot_id", profile.botId());
                }
            }
            case "personal" -> {
                // a token acts as its person, who sees the whole workspace: unshared parents are visible here
                c.put("workspace", workspaceKey);
                c.put("creator", OWNER);
                c.put("token", TOKEN);
            }
            default -> {
                c.put("workspace", workspaceKey);
                c.put("token", TOKEN);
                roots.forEach(c.putArray("shares")::add);
                if (profile.botId() != null) {
                    c.put("bot_id", profile.botId());
                }
            }
        }
        return c;
    }

    /**
     * The declared capabilities when the bundle has them; else all content and comment capabilities but those the
     * console learned absent and those a diagnosis said are missing.
     */
    static List<String> capabilities(ConnectionProfile profile, List<ObjectNode> diagnoses) {
        if (!profile.declared().isEmpty()) {
            return profile.declared().stream().filter(CONTENT_CAPABILITIES::contains).toList();
        }
        Set<String> caps = new LinkedHashSet<>(CONTENT_CAPABILITIES);
        profile.learned().stream().filter(l -> !l.present()).forEach(l -> caps.remove(l.capability()));
        for (ObjectNode d : diagnoses) {
            JsonNode diagnosis = d.path("diagnosis");
            if ("missing_capability".equals(diagnosis.path("cause").asText())) {
                caps.remove(diagnosis.path("capability").asText());
            }
        }
        return List.copyOf(caps);
    }

    private static String userInfo(ConnectionProfile profile) {
        for (ConnectionProfile.Learned l : profile.learned()) {
            if (l.capability().equals("user_info") && !l.present()) {
                return "none";
            }
            if (l.capability().equals("user_email")) {
                return l.present() ? "with_email" : "without_email";
            }
        }
        return null;
    }

    private static ObjectNode ref(String kind, String id) {
        return Json.mapper().createObjectNode().put(kind, id);
    }
}
