package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.testsupport.FixtureIds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every core endpoint over real HTTP: shapes, mutations that stick, and the per-token behaviour of notion-api.md 2, 5. */
class EndpointsTest extends SandboxTestBase {

    private static String title(JsonNode page) {
        for (JsonNode p : page.path("properties")) {
            if ("title".equals(p.path("type").asText())) {
                StringBuilder sb = new StringBuilder();
                p.path("title").forEach(t -> sb.append(t.path("plain_text").asText()));
                return sb.toString();
            }
        }
        return null;
    }

    private static List<String> titles(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("results").forEach(r -> out.add("page".equals(r.path("object").asText()) ? title(r) : r.path("title").path(0).path("plain_text").asText()));
        return out;
    }

    // ---- users ---------------------------------------------------------------------------------------------

    @Test
    void usersMeShapePerTokenKind() {
        var internal = api.get("/v1/users/me", FixtureIds.DOCS_SYNC).json();
        assertEquals("bot", internal.path("type").asText());
        assertEquals("workspace", internal.path("bot").path("owner").path("type").asText());
        assertEquals("Acme Robotics", internal.path("bot").path("workspace_name").asText());
        assertTrue(internal.path("bot").path("workspace_limits").path("max_file_upload_size_in_bytes").asLong() > 0);

        var pat = api.get("/v1/users/me", FixtureIds.ALICE_PAT).json();
        assertEquals("user", pat.path("bot").path("owner").path("type").asText());
        assertEquals(FixtureIds.id("alice"), pat.path("bot").path("owner").path("user").path("id").asText());
        assertEquals("alice@acme.example", pat.path("bot").path("owner").path("user").path("person").path("email").asText());

        var oauth = api.get("/v1/users/me", FixtureIds.CRM_ERIN).json();
        assertEquals("user", oauth.path("bot").path("owner").path("type").asText());
        assertEquals("Globex Labs", oauth.path("bot").path("workspace_name").asText());
        assertEquals(5L * 1024 * 1024, oauth.path("bot").path("workspace_limits").path("max_file_upload_size_in_bytes").asLong());
        assertNotEquals(oauth.path("id").asText(), api.get("/v1/users/me", FixtureIds.CRM_BOB).json().path("id").asText(), "one bot per install");

        // any capability set may call /users/me; user info none trims nothing from the bot itself but the owner
        assertOk(api.get("/v1/users/me", FixtureIds.STANDUP_BOT));
        assertOk(api.get("/v1/users/me", FixtureIds.WIKI_READER));
    }

    @Test
    void listUsersMembersAndBotsNoGuests() {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            var r = api.get("/v1/users?page_size=3" + (cursor == null ? "" : "&start_cursor=" + cursor), FixtureIds.DOCS_SYNC);
            assertOk(r);
            assertEquals("user", r.json().path("type").asText());
            assertTrue(r.json().path("results").size() <= 3);
            r.json().path("results").forEach(u -> ids.add(u.path("id").asText()));
            cursor = r.json().path("has_more").asBoolean() ? r.json().path("next_cursor").asText() : null;
        } while (cursor != null);
        assertTrue(ids.contains(FixtureIds.id("alice")));
        assertFalse(ids.contains(FixtureIds.id("dave")), "guests are not listed");
        assertFalse(ids.contains(FixtureIds.id("erin")), "other workspace");
        assertTrue(ids.contains(api.get("/v1/users/me", FixtureIds.DOCS_SYNC).json().path("id").asText()), "bots are listed");

        assertError(api.get("/v1/users", FixtureIds.ALICE_PAT), 403, "restricted_resource");
        assertError(api.get("/v1/users", FixtureIds.WIKI_READER), 403, "restricted_resource");
    }

    @Test
    void retrieveUserTrimmedToUserInfo() {
        var withEmail = api.get("/v1/users/" + FixtureIds.id("bob"), FixtureIds.DOCS_SYNC).json();
        assertEquals("bob@acme.example", withEmail.path("person").path("email").asText());
        var guest = api.get("/v1/users/" + FixtureIds.id("dave"), FixtureIds.DOCS_SYNC);
        assertOk(guest);
        var noEmail = api.get("/v1/users/" + FixtureIds.id("erin"), FixtureIds.LAB).json();
        assertEquals("Erin Moreau", noEmail.path("name").asText());
        assertFalse(noEmail.path("person").has("email"));
        assertError(api.get("/v1/users/" + FixtureIds.id("bob"), FixtureIds.WIKI_READER), 403, "restricted_resource");
        assertError(api.get("/v1/users/" + FixtureIds.id("erin"), FixtureIds.DOCS_SYNC), 404, "object_not_found");
        assertError(api.get("/v1/users/nobody", FixtureIds.DOCS_SYNC), 400, "validation_error");
    }

    // ---- pages ---------------------------------------------------------------------------------------------

    @Test
    void retrievePageShapes() {
        var row = api.get("/v1/pages/" + FixtureIds.id("roadmap-q1"), FixtureIds.DOCS_SYNC).json();
        assertEquals("data_source_id", row.path("parent").path("type").asText());
        assertEquals(FixtureIds.id("roadmap-ds"), row.path("parent").path("data_source_id").asText());
        assertEquals(FixtureIds.id("roadmap"), row.path("parent").path("database_id").asText());
        assertEquals("In progress", row.path("properties").path("Status").path("status").path("name").asText());
        assertEquals("Public API v2", title(row));
        assertTrue(row.path("properties").has("Shipped"), "unset properties show as empty values");
        assertFalse(row.path("properties").path("Shipped").path("checkbox").asBoolean());
        assertTrue(row.path("url").asText().startsWith("https://www.notion.so/Public-API-v2-"));

        var old = api.get("/v1/pages/" + FixtureIds.id("roadmap-q1"), FixtureIds.DOCS_SYNC, "2022-06-28").json();
        assertEquals("database_id", old.path("parent").path("type").asText());

        var filtered = api.get("/v1/pages/" + FixtureIds.id("roadmap-q1") + "?filter_properties=title&filter_properties=Status", FixtureIds.DOCS_SYNC).json();
        assertEquals(Set.of("Name", "Status"), fieldNames(filtered.path("properties")));

        var underBlock = api.get("/v1/pages/" + FixtureIds.id("old-oncall"), FixtureIds.DOCS_SYNC).json();
        assertEquals("block_id", underBlock.path("parent").path("type").asText());
        var wikiRow = api.get("/v1/pages/" + FixtureIds.id("wiki-welcome"), FixtureIds.WIKI_READER).json();
        assertEquals("verified", wikiRow.path("properties").path("Verification").path("verification").path("state").asText());
        var trashed = api.get("/v1/pages/" + FixtureIds.id("old-launch-plan"), FixtureIds.DOCS_SYNC).json();
        assertTrue(trashed.path("in_trash").asBoolean());
        var top = api.get("/v1/pages/" + FixtureIds.id("engineering"), FixtureIds.DOCS_SYNC).json();
        assertEquals("workspace", top.path("parent").path("type").asText());
        // a shared page reports its unshared parent's id; the parent itself is a 404 (notion-api.md 5.2)
        var handbook = api.get("/v1/pages/" + FixtureIds.id("pricing"), FixtureIds.CRM_BOB).json();
        assertEquals(FixtureIds.id("sales"), handbook.path("parent").path("page_id").asText());
        var db = api.get("/v1/databases/" + FixtureIds.id("team-directory"), FixtureIds.WIKI_READER).json();
        assertEquals("database_id", db.path("parent").path("type").asText(), "a database in a wiki");
        assertEquals(FixtureIds.id("company-wiki"), db.path("parent").path("database_id").asText());
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> s = new HashSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }

    @Test
    void createPageUnderAPageAndInADataSource() {
        var created = api.post("/v1/pages", FixtureIds.DOCS_SYNC, """
                {"parent": {"page_id": "%s"}, "properties": {"title": [{"text": {"content": "Release notes"}}]},
                 "icon": {"emoji": "🚀"},
                 "children": [{"paragraph": {"rich_text": [{"text": {"content": "First"}}]}}, {"heading_2": {"rich_text": [{"text": {"content": "Second"}}]}}]}
                """.formatted(FixtureIds.id("handbook")));
        assertOk(created);
        String id = created.json().path("id").asText();
        assertEquals("Release notes", title(created.json()));
        assertEquals("🚀", created.json().path("icon").path("emoji").asText());
        var kids = api.get("/v1/blocks/" + id + "/children", FixtureIds.DOCS_SYNC).json();
        assertEquals(List.of("paragraph", "heading_2"), List.of(kids.path("results").get(0).path("type").asText(), kids.path("results").get(1).path("type").asText()));
        var parentKids = api.get("/v1/blocks/" + FixtureIds.id("handbook") + "/children?page_size=100", FixtureIds.DOCS_SYNC).json();
        assertTrue(parentKids.toString().contains(id), "appears as child_page of its parent");

        var row = api.post("/v1/pages", FixtureIds.DOCS_SYNC, """
                {"parent": {"data_source_id": "%s"}, "properties": {"Task": {"title": [{"text": {"content": "Plugin API"}}]},
                 "State": {"select": {"name": "Blocked"}}, "Assignee": {"people": [{"id": "%s"}]}}}
                """.formatted(FixtureIds.id("tasks-ds"), FixtureIds.id("carol")));
        assertOk(row);
        assertEquals("Blocked", row.json().path("properties").path("State").path("select").path("name").asText(), "new select options are added");
        assertEquals(FixtureIds.id("carol"), row.json().path("properties").path("Assignee").path("people").path(0).path("id").asText());

        assertError(api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"data_source_id\": \"" + FixtureIds.id("roadmap-ds") + "\"}, \"properties\": {\"Nope\": {\"number\": 1}}}"),
                400, "validation_error", "Nope is not a property that exists.");
        assertError(api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"data_source_id\": \"" + FixtureIds.id("roadmap-ds") + "\"}, \"properties\": {\"Status\": {\"status\": {\"name\": \"Maybe\"}}}}"),
                400, "validation_error");
        // legacy parent {database_id} of a multi-source database
        assertError(api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"database_id\": \"" + FixtureIds.id("tasks") + "\"}}"), 400, "validation_error");
        // parent not shared
        assertError(api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("sales") + "\"}}"), 404, "object_not_found");
        // malformed parent: Notion's "Fix one" message
        var bad = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"database_id\": \"https://www.notion.so/x?v=1\"}}");
        assertError(bad, 400, "validation_error",
                "body failed validation: body.parent.database_id should be a valid uuid, instead was `\"https://www.notion.so/x?v=1\"`.");
    }

    @Test
    void workspaceLevelPagesOnlyForPublicConnectionsAndPats() {
        var internal = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"workspace\": true}, \"properties\": {\"title\": [{\"text\": {\"content\": \"Root\"}}]}}");
        assertError(internal, 400, "validation_error");
        assertTrue(internal.message().contains("Internal integrations aren't owned by a single user"), internal.message());
        var pat = api.post("/v1/pages", FixtureIds.ALICE_PAT, "{\"properties\": {\"title\": [{\"text\": {\"content\": \"Alice root\"}}]}}");
        assertOk(pat);
        assertEquals("workspace", pat.json().path("parent").path("type").asText());
        String id = pat.json().path("id").asText();
        assertError(api.get("/v1/pages/" + id, FixtureIds.DOCS_SYNC), 404, "object_not_found");
        var oauth = api.post("/v1/pages", FixtureIds.CRM_BOB, "{\"parent\": {\"workspace\": true}, \"properties\": {\"title\": [{\"text\": {\"content\": \"CRM root\"}}]}}");
        assertOk(oauth);
        assertOk(api.get("/v1/pages/" + oauth.json().path("id").asText(), FixtureIds.CRM_BOB));
    }

    @Test
    void insertOnlyTokensGetPartialObjects() {
        var created = api.post("/v1/pages", FixtureIds.STANDUP_BOT, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("meetings") + "\"}, \"properties\": {\"title\": [{\"text\": {\"content\": \"Standup 2026-11-21\"}}]}}");
        assertOk(created);
        assertEquals(Set.of("object", "id"), fieldNames(created.json()));
        var appended = api.patch("/v1/blocks/" + FixtureIds.id("meetings") + "/children", FixtureIds.STANDUP_BOT, "{\"children\": [{\"paragraph\": {\"rich_text\": [{\"text\": {\"content\": \"note\"}}]}}]}");
        assertOk(appended);
        assertEquals(Set.of("object", "id"), fieldNames(appended.json().path("results").get(0)));
        assertError(api.get("/v1/pages/" + created.json().path("id").asText(), FixtureIds.STANDUP_BOT), 403, "restricted_resource");
        assertError(api.patch("/v1/pages/" + FixtureIds.id("meetings"), FixtureIds.STANDUP_BOT, "{\"in_trash\": true}"), 403, "restricted_resource");
        assertError(api.post("/v1/search", FixtureIds.STANDUP_BOT, "{}"), 403, "restricted_resource");
        // and it still cannot write outside its share
        assertError(api.post("/v1/pages", FixtureIds.STANDUP_BOT, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("engineering") + "\"}}"), 404, "object_not_found");
    }

    @Test
    void updatePageTrashRestoreAndLock() {
        String id = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("postmortems") + "\"}, \"properties\": {\"title\": [{\"text\": {\"content\": \"Draft\"}}]}}")
                .json().path("id").asText();
        var renamed = api.patch("/v1/pages/" + id, FixtureIds.DOCS_SYNC, "{\"properties\": {\"title\": {\"title\": [{\"text\": {\"content\": \"Final\"}}]}}, \"icon\": {\"emoji\": \"📝\"}}");
        assertOk(renamed);
        assertEquals("Final", title(renamed.json()));
        assertEquals("Final", title(api.get("/v1/pages/" + id, FixtureIds.DOCS_SYNC).json()), "mutations stick");
        assertTrue(api.patch("/v1/pages/" + id, FixtureIds.DOCS_SYNC, "{\"in_trash\": true}").json().path("in_trash").asBoolean());
        assertFalse(api.post("/v1/search", FixtureIds.DOCS_SYNC, "{\"query\": \"Final\"}").body().contains(id), "trashed pages leave search");
        assertTrue(api.post("/v1/search", FixtureIds.DOCS_SYNC, "{\"query\": \"Final\", \"filter\": {\"in_trash\": true}}").body().contains(id));
        assertFalse(api.patch("/v1/pages/" + id, FixtureIds.DOCS_SYNC, "{\"in_trash\": false}").json().path("in_trash").asBoolean());
        assertTrue(api.patch("/v1/pages/" + id, FixtureIds.DOCS_SYNC, "2025-09-03", "{\"archived\": true}").json().path("archived").asBoolean());
        assertOk(api.patch("/v1/pages/" + id, FixtureIds.DOCS_SYNC, "{\"in_trash\": false, \"is_locked\": true}"));
        assertError(api.patch("/v1/pages/" + id, FixtureIds.DOCS_SYNC, "{\"properties\": {\"title\": {\"title\": []}}}"), 400, "validation_error");
        assertError(api.patch("/v1/pages/" + id, FixtureIds.WIKI_READER, "{\"in_trash\": true}"), 403, "restricted_resource");
        assertError(api.patch("/v1/pages/" + id, FixtureIds.DOCS_SYNC, "{\"title\": \"x\"}"), 400, "validation_error",
                "body failed validation: body.title should be not present, instead was `\"x\"`.");
    }

    @Test
    void movePageChangesWhoCanSeeIt() {
        String id = api.post("/v1/pages", FixtureIds.ALICE_PAT, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("handbook") + "\"}, \"properties\": {\"title\": [{\"text\": {\"content\": \"Movable\"}}]}}")
                .json().path("id").asText();
        assertOk(api.get("/v1/pages/" + id, FixtureIds.DOCS_SYNC));
        var moved = api.post("/v1/pages/" + id + "/move", FixtureIds.ALICE_PAT, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("archive") + "\"}}");
        assertOk(moved);
        assertEquals(FixtureIds.id("archive"), moved.json().path("parent").path("page_id").asText());
        assertError(api.get("/v1/pages/" + id, FixtureIds.DOCS_SYNC), 404, "object_not_found");
        var intoDs = api.post("/v1/pages/" + id + "/move", FixtureIds.ALICE_PAT, "{\"parent\": {\"data_source_id\": \"" + FixtureIds.id("bugs-ds") + "\"}}");
        assertOk(intoDs);
        assertEquals("Movable", title(intoDs.json()));
        assertTrue(intoDs.json().path("properties").has("Bug"));
        assertOk(api.get("/v1/pages/" + id, FixtureIds.DOCS_SYNC));
        assertError(api.post("/v1/pages/" + FixtureIds.id("handbook") + "/move", FixtureIds.ALICE_PAT, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("first-week") + "\"}}"),
                400, "validation_error");
    }

    @Test
    void propertyItems() {
        var t = api.get("/v1/pages/" + FixtureIds.id("roadmap-q4") + "/properties/title", FixtureIds.DOCS_SYNC).json();
        assertEquals("list", t.path("object").asText());
        assertEquals("property_item", t.path("type").asText());
        assertEquals("Search speed-up", t.path("results").get(0).path("title").path("plain_text").asText());
        String peopleId = api.get("/v1/pages/" + FixtureIds.id("roadmap-q4"), FixtureIds.DOCS_SYNC).json().path("properties").path("Owner").path("id").asText();
        var people = api.get("/v1/pages/" + FixtureIds.id("roadmap-q4") + "/properties/" + peopleId + "?page_size=1", FixtureIds.DOCS_SYNC).json();
        assertEquals(1, people.path("results").size());
        assertTrue(people.path("has_more").asBoolean());
        String pointsId = api.get("/v1/pages/" + FixtureIds.id("roadmap-q4"), FixtureIds.DOCS_SYNC).json().path("properties").path("Points").path("id").asText();
        var points = api.get("/v1/pages/" + FixtureIds.id("roadmap-q4") + "/properties/" + pointsId, FixtureIds.DOCS_SYNC).json();
        assertEquals("property_item", points.path("object").asText());
        assertEquals(3, points.path("number").asInt());
    }

    // ---- blocks --------------------------------------------------------------------------------------------

    @Test
    void blockChildrenAppendUpdateDelete() {
        String page = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("handbook") + "\"}, \"properties\": {\"title\": [{\"text\": {\"content\": \"Blocks\"}}]}}")
                .json().path("id").asText();
        var first = api.patch("/v1/blocks/" + page + "/children", FixtureIds.DOCS_SYNC,
                "{\"children\": [{\"paragraph\": {\"rich_text\": [{\"text\": {\"content\": \"A\"}}]}}, {\"paragraph\": {\"rich_text\": [{\"text\": {\"content\": \"C\"}}]}}]}");
        assertOk(first);
        assertEquals("list", first.json().path("object").asText());
        String a = first.json().path("results").get(0).path("id").asText();
        var afterA = api.patch("/v1/blocks/" + page + "/children", FixtureIds.DOCS_SYNC,
                "{\"children\": [{\"paragraph\": {\"rich_text\": [{\"text\": {\"content\": \"B\"}}]}}], \"position\": {\"type\": \"after_block\", \"after_block\": {\"id\": \"" + a + "\"}}}");
        assertOk(afterA);
        assertOk(api.patch("/v1/blocks/" + page + "/children", FixtureIds.DOCS_SYNC,
                "{\"children\": [{\"toggle\": {\"rich_text\": [{\"text\": {\"content\": \"Start\"}}], \"children\": [{\"paragraph\": {\"rich_text\": []}}]}}], \"position\": {\"type\": \"start\"}}"));
        assertError(api.patch("/v1/blocks/" + page + "/children", FixtureIds.DOCS_SYNC, "{\"children\": [], \"after\": \"" + a + "\"}"), 400, "validation_error");
        assertOk(api.patch("/v1/blocks/" + page + "/children", FixtureIds.DOCS_SYNC, "2025-09-03",
                "{\"children\": [{\"paragraph\": {\"rich_text\": [{\"text\": {\"content\": \"A2\"}}]}}], \"after\": \"" + a + "\"}"));
        List<String> texts = new ArrayList<>();
        var kids = api.get("/v1/blocks/" + page + "/children", FixtureIds.DOCS_SYNC).json();
        kids.path("results").forEach(b -> texts.add(b.path(b.path("type").asText()).path("rich_text").path(0).path("plain_text").asText()));
        assertEquals(List.of("Start", "A", "A2", "B", "C"), texts);
        assertTrue(kids.path("results").get(0).path("has_children").asBoolean());

        String b = afterA.json().path("results").get(0).path("id").asText();
        var updated = api.patch("/v1/blocks/" + b, FixtureIds.DOCS_SYNC, "{\"paragraph\": {\"rich_text\": [{\"text\": {\"content\": \"B!\"}}], \"color\": \"red\"}}");
        assertEquals("B!", updated.json().path("paragraph").path("rich_text").path(0).path("plain_text").asText());
        assertEquals("red", updated.json().path("paragraph").path("color").asText());
        assertError(api.patch("/v1/blocks/" + b, FixtureIds.DOCS_SYNC, "{\"heading_1\": {\"rich_text\": []}}"), 400, "validation_error");
        var deleted = api.delete("/v1/blocks/" + b, FixtureIds.DOCS_SYNC);
        assertTrue(deleted.json().path("in_trash").asBoolean());
        assertFalse(api.get("/v1/blocks/" + page + "/children", FixtureIds.DOCS_SYNC).body().contains(b), "trashed blocks leave the children list");
        assertTrue(api.get("/v1/blocks/" + b, FixtureIds.DOCS_SYNC).json().path("in_trash").asBoolean());
        assertError(api.delete("/v1/blocks/" + b, FixtureIds.WIKI_READER), 403, "restricted_resource");
        // nesting: at most two levels per request (a block, its children and theirs)
        String twoLevels = "{\"toggle\": {\"rich_text\": [], \"children\": [{\"toggle\": {\"rich_text\": [], \"children\": [{\"paragraph\": {\"rich_text\": []}}]}}]}}";
        assertOk(api.patch("/v1/blocks/" + page + "/children", FixtureIds.DOCS_SYNC, "{\"children\": [" + twoLevels + "]}"));
        assertError(api.patch("/v1/blocks/" + page + "/children", FixtureIds.DOCS_SYNC,
                "{\"children\": [{\"toggle\": {\"rich_text\": [], \"children\": [" + twoLevels + "]}}]}"),
                400, "validation_error");
        // old versions returned the parent block from append
        var old = api.patch("/v1/blocks/" + page + "/children", FixtureIds.DOCS_SYNC, "2021-05-13", "{\"children\": [{\"paragraph\": {\"rich_text\": []}}]}");
        assertEquals(page, old.json().path("id").asText());
    }

    @Test
    void childrenPaginationIsOpaqueAndSometimesShort() {
        String page = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("handbook") + "\"}, \"properties\": {\"title\": [{\"text\": {\"content\": \"Long\"}}]}}")
                .json().path("id").asText();
        for (int batch = 0; batch < 2; batch++) {
            StringBuilder sb = new StringBuilder("{\"children\": [");
            for (int i = 0; i < 60; i++) {
                sb.append(i == 0 ? "" : ",").append("{\"paragraph\": {\"rich_text\": [{\"text\": {\"content\": \"").append(batch * 60 + i).append("\"}}]}}");
            }
            assertOk(api.patch("/v1/blocks/" + page + "/children", FixtureIds.DOCS_SYNC, sb.append("]}").toString()));
        }
        List<Integer> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            var r = api.get("/v1/blocks/" + page + "/children?page_size=100" + (cursor == null ? "" : "&start_cursor=" + cursor), FixtureIds.DOCS_SYNC).json();
            pageSizes.add(r.path("results").size());
            r.path("results").forEach(b -> seen.add(Integer.parseInt(b.path("paragraph").path("rich_text").path(0).path("plain_text").asText())));
            cursor = r.path("has_more").asBoolean() ? r.path("next_cursor").asText() : null;
            if (cursor != null) {
                assertFalse(cursor.matches("\\d+"), "cursors are opaque");
            }
        } while (cursor != null);
        assertEquals(120, seen.size());
        for (int i = 0; i < 120; i++) {
            assertEquals(i, seen.get(i));
        }
        assertTrue(pageSizes.get(0) < 100, "a page shorter than page_size with has_more true: " + pageSizes);
        assertError(api.get("/v1/blocks/" + page + "/children?start_cursor=garbage", FixtureIds.DOCS_SYNC), 400, "validation_error");
    }

    // ---- databases and data sources ------------------------------------------------------------------------

    @Test
    void databaseShapesByVersion() {
        var now = api.get("/v1/databases/" + FixtureIds.id("roadmap"), FixtureIds.DOCS_SYNC).json();
        assertEquals(FixtureIds.id("roadmap-ds"), now.path("data_sources").get(0).path("id").asText());
        assertFalse(now.has("properties"));
        assertTrue(now.path("is_inline").asBoolean());
        var old = api.get("/v1/databases/" + FixtureIds.id("roadmap"), FixtureIds.DOCS_SYNC, "2022-06-28").json();
        assertTrue(old.path("properties").has("Status"));
        assertFalse(old.has("data_sources"));
        var ds = api.get("/v1/data_sources/" + FixtureIds.id("roadmap-ds"), FixtureIds.DOCS_SYNC).json();
        assertEquals("data_source", ds.path("object").asText());
        assertEquals(FixtureIds.id("roadmap"), ds.path("parent").path("database_id").asText());
        assertEquals("page_id", ds.path("database_parent").path("type").asText());
        assertEquals("status", ds.path("properties").path("Status").path("type").asText());
    }

    @Test
    void relationsToUnsharedDatabasesAreLeftOut() {
        // Roadmap relates to Sales' Customers: Docs Sync cannot see Customers, Alice can (notion-api.md 5.2)
        assertFalse(api.get("/v1/data_sources/" + FixtureIds.id("roadmap-ds"), FixtureIds.DOCS_SYNC).json().path("properties").has("Customer"));
        assertFalse(api.get("/v1/pages/" + FixtureIds.id("roadmap-q1"), FixtureIds.DOCS_SYNC).json().path("properties").has("Customer"));
        var schema = api.get("/v1/data_sources/" + FixtureIds.id("roadmap-ds"), FixtureIds.ALICE_PAT).json().path("properties").path("Customer");
        assertEquals(FixtureIds.id("customers/data_source"), schema.path("relation").path("data_source_id").asText());
        assertEquals(FixtureIds.id("customers"), schema.path("relation").path("database_id").asText());
        var value = api.get("/v1/pages/" + FixtureIds.id("roadmap-q1"), FixtureIds.ALICE_PAT).json().path("properties").path("Customer");
        assertEquals(List.of(FixtureIds.id("customer-initech"), FixtureIds.id("customer-hooli")),
                List.of(value.path("relation").get(0).path("id").asText(), value.path("relation").get(1).path("id").asText()));
        assertFalse(value.path("has_more").asBoolean());
    }

    @Test
    void createAndUpdateDatabasesAndDataSources() {
        var created = api.post("/v1/databases", FixtureIds.DOCS_SYNC, """
                {"parent": {"type": "page_id", "page_id": "%s"}, "title": [{"text": {"content": "Deploys"}}], "is_inline": true,
                 "initial_data_source": {"properties": {"Service": {"title": {}}, "Env": {"select": {"options": [{"name": "prod"}, {"name": "staging"}]}}}}}
                """.formatted(FixtureIds.id("engineering")));
        assertOk(created);
        String db = created.json().path("id").asText();
        String ds = created.json().path("data_sources").get(0).path("id").asText();
        assertOk(api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"data_source_id\": \"" + ds + "\"}, \"properties\": {\"Service\": {\"title\": [{\"text\": {\"content\": \"api\"}}]}, \"Env\": {\"select\": {\"name\": \"prod\"}}}}"));
        var renamed = api.patch("/v1/databases/" + db, FixtureIds.DOCS_SYNC, "{\"title\": [{\"text\": {\"content\": \"Deployments\"}}]}");
        assertEquals("Deployments", renamed.json().path("title").path(0).path("plain_text").asText());
        var schema = api.patch("/v1/data_sources/" + ds, FixtureIds.DOCS_SYNC, "{\"properties\": {\"Env\": {\"name\": \"Environment\"}, \"Healthy\": {\"checkbox\": {}}}}");
        assertOk(schema);
        assertTrue(schema.json().path("properties").has("Environment"));
        assertTrue(schema.json().path("properties").has("Healthy"));
        var row = api.post("/v1/data_sources/" + ds + "/query", FixtureIds.DOCS_SYNC, "{}").json().path("results").get(0);
        assertEquals("prod", row.path("properties").path("Environment").path("select").path("name").asText(), "rename keeps values");
        var second = api.post("/v1/data_sources", FixtureIds.DOCS_SYNC, "{\"parent\": {\"database_id\": \"" + db + "\"}, \"title\": [{\"text\": {\"content\": \"Rollbacks\"}}], \"properties\": {\"Why\": {\"title\": {}}}}");
        assertOk(second);
        assertEquals(2, api.get("/v1/databases/" + db, FixtureIds.DOCS_SYNC).json().path("data_sources").size());
        assertError(api.get("/v1/databases/" + db, FixtureIds.DOCS_SYNC, "2022-06-28"), 400, "validation_error");
        assertError(api.post("/v1/databases", FixtureIds.DOCS_SYNC, "{\"parent\": {\"workspace\": true}, \"title\": []}"), 400, "validation_error");
        assertError(api.post("/v1/data_sources", FixtureIds.DOCS_SYNC, "{\"parent\": {\"database_id\": \"" + db + "\"}}"), 400, "validation_error",
                "body failed validation: body.properties should be defined, instead was `undefined`.");
        // old version: create with properties at the top level
        var oldCreate = api.post("/v1/databases", FixtureIds.DOCS_SYNC, "2022-06-28", "{\"parent\": {\"page_id\": \"" + FixtureIds.id("engineering") + "\"}, \"title\": [], \"properties\": {\"Name\": {\"title\": {}}}}");
        assertOk(oldCreate);
        assertTrue(oldCreate.json().path("properties").has("Name"));
    }

    @Test
    void queryFiltersSortsAndPaginates() {
        String q = "/v1/data_sources/" + FixtureIds.id("roadmap-ds") + "/query";
        assertEquals(List.of("Search speed-up", "SSO for partners"),
                titles(api.post(q, FixtureIds.DOCS_SYNC, "{\"filter\": {\"property\": \"Name\", \"title\": {\"contains\": \"s\"}}, \"sorts\": [{\"property\": \"Name\", \"direction\": \"ascending\"}]}").json()));
        assertEquals(List.of("Offline mode", "Public API v2", "Audit log export", "SSO for partners", "Search speed-up", "Dark theme"),
                titles(api.post(q, FixtureIds.DOCS_SYNC, "{\"sorts\": [{\"property\": \"Points\", \"direction\": \"descending\"}, {\"property\": \"Name\", \"direction\": \"ascending\"}]}").json()));
        assertEquals(List.of("Public API v2", "Search speed-up"),
                titles(api.post(q, FixtureIds.DOCS_SYNC, "{\"filter\": {\"and\": [{\"property\": \"Status\", \"status\": {\"equals\": \"In progress\"}}, {\"property\": \"Points\", \"number\": {\"greater_than\": 1}}]}, \"sorts\": [{\"property\": \"Name\", \"direction\": \"ascending\"}]}").json()));
        assertEquals(List.of("Dark theme", "SSO for partners"),
                titles(api.post(q, FixtureIds.DOCS_SYNC, "{\"filter\": {\"property\": \"Shipped\", \"checkbox\": {\"equals\": true}}, \"sorts\": [{\"property\": \"Name\", \"direction\": \"ascending\"}]}").json()));
        assertEquals(List.of("Public API v2"),
                titles(api.post(q, FixtureIds.DOCS_SYNC, "{\"filter\": {\"or\": [{\"property\": \"Tags\", \"multi_select\": {\"contains\": \"api\"}}]}, \"sorts\": [{\"property\": \"Due\", \"direction\": \"ascending\"}], \"page_size\": 1}").json()));
        var p1 = api.post(q, FixtureIds.DOCS_SYNC, "{\"page_size\": 4, \"sorts\": [{\"property\": \"Name\", \"direction\": \"ascending\"}]}").json();
        assertEquals(4, p1.path("results").size());
        var p2 = api.post(q, FixtureIds.DOCS_SYNC, "{\"page_size\": 4, \"sorts\": [{\"property\": \"Name\", \"direction\": \"ascending\"}], \"start_cursor\": \"" + p1.path("next_cursor").asText() + "\"}").json();
        assertEquals(2, p2.path("results").size());
        assertFalse(p2.path("has_more").asBoolean());
        assertError(api.post(q, FixtureIds.DOCS_SYNC, "{\"filter\": {\"property\": \"Nope\", \"title\": {\"contains\": \"x\"}}}"), 400, "validation_error");
        assertError(api.post(q, FixtureIds.DOCS_SYNC, "{\"sorts\": [{\"property\": \"Name\"}]}"), 400, "validation_error");
        assertError(api.post(q, FixtureIds.WIKI_READER, "{}"), 404, "object_not_found");
        // a wiki returns pages and the data sources of databases inside it
        var wiki = api.post("/v1/data_sources/" + FixtureIds.id("wiki-ds") + "/query", FixtureIds.WIKI_READER, "{}").json();
        Set<String> objects = new HashSet<>();
        wiki.path("results").forEach(r -> objects.add(r.path("object").asText()));
        assertEquals(Set.of("page", "data_source"), objects);
        var onlyPages = api.post("/v1/data_sources/" + FixtureIds.id("wiki-ds") + "/query", FixtureIds.WIKI_READER, "{\"result_type\": \"page\"}").json();
        assertEquals(3, onlyPages.path("results").size());
    }

    @Test
    void templates() {
        var t = api.get("/v1/data_sources/" + FixtureIds.id("roadmap-ds") + "/templates", FixtureIds.DOCS_SYNC).json();
        assertEquals(2, t.path("templates").size());
        assertTrue(t.path("templates").get(0).path("is_default").asBoolean());
        assertFalse(t.path("has_more").asBoolean());
        assertEquals(1, api.get("/v1/data_sources/" + FixtureIds.id("roadmap-ds") + "/templates?name=debt", FixtureIds.DOCS_SYNC).json().path("templates").size());
    }

    // ---- search --------------------------------------------------------------------------------------------

    @Test
    void searchQueryFilterSortAndVersions() {
        var r = api.post("/v1/search", FixtureIds.DOCS_SYNC, "{\"query\": \"road\"}").json();
        assertEquals("page_or_data_source", r.path("type").asText());
        Set<String> objs = new HashSet<>();
        r.path("results").forEach(x -> objs.add(x.path("object").asText() + ":" + x.path("id").asText()));
        assertTrue(objs.contains("data_source:" + FixtureIds.id("roadmap-ds")), objs.toString());
        var pagesOnly = api.post("/v1/search", FixtureIds.DOCS_SYNC, "{\"filter\": {\"property\": \"object\", \"value\": \"page\"}}").json();
        pagesOnly.path("results").forEach(x -> assertEquals("page", x.path("object").asText()));
        var ds = api.post("/v1/search", FixtureIds.DOCS_SYNC, "{\"filter\": {\"property\": \"object\", \"value\": \"data_source\"}}").json();
        Set<String> dsIds = new HashSet<>();
        ds.path("results").forEach(x -> {
            assertEquals("data_source", x.path("object").asText());
            dsIds.add(x.path("id").asText());
        });
        assertTrue(dsIds.containsAll(Set.of(FixtureIds.id("roadmap-ds"), FixtureIds.id("tasks-ds"), FixtureIds.id("bugs-ds"))), dsIds.toString());
        assertFalse(dsIds.contains(FixtureIds.id("customers/data_source")));
        assertError(api.post("/v1/search", FixtureIds.DOCS_SYNC, "{\"filter\": {\"property\": \"object\", \"value\": \"database\"}}"), 400, "validation_error");
        var old = api.post("/v1/search", FixtureIds.DOCS_SYNC, "2022-06-28", "{\"filter\": {\"property\": \"object\", \"value\": \"database\"}}").json();
        assertEquals("page_or_database", old.path("type").asText());
        old.path("results").forEach(x -> assertEquals("database", x.path("object").asText()));
        var asc = api.post("/v1/search", FixtureIds.DOCS_SYNC, "{\"sort\": {\"timestamp\": \"last_edited_time\", \"direction\": \"ascending\"}, \"page_size\": 2}").json();
        assertEquals(2, asc.path("results").size());
        assertTrue(asc.path("results").get(0).path("last_edited_time").asText().compareTo(asc.path("results").get(1).path("last_edited_time").asText()) <= 0);
        assertTrue(asc.path("has_more").asBoolean());
        assertFalse(api.post("/v1/search", FixtureIds.DOCS_SYNC, "{\"query\": \"Pricing\"}").body().contains(FixtureIds.id("pricing")), "unshared pages are not found");
        assertTrue(api.post("/v1/search", FixtureIds.CRM_BOB, "{\"query\": \"Pricing\"}").body().contains(FixtureIds.id("pricing")));
        assertEquals(List.of("Welcome to Acme"), titles(api.post("/v1/search", FixtureIds.WIKI_READER, "{\"query\": \"welcome\", \"sort\": {\"property\": \"relevance\"}}").json()));
    }

    // ---- comments ------------------------------------------------------------------------------------------

    @Test
    void commentsListCreateRetrieve() {
        var list = api.get("/v1/comments?block_id=" + FixtureIds.id("handbook"), FixtureIds.DOCS_SYNC).json();
        assertEquals("comment", list.path("type").asText());
        assertEquals(2, list.path("results").size());
        String discussion = list.path("results").get(0).path("discussion_id").asText();
        assertEquals(discussion, list.path("results").get(1).path("discussion_id").asText());
        var reply = api.post("/v1/comments", FixtureIds.DOCS_SYNC, "{\"discussion_id\": \"" + discussion + "\", \"rich_text\": [{\"text\": {\"content\": \"Done.\"}}]}");
        assertOk(reply);
        assertEquals("integration", reply.json().path("display_name").path("type").asText());
        assertEquals("Docs Sync", reply.json().path("display_name").path("resolved_name").asText());
        var top = api.post("/v1/comments", FixtureIds.CRM_BOB, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("pricing") + "\"}, \"rich_text\": [{\"text\": {\"content\": \"Approved\"}}], \"display_name\": {\"type\": \"user\"}}");
        assertOk(top);
        assertEquals("Bob Lindqvist", top.json().path("display_name").path("resolved_name").asText());
        String id = top.json().path("id").asText();
        assertEquals("Approved", api.get("/v1/comments/" + id, FixtureIds.CRM_BOB).json().path("rich_text").path(0).path("plain_text").asText());
        assertError(api.get("/v1/comments/" + id, FixtureIds.DOCS_SYNC), 404, "object_not_found");
        assertError(api.get("/v1/comments?block_id=" + FixtureIds.id("company-wiki"), FixtureIds.WIKI_READER), 403, "restricted_resource", "Insufficient permissions for this endpoint.");
        assertOk(api.post("/v1/comments", FixtureIds.STANDUP_BOT, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("meetings") + "\"}, \"rich_text\": [{\"text\": {\"content\": \"hi\"}}]}"));
        assertError(api.get("/v1/comments?block_id=" + FixtureIds.id("meetings"), FixtureIds.STANDUP_BOT), 403, "restricted_resource");
        assertError(api.get("/v1/comments", FixtureIds.DOCS_SYNC), 400, "validation_error", "query failed validation: query.block_id should be defined, instead was `undefined`.");
        assertError(api.post("/v1/comments", FixtureIds.DOCS_SYNC, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("handbook") + "\"}}"), 400, "validation_error");
        assertNull(api.get("/v1/comments?block_id=" + FixtureIds.id("sales"), FixtureIds.DOCS_SYNC).json().path("results").get(0));
    }

    @Test
    void crossWorkspaceIdsAreNotFound() {
        assertError(api.get("/v1/pages/" + FixtureIds.id("handbook"), FixtureIds.LAB), 404, "object_not_found");
        assertOk(api.get("/v1/pages/" + FixtureIds.id("research-notes"), FixtureIds.LAB));
        assertOk(api.get("/v1/pages/" + FixtureIds.id("research-notes"), FixtureIds.CRM_ERIN));
        assertError(api.get("/v1/pages/" + FixtureIds.id("globex-board"), FixtureIds.CRM_ERIN), 404, "object_not_found");
    }
}
