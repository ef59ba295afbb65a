package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.http.Jsonish;
import dev.notionconsole.sandbox.http.Response;
import dev.notionconsole.sandbox.http.Router;
import dev.notionconsole.sandbox.model.Capability;
import dev.notionconsole.sandbox.model.Comment;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.RichText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Comments endpoints (docs/notion-api.md §2.8): read comments to list/retrieve, insert comments to create, update and
 * delete. A connection edits and deletes only comments it wrote; anyone else's answer 404 (decision 0067).
 */
public final class CommentsApi {
    private CommentsApi() {
    }

    public static void register(Router router) {
        router.route("GET", "/v1/comments").handle(CommentsApi::list);
        router.route("POST", "/v1/comments").mutating().handle(CommentsApi::create);
        router.route("GET", "/v1/comments/{comment_id}").handle(CommentsApi::retrieve);
        router.route("PATCH", "/v1/comments/{comment_id}").mutating().handle(CommentsApi::update);
        router.route("DELETE", "/v1/comments/{comment_id}").mutating().handle(CommentsApi::delete);
    }

    static Response list(Call call) {
        String raw = call.queryParam("block_id");
        if (raw == null) {
            throw ApiError.queryInvalid("query.block_id should be defined, instead was `undefined`.");
        }
        String id = Ids.canonical(raw);
        if (id == null) {
            throw ApiError.queryInvalid("query.block_id should be a valid uuid, instead was `" + Jsonish.quote(raw) + "`.");
        }
        Lists.Window w = Lists.window(BlocksApi.text(call.queryParam("page_size")), BlocksApi.text(call.queryParam("start_cursor")), "query");
        Access.require(call, Capability.READ_COMMENTS);
        Node n = Access.block(call, id);
        Render r = new Render(call);
        return Response.ok(Lists.envelope(call.model().commentsOn(n), w, "comment", r::comment));
    }

    static Response create(Call call) {
        ObjectNode body = call.body();
        Params.onlyKeys(body, "body", Set.of("parent", "discussion_id", "rich_text", "markdown", "attachments", "display_name"));
        Mutations.ParentRef parent = null;
        String discussion = null;
        if (body.hasNonNull("discussion_id")) {
            discussion = Params.bodyId(body.get("discussion_id"), "body.discussion_id");
        } else if (body.hasNonNull("parent")) {
            parent = Mutations.parent(body.get("parent"), "body.parent", List.of("page_id", "block_id"));
        } else {
            throw ApiError.validation("body failed validation. Fix one: body.parent should be defined, instead was `undefined`. "
                    + "body.discussion_id should be defined, instead was `undefined`.");
        }
        ArrayNode text = commentText(body);
        if (body.hasNonNull("attachments")) {
            Params.requireArray(body.get("attachments"), "body.attachments");
            if (body.get("attachments").size() > 3) {
                throw ApiError.bodyInvalid("body.attachments.length should be ≤ `3`, instead was `" + body.get("attachments").size() + "`.");
            }
        }
        ObjectNode display = displayName(call, body.get("display_name"));
        Access.require(call, Capability.INSERT_COMMENTS);
        Node target;
        if (discussion != null) {
            Comment first = null;
            for (Comment c : call.model().comments()) {
                if (c.discussionId().equals(discussion) && c.workspace() == call.identity().workspace()) {
                    first = c;
                    break;
                }
            }
            if (first == null || !call.model().visibility().canSee(call.identity(), first.parent())) {
                throw Access.notFound(call, "discussion", discussion);
            }
            target = first.parent();
        } else {
            target = "page_id".equals(parent.type()) ? Access.page(call, parent.id()) : Access.block(call, parent.id());
            discussion = call.model().newId();
        }
        Comment c = new Comment(call.model().newId(), target.workspace(), target, discussion, call.model().nowMinute(),
                call.identity().bot().id(), text, display);
        call.model().addComment(c);
        return Response.ok(new Render(call).comment(c));
    }

    /** The comment's text from rich_text, or from markdown (kept as one plain text run). */
    private static ArrayNode commentText(ObjectNode body) {
        if (body.has("rich_text")) {
            Params.richText(body.get("rich_text"), "body.rich_text");
            return RichText.normalise(body.get("rich_text"));
        }
        if (body.hasNonNull("markdown")) {
            return RichText.of(Params.requireString(body.get("markdown"), "body.markdown"));
        }
        throw ApiError.bodyInvalid("body.rich_text should be defined, instead was `undefined`.");
    }

    /** display_name: integration (default), user (the person behind an OAuth install or PAT), or custom. */
    private static ObjectNode displayName(Call call, JsonNode in) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        String type = "integration";
        String resolved = call.identity().connection().name();
        if (in != null && !in.isNull()) {
            ObjectNode o = Params.requireObject(in, "body.display_name");
            type = Params.requireString(o.get("type"), "body.display_name.type");
            switch (type) {
                case "integration" -> { }
                case "user" -> {
                    if (call.identity().person() == null) {
                        throw ApiError.validation("display_name type user is only available to public integrations and personal access tokens.");
                    }
                    resolved = call.identity().person().name();
                }
                case "custom" -> resolved = Params.requireString(o.path("custom").get("name"), "body.display_name.custom.name");
                default -> throw ApiError.bodyInvalid("body.display_name.type should be `\"integration\"`, `\"user\"` or `\"custom\"`, instead was `"
                        + Jsonish.quote(type) + "`.");
            }
        }
        out.put("type", type);
        out.put("resolved_name", resolved);
        return out;
    }

    static Response retrieve(Call call) {
        String id = Params.pathId(call, "comment_id");
        Access.require(call, Capability.READ_COMMENTS);
        Comment c = call.model().comment(id);
        if (c == null || !call.model().visibility().canSee(call.identity(), c.parent())) {
            throw Access.notFound(call, "comment", id);
        }
        return Response.ok(new Render(call).comment(c));
    }

    /** PATCH: exactly one of rich_text or markdown (Notion's Update a comment reference); the comment must be this connection's. */
    static Response update(Call call) {
        String id = Params.pathId(call, "comment_id");
        ObjectNode body = call.body();
        Params.onlyKeys(body, "body", Set.of("rich_text", "markdown"));
        if (body.has("rich_text") && body.has("markdown")) {
            throw ApiError.validation("body failed validation: provide exactly one of body.rich_text or body.markdown, not both.");
        }
        if (!body.has("rich_text") && !body.has("markdown")) {
            throw ApiError.validation("body failed validation. Fix one: body.rich_text should be defined, instead was `undefined`. "
                    + "body.markdown should be defined, instead was `undefined`.");
        }
        ArrayNode text = commentText(body);
        Access.require(call, Capability.INSERT_COMMENTS);
        Comment edited = ownComment(call, id).edited(text, call.model().nowMinute());
        call.model().replaceComment(edited);
        return Response.ok(commentAnswer(call, edited));
    }

    /**
     * DELETE: removes the comment; deleting the first comment of a discussion removes the whole thread, as a
     * third party observed against Notion (4ier/notion-cli#44) [3p]. Answers the deleted comment.
     */
    static Response delete(Call call) {
        String id = Params.pathId(call, "comment_id");
        Access.require(call, Capability.INSERT_COMMENTS);
        Comment c = ownComment(call, id);
        List<Comment> thread = new ArrayList<>();
        for (Comment other : call.model().commentsOn(c.parent())) {
            if (other.discussionId().equals(c.discussionId())) {
                thread.add(other);
            }
        }
        if (!thread.isEmpty() && thread.get(0) == c) {
            thread.forEach(call.model()::removeComment);
        } else {
            call.model().removeComment(c);
        }
        return Response.ok(commentAnswer(call, c));
    }

    /**
     * A comment this connection wrote and can still see. "A connection can only update comments that it created.
     * Attempting to update a comment created by another user or connection will return a 404 error." (Notion's
     * Update a comment reference; the sandbox applies the same rule to delete.)
     */
    private static Comment ownComment(Call call, String id) {
        Comment c = call.model().comment(id);
        if (c == null || !call.model().visibility().canSee(call.identity(), c.parent()) || !c.createdBy().equals(call.identity().bot().id())) {
            throw Access.notFound(call, "comment", id);
        }
        return c;
    }

    /** Tokens without read comments get the partial {object, id} (SDK PartialCommentObjectResponse; docs/notion-api.md §8). */
    private static ObjectNode commentAnswer(Call call, Comment c) {
        return call.identity().has(Capability.READ_COMMENTS) ? new Render(call).comment(c) : Render.partial("comment", c.id());
    }
}
