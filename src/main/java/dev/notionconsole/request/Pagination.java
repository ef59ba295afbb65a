package dev.notionconsole.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.notion.CursorPlacement;
import dev.notionconsole.notion.catalog.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Next page": the same request with {@code start_cursor} set from a response's {@code next_cursor}, in the
 * query string for GET routes and in the JSON body for POST routes (docs/notion-api.md §3.6). Cursors are opaque and
 * passed back verbatim.
 */
public final class Pagination {
    private Pagination() {
    }

    /** The {@code next_cursor} of a list response when {@code has_more} is true. */
    public static Optional<String> nextCursor(JsonNode response) {
        if (response == null || !response.path("has_more").asBoolean(false)) {
            return Optional.empty();
        }
        JsonNode c = response.get("next_cursor");
        return c == null || !c.isTextual() || c.asText().isEmpty() ? Optional.empty() : Optional.of(c.asText());
    }

    /** Where the cursor goes: where the catalog's route says, or (a route it does not know) by method. */
    public static CursorPlacement placement(RequestSpec spec, Endpoint endpoint) {
        if (endpoint != null && endpoint.pagination() != Endpoint.Pagination.NONE) {
            return endpoint.pagination() == Endpoint.Pagination.BODY ? CursorPlacement.BODY : CursorPlacement.QUERY;
        }
        return CursorPlacement.defaultFor(spec.method());
    }

    public static boolean cursorInBody(RequestSpec spec, Endpoint endpoint) {
        return placement(spec, endpoint) == CursorPlacement.BODY;
    }

    public static RequestSpec withCursor(RequestSpec spec, Endpoint endpoint, String cursor) {
        if (cursorInBody(spec, endpoint)) {
            ObjectNode body;
            try {
                JsonNode parsed = spec.hasBody() ? Json.mapper().readTree(spec.body()) : null;
                body = parsed instanceof ObjectNode o ? o.deepCopy() : Json.mapper().createObjectNode();
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("The body is not valid JSON, so the cursor cannot be added to it.");
            }
            body.put("start_cursor", cursor);
            return spec.withBody(Json.pretty(body));
        }
        List<NameValue> q = new ArrayList<>();
        for (NameValue nv : spec.query()) {
            if (!nv.name().equals("start_cursor")) {
                q.add(nv);
            }
        }
        q.add(new NameValue("start_cursor", cursor));
        return spec.withQuery(q);
    }
}
