package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Jsonish;
import dev.notionconsole.sandbox.model.Block;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.RichText;
import dev.notionconsole.sandbox.model.SandboxModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates block objects as clients send them ({type?, <type>: {rich_text, ..., children?}}) and creates them
 * in the tree (docs/notion-api.md §2.2, 3.5, 4.6): at most 100 children per array, at most two nesting levels per
 * request, at most 1000 blocks per request.
 */
public final class BlockFactory {
    public static final int MAX_BLOCKS_PER_REQUEST = 1000;
    /** "Up to two levels of nesting in a single request": a block, its children and theirs (docs/notion-api.md §2.2). */
    public static final int MAX_LEVELS = 3;
    /** Types that carry rich_text. */
    static final Set<String> TEXT_TYPES = Set.of("paragraph", "heading_1", "heading_2", "heading_3", "heading_4",
            "bulleted_list_item", "numbered_list_item", "quote", "to_do", "toggle", "callout", "code");
    /** Types a client may create. child_page/child_database are made through the pages/databases endpoints. */
    public static final Set<String> CREATABLE = Set.of("paragraph", "heading_1", "heading_2", "heading_3", "heading_4",
            "bulleted_list_item", "numbered_list_item", "quote", "to_do", "toggle", "callout", "code", "divider",
            "breadcrumb", "table_of_contents", "column_list", "column", "equation", "bookmark", "embed", "image", "video",
            "pdf", "file", "audio", "link_to_page", "synced_block", "table", "table_row", "link_preview", "tab");

    private BlockFactory() {
    }

    /** Validates an array of request blocks; returns how many blocks it holds in total. */
    public static int validate(JsonNode children, String path, int depth, int maxDepth) {
        Params.requireArray(children, path);
        int count = 0;
        for (int i = 0; i < children.size(); i++) {
            count += validateOne(children.get(i), path + "[" + i + "]", depth, maxDepth);
        }
        return count;
    }

    private static int validateOne(JsonNode block, String path, int depth, int maxDepth) {
        Params.requireObject(block, path);
        String type = typeOf(block);
        if (type == null || !CREATABLE.contains(type)) {
            throw ApiError.bodyInvalid(path + ".type should be a supported block type, instead was `"
                    + Jsonish.show(block.has("type") ? block.get("type") : null) + "`.");
        }
        JsonNode value = block.get(type);
        if (value == null) {
            throw ApiError.bodyInvalid(path + "." + type + " should be defined, instead was `undefined`.");
        }
        Params.requireObject(value, path + "." + type);
        if (TEXT_TYPES.contains(type)) {
            JsonNode rt = value.get("rich_text");
            if (rt == null && value.has("text")) {
                rt = value.get("text");
            }
            Params.richText(rt == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode() : rt,
                    path + "." + type + ".rich_text");
        }
        int count = 1;
        JsonNode kids = value.get("children");
        if (kids != null) {
            if (depth + 1 > maxDepth) {
                throw ApiError.bodyInvalid(path + "." + type + ".children should be not present, instead was `"
                        + Jsonish.show(kids) + "`.");
            }
            count += validate(kids, path + "." + type + ".children", depth + 1, maxDepth);
        }
        return count;
    }

    static String typeOf(JsonNode block) {
        if (block.hasNonNull("type")) {
            return block.get("type").asText();
        }
        for (String t : CREATABLE) {
            if (block.has(t)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Creates validated request blocks under a parent at an index (-1: end) and returns the new first-level blocks.
     */
    public static List<Block> create(SandboxModel model, Node parent, int index, JsonNode children, Instant now, String userId,
                                     Supplier<String> ids) {
        List<Block> created = new ArrayList<>();
        int at = index;
        for (JsonNode in : children) {
            String type = typeOf(in);
            ObjectNode value = ((ObjectNode) in.get(type)).deepCopy();
            JsonNode kids = value.remove("children");
            normalise(type, value);
            Block b = new Block(ids.get(), parent.workspace(), type, value, null);
            b.setCreated(now, userId);
            model.attach(b, parent, at);
            if (at >= 0) {
                at++;
            }
            created.add(b);
            if (kids != null) {
                create(model, b, -1, kids, now, userId, ids);
            }
        }
        return created;
    }

    /** Fills in the response-shape defaults: normalised rich text, color, checked, language. */
    public static void normalise(String type, ObjectNode value) {
        if (TEXT_TYPES.contains(type)) {
            JsonNode rt = value.has("rich_text") ? value.get("rich_text") : value.remove("text");
            ArrayNode normal = RichText.normalise(rt);
            value.remove("rich_text");
            value.set("rich_text", normal);
            if (!value.has("color")) {
                value.put("color", "default");
            }
            if ("to_do".equals(type) && !value.has("checked")) {
                value.put("checked", false);
            }
            if ("code".equals(type)) {
                if (!value.has("language")) {
                    value.put("language", "plain text");
                }
                if (!value.has("caption")) {
                    value.putArray("caption");
                }
            }
            if (type.startsWith("heading_") && !value.has("is_toggleable")) {
                value.put("is_toggleable", false);
            }
        }
    }
}
