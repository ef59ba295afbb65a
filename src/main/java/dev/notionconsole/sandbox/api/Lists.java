package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Jsonish;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Pagination (docs/notion-api.md §3.6): opaque cursors, page_size 1..100 (default 100), and, deterministically, the first
 * page of a list longer than {@link #SEGMENT} items cut short there with has_more true, so clients that loop on
 * result count instead of has_more fail here as they would against Notion. Later pages are full, so a walk costs
 * what it costs against Notion (at most one request more), which the explorer's request-count test relies on
 * (decision 0026).
 */
public final class Lists {
    public static final int MAX_PAGE_SIZE = 100;
    /** The first page of a longer list stops after this many items. */
    public static final int SEGMENT = 47;
    private static final String CURSOR_PREFIX = "sbx1.";

    /**
     * A requested window: where to start and how many, and the name of the ordering the cursor belongs to (a search
     * walk's kept order, docs/decisions/0150), or null.
     */
    public record Window(int offset, int size, String ordering) {
        public Window(int offset, int size) {
            this(offset, size, null);
        }
    }

    private Lists() {
    }

    /** Reads page_size/start_cursor from a GET query ("query" location) or POST body ("body" location). */
    public static Window window(JsonNode pageSize, JsonNode startCursor, String location) {
        int size = MAX_PAGE_SIZE;
        if (pageSize != null && !pageSize.isNull()) {
            String path = location + ".page_size";
            int value;
            if (pageSize.isIntegralNumber()) {
                value = pageSize.intValue();
            } else if (pageSize.isTextual() && pageSize.textValue().matches("-?\\d{1,9}")) {
                value = Integer.parseInt(pageSize.textValue());
            } else {
                throw invalid(location, path + " should be a number, instead was `" + Jsonish.show(pageSize) + "`.");
            }
            if (value > MAX_PAGE_SIZE) {
                throw invalid(location, path + " should be ≤ `" + MAX_PAGE_SIZE + "`, instead was `" + value + "`.");
            }
            if (value < 1) {
                throw invalid(location, path + " should be ≥ `1`, instead was `" + value + "`.");
            }
            size = value;
        }
        if (startCursor != null && !startCursor.isNull()) {
            String[] c = decode(startCursor, location);
            return new Window(Integer.parseInt(c[0]), size, c[1]);
        }
        return new Window(0, size);
    }

    private static ApiError invalid(String location, String detail) {
        return "query".equals(location) ? ApiError.queryInvalid(detail) : ApiError.bodyInvalid(detail);
    }

    /** The offset (checked to be a number ≥ 0) and the ordering's name or null, from "o:OFFSET" or "o:OFFSET;r:NAME". */
    private static String[] decode(JsonNode cursor, String location) {
        String path = location + ".start_cursor";
        if (cursor.isTextual() && cursor.textValue().startsWith(CURSOR_PREFIX)) {
            try {
                String s = new String(Base64.getUrlDecoder().decode(cursor.textValue().substring(CURSOR_PREFIX.length())), StandardCharsets.UTF_8);
                if (s.startsWith("o:")) {
                    int cut = s.indexOf(";r:");
                    int offset = Integer.parseInt(cut < 0 ? s.substring(2) : s.substring(2, cut));
                    if (offset >= 0) {
                        return new String[] {Integer.toString(offset), cut < 0 ? null : s.substring(cut + 3)};
                    }
                }
            } catch (IllegalArgumentException e) {
                // falls through to the validation error
            }
        }
        throw invalid(location, path + " should be a valid start_cursor, instead was `" + Jsonish.show(cursor) + "`.");
    }

    static String encode(int offset, String ordering) {
        String s = "o:" + offset + (ordering == null ? "" : ";r:" + ordering);
        return CURSOR_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Builds {@code {object:"list", results, next_cursor, has_more, type, <type>:{}}} for one window of items.
     */
    public static <T> ObjectNode envelope(List<T> items, Window w, String type, Function<T, JsonNode> render) {
        return envelope(items, w, type, render, null);
    }

    /**
     * The same, with the next cursor naming {@code ordering} (a kept search order); {@code render} may answer null for
     * an item that no longer belongs in the list (it is left out: a page may hold fewer than page_size, §3.6).
     */
    public static <T> ObjectNode envelope(List<T> items, Window w, String type, Function<T, JsonNode> render, String ordering) {
        int from = Math.min(w.offset(), items.size());
        int end = Math.min(items.size(), from + w.size());
        if (from < SEGMENT) {
            end = Math.min(end, SEGMENT); // the first page of a long list is short; later pages are full
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("object", "list");
        ArrayNode results = o.putArray("results");
        for (int i = from; i < end; i++) {
            JsonNode r = render.apply(items.get(i));
            if (r != null) {
                results.add(r);
            }
        }
        boolean more = end < items.size();
        if (more) {
            o.put("next_cursor", encode(end, ordering));
        } else {
            o.putNull("next_cursor");
        }
        o.put("has_more", more);
        o.put("type", type);
        o.putObject(type);
        return o;
    }
}
