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
import dev.notionconsole.sandbox.model.Block;
import dev.notionconsole.sandbox.model.Capability;
import dev.notionconsole.sandbox.model.Database;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code GET|PATCH /v1/pages/{page_id}/markdown} (docs/notion-api.md §2.1; SDK {@code PageMarkdownResponse}; Notion's
 * "Update a page's content as markdown" reference; decision 0067): the page's blocks as enhanced markdown
 * ({@link Markdown}), and edits by {@code insert_content} (position start or end), {@code replace_content} and
 * {@code update_content} (search and replace on the markdown, then a replace), and the legacy ellipsis selections
 * ({@code insert_content.after}, {@code replace_content_range}: "start text...end text", the range from the first
 * occurrence of the start text to the end text). Child pages and databases survive a replace only when the new
 * markdown still references them, or when {@code allow_deleting_content} is true.
 * Read content to read, update content to write; a database or block ID is the "is a database, not a page" 400.
 */
public final class PageMarkdownApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> COMMANDS = Set.of("insert_content", "replace_content", "update_content", "replace_content_range");
    /** Nesting a markdown edit may create [inf: Notion states no limit for markdown; the blocks API allows 2 levels per call]. */
    private static final int MAX_DEPTH = 8;

    private PageMarkdownApi() {
    }

    public static void register(Router router) {
        router.route("GET", "/v1/pages/{page_id}/markdown").handle(PageMarkdownApi::retrieve);
        router.route("PATCH", "/v1/pages/{page_id}/markdown").mutating().handle(PageMarkdownApi::update);
    }

    static Response retrieve(Call call) {
        String id = Params.pathId(call, "page_id");
        String transcript = call.queryParam("include_transcript");
        if (transcript != null && !"true".equals(transcript) && !"false".equals(transcript)) {
            throw ApiError.queryInvalid("query.include_transcript should be a boolean, instead was `" + Jsonish.quote(transcript) + "`.");
        }
        Access.require(call, Capability.READ_CONTENT);
        return Response.ok(answer(Access.page(call, id)));
    }

    /** {@code {object:"page_markdown", id, markdown, truncated, unknown_block_ids}}. */
    private static ObjectNode answer(Page page) {
        ObjectNode o = F.objectNode();
        o.put("object", "page_markdown");
        o.put("id", page.id());
        o.put("markdown", Markdown.render(page));
        o.put("truncated", false);
        o.putArray("unknown_block_ids");
        return o;
    }

    static Response update(Call call) {
        String id = Params.pathId(call, "page_id");
        ObjectNode body = call.body();
        Params.onlyKeys(body, "body", Set.of("type", "allow_async", "insert_content", "replace_content", "update_content", "replace_content_range"));
        String type = Params.requireString(Params.required(body, "type", "body"), "body.type");
        if (!COMMANDS.contains(type)) {
            throw ApiError.bodyInvalid("body.type should be `\"insert_content\"`, `\"replace_content\"`, `\"update_content\"` or "
                    + "`\"replace_content_range\"`, instead was `" + Jsonish.quote(type) + "`.");
        }
        for (String other : COMMANDS) {
            if (!other.equals(type) && body.has(other)) {
                throw ApiError.bodyInvalid("body." + other + " should be not present, instead was `" + Jsonish.show(body.get(other)) + "`.");
            }
        }
        if (body.has("allow_async")) {
            Params.requireBoolean(body.get("allow_async"), "body.allow_async"); // accepted; the sandbox always answers synchronously
        }
        ObjectNode cmd = Params.requireObject(Params.required(body, type, "body"), "body." + type);
        Edit edit = switch (type) {
            case "insert_content" -> insert(cmd);
            case "replace_content" -> {
                Params.onlyKeys(cmd, "body.replace_content", Set.of("new_str", "allow_deleting_content"));
                String md = Params.requireString(Params.required(cmd, "new_str", "body.replace_content"), "body.replace_content.new_str");
                yield new Edit(page -> md, -1, null, allowDeleting(cmd, "body.replace_content"));
            }
            case "update_content" -> update(cmd);
            default -> {
                Params.onlyKeys(cmd, "body.replace_content_range", Set.of("content", "content_range", "allow_deleting_content"));
                String content = Params.requireString(Params.required(cmd, "content", "body.replace_content_range"), "body.replace_content_range.content");
                String range = Params.requireString(Params.required(cmd, "content_range", "body.replace_content_range"),
                        "body.replace_content_range.content_range");
                yield new Edit(page -> {
                    String md = Markdown.render(page);
                    int[] at = select(md, range, "content_range");
                    return md.substring(0, at[0]) + content + md.substring(at[1]);
                }, -1, null, allowDeleting(cmd, "body.replace_content_range"));
            }
        };
        Access.require(call, Capability.UPDATE_CONTENT);
        Page page = Access.page(call, id);
        String actor = call.identity().bot().id();
        if (edit.insert != null) {
            BlockFactory.create(call.model(), page, edit.index, edit.insert, call.model().nowMinute(), actor, call.model()::newId);
        } else {
            replaceAll(call, page, edit.newMarkdown.apply(page), edit.allowDeleting);
        }
        page.touch(call.model().nowMinute(), actor);
        return Response.ok(answer(page));
    }

    /** A validated edit: blocks to insert at an index, or the page's new markdown (computed from the page). */
    private record Edit(java.util.function.Function<Page, String> newMarkdown, int index, ArrayNode insert, boolean allowDeleting) {
    }

    private static Edit insert(ObjectNode cmd) {
        Params.onlyKeys(cmd, "body.insert_content", Set.of("content", "after", "position"));
        String content = Params.requireString(Params.required(cmd, "content", "body.insert_content"), "body.insert_content.content");
        if (cmd.has("after") && cmd.has("position")) {
            throw ApiError.validation("Both insert_content.after and insert_content.position are provided. Use only one insertion target.");
        }
        if (cmd.has("after")) {
            String after = Params.requireString(cmd.get("after"), "body.insert_content.after");
            newBlocks(content, "body.insert_content.content");
            return new Edit(page -> {
                String md = Markdown.render(page);
                // After the line the selection ends in: new blocks go between blocks, never inside one.
                int end = select(md, after, "after")[1];
                int eol = md.indexOf('\n', end);
                end = eol < 0 ? md.length() : eol;
                return md.substring(0, end) + "\n" + content + md.substring(end);
            }, -1, null, false);
        }
        int index = -1;
        if (cmd.has("position")) {
            String pos = Params.requireString(Params.requireObject(cmd.get("position"), "body.insert_content.position").get("type"),
                    "body.insert_content.position.type");
            if (!"start".equals(pos) && !"end".equals(pos)) {
                throw ApiError.bodyInvalid("body.insert_content.position.type should be `\"start\"` or `\"end\"`, instead was `" + Jsonish.quote(pos) + "`.");
            }
            index = "start".equals(pos) ? 0 : -1;
        }
        return new Edit(null, index, newBlocks(content, "body.insert_content.content"), false);
    }

    /**
     * Markdown that adds content (insert_content here, {@code markdown} on POST /v1/pages) as validated request
     * blocks; {@code <page>}/{@code <database>} lines cannot place existing objects there.
     */
    static ArrayNode newBlocks(String markdown, String path) {
        ArrayNode blocks = F.arrayNode();
        for (JsonNode item : Markdown.parse(markdown).items()) {
            if (Markdown.Parsed.reference(item) != null) {
                throw ApiError.validation(path + " cannot place existing pages or databases (<page> or <database> lines): move them with "
                        + "POST /v1/pages/{page_id}/move.");
            }
            blocks.add(item);
        }
        BlockFactory.validate(blocks, path, 0, MAX_DEPTH);
        return blocks;
    }

    private static Edit update(ObjectNode cmd) {
        Params.onlyKeys(cmd, "body.update_content", Set.of("content_updates", "allow_deleting_content"));
        JsonNode updates = Params.required(cmd, "content_updates", "body.update_content");
        Params.requireArray(updates, "body.update_content.content_updates");
        for (int i = 0; i < updates.size(); i++) {
            String p = "body.update_content.content_updates[" + i + "]";
            Params.onlyKeys(Params.requireObject(updates.get(i), p), p, Set.of("old_str", "new_str", "replace_all_matches"));
            Params.requireString(Params.required(updates.get(i), "old_str", p), p + ".old_str");
            Params.requireString(Params.required(updates.get(i), "new_str", p), p + ".new_str");
            if (updates.get(i).has("replace_all_matches")) {
                Params.requireBoolean(updates.get(i).get("replace_all_matches"), p + ".replace_all_matches");
            }
        }
        boolean allow = allowDeleting(cmd, "body.update_content");
        return new Edit(page -> {
            String md = Markdown.render(page);
            for (JsonNode u : updates) {
                String oldStr = u.get("old_str").asText();
                String newStr = u.get("new_str").asText();
                int count = oldStr.isEmpty() ? 0 : (md.length() - md.replace(oldStr, "").length()) / oldStr.length();
                if (count == 0) {
                    throw ApiError.validation("update_content: old_str was not found in the page: " + oldStr);
                }
                if (count > 1 && !u.path("replace_all_matches").asBoolean(false)) {
                    throw ApiError.validation("update_content: old_str matches " + count + " places; set replace_all_matches to true: " + oldStr);
                }
                md = md.replace(oldStr, newStr);
            }
            return md;
        }, -1, null, allow);
    }

    /**
     * Where an ellipsis selection ("start text...end text") matches in the markdown: from the first occurrence of the
     * start text to the end of the first end text after it; without "..." the text itself [inf].
     *
     * @return {start, end} offsets
     */
    static int[] select(String markdown, String selection, String field) {
        int dots = selection.indexOf("...");
        String head = dots < 0 ? selection : selection.substring(0, dots);
        String tail = dots < 0 ? "" : selection.substring(dots + 3);
        int start = head.isEmpty() ? -1 : markdown.indexOf(head);
        int end = start < 0 ? -1 : tail.isEmpty() ? start + head.length() : markdown.indexOf(tail, start + head.length());
        if (start < 0 || end < 0) {
            throw ApiError.validation("The " + field + " selection does not match any content in the page: " + selection);
        }
        return new int[] {start, tail.isEmpty() ? end : end + tail.length()};
    }

    private static boolean allowDeleting(ObjectNode cmd, String path) {
        return cmd.has("allow_deleting_content") && Params.requireBoolean(cmd.get("allow_deleting_content"), path + ".allow_deleting_content");
    }

    /**
     * Replaces the page's content by the markdown: old blocks go to the trash, referenced child pages and databases
     * are kept in their new order, unreferenced ones are refused unless allowed (then trashed).
     */
    private static void replaceAll(Call call, Page page, String markdown, boolean allowDeleting) {
        List<JsonNode> items = Markdown.parse(markdown).items();
        List<Node> live = new ArrayList<>();
        for (Node n : page.children()) {
            if (!n.inTrash()) {
                live.add(n);
            }
        }
        List<Node> kept = new ArrayList<>();
        ArrayNode blocks = F.arrayNode();
        for (JsonNode item : items) {
            String url = Markdown.Parsed.reference(item);
            if (url == null) {
                blocks.add(item);
                continue;
            }
            Node ref = null;
            for (Node n : live) {
                if ((n instanceof Page || n instanceof Database) && url.contains(n.id().replace("-", ""))) {
                    ref = n;
                }
            }
            if (ref == null) {
                throw ApiError.validation("The markdown references " + url + ", which is not a child page or database of this page.");
            }
            kept.add(ref);
        }
        BlockFactory.validate(blocks, "markdown", 0, MAX_DEPTH);
        List<String> doomed = new ArrayList<>();
        for (Node n : live) {
            if ((n instanceof Page || n instanceof Database) && !kept.contains(n)) {
                doomed.add(n.id());
            }
        }
        if (!doomed.isEmpty() && !allowDeleting) {
            throw ApiError.validation("The edit would delete child pages or databases: " + String.join(", ", doomed)
                    + ". Set allow_deleting_content to true to allow it.");
        }
        String actor = call.identity().bot().id();
        for (Node n : live) {
            if (n instanceof Block || !kept.contains(n)) {
                n.setInTrash(true);
                n.touch(call.model().nowMinute(), actor);
            }
        }
        int next = 0;
        for (JsonNode item : items) {
            if (Markdown.Parsed.reference(item) != null) {
                call.model().move(kept.get(next++), page, -1);
            } else {
                ArrayNode one = F.arrayNode().add(item);
                BlockFactory.create(call.model(), page, -1, one, call.model().nowMinute(), actor, call.model()::newId);
            }
        }
    }
}
