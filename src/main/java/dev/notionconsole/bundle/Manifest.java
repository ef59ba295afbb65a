package dev.notionconsole.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a bundle is and what was done to it: the console's version and OS that made it, when, what it includes
 * ({@code exchanges}, {@code diagnoses}, {@code connection}, {@code map}) and how it was redacted
 * ({@link BundleRedaction} fills {@code redacted}).
 */
public record Manifest(String consoleVersion, String os, Instant createdAt, List<String> included, ObjectNode redacted) {
    public Manifest {
        included = List.copyOf(included);
        redacted = redacted == null ? Json.mapper().createObjectNode() : redacted;
    }

    public Manifest withRedacted(ObjectNode r) {
        return new Manifest(consoleVersion, os, createdAt, included, r);
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("console_version", consoleVersion);
        o.put("os", os);
        o.put("created_at", createdAt.toString());
        included.forEach(o.putArray("included")::add);
        o.set("redacted", redacted);
        return o;
    }

    public static Manifest fromJson(JsonNode o) {
        List<String> included = new ArrayList<>();
        o.path("included").forEach(i -> included.add(i.asText()));
        Instant at;
        try {
            at = Instant.parse(o.path("created_at").asText());
        } catch (RuntimeException bad) {
            at = Instant.EPOCH;
        }
        return new Manifest(o.path("console_version").asText(""), o.path("os").asText(""), at, included,
                o.get("redacted") instanceof ObjectNode r ? r : null);
    }
}
