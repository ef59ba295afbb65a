package dev.notionconsole.request.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.request.FormFields;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.notion.Capability;
import dev.notionconsole.notion.catalog.Endpoint;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.json.JsonCheck;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a request against what is known to fail before spending a call on it (and a rate-limit slot):
 * malformed JSON, unfilled path parameters, routes that do not exist in the chosen Notion-Version,
 * {@code archived}/{@code after} on 2026-03-11, Notion's size limits, and capabilities the connection is
 * known to lack. Pure: no I/O, safe on any thread.
 */
public final class Preflight {
    /** notion-api.md 1.5: data-source routes answer invalid_request_url below this version. */
    public static final String DATA_SOURCES_SINCE = "2025-09-03";
    /** notion-api.md 1.3: archived removed, after replaced by position. */
    public static final String V2026 = "2026-03-11";
    /** notion-api.md 4.6. */
    public static final int MAX_PAYLOAD_BYTES = 500 * 1000;
    /** Ten times Notion's limit: such bodies meet an HTTP 413 rather than a validation error (notion-api.md 4.6). */
    static final long EDGE_LIMIT_BYTES = 10L * MAX_PAYLOAD_BYTES;
    public static final int MAX_BLOCKS = 1000;
    public static final int MAX_ARRAY = 100;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_EQUATION = 1000;
    public static final int MAX_PAGE_SIZE = 100;

    private static final Pattern UNFILLED = Pattern.compile("\\{[a-z_]+}");
    private static final List<String> KNOWN_VERSIONS = List.of("2021-05-11", "2021-05-13", "2021-08-16", "2022-02-22",
            "2022-06-28", "2025-09-03", "2026-03-11");
    /** Arrays of blocks or rich text, limited to 100 elements each (notion-api.md 4.6). */
    private static final Set<String> LIMITED_ARRAYS = Set.of("children", "rich_text", "title", "caption",
            "multi_select", "relation", "people", "content");

    private final EndpointCatalog catalog;

    /** Form fields: only file-upload sends take them, with a {@code file} part (notion-api.md 1.3, 2.9). */
    private static void checkForm(RequestSpec spec, Endpoint endpoint, List<Finding> out) {
        boolean multipart = endpoint != null && endpoint.bodyKind() == Endpoint.BodyKind.MULTIPART;
        if (spec.hasForm() && spec.hasBody()) {
            out.add(Finding.error("form-and-body", "The request has both a JSON body and form fields; a request carries one of them. "
                    + (multipart ? "Clear the JSON body: this endpoint takes the form." : "Remove the form fields: this endpoint takes JSON.")));
        }
        for (NameValue f : spec.form()) {
            try {
                FormFields.part(f);
            } catch (IllegalArgumentException e) {
                out.add(Finding.error("form-field", e.getMessage()));
            }
        }
        if (multipart && spec.form().stream().noneMatch(f -> f.name().strip().equals("file") && f.value().startsWith("@"))) {
            out.add(Finding.warning("form-missing", endpoint.name() + " takes a multipart form with the file in a field named "
                    + "\"file\" (file=@/path/to/file), plus part_number for a multi-part upload: choose the file in the Form tab."));
        }
        if (endpoint != null && !multipart && spec.hasForm()) {
            out.add(Finding.warning("form-not-expected", endpoint.name() + " takes a JSON body, not form fields: only sending "
                    + "file upload content (POST /v1/file_uploads/{id}/send) is multipart."));
        }
    }

    public Preflight(EndpointCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param version the Notion-Version the request will be sent with
     * @param lacking capabilities the connection is known to lack (learned from earlier 403s), may be empty
     */
    public List<Finding> check(RequestSpec spec, String version, Set<Capability> lacking) {
        List<Finding> out = new ArrayList<>();
        String path = spec.path();
        if (!path.startsWith("/")) {
            out.add(Finding.error("path", "The path must start with /, e.g. /v1/users/me."));
        }
        if (UNFILLED.matcher(path).find()) {
            out.add(Finding.error("unfilled-path", "Fill in " + first(UNFILLED, path) + " in the path."));
        }
        if (path.contains("notion.so") || path.contains("notion.site") || path.contains("?")) {
            out.add(Finding.error("url-in-path", "The path contains a URL or query string: Notion answers 400 invalid_request_url. "
                    + "Paste the URL into the ID field instead, or move the query into Query parameters."));
        }
        Endpoint endpoint = catalog.lookup(spec.method(), path).orElse(null);
        checkVersion(spec, version, endpoint, out);
        JsonNode body = checkBody(spec, out);
        if (body != null && version != null) {
            checkVersionedFields(body, version, endpoint, out);
        }
        if (body != null) {
            checkSizes(spec, body, out);
        }
        checkPageSize(spec, body, out);
        checkForm(spec, endpoint, out);
        if (endpoint != null && endpoint.capability() != null && lacking != null && lacking.contains(endpoint.capability())) {
            out.add(Finding.warning("capability", "This connection is known to lack the \"" + endpoint.requirementLabel()
                    + "\" capability " + endpoint.name().toLowerCase() + " needs: Notion will answer 403 restricted_resource. "
                    + "Enable it in the connection's settings (public connections must then be re-authorized)."));
        }
        return out;
    }

    private static void checkVersion(RequestSpec spec, String version, Endpoint endpoint, List<Finding> out) {
        if (version == null) {
            out.add(Finding.error("no-version", "No Notion-Version is set: Notion answers 400 missing_version."));
            return;
        }
        if (!KNOWN_VERSIONS.contains(version)) {
            out.add(Finding.warning("unknown-version", "Notion-Version " + version + " is not one Notion accepts ("
                    + String.join(", ", KNOWN_VERSIONS) + "): expect 400."));
            return;
        }
        if (spec.path().startsWith("/v1/data_sources") && version.compareTo(DATA_SOURCES_SINCE) < 0) {
            out.add(Finding.warning("data-sources-version", "Data source routes exist from Notion-Version " + DATA_SOURCES_SINCE
                    + "; with " + version + " Notion answers 400 invalid_request_url. Choose " + DATA_SOURCES_SINCE + " or later."));
        } else if (endpoint != null && !endpoint.existsIn(version)) {
            String when = endpoint.until() != null ? "was removed in " + endpoint.until() : "exists from " + endpoint.since();
            out.add(Finding.warning("route-version", endpoint.name() + " " + when + "; with " + version + " expect 400 invalid_request_url."));
        }
    }

    private static JsonNode checkBody(RequestSpec spec, List<Finding> out) {
        if (!spec.hasBody()) {
            return null;
        }
        if (spec.method().equals("GET") || spec.method().equals("DELETE")) {
            out.add(Finding.warning("body-ignored", spec.method() + " requests carry no body; the body will not be sent."));
        }
        long bytes = utf8Length(spec.body());
        if (bytes > EDGE_LIMIT_BYTES) {
            // far beyond Notion's limit: not even parsed here (a parser error would only hide the real problem)
            out.add(Finding.error("payload-size", "The body is " + dev.notionconsole.core.ByteSizes.human(bytes) + "; Notion accepts at most 500 KB per "
                    + "request (notion-api.md 4.6), and a body this large is refused before it is read (HTTP 413). "
                    + "Split it into several requests."));
            return null;
        }
        JsonCheck.Result r = JsonCheck.check(spec.body());
        if (!r.ok()) {
            JsonCheck.Problem p = r.problem();
            boolean syntax = !p.message().endsWith("more than the console reads.");
            out.add(new Finding(Finding.Severity.ERROR, "invalid-json", p.describe()
                    + (syntax ? " (Notion would answer 400 invalid_json.)" : ""), p.line(), p.column()));
            return null;
        }
        if (r.value() != null && !r.value().isObject()) {
            out.add(Finding.warning("body-not-object", "Notion request bodies are JSON objects; this body is a "
                    + r.value().getNodeType().toString().toLowerCase() + "."));
        }
        return r.value();
    }

    private static void checkVersionedFields(JsonNode body, String version, Endpoint endpoint, List<Finding> out) {
        boolean v2026 = version.compareTo(V2026) >= 0;
        if (v2026 && hasKey(body, "archived", false)) {
            out.add(Finding.warning("archived-2026", "\"archived\" was removed in Notion-Version " + V2026
                    + ": use \"in_trash\" instead (or send an older version)."));
        }
        boolean append = endpoint != null && endpoint.id().equals("blocks.children.append");
        if (append && v2026 && body.has("after")) {
            out.add(Finding.warning("after-2026", "\"after\" was replaced by \"position\" in " + V2026
                    + ": {\"type\":\"after_block\",\"after_block\":{\"id\":\"...\"}}."));
        }
        if (append && !v2026 && body.has("position")) {
            out.add(Finding.warning("position-old", "\"position\" exists from Notion-Version " + V2026 + "; with "
                    + version + " use \"after\": \"<block id>\"."));
        }
        if (version.compareTo(DATA_SOURCES_SINCE) < 0) {
            JsonNode value = body.path("filter").path("value");
            if (value.isTextual() && value.asText().equals("data_source")) {
                out.add(Finding.warning("search-filter-old", "Before " + DATA_SOURCES_SINCE
                        + " the search filter value is \"database\", not \"data_source\"."));
            }
        } else {
            JsonNode value = body.path("filter").path("value");
            if (value.isTextual() && value.asText().equals("database")) {
                out.add(Finding.warning("search-filter-new", "From " + DATA_SOURCES_SINCE
                        + " the search filter value is \"data_source\", not \"database\"."));
            }
        }
    }

    /** UTF-8 length without encoding a copy (bodies can be tens of megabytes). */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static void checkSizes(RequestSpec spec, JsonNode body, List<Finding> out) {
        long bytes = utf8Length(spec.body());
        if (bytes > MAX_PAYLOAD_BYTES) {
            out.add(Finding.warning("payload-size", "The body is " + (bytes / 1000) + " KB; Notion accepts at most 500 KB per request "
                    + "(expect 400 validation_error). Split it into several requests."));
        }
        Counts counts = new Counts();
        walk(body, null, counts, out);
        if (counts.blocks > MAX_BLOCKS) {
            out.add(Finding.warning("block-count", "The body holds " + counts.blocks + " blocks; Notion accepts at most "
                    + MAX_BLOCKS + " block elements per request."));
        }
    }

    private static final class Counts {
        int blocks;
        boolean arrayReported;
        boolean textReported;
    }

    private static void walk(JsonNode node, String key, Counts counts, List<Finding> out) {
        if (node.isArray()) {
            if (key != null && LIMITED_ARRAYS.contains(key) && node.size() > MAX_ARRAY && !counts.arrayReported) {
                counts.arrayReported = true;
                out.add(Finding.warning("array-size", "\"" + key + "\" has " + node.size() + " elements; Notion accepts at most "
                        + MAX_ARRAY + " (append children in batches of 100)."));
            }
            if ("children".equals(key)) {
                counts.blocks += node.size();
            }
            for (JsonNode child : node) {
                walk(child, key, counts, out);
            }
        } else if (node.isObject()) {
            if (!counts.textReported) {
                JsonNode content = node.path("text").path("content");
                JsonNode url = node.path("text").path("link").path("url");
                JsonNode equation = node.path("equation").path("expression");
                if (content.isTextual() && content.asText().length() > MAX_TEXT) {
                    counts.textReported = true;
                    out.add(Finding.warning("text-length", "A rich text content is " + content.asText().length()
                            + " characters; Notion accepts at most " + MAX_TEXT + ". Split it into several rich text objects."));
                } else if (url.isTextual() && url.asText().length() > MAX_TEXT) {
                    counts.textReported = true;
                    out.add(Finding.warning("text-length", "A link URL is longer than " + MAX_TEXT + " characters."));
                } else if (equation.isTextual() && equation.asText().length() > MAX_EQUATION) {
                    counts.textReported = true;
                    out.add(Finding.warning("text-length", "An equation is longer than " + MAX_EQUATION + " characters."));
                }
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), e.getKey(), counts, out);
            }
        }
    }

    private static void checkPageSize(RequestSpec spec, JsonNode body, List<Finding> out) {
        for (NameValue q : spec.query()) {
            if (q.name().equals("page_size")) {
                pageSize(q.value(), out);
            }
        }
        if (body != null && body.has("page_size")) {
            pageSize(body.get("page_size").asText(), out);
        }
    }

    private static void pageSize(String value, List<Finding> out) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > MAX_PAGE_SIZE || n < 1) {
                out.add(Finding.warning("page-size", "page_size must be between 1 and " + MAX_PAGE_SIZE + "; " + n + " will be rejected."));
            }
        } catch (NumberFormatException e) {
            out.add(Finding.warning("page-size", "page_size must be a number, not \"" + value + "\"."));
        }
    }

    /** True when an object key named {@code name} occurs anywhere, except as a user property name. */
    static boolean hasKey(JsonNode node, String name, boolean insideProperties) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!insideProperties && e.getKey().equals(name)) {
                    return true;
                }
                // keys directly under "properties" are the user's property names, which may well be "archived"
                if (hasKey(e.getValue(), name, e.getKey().equals("properties") && e.getValue().isObject() && !insideProperties)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                if (hasKey(child, name, false)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String first(Pattern p, String s) {
        var m = p.matcher(s);
        return m.find() ? m.group() : "";
    }
}
