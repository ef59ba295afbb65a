package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.model.Block;
import dev.notionconsole.sandbox.model.Database;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.Page;
import dev.notionconsole.sandbox.model.RichText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subset of Notion's enhanced markdown (Notion's "Enhanced markdown format" guide; docs/notion-api.md §2.1), both ways:
 * paragraphs, headings 1-4, bulleted, numbered and to-do items, quotes, code fences, dividers, toggles, callouts,
 * tab-indented children, and bold, italic, strikethrough, inline code and links in text. Child pages and databases
 * render as {@code <page url="...">Title</page>} and {@code <database url="...">Title</database>} references
 * [inf: the guide's "Page and database references"]; other block types as {@code <unknown url="..." alt="type"/>}.
 */
public final class Markdown {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** "The following characters should be escaped outside of code blocks" (enhanced markdown guide). */
    private static final Pattern SPECIAL = Pattern.compile("([\\\\*~`$\\[\\]<>{}|^])");
    private static final Pattern INLINE = Pattern.compile(
            "\\\\(.)|\\*\\*(.+?)\\*\\*|~~(.+?)~~|`([^`]+)`|\\*(.+?)\\*|\\[([^\\]]+)]\\(([^)\\s]+)\\)");
    private static final Pattern REFERENCE = Pattern.compile("<(page|database) url=\"([^\"]*)\">.*</(page|database)>");
    private static final Pattern NUMBERED = Pattern.compile("\\d+\\. (.*)");

    private Markdown() {
    }

    // ---- blocks -> markdown --------------------------------------------------------------------------------

    /** The page's content (not its title) as enhanced markdown; trashed blocks are left out. */
    public static String render(Node page) {
        StringBuilder sb = new StringBuilder();
        renderChildren(page, 0, sb);
        return sb.toString().stripTrailing();
    }

    private static void renderChildren(Node parent, int depth, StringBuilder sb) {
        for (Node n : parent.children()) {
            if (!n.inTrash()) {
                renderNode(n, depth, sb);
            }
        }
    }

    private static void renderNode(Node n, int depth, StringBuilder sb) {
        String indent = "\t".repeat(depth);
        if (n instanceof Page || n instanceof Database) {
            String tag = n instanceof Page ? "page" : "database";
            sb.append(indent).append('<').append(tag).append(" url=\"").append(Render.url(n)).append("\">")
                    .append(escape(n.plainTitle())).append("</").append(tag).append(">\n");
            return;
        }
        if (!(n instanceof Block b)) {
            return;
        }
        JsonNode v = b.value();
        String text = v.has("rich_text") ? inline(v.get("rich_text")) : "";
        switch (b.type()) {
            case "paragraph" -> sb.append(indent).append(text).append('\n');
            case "heading_1", "heading_2", "heading_3", "heading_4" ->
                    sb.append(indent).append("#".repeat(b.type().charAt(8) - '0')).append(' ').append(text).append('\n');
            case "bulleted_list_item" -> sb.append(indent).append("- ").append(text).append('\n');
            case "numbered_list_item" -> sb.append(indent).append("1. ").append(text).append('\n');
            case "to_do" -> sb.append(indent).append(v.path("checked").asBoolean() ? "- [x] " : "- [ ] ").append(text).append('\n');
            case "quote" -> sb.append(indent).append("> ").append(text).append('\n');
            case "divider" -> sb.append(indent).append("---\n");
            case "code" -> {
                String lang = v.path("language").asText("plain text");
                sb.append(indent).append("```").append(lang).append('\n');
                for (String line : RichText.plain(v.get("rich_text")).split("\n", -1)) {
                    sb.append(indent).append(line).append('\n');
                }
                sb.append(indent).append("```\n");
                return; // code blocks have no children
            }
            case "toggle" -> {
                sb.append(indent).append("<details>\n").append(indent).append("<summary>").append(text).append("</summary>\n");
                renderChildren(b, depth + 1, sb);
                sb.append(indent).append("</details>\n");
                return;
            }
            case "callout" -> {
                sb.append(indent).append("::: callout\n").append(indent).append(text).append('\n');
                renderChildren(b, depth, sb);
                sb.append(indent).append(":::\n");
                return;
            }
            default -> sb.append(indent).append("<unknown url=\"").append(Render.url(b)).append("\" alt=\"").append(b.type()).append("\"/>\n");
        }
        renderChildren(b, depth + 1, sb);
    }

    /** Rich text to inline markdown: annotations and links; mentions and equations as their plain text. */
    static String inline(JsonNode richText) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode item : richText) {
            String s = escape(item.path("plain_text").asText(item.path("text").path("content").asText("")));
            JsonNode a = item.path("annotations");
            if (a.path("code").asBoolean()) {
                s = "`" + item.path("plain_text").asText() + "`";
            }
            if (a.path("italic").asBoolean()) {
                s = "*" + s + "*";
            }
            if (a.path("bold").asBoolean()) {
                s = "**" + s + "**";
            }
            if (a.path("strikethrough").asBoolean()) {
                s = "~~" + s + "~~";
            }
            String href = item.path("href").isTextual() ? item.get("href").asText() : null;
            if (href != null) {
                s = "[" + s + "](" + href + ")";
            }
            sb.append(s);
        }
        return sb.toString();
    }

    static String escape(String text) {
        return SPECIAL.matcher(text).replaceAll("\\\\$1");
    }

    // ---- markdown -> request blocks ------------------------------------------------------------------------

    /** What parsing gives: request-shaped blocks, and references to existing pages or databases (by URL) in order. */
    public record Parsed(List<JsonNode> items) {
        /** The URL of a {@code <page>}/{@code <database>} line, or null for a new block. */
        public static String reference(JsonNode item) {
            return item.path("$reference").asText(null);
        }
    }

    /**
     * Parses markdown into request blocks ({@code {type, <type>: {rich_text, children?}}}) ready for
     * {@link BlockFactory#validate} and {@link BlockFactory#create}. Tab indentation nests children; reference lines
     * become {@code {"$reference": url}} items (top level only).
     */
    public static Parsed parse(String markdown) {
        List<JsonNode> top = new ArrayList<>();
        List<ArrayNode> levels = new ArrayList<>();
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '\t') {
                depth++;
            }
            String line = raw.substring(depth).stripTrailing();
            if (line.isEmpty()) {
                continue;
            }
            ObjectNode block;
            if (line.startsWith("```")) {
                String lang = line.substring(3).trim();
                StringBuilder code = new StringBuilder();
                while (++i < lines.length && !lines[i].trim().equals("```")) {
                    String l = lines[i];
                    int k = 0;
                    while (k < depth && k < l.length() && l.charAt(k) == '\t') {
                        k++;
                    }
                    code.append(code.length() == 0 ? "" : "\n").append(l, k, l.length());
                }
                block = block("code", RichText.of(code.toString()));
                ((ObjectNode) block.get("code")).put("language", lang.isEmpty() ? "plain text" : lang);
            } else {
                Matcher ref = REFERENCE.matcher(line);
                if (ref.matches() && depth == 0) {
                    top.add(F.objectNode().put("$reference", ref.group(2)));
                    levels.clear();
                    continue;
                }
                block = lineBlock(line);
            }
            ArrayNode parentKids = depth == 0 || depth > levels.size() ? null : levels.get(depth - 1);
            if (parentKids == null) {
                top.add(block);
                depth = 0;
            } else {
                parentKids.add(block);
            }
            while (levels.size() > depth) {
                levels.remove(levels.size() - 1);
            }
            String type = block.get("type").asText();
            if (!"code".equals(type) && !"divider".equals(type) && !type.startsWith("heading_")) {
                levels.add(((ObjectNode) block.get(type)).putArray("children"));
            }
        }
        for (JsonNode b : top) {
            pruneEmptyChildren(b);
        }
        return new Parsed(top);
    }

    private static ObjectNode lineBlock(String line) {
        Matcher numbered = NUMBERED.matcher(line);
        for (int level = 4; level >= 1; level--) {
            String hashes = "#".repeat(level) + " ";
            if (line.startsWith(hashes)) {
                return block("heading_" + level, inlineToRichText(line.substring(hashes.length())));
            }
        }
        if (line.startsWith("- [ ] ") || line.startsWith("- [x] ")) {
            ObjectNode b = block("to_do", inlineToRichText(line.substring(6)));
            ((ObjectNode) b.get("to_do")).put("checked", line.charAt(3) == 'x');
            return b;
        }
        if (line.startsWith("- ") || line.startsWith("* ")) {
            return block("bulleted_list_item", inlineToRichText(line.substring(2)));
        }
        if (numbered.matches()) {
            return block("numbered_list_item", inlineToRichText(numbered.group(1)));
        }
        if (line.startsWith("> ")) {
            return block("quote", inlineToRichText(line.substring(2)));
        }
        if (line.equals("---")) {
            ObjectNode b = F.objectNode().put("type", "divider");
            b.putObject("divider");
            return b;
        }
        return block("paragraph", inlineToRichText(line));
    }

    private static ObjectNode block(String type, ArrayNode richText) {
        ObjectNode b = F.objectNode().put("type", type);
        b.putObject(type).set("rich_text", richText);
        return b;
    }

    private static void pruneEmptyChildren(JsonNode block) {
        String type = block.path("type").asText(null);
        if (type == null) {
            return;
        }
        ObjectNode value = (ObjectNode) block.get(type);
        JsonNode kids = value.get("children");
        if (kids != null && kids.isEmpty()) {
            value.remove("children");
        } else if (kids != null) {
            kids.forEach(Markdown::pruneEmptyChildren);
        }
    }

    /** Inline markdown to request rich text: **bold**, *italic*, ~~strike~~, `code`, [text](url), backslash escapes. */
    static ArrayNode inlineToRichText(String text) {
        ArrayNode out = F.arrayNode();
        StringBuilder plain = new StringBuilder();
        Matcher m = INLINE.matcher(text);
        int last = 0;
        while (m.find()) {
            plain.append(text, last, m.start());
            last = m.end();
            if (m.group(1) != null) {
                plain.append(m.group(1));
                continue;
            }
            flush(out, plain);
            if (m.group(2) != null) {
                out.add(styled(unescape(m.group(2)), Map.of("bold", true), null));
            } else if (m.group(3) != null) {
                out.add(styled(unescape(m.group(3)), Map.of("strikethrough", true), null));
            } else if (m.group(4) != null) {
                out.add(styled(m.group(4), Map.of("code", true), null));
            } else if (m.group(5) != null) {
                out.add(styled(unescape(m.group(5)), Map.of("italic", true), null));
            } else {
                out.add(styled(unescape(m.group(6)), Map.of(), m.group(7)));
            }
        }
        plain.append(text.substring(last));
        flush(out, plain);
        return out;
    }

    private static void flush(ArrayNode out, StringBuilder plain) {
        if (plain.length() > 0) {
            out.add(styled(plain.toString(), Map.of(), null));
            plain.setLength(0);
        }
    }

    private static ObjectNode styled(String content, Map<String, Boolean> annotations, String link) {
        ObjectNode item = F.objectNode().put("type", "text");
        ObjectNode t = item.putObject("text").put("content", content);
        if (link != null) {
            t.putObject("link").put("url", link);
        }
        if (!annotations.isEmpty()) {
            ObjectNode a = item.putObject("annotations");
            annotations.forEach(a::put);
        }
        return item;
    }

    private static String unescape(String s) {
        return s.replaceAll("\\\\(.)", "$1");
    }
}
