package dev.notionconsole.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.request.NameValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Exchanges as HAR 1.2 entries ({@code log.entries[]}: request, response, headers, postData, content), so browser
 * dev tools and HAR viewers open a bundle as it is. What HAR has no field for goes in {@code _notion}
 * (HAR's custom fields start with an underscore): the error code, the request ID and the Notion-Version.
 */
public final class Har {
    public static final String VERSION = "1.2";

    private Har() {
    }

    public static ObjectNode entry(BundleExchange x) {
        ObjectNode e = Json.mapper().createObjectNode();
        e.put("startedDateTime", (x.startedAt() == null ? Instant.EPOCH : x.startedAt()).toString());
        e.put("time", x.durationMillis());
        ObjectNode req = e.putObject("request");
        req.put("method", x.method());
        req.put("url", url(x.url(), x.query()));
        req.put("httpVersion", "HTTP/1.1");
        req.putArray("cookies");
        pairs(req.putArray("headers"), x.requestHeaders());
        pairs(req.putArray("queryString"), x.query());
        if (!x.requestBody().isEmpty()) {
            req.putObject("postData").put("mimeType", "application/json").put("text", x.requestBody());
        }
        req.put("headersSize", -1);
        req.put("bodySize", x.requestBody().getBytes(StandardCharsets.UTF_8).length);
        ObjectNode res = e.putObject("response");
        res.put("status", x.status());
        res.put("statusText", "");
        res.put("httpVersion", "HTTP/1.1");
        res.putArray("cookies");
        pairs(res.putArray("headers"), x.responseHeaders());
        int size = x.responseBody().getBytes(StandardCharsets.UTF_8).length;
        res.putObject("content").put("size", size).put("mimeType", mime(x.responseHeaders())).put("text", x.responseBody());
        res.put("redirectURL", "");
        res.put("headersSize", -1);
        res.put("bodySize", size);
        e.putObject("cache");
        e.putObject("timings").put("send", 0).put("wait", x.durationMillis()).put("receive", 0);
        ObjectNode n = e.putObject("_notion");
        n.put("error_code", x.code());
        n.put("request_id", x.requestId());
        n.put("notion_version", x.notionVersion());
        return e;
    }

    /** Reads an entry of a bundle or of any HAR file (a browser's: no {@code _notion}, the version from its header). */
    public static BundleExchange read(JsonNode e) {
        JsonNode req = e.path("request");
        JsonNode res = e.path("response");
        String url = req.path("url").asText("");
        int q = url.indexOf('?');
        List<NameValue> query = pairs(req.path("queryString"));
        if (query.isEmpty() && q >= 0) {
            for (String p : url.substring(q + 1).split("&")) {
                int eq = p.indexOf('=');
                query.add(eq < 0 ? new NameValue(decode(p), "") : new NameValue(decode(p.substring(0, eq)), decode(p.substring(eq + 1))));
            }
        }
        List<NameValue> sent = pairs(req.path("headers"));
        JsonNode n = e.path("_notion");
        String version = ConnectionProfile.text(n, "notion_version");
        if (version == null) {
            version = sent.stream().filter(h -> h.name().equalsIgnoreCase("notion-version")).map(NameValue::value).findFirst().orElse(null);
        }
        String body = res.path("content").path("text").asText("");
        String code = ConnectionProfile.text(n, "error_code");
        int status = res.path("status").asInt();
        if (code == null && status >= 400) {
            code = errorCode(body);
        }
        Instant at;
        try {
            at = Instant.parse(e.path("startedDateTime").asText());
        } catch (RuntimeException notIso) {
            at = null;
        }
        return new BundleExchange(at, Math.round(e.path("time").asDouble()), req.path("method").asText("GET"),
                q >= 0 ? url.substring(0, q) : url, query, sent, req.path("postData").path("text").asText(""), version,
                status, code, pairs(res.path("headers")), body, ConnectionProfile.text(n, "request_id"));
    }

    /** The {@code code} of a Notion error body, or null. */
    static String errorCode(String body) {
        try {
            JsonNode j = Json.mapper().readTree(body);
            return j != null && "error".equals(j.path("object").asText()) ? ConnectionProfile.text(j, "code") : null;
        } catch (java.io.IOException | RuntimeException notJson) {
            return null;
        }
    }

    /** {@code base + "?" + the encoded query}, the URL as HAR writes it. */
    public static String url(String base, List<NameValue> query) {
        StringBuilder sb = new StringBuilder(base);
        char sep = '?';
        for (NameValue p : query) {
            sb.append(sep).append(encode(p.name())).append('=').append(encode(p.value()));
            sep = '&';
        }
        return sb.toString();
    }

    private static String mime(List<NameValue> headers) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase("content-type")).map(NameValue::value).findFirst()
                .orElse("application/json");
    }

    private static void pairs(ArrayNode into, List<NameValue> list) {
        list.forEach(p -> into.addObject().put("name", p.name()).put("value", p.value()));
    }

    private static List<NameValue> pairs(JsonNode a) {
        List<NameValue> out = new ArrayList<>();
        a.forEach(p -> out.add(new NameValue(p.path("name").asText(), p.path("value").asText(""))));
        return out;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException bad) {
            return s;
        }
    }
}
