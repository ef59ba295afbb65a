package dev.notionconsole.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.request.history.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A HAR file from a browser's dev tools or another API client (or a bundle) as history entries: only the Notion API
 * calls ({@code /v1/...}); credentials are never imported (Authorization and cookie headers are dropped, secrets in
 * bodies and query strings masked by the history's own redaction when the entries are stored).
 */
public final class HarImport {
    /** Headers not worth keeping or not to be kept: credentials, and what the sender sets itself. */
    private static final Set<String> DROPPED = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie",
            "notion-version", "content-length", "host", "content-type");

    /** What a HAR gave: the entries to add, and how many of its entries were not Notion API calls. */
    public record Result(List<HistoryEntry> entries, int skipped) {
    }

    private HarImport() {
    }

    /** @throws IllegalArgumentException when {@code har} has no {@code log.entries} */
    public static Result read(JsonNode har) {
        JsonNode entries = har.path("log").path("entries");
        if (!entries.isArray()) {
            throw new IllegalArgumentException("not a HAR file (no log.entries)");
        }
        List<HistoryEntry> out = new ArrayList<>();
        int skipped = 0;
        for (JsonNode e : entries) {
            BundleExchange x = Har.read(e);
            String path = x.path();
            if (!path.startsWith("/v1/")) {
                skipped++;
                continue;
            }
            out.add(entry(x));
        }
        return new Result(out, skipped);
    }

    private static HistoryEntry entry(BundleExchange x) {
        List<NameValue> sent = x.requestHeaders().stream().filter(h -> !DROPPED.contains(h.name().toLowerCase(Locale.ROOT))).toList();
        List<NameValue> received = x.responseHeaders().stream().filter(h -> !DROPPED.contains(h.name().toLowerCase(Locale.ROOT))
                || h.name().equalsIgnoreCase("content-type")).toList();
        String base = x.url().substring(0, x.url().length() - x.path().length());
        RequestSpec spec = new RequestSpec(x.method(), x.path(), x.query(), List.of(), x.requestBody(), x.notionVersion());
        String message = x.code() == null ? null : Redactor.redact(messageOf(x.responseBody()));
        return new HistoryEntry(UUID.randomUUID().toString(), x.startedAt() == null ? Instant.now() : x.startedAt(), null,
                "Imported (HAR)", base, null, spec, x.notionVersion(), sent, x.status(), x.code(), message, null, x.requestId(),
                x.durationMillis(), x.responseBody().length(), received, x.responseBody(), false, 1);
    }

    private static String messageOf(String body) {
        try {
            return dev.notionconsole.core.json.Json.mapper().readTree(body).path("message").asText(null);
        } catch (java.io.IOException | RuntimeException notJson) {
            return null;
        }
    }
}
