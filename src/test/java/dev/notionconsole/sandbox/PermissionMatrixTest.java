package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.model.Ids;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each connection of the default fixture against each object of it: visible (200), or the exact 404, 403 or 401.
 * The expectation is computed here from the fixture file and a hand-written list of what each connection was given
 * (notion-api.md 5.1, 5.2), independently of the sandbox's visibility engine.
 */
class PermissionMatrixTest extends SandboxTestBase {
    /** An object of the fixture: its id, its kind, the workspace, its parent's id (null at the top) and a private owner. */
    record Obj(String key, String id, String kind, String workspace, String parentId, String privateTo, boolean trashed) {
    }

    /** What a token should see: what was shared/picked (roots), or everything its user sees (roots null). */
    record Who(String name, String token, String integrationKey, String workspace, Set<String> roots, String user, int status) {
    }

    static final Map<String, Obj> objects = new LinkedHashMap<>();
    static final List<Who> WHO = List.of(
            new Who("Docs Sync", Fx.DOCS_SYNC, "docs-sync", "acme", Set.of("engineering"), null, 0),
            new Who("Wiki Reader", Fx.WIKI_READER, "wiki-reader", "acme", Set.of("company-wiki"), null, 0),
            new Who("Standup Bot", Fx.STANDUP_BOT, "standup-bot", "acme", Set.of("meetings"), null, 403),
            new Who("Retired Importer", Fx.RETIRED, "retired-importer", "acme", Set.of("engineering"), null, 401),
            new Who("CRM Bridge", Fx.CRM_BOB, "crm-bridge", "acme", Set.of("sales"), "bob", 0),
            new Who("CRM Bridge", Fx.CRM_ERIN, "crm-bridge", "globex", Set.of("globex-home"), "erin", 0),
            new Who("Alice's token", Fx.ALICE_PAT, "alice-pat", "acme", null, "alice", 0),
            new Who("Bob's old token", Fx.BOB_EXPIRED, "bob-expired-pat", "acme", null, "bob", 401),
            new Who("Lab Assistant", Fx.LAB, "lab-assistant", "globex", Set.of("globex-home"), null, 0));

    @BeforeAll
    static void readFixture() throws Exception {
        JsonNode f;
        try (InputStream in = PermissionMatrixTest.class.getResourceAsStream("/dev/notionconsole/sandbox/default-fixture.json")) {
            f = Json.mapper().readTree(in);
        }
        Map<String, String> parentKey = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        Map<String, String> keyOfId = new LinkedHashMap<>();
        Map<String, String> wsOf = new LinkedHashMap<>();
        Map<String, String> privateTo = new LinkedHashMap<>();
        Set<String> trashed = new HashSet<>();
        for (JsonNode p : f.get("pages")) {
            String key = p.get("id").asText();
            kinds.put(key, "page");
            JsonNode parent = p.get("parent");
            String type = parent.fieldNames().next();
            String ref = parent.get(type).asText();
            if ("workspace".equals(type)) {
                wsOf.put(key, ref);
            } else {
                parentKey.put(key, "database".equals(type) ? ref + "/data_source" : ref);
            }
            if (p.has("private_to")) {
                privateTo.put(key, p.get("private_to").asText());
            }
            if (p.path("in_trash").asBoolean()) {
                trashed.add(key);
            }
            blocks(key, Ids.fromKey(key), p.get("content"), kinds, parentKey);
        }
        for (JsonNode d : f.get("databases")) {
            String key = d.get("id").asText();
            kinds.put(key, "database");
            String type = d.get("parent").fieldNames().next();
            String ref = d.get("parent").get(type).asText();
            if ("workspace".equals(type)) {
                wsOf.put(key, ref);
            } else {
                parentKey.put(key, ref);
            }
            if (d.has("data_sources")) {
                for (JsonNode ds : d.get("data_sources")) {
                    kinds.put(ds.get("id").asText(), "data_source");
                    parentKey.put(ds.get("id").asText(), key);
                }
            } else {
                kinds.put(key + "/data_source", "data_source");
                parentKey.put(key + "/data_source", key);
            }
            // Views have no sharing of their own: they are seen exactly when their database is (decision 0067).
            for (JsonNode v : d.path("views")) {
                kinds.put(v.get("id").asText(), "view");
                parentKey.put(v.get("id").asText(), key);
            }
        }
        for (String key : kinds.keySet()) {
            keyOfId.put(Ids.fromKey(key), key);
        }
        for (String key : kinds.keySet()) {
            String top = key;
            String priv = null;
            boolean inTrash = false;
            while (parentKey.containsKey(top)) {
                priv = priv != null ? priv : privateTo.get(top);
                inTrash |= trashed.contains(top);
                top = parentKey.get(top);
            }
            priv = priv != null ? priv : privateTo.get(top);
            inTrash |= trashed.contains(top);
            String parent = parentKey.get(key);
            objects.put(key, new Obj(key, Ids.fromKey(key), kinds.get(key), wsOf.get(top), parent == null ? null : Ids.fromKey(parent),
                    priv, inTrash));
        }
        // Blocks without an id get "<owner id>/<index>" keys: resolve their ancestry through the map as well.
        assertTrue(objects.size() >= 80, "objects in the matrix: " + objects.size());
    }

    private static void blocks(String ownerKey, String ownerId, JsonNode content, Map<String, String> kinds, Map<String, String> parentKey) {
        if (content == null) {
            return;
        }
        for (int i = 0; i < content.size(); i++) {
            JsonNode b = content.get(i);
            String key = b.has("id") ? b.get("id").asText() : ownerId + "/" + i;
            kinds.put(key, "linked_database".equals(b.path("type").asText()) ? "linked" : "block");
            parentKey.put(key, ownerKey);
            blocks(key, Ids.fromKey(key), b.get("children"), kinds, parentKey);
        }
    }

    static boolean visible(Who who, Obj o) {
        if (!who.workspace().equals(o.workspace())) {
            return false;
        }
        boolean userSees = who.user() == null || o.privateTo() == null || o.privateTo().equals(who.user());
        if (who.roots() == null) {
            return userSees;
        }
        for (Obj n = o; n != null; n = n.parentId() == null ? null : byId(n.parentId())) {
            if (who.roots().contains(n.key())) {
                return userSees;
            }
        }
        return false;
    }

    static Obj byId(String id) {
        for (Obj o : objects.values()) {
            if (o.id().equals(id)) {
                return o;
            }
        }
        throw new IllegalStateException("no object " + id);
    }

    @Test
    void everyConnectionAgainstEveryObject() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Who who : WHO) {
            for (Obj o : objects.values()) {
                for (String[] route : routes(o)) {
                    checked++;
                    var r = api.get(route[0], who.token());
                    String expected = expectation(who, o, route[1]);
                    String actual = r.status() + " " + (r.status() == 200 ? r.json().path("id").asText() : r.message());
                    if (r.status() == 404 && !Ids.fromKey(who.integrationKey()).equals(r.json().path("additional_data").path("integration_id").asText())) {
                        actual += " (integration_id " + r.json().path("additional_data") + ")";
                    }
                    if (!expected.equals(actual)) {
                        mismatches.add(who.name() + " " + who.token().substring(12, 24) + " GET " + route[0] + " (" + o.key() + ")\n    expected " + expected
                                + "\n    actual   " + actual);
                    }
                }
            }
        }
        assertTrue(checked > 1000, "checked " + checked);
        assertEquals(List.of(), mismatches, () -> mismatches.size() + " mismatches:\n" + String.join("\n", mismatches));
    }

    /** Each object on its own route, and everything except data sources and views also as a block. */
    static List<String[]> routes(Obj o) {
        List<String[]> out = new ArrayList<>();
        switch (o.kind()) {
            case "page" -> out.add(new String[] {"/v1/pages/" + o.id(), "page"});
            case "database" -> out.add(new String[] {"/v1/databases/" + o.id(), "database"});
            case "data_source" -> out.add(new String[] {"/v1/data_sources/" + o.id(), "data_source"});
            case "view" -> out.add(new String[] {"/v1/views/" + o.id(), "view"});
            default -> { }
        }
        if (!"data_source".equals(o.kind()) && !"view".equals(o.kind())) {
            out.add(new String[] {"/v1/blocks/" + o.id(), "block"});
        }
        return out;
    }

    static String expectation(Who who, Obj o, String noun) {
        if (who.status() == 401) {
            return "401 API token is invalid.";
        }
        if (who.status() == 403) {
            return "403 Insufficient permissions for this endpoint.";
        }
        if (visible(who, o)) {
            return "200 " + o.id();
        }
        return "404 Could not find " + noun + " with ID: " + o.id() + ". Make sure the relevant pages and databases are shared with your integration \""
                + who.name() + "\".";
    }

    @Test
    void searchReturnsExactlyTheVisiblePagesAndDataSources() {
        for (Who who : WHO) {
            if (who.status() != 0) {
                continue;
            }
            Set<String> expected = new TreeSet<>();
            for (Obj o : objects.values()) {
                if (("page".equals(o.kind()) || "data_source".equals(o.kind())) && !o.trashed() && visible(who, o)) {
                    expected.add(o.id());
                }
            }
            Set<String> actual = new TreeSet<>();
            String cursor = null;
            int pages = 0;
            do {
                var r = api.post("/v1/search", who.token(), cursor == null ? "{\"page_size\": 100}" : "{\"page_size\": 100, \"start_cursor\": \"" + cursor + "\"}");
                assertOk(r);
                r.json().path("results").forEach(x -> actual.add(x.path("id").asText()));
                cursor = r.json().path("has_more").asBoolean() ? r.json().path("next_cursor").asText() : null;
                pages++;
            } while (cursor != null && pages < 20);
            assertEquals(expected, actual, who.name() + " " + who.token());
        }
    }
}
