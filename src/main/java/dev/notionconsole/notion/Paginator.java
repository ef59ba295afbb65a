package dev.notionconsole.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.core.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The one cursor loop (docs/notion-api.md §3.6), behind {@link NotionClient#paginate} and the saved-connection caller:
 * follows {@code next_cursor} while {@code has_more}, rejects a repeated cursor, stops at the first failed page.
 */
public final class Paginator {
    private Paginator() {
    }

    /** Sends one page: a bare client, or a saved connection's caller (which may renew its token in between). */
    @FunctionalInterface
    public interface PageSender {
        Exchange send(ApiRequest page, CancellationToken cancel, CallObserver observer) throws IOException;
    }

    public static PageResult run(PageSender sender, LongSupplier nanoTime, ApiRequest request, CursorPlacement placement,
                          CancellationToken cancel, CallObserver obs, Consumer<Exchange> onPage) throws IOException {
        boolean inQuery = placement == CursorPlacement.QUERY;
        ObjectNode bodyTemplate = inQuery ? null : bodyObject(request);
        long t0 = nanoTime.getAsLong();
        List<JsonNode> results = new ArrayList<>();
        Set<String> seenCursors = new HashSet<>();
        String cursor = null;
        int pages = 0;
        boolean truncated = false;
        Exchange last = null;
        while (true) {
            cancel.throwIfCancelled();
            ApiRequest page = inQuery ? queryPage(request, cursor) : bodyPage(request, bodyTemplate, cursor);
            last = sender.send(page, cancel, obs);
            pages++;
            onPage.accept(last);
            if (!last.ok()) {
                return result(nanoTime, results, pages, last, last, null, truncated, t0);
            }
            JsonNode json = last.json();
            if (json == null || !json.isObject()) {
                return result(nanoTime, results, pages, last, null,
                        "page " + pages + " was not a JSON list envelope", truncated, t0);
            }
            JsonNode items = itemsOf(json);
            if (items != null) {
                items.forEach(results::add);
            }
            JsonNode status = json.path("request_status");
            if ("incomplete".equals(status.path("type").asText())) {
                truncated = true;
            }
            JsonNode next = json.get("next_cursor");
            boolean hasMore = json.path("has_more").asBoolean(false);
            if (!hasMore || next == null || next.isNull() || next.asText().isEmpty()) {
                return result(nanoTime, results, pages, last, null, null, truncated, t0);
            }
            cursor = next.asText();
            if (!seenCursors.add(cursor)) {
                return result(nanoTime, results, pages, last, null,
                        "stopped: the server sent the same next_cursor twice", truncated, t0);
            }
        }
    }

    private static PageResult result(LongSupplier nanoTime, List<JsonNode> results, int pages, Exchange last,
                                     Exchange failure, String note, boolean truncated, long t0) {
        return new PageResult(results, pages, last, failure, note, truncated,
                java.time.Duration.ofNanos(nanoTime.getAsLong() - t0));
    }

    /** {@code results}, or for list-like answers without it (data-source templates) the one array field. */
    private static JsonNode itemsOf(JsonNode json) {
        if (json.has("results") && json.get("results").isArray()) {
            return json.get("results");
        }
        JsonNode found = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isArray()) {
                if (found != null) {
                    return null;
                }
                found = e.getValue();
            }
        }
        return found;
    }

    private static ApiRequest queryPage(ApiRequest request, String cursor) {
        ApiRequest r = request;
        if (r.queryParam("page_size").isEmpty()) {
            r = r.withQuery("page_size", String.valueOf(NotionClient.PAGE_SIZE));
        }
        // the first page keeps a start_cursor the caller set (resuming); later pages use next_cursor verbatim
        return cursor == null ? r : r.withQuery("start_cursor", cursor);
    }

    private static ObjectNode bodyObject(ApiRequest request) {
        String text = request.bodyText().orElse(null);
        if (text == null) {
            return Json.mapper().createObjectNode();
        }
        JsonNode parsed = BodyParsing.parseJson(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (parsed == null || !parsed.isObject()) {
            throw new IllegalArgumentException("To page through a " + request.method()
                    + " request its body must be a JSON object; it is not valid JSON.");
        }
        return (ObjectNode) parsed;
    }

    private static ApiRequest bodyPage(ApiRequest request, ObjectNode template, String cursor) {
        ObjectNode body = template.deepCopy();
        if (!body.has("page_size")) {
            body.put("page_size", NotionClient.PAGE_SIZE);
        }
        if (cursor == null) {
            if (body.has("start_cursor") && body.get("start_cursor").isNull()) {
                body.remove("start_cursor"); // a null cursor is dropped, never sent as "null" (docs/notion-api.md §3.6)
            }
        } else {
            body.put("start_cursor", cursor);
        }
        return request.body(Json.compact(body));
    }
}
