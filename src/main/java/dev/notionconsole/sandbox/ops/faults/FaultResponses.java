package dev.notionconsole.sandbox.ops.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.fixture.FaultRule;
import dev.notionconsole.sandbox.fixture.FaultVariant;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the answers of fault rules, in Notion's wording (docs/notion-api.md §4.1, 4.2, 4.5). */
public final class FaultResponses {
    /** docs/notion-api.md §4.5, documented example. */
    public static final String SAVED_MESSAGE = "The change was saved, but the response could not be built in time. "
            + "Read the object again instead of repeating the write.";
    static final int DEFAULT_RETRY_AFTER_429 = 30;
    static final int DEFAULT_RETRY_AFTER_529 = 5;
    /** Notion's maximum request time (docs/notion-api.md §4.2, 503 row). */
    static final long DEADLINE_MS = 60_000;

    private static final Pattern APPEND_PATH = Pattern.compile("^/v1/blocks/([^/?]+)/children/?(\\?.*)?$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private FaultResponses() {
    }

    /** The answer of a rule that replaces the handler (every body kind but saved_timeout). */
    public static FaultAnswer answer(FaultRule rule) {
        if (rule.variant() == FaultVariant.EDGE_HTML) {
            return edgeHtml(rule.status());
        }
        if (rule.variant() == FaultVariant.EMPTY) {
            return new FaultAnswer.Raw(rule.status(), null, new byte[0], Map.of());
        }
        String[] defaults = FaultRule.defaultCodeAndMessage(rule.status());
        String code = rule.code() != null ? rule.code() : defaults[0];
        String message = rule.message() != null ? rule.message() : defaults[1];
        Map<String, String> headers = new LinkedHashMap<>();
        ObjectNode additional = null;
        int retryAfter = rule.retryAfter().orElse(rule.status() == 429 ? DEFAULT_RETRY_AFTER_429
                : rule.status() == 529 ? DEFAULT_RETRY_AFTER_529 : -1);
        if (retryAfter >= 0) {
            // Whenever Retry-After is sent, the body repeats it (docs/notion-api.md §4.5)
            headers.put("Retry-After", String.valueOf(retryAfter));
            additional = Json.mapper().createObjectNode();
            if (rule.status() == 429) {
                additional.put("rate_limit_reason", "public_api_request_rate_limit");
            }
            additional.put("retry_after", String.valueOf(retryAfter));
        }
        return new FaultAnswer.JsonError(rule.status(), code, message, additional, headers);
    }

    /**
     * The 503 that replaces a write's successful answer: the write happened, the client must read instead of
     * repeating it (docs/notion-api.md §4.5). Creates report the new object; appends report the parent and the new
     * children; updates and deletes report the object.
     *
     * @param committed the JSON the handler would have answered
     */
    public static FaultAnswer savedButTimedOut(FaultRule rule, String method, String path, JsonNode committed) {
        ObjectNode additional = Json.mapper().createObjectNode();
        ArrayNode guidance = additional.putArray("retry_guidance");
        guidance.add("The write was committed: do not repeat it.");
        guidance.add("Read the object again to get its current state.");
        int q = path.indexOf('?');
        additional.put("from", method + " " + (q < 0 ? path : path.substring(0, q))); // [inf] what timed out
        additional.put("elapsed_ms", String.valueOf(DEADLINE_MS + 1 + RANDOM.nextInt(2_000)));
        additional.put("deadline_ms", String.valueOf(DEADLINE_MS));
        Matcher append = APPEND_PATH.matcher(path);
        if (append.matches() && committed != null && committed.path("results").isArray()) {
            additional.put("committed_resource_id", canonicalId(append.group(1)));
            ArrayNode children = additional.putArray("committed_child_ids");
            committed.path("results").forEach(child -> children.add(child.path("id").asText()));
        } else if (committed != null && committed.hasNonNull("id")) {
            additional.put("committed_resource_id", committed.get("id").asText());
        }
        String[] defaults = FaultRule.defaultCodeAndMessage(503);
        return new FaultAnswer.JsonError(rule.status(), rule.code() != null ? rule.code() : defaults[0],
                rule.message() != null ? rule.message() : SAVED_MESSAGE, additional, Map.of());
    }

    /**
     * A page like the ones Cloudflare serves when a request is stopped at the edge (WAF block, origin down,
     * timeout): HTML, a {@code cf-ray} header, and no Notion request id (docs/notion-api.md §1.2, 4.1).
     */
    public static FaultAnswer edgeHtml(int status) {
        String ray = HexFormat.of().formatHex(randomBytes(8)) + "-FRA";
        String title = switch (status) {
            case 403 -> "Sorry, you have been blocked";
            case 502 -> "Bad gateway";
            case 503 -> "Service temporarily unavailable";
            case 504 -> "Gateway time-out";
            case 520 -> "Web server is returning an unknown error";
            case 521 -> "Web server is down";
            case 522 -> "Connection timed out";
            case 524 -> "A timeout occurred";
            default -> "Error";
        };
        String html = "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head><meta charset=\"UTF-8\" />"
                + "<title>api.notion.com | " + status + ": " + title + "</title></head>\n<body>\n"
                + "<div id=\"cf-error-details\">\n<h1>" + title + "</h1>\n"
                + "<p>Error code " + status + "</p>\n"
                + "<p>Visit <a href=\"https://www.cloudflare.com/\">cloudflare.com</a> for more information.</p>\n"
                + "<p>Cloudflare Ray ID: <strong>" + ray.substring(0, 16) + "</strong></p>\n"
                + "</div>\n</body>\n</html>\n";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("cf-ray", ray);
        headers.put("Server", "cloudflare");
        return new FaultAnswer.Raw(status, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static String canonicalId(String raw) {
        String hex = raw.replace("-", "").toLowerCase(java.util.Locale.ROOT);
        if (!hex.matches("[0-9a-f]{32}")) {
            return raw;
        }
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
