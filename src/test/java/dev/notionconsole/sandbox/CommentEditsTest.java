package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.testsupport.FixtureIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PATCH and DELETE /v1/comments/{id} over real HTTP (notion-api.md 2.8, decision 0067): only the connection that
 * wrote a comment may change it, anyone else gets the 404 a hidden comment gets; capability before visibility.
 */
class CommentEditsTest extends SandboxTestBase {
    /** Written by Docs Sync in the default fixture. */
    private static final String OWN = FixtureIds.id("comment-handbook-2");
    /** Written by Alice on the same page. */
    private static final String ALICES = FixtureIds.id("comment-handbook-1");

    private static String text(JsonNode comment) {
        return comment.path("rich_text").path(0).path("plain_text").asText();
    }

    private static List<String> commentIds(String blockId, String token) {
        List<String> out = new ArrayList<>();
        api.get("/v1/comments?block_id=" + blockId, token).json().path("results").forEach(c -> out.add(c.path("id").asText()));
        return out;
    }

    @Test
    void theAuthorConnectionEditsItsComment() {
        var r = api.patch("/v1/comments/" + OWN, FixtureIds.DOCS_SYNC, "{\"rich_text\": [{\"text\": {\"content\": \"Synced again.\"}}]}");
        assertOk(r);
        assertEquals("comment", r.json().path("object").asText());
        assertEquals("Synced again.", text(r.json()));
        assertTrue(r.json().path("last_edited_time").asText().compareTo(r.json().path("created_time").asText()) >= 0);
        assertEquals("Synced again.", text(api.get("/v1/comments/" + OWN, FixtureIds.DOCS_SYNC).json()), "the edit sticks");

        var md = api.patch("/v1/comments/" + OWN, FixtureIds.DOCS_SYNC, "{\"markdown\": \"Synced **thrice**.\"}");
        assertOk(md);
        assertTrue(text(md.json()).startsWith("Synced"), md.toString());
        // the comment keeps its place in its thread
        assertEquals(List.of(ALICES, OWN), commentIds(FixtureIds.id("handbook"), FixtureIds.DOCS_SYNC).subList(0, 2));
    }

    @Test
    void someoneElsesCommentIsNotFound() {
        var r = api.patch("/v1/comments/" + ALICES, FixtureIds.DOCS_SYNC, "{\"markdown\": \"mine now\"}");
        assertError(r, 404, "object_not_found", "Could not find comment with ID: " + ALICES
                + ". Make sure the relevant pages and databases are shared with your integration \"Docs Sync\".");
        assertError(api.delete("/v1/comments/" + ALICES, FixtureIds.DOCS_SYNC), 404, "object_not_found");
        assertEquals("Please keep this page short.", text(api.get("/v1/comments/" + ALICES, FixtureIds.DOCS_SYNC).json()), "untouched");
        // Alice's personal token acts as Alice, but the comment was not written through it either
        assertError(api.patch("/v1/comments/" + ALICES, FixtureIds.ALICE_PAT, "{\"markdown\": \"x\"}"), 404, "object_not_found");
        // a comment on a page Docs Sync cannot see, and one that does not exist
        assertError(api.patch("/v1/comments/" + FixtureIds.id("comment-wiki-1"), FixtureIds.DOCS_SYNC, "{\"markdown\": \"x\"}"), 404, "object_not_found");
        assertError(api.delete("/v1/comments/" + FixtureIds.id("no-such-comment"), FixtureIds.DOCS_SYNC), 404, "object_not_found");
    }

    @Test
    void bodyIsValidatedFirst() {
        assertError(api.patch("/v1/comments/" + OWN, FixtureIds.DOCS_SYNC, "{}"), 400, "validation_error",
                "body failed validation. Fix one: body.rich_text should be defined, instead was `undefined`. "
                        + "body.markdown should be defined, instead was `undefined`.");
        assertError(api.patch("/v1/comments/" + OWN, FixtureIds.DOCS_SYNC, "{\"markdown\": \"a\", \"rich_text\": []}"), 400, "validation_error");
        assertError(api.patch("/v1/comments/" + OWN, FixtureIds.DOCS_SYNC, "{\"markdown\": \"a\", \"parent\": {}}"), 400, "validation_error",
                "body failed validation: body.parent should be not present, instead was `{}`.");
        assertError(api.patch("/v1/comments/" + OWN, FixtureIds.DOCS_SYNC, "{\"rich_text\": [{\"text\": {\"content\": \"" + "x".repeat(2001) + "\"}}]}"),
                400, "validation_error");
        assertError(api.patch("/v1/comments/" + OWN, FixtureIds.DOCS_SYNC, "{\"markdown\": "), 400, "invalid_json");
        assertError(api.patch("/v1/comments/not-an-id", FixtureIds.DOCS_SYNC, "{\"markdown\": \"a\"}"), 400, "validation_error",
                "path failed validation: path.comment_id should be a valid uuid, instead was `\"not-an-id\"`.");
    }

    @Test
    void withoutCommentCapabilityItIsForbiddenBeforeAnyLookup() {
        // Wiki Reader has no comment capability: 403 even for its own wiki's comment and for one it cannot see
        assertError(api.patch("/v1/comments/" + FixtureIds.id("comment-wiki-1"), FixtureIds.WIKI_READER, "{\"markdown\": \"x\"}"), 403,
                "restricted_resource", "Insufficient permissions for this endpoint.");
        assertError(api.delete("/v1/comments/" + ALICES, FixtureIds.WIKI_READER), 403, "restricted_resource");
        assertError(api.patch("/v1/comments/" + OWN, "ntn_not_a_token", "{\"markdown\": \"x\"}"), 401, "unauthorized");
    }

    @Test
    void insertOnlyTokensGetPartialComments() {
        var created = api.post("/v1/comments", FixtureIds.STANDUP_BOT, "{\"parent\": {\"page_id\": \"" + FixtureIds.id("meetings") + "\"}, \"markdown\": \"hi\"}");
        assertOk(created);
        String id = created.json().path("id").asText();
        var edited = api.patch("/v1/comments/" + id, FixtureIds.STANDUP_BOT, "{\"markdown\": \"hello\"}");
        assertOk(edited);
        assertEquals(2, edited.json().size(), "partial {object, id}: " + edited);
        assertEquals("comment", edited.json().path("object").asText());
        assertOk(api.delete("/v1/comments/" + id, FixtureIds.STANDUP_BOT));
    }

    @Test
    void deletingAReplyKeepsTheThreadDeletingTheFirstCommentRemovesIt() {
        String page = FixtureIds.id("onboarding-checklist");
        var first = api.post("/v1/comments", FixtureIds.DOCS_SYNC, "{\"parent\": {\"page_id\": \"" + page + "\"}, \"markdown\": \"Start\"}").json();
        String discussion = first.path("discussion_id").asText();
        String reply1 = api.post("/v1/comments", FixtureIds.DOCS_SYNC, "{\"discussion_id\": \"" + discussion + "\", \"markdown\": \"One\"}").json().path("id").asText();
        String reply2 = api.post("/v1/comments", FixtureIds.DOCS_SYNC, "{\"discussion_id\": \"" + discussion + "\", \"markdown\": \"Two\"}").json().path("id").asText();

        var gone = api.delete("/v1/comments/" + reply1, FixtureIds.DOCS_SYNC);
        assertOk(gone);
        assertEquals(reply1, gone.json().path("id").asText());
        assertEquals("One", text(gone.json()), "delete answers the deleted comment");
        assertEquals(List.of(first.path("id").asText(), reply2), commentIds(page, FixtureIds.DOCS_SYNC));
        assertError(api.get("/v1/comments/" + reply1, FixtureIds.DOCS_SYNC), 404, "object_not_found");
        assertError(api.delete("/v1/comments/" + reply1, FixtureIds.DOCS_SYNC), 404, "object_not_found");

        assertOk(api.delete("/v1/comments/" + first.path("id").asText(), FixtureIds.DOCS_SYNC));
        assertFalse(commentIds(page, FixtureIds.DOCS_SYNC).contains(reply2), "the whole thread went with its first comment");
    }

    @Test
    void theRoutesExistInEveryVersion() {
        // Added in April 2026 without a version bump (notion-api.md 1.3): not invalid_request_url on old versions.
        assertError(api.patch("/v1/comments/" + ALICES, FixtureIds.DOCS_SYNC, "2022-06-28", "{\"markdown\": \"x\"}"), 404, "object_not_found");
        assertError(api.send("DELETE", "/v1/comments/" + ALICES, FixtureIds.DOCS_SYNC, "2021-05-13", null), 404, "object_not_found");
    }
}
