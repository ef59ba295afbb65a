package dev.notionconsole.notion;

import dev.notionconsole.core.http.QueryString;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to send: method, path (relative to the connection's base URL, e.g. {@code /v1/users/me}), query
 * parameters (ordered, repeatable: {@code filter_properties} may appear many times), extra headers, an
 * optional body (JSON, or a multipart form for file uploads, never both), and optional per-request
 * overrides of the Notion version and credentials.
 *
 * <p>Immutable: every {@code with}-style method returns a copy, so a saved request can be tweaked and sent
 * again without surprises. Header names the HTTP client owns ({@code Host}, {@code Content-Length}, ...)
 * are refused here with a clear message instead of failing deep inside the JDK at send time.
 */
public final class ApiRequest {
    /** Headers {@link java.net.http.HttpClient} sets itself and refuses to take from callers. */
    private static final String BOTH_BODIES = "A request carries either a JSON body or form fields (a file upload), not both: clear one of them.";
    private static final Set<String> RESTRICTED = Set.of(
            "connection", "content-length", "expect", "host", "upgrade", "keep-alive", "transfer-encoding", "te",
            "trailer", "proxy-connection");

    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> headers;
    private final String body;
    private final List<FormPart> form;
    private final String version;
    private final Credentials credentials;

    private ApiRequest(String method, String path, List<Map.Entry<String, String>> query, Map<String, String> headers,
                       String body, List<FormPart> form, String version, Credentials credentials) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.form = form;
        this.version = version;
        this.credentials = credentials;
    }

    public static ApiRequest get(String path) {
        return method("GET", path);
    }

    public static ApiRequest delete(String path) {
        return method("DELETE", path);
    }

    public static ApiRequest post(String path, String jsonBody) {
        return method("POST", path).body(jsonBody);
    }

    public static ApiRequest patch(String path, String jsonBody) {
        return method("PATCH", path).body(jsonBody);
    }

    /**
     * Any method; the name is upper-cased. {@code path} is either relative ({@code /v1/...}; a missing
     * leading slash is added) or an absolute URL, which must then have the same origin as the base URL the
     * request is sent to (so a pasted URL never carries the token to another host).
     *
     * @throws IllegalArgumentException for a blank or malformed method or a blank path
     */
    public static ApiRequest method(String method, String path) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        String m = method.strip().toUpperCase(Locale.ROOT);
        if (!m.matches("[A-Z]+")) {
            throw new IllegalArgumentException("\"" + method + "\" is not an HTTP method (use GET, POST, PATCH or DELETE).");
        }
        String p = path.strip();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("The path is empty; it should look like /v1/users/me.");
        }
        if (!p.startsWith("/") && !p.matches("(?i)https?://.*")) {
            p = "/" + p;
        }
        // A query string typed into the path becomes ordinary parameters, so pagination can replace
        // start_cursor and page_size instead of sending them twice.
        List<Map.Entry<String, String>> q = new ArrayList<>();
        int mark = p.indexOf('?');
        if (mark >= 0) {
            for (QueryString.Param param : QueryString.parse(p.substring(mark + 1))) {
                q.add(Map.entry(param.name(), param.value()));
            }
            p = p.substring(0, mark);
        }
        return new ApiRequest(m, p, List.copyOf(q), Map.of(), null, List.of(), null, null);
    }



    /** Adds a query parameter (kept in order; the same name may be added more than once). */
    public ApiRequest query(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        List<Map.Entry<String, String>> q = new ArrayList<>(query);
        q.add(Map.entry(name, value));
        return new ApiRequest(method, path, List.copyOf(q), headers, body, form, version, credentials);
    }

    /** Replaces every value of a query parameter with one value (used by pagination for the cursor). */
    public ApiRequest withQuery(String name, String value) {
        List<Map.Entry<String, String>> q = new ArrayList<>();
        for (Map.Entry<String, String> e : query) {
            if (!e.getKey().equals(name)) {
                q.add(e);
            }
        }
        if (value != null) {
            q.add(Map.entry(name, value));
        }
        return new ApiRequest(method, path, List.copyOf(q), headers, body, form, version, credentials);
    }

    /**
     * Adds or replaces a header. {@code Notion-Version} becomes the version override; {@code Authorization}
     * overrides the connection's credentials for this request (it is masked in everything recorded).
     *
     * @throws IllegalArgumentException for a header the HTTP client sets itself or a malformed name/value
     */
    public ApiRequest header(String name, String value) {
        Optional<String> problem = checkHeader(name, value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        String n = name.strip();
        if (n.equalsIgnoreCase("Notion-Version")) {
            return version(value);
        }
        Map<String, String> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase(n)) {
                h.put(k, v);
            }
        });
        h.put(n, value.strip());
        return new ApiRequest(method, path, query, Collections.unmodifiableMap(h), body, form, version, credentials);
    }

    /**
     * Why a header cannot be sent as typed, or empty when it can. For editors that want to flag a row
     * before the user presses Send.
     */
    public static Optional<String> checkHeader(String name, String value) {
        if (name == null || name.isBlank()) {
            return Optional.of("A header needs a name.");
        }
        String n = name.strip();
        if (!n.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            return Optional.of("\"" + n + "\" is not a valid header name (letters, digits and - only; no spaces or colons).");
        }
        if (RESTRICTED.contains(n.toLowerCase(Locale.ROOT))) {
            return Optional.of("The " + n + " header is set by the HTTP client itself and cannot be sent by hand; remove it.");
        }
        if (value == null) {
            return Optional.of("The " + n + " header needs a value.");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            return Optional.of("The value of " + n + " contains a line break; header values must be on one line.");
        }
        return Optional.empty();
    }

    /** The JSON body (null for none). Not validated: sending invalid JSON on purpose shows {@code invalid_json}. */
    public ApiRequest body(String jsonBody) {
        String b = jsonBody == null || jsonBody.isBlank() ? null : jsonBody;
        if (b != null && !form.isEmpty()) {
            throw new IllegalArgumentException(BOTH_BODIES);
        }
        return new ApiRequest(method, path, query, headers, b, form, version, credentials);
    }

    /**
     * A {@code multipart/form-data} body instead of JSON (empty: none). Only {@code POST
     * /v1/file_uploads/{id}/send} takes one (docs/notion-api.md §2.9); its Content-Type, with the boundary, is
     * always the client's.
     */
    public ApiRequest form(List<FormPart> parts) {
        List<FormPart> f = parts == null ? List.of() : List.copyOf(parts);
        if (!f.isEmpty() && body != null) {
            throw new IllegalArgumentException(BOTH_BODIES);
        }
        return new ApiRequest(method, path, query, headers, body, f, version, credentials);
    }

    /** Overrides the connection's {@code Notion-Version} for this request (null: use the connection's). */
    public ApiRequest version(String notionVersion) {
        String v = notionVersion == null || notionVersion.isBlank() ? null : notionVersion.strip();
        return new ApiRequest(method, path, query, headers, body, form, v, credentials);
    }

    /** Overrides the connection's credentials for this request (null: use the connection's). */
    public ApiRequest credentials(Credentials override) {
        return new ApiRequest(method, path, query, headers, body, form, version, override);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public List<Map.Entry<String, String>> queryParams() {
        return query;
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        return query.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst();
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Optional<String> bodyText() {
        return Optional.ofNullable(body);
    }

    /** The multipart form fields; empty when the body is JSON or there is none. */
    public List<FormPart> formParts() {
        return form;
    }

    public Optional<String> versionOverride() {
        return Optional.ofNullable(version);
    }

    public Optional<Credentials> credentialsOverride() {
        return Optional.ofNullable(credentials);
    }

    /** GET and DELETE: the methods Notion says may be retried after a 5xx (docs/notion-api.md §4.5). */
    public boolean idempotent() {
        return method.equals("GET") || method.equals("DELETE") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query);
    }
}
