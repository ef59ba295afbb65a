package dev.notionconsole.sandbox.ops.cursors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.SearchCursorExpiry;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.http.PostHandler;
import dev.notionconsole.sandbox.http.Response;
import dev.notionconsole.sandbox.http.Router;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes search cursors expire as {@link SearchCursorExpiry} says (explorer-diagnostics.md §0.2). A post-handler on
 * {@code POST /v1/search}: it remembers, per token and query, which walk each cursor it handed out belongs to, how
 * many results that walk has been given and when it began; a {@code start_cursor} of a walk past its limit gets the
 * 400 {@code validation_error} Notion sends, {@code The start_cursor provided is invalid: <cursor>}. A cursor it
 * never handed out (a restarted sandbox) is left to the normal checks. Bounded memory: the oldest cursors are
 * forgotten past {@value #MAX_CURSORS}.
 */
public final class SearchCursorGuard implements PostHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SearchCursorGuard.class);
    static final int MAX_CURSORS = 50_000;

    private final SearchCursorExpiry expiry;
    private final Clock clock;
    private final Map<String, Walk> cursors = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Walk> eldest) {
            return size() > MAX_CURSORS;
        }
    };
    private int cut;

    private static final class Walk {
        final Instant started;
        long served;
        /** Decided once, the first time the walk is past its limit: cut (true) or spared because {@code times} ran out. */
        Boolean expired;

        Walk(Instant started) {
            this.started = started;
        }
    }

    public SearchCursorGuard(SearchCursorExpiry expiry, Clock clock) {
        this.expiry = expiry;
        this.clock = clock;
    }

    /** Installs the guard when the expiry is on. */
    public static void install(Router router, SearchCursorExpiry expiry, Clock clock) {
        if (expiry != null && !expiry.off()) {
            router.addPostHandler(new SearchCursorGuard(expiry, clock));
            LOG.info("Sandbox: {}", expiry.describe());
        }
    }

    @Override
    public Response after(Call call, Response response) {
        if (!"POST".equals(call.method()) || call.route() == null || !"/v1/search".equals(call.route().template())
                || response.status() != 200) {
            return response;
        }
        ObjectNode body = call.body();
        String walkKey = walkKey(call, body);
        JsonNode start = body == null ? null : body.get("start_cursor");
        String startCursor = start == null || start.isNull() ? null : start.asText();
        JsonNode answer;
        try {
            answer = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            return response;
        }
        synchronized (this) {
            Walk walk;
            if (startCursor == null) {
                walk = new Walk(clock.instant());
            } else {
                walk = cursors.get(walkKey + startCursor);
                if (walk == null) {
                    return response;
                }
                if (expired(walk)) {
                    return Router.errorResponse(ApiError.validation("The start_cursor provided is invalid: " + startCursor),
                            call.requestId());
                }
            }
            walk.served += answer.path("results").size();
            JsonNode next = answer.get("next_cursor");
            if (next != null && next.isTextual()) {
                cursors.put(walkKey + next.asText(), walk);
            }
        }
        return response;
    }

    private boolean expired(Walk walk) {
        if (walk.expired != null) {
            return walk.expired;
        }
        boolean past = (expiry.afterResults() != null && walk.served >= expiry.afterResults())
                || (expiry.afterTime() != null && !clock.instant().isBefore(walk.started.plus(expiry.afterTime())));
        if (!past) {
            return false;
        }
        walk.expired = expiry.times() == null || cut < expiry.times();
        if (walk.expired) {
            cut++;
        }
        return walk.expired;
    }

    /** The token and the query without its cursor and page size: one walk's cursors share it. */
    private static String walkKey(Call call, ObjectNode body) {
        ObjectNode q = body == null ? Json.mapper().createObjectNode() : body.deepCopy();
        q.remove("start_cursor");
        q.remove("page_size");
        return call.header("Authorization") + "|" + call.version() + "|" + Json.compact(q) + "|";
    }
}
