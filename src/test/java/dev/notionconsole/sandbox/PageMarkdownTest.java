package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.testsupport.FixtureIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET and PATCH /v1/pages/{id}/markdown over real HTTP (notion-api.md 2.1, decision 0067). */
class PageMarkdownTest extends SandboxTestBase {

    private static String newPage(String title) {
        var r = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("handbook") + "\"}, \"properties\": {\"title\": [{\"text\": {\"content\": \""
                + title + "\"}}]}}");
        assertOk(r);
        return r.json().path("id").asText();
    }

    private static String markdown(String page) {
        var r = api.get("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC);
        assertOk(r);
        return r.json().path("markdown").asText();
    }

    private static List<String> childTypes(String page) {
        List<String> out = new ArrayList<>();
        api.get("/v1/blocks/" + page + "/children", FixtureIds.DOCS_SYNC).json().path("results").forEach(b -> out.add(b.path("type").asText()));
        return out;
    }

    private static String patch(String type, String command) {
        return "{\"type\": \"" + type + "\", \"" + type + "\": " + command + "}";
    }

    private static String json(String s) {
        try {
            return Json.mapper().writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void renderingAPageGivesEnhancedMarkdown() {
        var r = api.get("/v1/pages/" + FixtureIds.id("engineering") + "/markdown", FixtureIds.DOCS_SYNC);
        assertOk(r);
        assertEquals("page_markdown", r.json().path("object").asText());
        assertEquals(FixtureIds.id("engineering"), r.json().path("id").asText());
        assertFalse(r.json().path("truncated").asBoolean());
        assertTrue(r.json().path("unknown_block_ids").isArray());
        String md = r.json().path("markdown").asText();
        assertTrue(md.startsWith("# Engineering\nHome of the engineering team: handbook, roadmap and incident reviews.\n<details>\n<summary>Archive</summary>\n"
                + "\tOlder material kept for reference.\n\t<page url="), md);
        assertTrue(md.contains(">Old On-call Rotation</page>\n</details>\n"), "children indent one tab inside the toggle: " + md);
        assertTrue(md.contains("<page url=\"https://www.notion.so/Engineering-Handbook-" + FixtureIds.id("handbook").replace("-", "") + "\">Engineering Handbook</page>"), md);
        assertTrue(md.contains("<database url=\"") && md.contains(">Roadmap</database>"), md);
        assertTrue(md.contains("<unknown url=\"") && md.contains("alt=\"column_list\"/>"), md);

        String handbook = markdown(FixtureIds.id("handbook"));
        assertTrue(handbook.startsWith("## How we work\n"), handbook);
        assertTrue(handbook.contains("\n- Every incident gets a blameless postmortem.\n- [ ] Read the on-call guide\n```shell\ncurl https://api.notion.com"), handbook);
        assertTrue(handbook.contains("::: callout\nQuestions? Ask in #eng-help.\n:::"), handbook);
    }

    @Test
    void readingFollowsCapabilityVisibilityAndKind() {
        assertError(api.get("/v1/pages/" + FixtureIds.id("sales") + "/markdown", FixtureIds.DOCS_SYNC), 404, "object_not_found",
                "Could not find page with ID: " + FixtureIds.id("sales") + ". Make sure the relevant pages and databases are shared with your integration \"Docs Sync\".");
        assertError(api.get("/v1/pages/" + FixtureIds.id("meetings") + "/markdown", FixtureIds.STANDUP_BOT), 403, "restricted_resource");
        assertError(api.get("/v1/pages/" + FixtureIds.id("roadmap") + "/markdown", FixtureIds.DOCS_SYNC), 400, "validation_error",
                "Provided ID " + FixtureIds.id("roadmap") + " is a database, not a page. Use the retrieve database API instead.");
        assertError(api.get("/v1/pages/" + FixtureIds.id("handbook") + "/markdown?include_transcript=maybe", FixtureIds.DOCS_SYNC), 400, "validation_error");
        assertOk(api.get("/v1/pages/" + FixtureIds.id("handbook") + "/markdown?include_transcript=true", FixtureIds.DOCS_SYNC));
    }

    @Test
    void insertContentAppendsAndPrependsBlocks() {
        String page = newPage("Markdown insert");
        String content = "## Steps\n- one\n\t- nested\n- [x] done\n1. first\n> quoted\n```java\nint x = 1;\n```\n---\nPlain **bold** and [a link](https://example.com) \\*not italic\\*";
        var r = api.patch("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC, patch("insert_content", "{\"content\": " + json(content) + "}"));
        assertOk(r);
        assertEquals(content, r.json().path("markdown").asText(), "what was inserted reads back the same");
        assertEquals(List.of("heading_2", "bulleted_list_item", "to_do", "numbered_list_item", "quote", "code", "divider", "paragraph"), childTypes(page));
        JsonNode blocks = api.get("/v1/blocks/" + page + "/children", FixtureIds.DOCS_SYNC).json().path("results");
        assertTrue(blocks.get(1).path("has_children").asBoolean(), "tab indentation nests");
        assertTrue(blocks.get(2).path("to_do").path("checked").asBoolean());
        assertEquals("java", blocks.get(5).path("code").path("language").asText());
        JsonNode text = blocks.get(7).path("paragraph").path("rich_text");
        assertTrue(text.get(1).path("annotations").path("bold").asBoolean(), text.toString());
        assertEquals("https://example.com", text.get(3).path("href").asText(), text.toString());
        assertEquals(" *not italic*", text.get(4).path("plain_text").asText(), "escapes are literal text");

        api.patch("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC, patch("insert_content", "{\"content\": \"# First\", \"position\": {\"type\": \"start\"}}"));
        assertEquals("heading_1", childTypes(page).get(0));
        assertTrue(markdown(page).startsWith("# First\n## Steps\n"));
    }

    @Test
    void replaceAndUpdateContent() {
        String page = newPage("Markdown replace");
        api.patch("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC, patch("insert_content", "{\"content\": \"Old one\\nOld two\"}"));
        var replaced = api.patch("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC, patch("replace_content", "{\"new_str\": \"# New\\nOnly this\"}"));
        assertOk(replaced);
        assertEquals("# New\nOnly this", replaced.json().path("markdown").asText());
        assertEquals(List.of("heading_1", "paragraph"), childTypes(page));

        var updated = api.patch("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC,
                patch("update_content", "{\"content_updates\": [{\"old_str\": \"Only this\", \"new_str\": \"Only that\"}]}"));
        assertEquals("# New\nOnly that", updated.json().path("markdown").asText());
        assertError(api.patch("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC,
                patch("update_content", "{\"content_updates\": [{\"old_str\": \"missing\", \"new_str\": \"x\"}]}")), 400, "validation_error");
        api.patch("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC, patch("insert_content", "{\"content\": \"Only that\"}"));
        assertError(api.patch("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC,
                patch("update_content", "{\"content_updates\": [{\"old_str\": \"Only that\", \"new_str\": \"Once\"}]}")), 400, "validation_error");
        var all = api.patch("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC,
                patch("update_content", "{\"content_updates\": [{\"old_str\": \"Only that\", \"new_str\": \"Once\", \"replace_all_matches\": true}]}"));
        assertEquals("# New\nOnce\nOnce", all.json().path("markdown").asText());
    }

    @Test
    void ellipsisSelectionsInsertAfterAndReplaceARange() {
        String page = newPage("Markdown selections");
        api.patch("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC, patch("replace_content", "{\"new_str\": \"# One\\nAlpha beta\\n# Two\\nGamma\"}"));
        var after = api.patch("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC, patch("insert_content", "{\"content\": \"- inserted\", \"after\": \"Alpha...beta\"}"));
        assertOk(after);
        assertEquals("# One\nAlpha beta\n- inserted\n# Two\nGamma", after.json().path("markdown").asText());
        var range = api.patch("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC,
                patch("replace_content_range", "{\"content\": \"Replaced\", \"content_range\": \"- inserted...Gamma\"}"));
        assertOk(range);
        assertEquals("# One\nAlpha beta\nReplaced", range.json().path("markdown").asText());
        assertEquals(List.of("heading_1", "paragraph", "paragraph"), childTypes(page));
    }

    @Test
    void childPagesSurviveAReplaceOnlyWhenReferencedOrAllowed() {
        String page = newPage("Markdown parent");
        String child = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"page_id\": \"" + page + "\"}, \"properties\": {\"title\": [{\"text\": {\"content\": \"Kid\"}}]}}")
                .json().path("id").asText();
        api.patch("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC, patch("insert_content", "{\"content\": \"Intro\", \"position\": {\"type\": \"start\"}}"));
        String md = markdown(page);
        String reference = md.substring(md.indexOf("<page"));

        assertError(api.patch("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC, patch("replace_content", "{\"new_str\": \"Gone\"}")), 400, "validation_error");
        assertEquals(md, markdown(page), "a refused edit changes nothing");

        var kept = api.patch("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC, patch("replace_content", "{\"new_str\": " + json(reference + "\nAfter the kid") + "}"));
        assertOk(kept);
        assertEquals(reference + "\nAfter the kid", kept.json().path("markdown").asText(), "the referenced child page stays, in the new order");

        assertOk(api.patch("/v1/pages/" + page + "/markdown", FixtureIds.DOCS_SYNC,
                patch("replace_content", "{\"new_str\": \"Alone\", \"allow_deleting_content\": true}")));
        assertTrue(api.get("/v1/pages/" + child, FixtureIds.DOCS_SYNC).json().path("in_trash").asBoolean(), "allowed: the child page went to the trash");
        assertEquals("Alone", markdown(page));
    }

    @Test
    void editsAreValidatedThenCapabilityThenVisibility() {
        String handbook = "/v1/pages/" + FixtureIds.id("handbook") + "/markdown";
        assertError(api.patch(handbook, FixtureIds.DOCS_SYNC, "{}"), 400, "validation_error",
                "body failed validation: body.type should be defined, instead was `undefined`.");
        assertError(api.patch(handbook, FixtureIds.DOCS_SYNC, "{\"type\": \"rewrite\"}"), 400, "validation_error");
        assertError(api.patch(handbook, FixtureIds.DOCS_SYNC, "{\"type\": \"replace_content\", \"replace_content\": {\"new_str\": \"x\"}, \"insert_content\": {}}"),
                400, "validation_error");
        assertError(api.patch(handbook, FixtureIds.DOCS_SYNC, patch("insert_content", "{\"content\": \"x\", \"after\": \"a...b\", \"position\": {\"type\": \"end\"}}")),
                400, "validation_error", "Both insert_content.after and insert_content.position are provided. Use only one insertion target.");
        assertError(api.patch(handbook, FixtureIds.DOCS_SYNC, patch("replace_content_range", "{\"content\": \"x\", \"content_range\": \"zzz...qqq\"}")), 400,
                "validation_error", "The content_range selection does not match any content in the page: zzz...qqq");
        assertError(api.patch(handbook, FixtureIds.DOCS_SYNC, patch("insert_content", "{\"content\": \"x\", \"after\": \"nowhere\"}")), 400,
                "validation_error", "The after selection does not match any content in the page: nowhere");
        assertError(api.patch(handbook, FixtureIds.DOCS_SYNC, patch("insert_content", "{\"content\": " + json("x".repeat(2001)) + "}")), 400, "validation_error");
        // Wiki Reader is read-only: 403, also on a page it cannot see
        assertError(api.patch("/v1/pages/" + FixtureIds.id("wiki-welcome") + "/markdown", FixtureIds.WIKI_READER, patch("insert_content", "{\"content\": \"x\"}")), 403,
                "restricted_resource", "Insufficient permissions for this endpoint.");
        assertError(api.patch("/v1/pages/" + FixtureIds.id("sales") + "/markdown", FixtureIds.WIKI_READER, patch("insert_content", "{\"content\": \"x\"}")), 403,
                "restricted_resource");
        assertError(api.patch("/v1/pages/" + FixtureIds.id("sales") + "/markdown", FixtureIds.DOCS_SYNC, patch("insert_content", "{\"content\": \"x\"}")), 404,
                "object_not_found");
    }

    @Test
    void createPageWithMarkdownUsesTheSameParser() {
        var r = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("handbook") + "\"}, \"markdown\": \"# Title block\\n- item\\nText\"}");
        assertOk(r);
        assertEquals(List.of("heading_1", "bulleted_list_item", "paragraph"), childTypes(r.json().path("id").asText()));
        assertError(api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("handbook") + "\"}, \"markdown\": " + json("y".repeat(2001)) + "}"),
                400, "validation_error");
    }
}
