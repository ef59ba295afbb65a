package dev.notionconsole.notion.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.notion.Capability;
import dev.notionconsole.notion.NotionVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every route of notion-api.md section 2, loaded from {@code endpoints.json} (data, not code: adding a route
 * is an edit to that file). Loading validates the file and fails with every problem listed, so a bad edit
 * breaks the build's tests rather than the picker. See docs/decisions/0060-endpoint-catalog-as-data.md.
 */
public final class EndpointCatalog {
    public static final String RESOURCE = "/dev/notionconsole/notion/catalog/endpoints.json";
    /** notion-api.md 1.3, oldest first. */
    static final List<String> VERSIONS = NotionVersion.ALL;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "DELETE");

    private static volatile EndpointCatalog builtIn;

    private final List<Endpoint> endpoints;

    private EndpointCatalog(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    /** The catalog shipped in the jar (loaded once). */
    public static EndpointCatalog builtIn() {
        EndpointCatalog c = builtIn;
        if (c == null) {
            try (InputStream in = EndpointCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Endpoint catalog " + RESOURCE + " is missing from the build");
                }
                c = load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builtIn = c;
        }
        return c;
    }

    /**
     * Reads and validates a catalog.
     *
     * @throws CatalogException listing every problem found
     */
    public static EndpointCatalog load(InputStream in) throws IOException {
        JsonNode root = Json.mapper().readTree(in);
        List<String> problems = new ArrayList<>();
        List<Endpoint> list = new ArrayList<>();
        JsonNode array = root == null ? null : root.get("endpoints");
        if (array == null || !array.isArray()) {
            throw new CatalogException(List.of("the file has no \"endpoints\" array"));
        }
        Set<String> ids = new HashSet<>();
        Set<String> routes = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode n = array.get(i);
            String where = "endpoints[" + i + "]" + (n.hasNonNull("id") ? " (" + n.get("id").asText() + ")" : "");
            try {
                Endpoint e = parse(n);
                validate(e, where, problems);
                if (!ids.add(e.id())) {
                    problems.add(where + ": duplicate id");
                }
                if (!routes.add(e.method() + " " + e.path())) {
                    problems.add(where + ": duplicate route " + e);
                }
                list.add(e);
            } catch (RuntimeException ex) {
                problems.add(where + ": " + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return new EndpointCatalog(list);
    }

    private static Endpoint parse(JsonNode n) {
        List<EndpointParam> params = new ArrayList<>();
        for (JsonNode p : n.path("params")) {
            params.add(new EndpointParam(required(p, "name"),
                    EndpointParam.Location.valueOf(required(p, "in").toUpperCase(Locale.ROOT)),
                    text(p, "kind"), p.path("required").asBoolean(false), text(p, "description")));
        }
        JsonNode body = n.get("body");
        return new Endpoint(required(n, "id"), required(n, "family"), required(n, "name"),
                required(n, "method").toUpperCase(Locale.ROOT), required(n, "path"),
                capability(required(n, "capability")),
                Endpoint.Auth.valueOf(n.path("auth").asText("bearer").toUpperCase(Locale.ROOT)),
                Endpoint.Pagination.valueOf(n.path("pagination").asText("none").toUpperCase(Locale.ROOT)),
                text(n, "since"), text(n, "until"), text(n, "summary"), text(n, "ref"), params,
                body == null || body.isNull() ? null : body,
                Endpoint.BodyKind.valueOf(n.path("bodyKind").asText("json").toUpperCase(Locale.ROOT)));
    }

    /** {@code "none"} (any token) and {@code "oauth_client"} (client credentials) need no capability. */
    private static Capability capability(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.equals("none") || n.equals("oauth_client") ? null : Capability.valueOf(n.toUpperCase(Locale.ROOT));
    }

    private static void validate(Endpoint e, String where, List<String> problems) {
        if (!METHODS.contains(e.method())) {
            problems.add(where + ": method " + e.method() + " is not one Notion uses");
        }
        if (!e.path().startsWith("/v1/")) {
            problems.add(where + ": path must start with /v1/");
        }
        Set<String> placeholders = new LinkedHashSet<>(e.placeholders());
        Set<String> declared = new LinkedHashSet<>();
        e.pathParams().forEach(p -> declared.add(p.name()));
        if (!placeholders.equals(declared)) {
            problems.add(where + ": path placeholders " + placeholders + " do not match path params " + declared);
        }
        for (String v : new String[] {e.since(), e.until()}) {
            if (v != null && !VERSIONS.contains(v)) {
                problems.add(where + ": unknown Notion-Version " + v);
            }
        }
        if (e.body() != null && (e.method().equals("GET") || e.method().equals("DELETE"))) {
            problems.add(where + ": " + e.method() + " routes take no body");
        }
        if (e.body() != null && !e.body().isObject()) {
            problems.add(where + ": body template must be a JSON object");
        }
        if (e.summary() == null || e.summary().isBlank()) {
            problems.add(where + ": summary is missing");
        }
        if (e.pagination() == Endpoint.Pagination.BODY && e.method().equals("GET")) {
            problems.add(where + ": GET routes page through the query string, not the body");
        }
    }

    private static String required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing");
        }
        return v.asText();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    public List<Endpoint> all() {
        return endpoints;
    }

    public Optional<Endpoint> byId(String id) {
        return endpoints.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The families in catalog order (Pages, Blocks, ...). */
    public List<String> families() {
        return endpoints.stream().map(Endpoint::family).distinct().toList();
    }

    /**
     * The catalog route that a concrete call is an instance of ({@code POST /v1/pages/abc/move} ->
     * pages.move), so free-form requests still get capability and version warnings. Literal segments win
     * over placeholders: {@code /v1/users/me} is "users.me", not "users.retrieve".
     */
    public Optional<Endpoint> lookup(String method, String path) {
        if (method == null || path == null) {
            return Optional.empty();
        }
        String p = path;
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        String concrete = p;
        return endpoints.stream().filter(e -> e.matches(method, concrete))
                .max(Comparator.comparingInt(Endpoint::specificity));
    }

    /**
     * Picker search: every word must occur in the route's name, id, family, method or path; better matches
     * first (an exact id, a name that starts with the query, then catalog order).
     */
    private static final java.util.Set<String> FILLER = java.util.Set.of("a", "an", "the", "all", "of", "to", "in", "for", "my");
    private static final java.util.Map<String, List<String>> SYNONYMS = java.util.Map.ofEntries(
            java.util.Map.entry("get", List.of("retrieve", "list")),
            java.util.Map.entry("fetch", List.of("retrieve", "list")),
            java.util.Map.entry("read", List.of("retrieve", "list")),
            java.util.Map.entry("show", List.of("retrieve", "list")),
            java.util.Map.entry("find", List.of("search", "query")),
            java.util.Map.entry("new", List.of("create")),
            java.util.Map.entry("add", List.of("create", "append")),
            java.util.Map.entry("make", List.of("create")),
            java.util.Map.entry("edit", List.of("update")),
            java.util.Map.entry("change", List.of("update")),
            java.util.Map.entry("modify", List.of("update")),
            java.util.Map.entry("remove", List.of("delete", "trash", "archive")),
            java.util.Map.entry("delete", List.of("trash", "archive")),
            java.util.Map.entry("upload", List.of("file")),
            java.util.Map.entry("me", List.of("bot user")),
            java.util.Map.entry("database", List.of("data source")),
            java.util.Map.entry("children", List.of("block children")));

    public List<Endpoint> search(String query) {
        if (query == null || query.isBlank()) {
            return endpoints;
        }
        String q = query.trim().toLowerCase(Locale.ROOT);
        // "list all users" (Notion's reference name) must find "List users": filler words do not have to occur,
        // and a word also matches the catalog's own verb for it (get → retrieve, delete → trash…)
        String[] words = java.util.Arrays.stream(q.split("\\s+")).filter(w -> !FILLER.contains(w)).toArray(String[]::new);
        List<Scored> hits = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint e = endpoints.get(i);
            String name = e.name().toLowerCase(Locale.ROOT);
            String hay = String.join(" ", name, e.id(), e.family().toLowerCase(Locale.ROOT), e.method().toLowerCase(Locale.ROOT),
                    e.path().toLowerCase(Locale.ROOT), e.summary() == null ? "" : e.summary().toLowerCase(Locale.ROOT));
            boolean all = true;
            for (String w : words) {
                if (!hay.contains(w) && SYNONYMS.getOrDefault(w, List.of()).stream().noneMatch(hay::contains)) {
                    all = false;
                    break;
                }
            }
            if (!all) {
                continue;
            }
            int score = 0;
            if (e.id().equals(q)) {
                score += 100;
            }
            if (name.equals(q)) {
                score += 80;
            }
            if (name.startsWith(q)) {
                score += 40;
            }
            if (name.contains(q) || e.path().toLowerCase(Locale.ROOT).contains(q)) {
                score += 20;
            }
            for (String w : words) {
                if (name.contains(w)) {
                    score += 5;
                }
            }
            hits.add(new Scored(e, score, i));
        }
        hits.sort(Comparator.comparingInt(Scored::score).reversed().thenComparingInt(Scored::order));
        return hits.stream().map(Scored::endpoint).toList();
    }

    private record Scored(Endpoint endpoint, int score, int order) {
    }
}
