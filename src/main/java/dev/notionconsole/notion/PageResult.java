package dev.notionconsole.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import java.time.Duration;
import java.util.List;

/**
 * Every page of a list endpoint, combined.
 *
 * @param results   all items, in order
 * @param pages     how many pages were fetched
 * @param lastPage  the last exchange (the failed one when {@code failure} is set)
 * @param failure   the page that came back with an error, else null: results hold what came before it
 * @param stopNote  why fetching stopped early without an HTTP error (a cursor repeated), else null
 * @param truncated the server said {@code request_status: incomplete} (a query hit Notion's result limit)
 * @param total     wall time for all pages, waits included
 */
public record PageResult(List<JsonNode> results, int pages, Exchange lastPage, Exchange failure, String stopNote,
                         boolean truncated, Duration total) {

    public PageResult {
        results = List.copyOf(results);
    }

    /** Every page fetched, the last one said {@code has_more: false}. */
    public boolean complete() {
        return failure == null && stopNote == null;
    }

    /** A list envelope holding everything: {@code {object:"list", results:[...], has_more, next_cursor:null}}. */
    public ObjectNode asListJson() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("object", "list");
        ArrayNode arr = o.putArray("results");
        results.forEach(arr::add);
        o.put("has_more", !complete());
        o.putNull("next_cursor");
        return o;
    }

    @Override
    public String toString() {
        return "PageResult[" + results.size() + " results in " + pages + " pages"
                + (failure != null ? ", stopped at " + failure : "") + (stopNote != null ? ", " + stopNote : "") + "]";
    }
}
