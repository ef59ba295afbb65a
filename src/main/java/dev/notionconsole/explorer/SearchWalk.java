package dev.notionconsole.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One enumeration pass of {@code POST /v1/search} (explorer-diagnostics.md §1.1, §1.6): empty query, one
 * {@code filter.object} value (or only {@code in_trash}), {@code page_size} 100, newest first. Guards: a repeated
 * cursor stops the pass; {@code The start_cursor provided is invalid} restarts it from the beginning with the IDs
 * already seen skipped, at most {@value #MAX_RESTARTS} times, keeping what it had. Never keeps a cursor beyond the pass.
 */
final class SearchWalk {
    static final int PAGE_SIZE = 100;
    static final int MAX_RESTARTS = 3;
    static final String INVALID_CURSOR = "The start_cursor provided is invalid";

    /** Sends one request and counts it (the run's progress and request count). */
    interface Sender {
        Exchange send(ApiRequest request) throws IOException, SecretStoreException;
    }

    /** What a pass ended with. */
    record Outcome(boolean complete, int restarts, Exchange failure) {
    }

    private final Sender sender;
    private final Consumer<MapNote> notes;

    SearchWalk(Sender sender, Consumer<MapNote> notes) {
        this.sender = sender;
        this.notes = notes;
    }

    /**
     * @param objectValue {@code page}, {@code data_source} or {@code database}; null for none
     * @param inTrash     list trashed objects ({@code filter.in_trash}) instead of live ones
     * @param stopBefore  stop at the first result edited before this ISO time (a re-map's watermark), or null
     * @param onResult    each result not seen before in this pass
     * @param onPage      after each page (progress, streaming)
     */
    Outcome run(String objectValue, boolean inTrash, String stopBefore, Consumer<JsonNode> onResult, Runnable onPage)
            throws IOException, SecretStoreException {
        Set<String> seen = new HashSet<>();
        int restarts = 0;
        String label = inTrash ? "trash" : objectValue + "s";
        restart:
        while (true) {
            Set<String> cursors = new HashSet<>();
            String cursor = null;
            while (true) {
                Exchange x = sender.send(ApiRequest.post("/v1/search", body(objectValue, inTrash, cursor)));
                if (!x.ok()) {
                    String message = x.error() == null ? "" : x.error().message();
                    if (cursor != null && x.status() == 400 && message.startsWith(INVALID_CURSOR)) {
                        if (restarts < MAX_RESTARTS) {
                            restarts++;
                            notes.accept(new MapNote(MapNote.Kind.CURSOR_RESTART, null, "search (" + label + "): the cursor expired after "
                                    + seen.size() + " results; restarted from the beginning (" + restarts + " of " + MAX_RESTARTS + ")"));
                            continue restart;
                        }
                        notes.accept(new MapNote(MapNote.Kind.SEARCH_INCOMPLETE, null, "search (" + label + "): the cursor expired again after "
                                + MAX_RESTARTS + " restarts; kept the " + seen.size() + " results found"));
                        return new Outcome(false, restarts, x);
                    }
                    notes.accept(new MapNote(MapNote.Kind.SEARCH_INCOMPLETE, null, "search (" + label + ") failed: " + x.status()
                            + (x.error() == null ? "" : " " + x.error().code() + ": " + message) + "; kept the " + seen.size() + " results found"));
                    return new Outcome(false, restarts, x);
                }
                JsonNode json = x.json();
                boolean stop = false;
                for (JsonNode r : json.path("results")) {
                    if (stopBefore != null && r.path("last_edited_time").asText("").compareTo(stopBefore) < 0) {
                        stop = true;
                        break;
                    }
                    if (seen.add(r.path("id").asText())) {
                        onResult.accept(r);
                    }
                }
                onPage.run();
                if (stop || !json.path("has_more").asBoolean(false) || !json.path("next_cursor").isTextual()) {
                    return new Outcome(true, restarts, null);
                }
                cursor = json.path("next_cursor").asText();
                if (!cursors.add(cursor)) {
                    notes.accept(new MapNote(MapNote.Kind.SEARCH_INCOMPLETE, null, "search (" + label
                            + "): the server sent the same cursor twice; stopped with " + seen.size() + " results"));
                    return new Outcome(false, restarts, null);
                }
            }
        }
    }

    private static String body(String objectValue, boolean inTrash, String cursor) {
        ObjectNode b = Json.mapper().createObjectNode();
        ObjectNode f = b.putObject("filter");
        if (objectValue != null) {
            f.put("property", "object");
            f.put("value", objectValue);
        }
        if (inTrash) {
            f.put("in_trash", true);
        }
        ObjectNode sort = b.putObject("sort");
        sort.put("timestamp", "last_edited_time");
        sort.put("direction", "descending");
        b.put("page_size", PAGE_SIZE);
        if (cursor != null) {
            b.put("start_cursor", cursor);
        }
        return Json.compact(b);
    }
}
