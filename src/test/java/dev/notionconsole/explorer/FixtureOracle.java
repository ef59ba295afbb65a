package dev.notionconsole.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.model.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a map of a fixture's connection must hold, computed from the fixture file alone (docs/sandbox-fixtures.md,
 * notion-api.md 5.1-5.2), independently of the sandbox's visibility engine and of the explorer. Modelled on
 * PermissionMatrixTest's oracle (sandbox package), generalised to any fixture and to every connection kind; when the
 * shared test-support package lands this belongs there. Only {@link Ids#fromKey} (the fixture's naming rule) is shared.
 */
final class FixtureOracle {
    /** An object of the fixture by ID: kind, parent ID (null at the top), workspace key, private owner, trash. */
    record Obj(String id, String kind, String parentId, String apiParentType, String workspace, String privateTo, boolean trashed) {
    }

    /** The expected map: visible searchable objects (pages and data sources), placeholders, roots, each node's root. */
    record Expected(Set<String> searchable, Set<String> nodes, Set<String> placeholders, Set<String> roots, Map<String, String> rootOf) {
    }

    final Map<String, Obj> objects = new LinkedHashMap<>();
    private final JsonNode fixture;
    private final Map<String, JsonNode> users = new HashMap<>();

    private FixtureOracle(JsonNode fixture) {
        this.fixture = fixture;
        read();
    }

    static FixtureOracle ofResource(String resource) throws IOException {
        try (InputStream in = FixtureOracle.class.getResourceAsStream(resource)) {
            return new FixtureOracle(Json.mapper().readTree(in));
        }
    }

    static FixtureOracle of(JsonNode fixture) {
        return new FixtureOracle(fixture);
    }

    private void read() {
        fixture.path("users").forEach(u -> users.put(u.path("id").asText(), u));
        Map<String, String> dbFirstSource = new HashMap<>();
        for (JsonNode d : fixture.path("databases")) {
            String key = d.path("id").asText();
            dbFirstSource.put(key, d.has("data_sources") ? d.get("data_sources").get(0).path("id").asText() : key + "/data_source");
        }
        for (JsonNode p : fixture.path("pages")) {
            String key = p.path("id").asText();
            String[] parent = parent(p.path("parent"), dbFirstSource);
            put(key, "page", parent, p.path("private_to").asText(null), p.path("in_trash").asBoolean());
            blocks(key, p.path("content"));
        }
        for (JsonNode d : fixture.path("databases")) {
            String key = d.path("id").asText();
            put(key, "database", parent(d.path("parent"), dbFirstSource), null, d.path("in_trash").asBoolean());
            if (d.has("data_sources")) {
                for (JsonNode s : d.get("data_sources")) {
                    put(s.path("id").asText(), "data_source", new String[] {"database", key}, null, false);
                }
            } else {
                put(key + "/data_source", "data_source", new String[] {"database", key}, null, false);
            }
        }
        // the workspace of each object is its top ancestor's
        for (Obj o : Set.copyOf(objects.values())) {
            Obj top = o;
            boolean trash = false;
            String priv = null;
            for (Obj n = o; n != null; n = n.parentId() == null ? null : objects.get(n.parentId())) {
                top = n;
                trash |= n.trashed();
                priv = priv != null ? priv : n.privateTo();
            }
            objects.put(o.id(), new Obj(o.id(), o.kind(), o.parentId(), o.apiParentType(), top.workspace(), priv, trash));
        }
    }

    private final Map<String, String> workspaceOfTop = new HashMap<>();

    private void put(String key, String kind, String[] parent, String privateTo, boolean trashed) {
        String id = Ids.fromKey(key);
        String parentId = parent[0].equals("workspace") ? null : Ids.fromKey(parent[1]);
        String apiType = switch (parent[0]) {
            case "workspace" -> "workspace";
            case "page" -> "page_id";
            case "block" -> "block_id";
            case "data_source" -> kind.equals("page") ? "data_source_id" : "database_id";
            default -> "database_id";
        };
        String ws = parent[0].equals("workspace") ? parent[1] : null;
        objects.put(id, new Obj(id, kind, parentId, apiType, ws, privateTo == null ? null : Ids.fromKey(privateTo), trashed));
    }

    private String[] parent(JsonNode parent, Map<String, String> dbFirstSource) {
        String type = parent.fieldNames().next();
        String ref = parent.get(type).asText();
        if (type.equals("database")) {
            return new String[] {"data_source", dbFirstSource.get(ref)};
        }
        return new String[] {type, ref};
    }

    private void blocks(String ownerKey, JsonNode content) {
        String ownerId = Ids.fromKey(ownerKey);
        for (int i = 0; i < content.size(); i++) {
            JsonNode b = content.get(i);
            if (b.has("child")) {
                continue;
            }
            String key = b.has("id") ? b.get("id").asText() : ownerId + "/" + i;
            objects.put(Ids.fromKey(key), new Obj(Ids.fromKey(key), "block", ownerId, null, null, null, false));
            blocks(key, b.path("children"));
        }
    }

    /** What the fixture connection with this id (or name) can read, as the sandbox must decide it. */
    boolean readable(JsonNode conn, Obj o) {
        String ws = conn.path("workspace").asText(null);
        String kind = conn.path("kind").asText();
        JsonNode install = null;
        if (kind.equals("public")) {
            install = conn.path("installations").get(0);
            ws = users.get(install.path("user").asText()).path("workspace").asText();
        } else if (kind.equals("personal")) {
            ws = users.get(conn.path("creator").asText()).path("workspace").asText();
        }
        if (o.workspace() == null || !o.workspace().equals(ws)) {
            return false;
        }
        return switch (kind) {
            case "internal" -> under(o, keys(conn.path("shares")));
            case "public" -> under(o, keys(install.path("pages"))) && userSees(install.path("user").asText(), o);
            default -> userSees(conn.path("creator").asText(), o);
        };
    }

    private boolean userSees(String userKey, Obj o) {
        JsonNode u = users.get(userKey);
        if (o.privateTo() != null && !o.privateTo().equals(Ids.fromKey(userKey))) {
            return false;
        }
        JsonNode access = u.get("access");
        return access == null || access.isTextual() || under(o, keys(access));
    }

    private boolean under(Obj o, Set<String> granted) {
        for (Obj n = o; n != null; n = n.parentId() == null ? null : objects.get(n.parentId())) {
            if (granted.contains(n.id())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> keys(JsonNode a) {
        Set<String> out = new HashSet<>();
        a.forEach(k -> out.add(Ids.fromKey(k.asText())));
        return out;
    }

    JsonNode connection(String id) {
        for (JsonNode c : fixture.path("connections")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no connection " + id);
    }

    /** The map's expectation for a connection (2025-09-03 and later: search lists pages and data sources). */
    Expected expected(String connectionId) {
        JsonNode conn = connection(connectionId);
        Set<String> searchable = new LinkedHashSet<>();
        for (Obj o : objects.values()) {
            if ((o.kind().equals("page") || o.kind().equals("data_source")) && !o.trashed() && readable(conn, o)) {
                searchable.add(o.id());
            }
        }
        Set<String> nodes = new LinkedHashSet<>(searchable);
        for (String id : searchable) {
            Obj o = objects.get(id);
            if (o.kind().equals("data_source")) {
                nodes.add(o.parentId()); // its database, placed from database_parent without a request
            }
        }
        Set<String> placeholders = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String id : Set.copyOf(nodes)) {
                Obj o = objects.get(id);
                String p = o.parentId();
                if (p == null || nodes.contains(p) || placeholders.contains(p)) {
                    continue;
                }
                if (readable(conn, objects.get(p))) {
                    nodes.add(p);
                    grew = true;
                } else {
                    placeholders.add(p);
                }
            }
        }
        Map<String, String> rootOf = new HashMap<>();
        Set<String> roots = new LinkedHashSet<>();
        for (String id : nodes) {
            String cur = id;
            while (objects.get(cur).parentId() != null && nodes.contains(objects.get(cur).parentId())) {
                cur = objects.get(cur).parentId();
            }
            rootOf.put(id, cur);
            roots.add(cur);
        }
        return new Expected(searchable, nodes, placeholders, roots, rootOf);
    }
}
