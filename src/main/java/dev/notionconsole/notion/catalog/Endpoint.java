package dev.notionconsole.notion.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.notion.Capability;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route of the Notion API as the catalog describes it: enough to fill a request in, warn before sending and
 * page through results.
 *
 * @param since first Notion-Version that has the route, or null for all
 * @param until first Notion-Version that no longer has it, or null
 * @param capability what the token needs (docs/notion-api.md §5.3), or null for routes any token (users/me) or the
 *                   client credentials (OAuth) may call
 * @param body the body template, or null when the route takes none
 */
public record Endpoint(String id, String family, String name, String method, String path, Capability capability,
                       Auth auth, Pagination pagination, String since, String until, String summary, String ref,
                       List<EndpointParam> params, JsonNode body, BodyKind bodyKind) {

    /** How the request authenticates (docs/notion-api.md §1.2). */
    public enum Auth { BEARER, BASIC }

    /** Where the cursor goes: query string for GET, JSON body for POST (docs/notion-api.md §3.6). */
    public enum Pagination { NONE, QUERY, BODY }

    public enum BodyKind { JSON, MULTIPART }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    public Endpoint {
        Objects.requireNonNull(id, "id");
        params = List.copyOf(params);
    }

    /** What the route needs, for use mid-sentence: a capability, the OAuth client credentials, or nothing. */
    public String requirementLabel() {
        if (capability != null) {
            return capability.label().toLowerCase(java.util.Locale.ROOT);
        }
        return auth == Auth.BASIC ? "OAuth client credentials" : "no capability";
    }

    public List<EndpointParam> pathParams() {
        return params.stream().filter(p -> p.in() == EndpointParam.Location.PATH).toList();
    }

    public List<EndpointParam> queryParams() {
        return params.stream().filter(p -> p.in() == EndpointParam.Location.QUERY).toList();
    }

    public boolean paginated() {
        return pagination != Pagination.NONE;
    }

    /** Whether the route exists in {@code version} (versions are ISO dates, so they compare as strings). */
    public boolean existsIn(String version) {
        if (version == null) {
            return true;
        }
        return (since == null || version.compareTo(since) >= 0) && (until == null || version.compareTo(until) < 0);
    }

    /** The body template pretty-printed, or "" when the route takes no body. */
    public String bodyTemplate() {
        return body == null ? "" : Json.pretty(body);
    }

    /** Placeholders of the path template in order, e.g. [page_id, property_id]. */
    public List<String> placeholders() {
        Matcher m = PLACEHOLDER.matcher(path);
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** True when {@code concretePath} (no query string) is an instance of this route's template. */
    public boolean matches(String httpMethod, String concretePath) {
        return method.equalsIgnoreCase(httpMethod) && pathPattern().matcher(concretePath).matches();
    }

    /** A regex for the template; segments that are literal in it win over placeholders (see the catalog's lookup). */
    Pattern pathPattern() {
        StringBuilder sb = new StringBuilder("^");
        Matcher m = PLACEHOLDER.matcher(path);
        int last = 0;
        while (m.find()) {
            sb.append(Pattern.quote(path.substring(last, m.start()))).append("(?<").append(m.group(1).replace("_", "")).append(">[^/]+)");
            last = m.end();
        }
        sb.append(Pattern.quote(path.substring(last))).append("/?$");
        return Pattern.compile(sb.toString());
    }

    /** Values of the placeholders in {@code concretePath}, in template order, or null when it does not match. */
    public List<String> extract(String concretePath) {
        Matcher m = pathPattern().matcher(concretePath);
        if (!m.matches()) {
            return null;
        }
        return placeholders().stream().map(n -> m.group(n.replace("_", ""))).toList();
    }

    /** Number of literal characters: the more specific template wins when several match. */
    int specificity() {
        return PLACEHOLDER.matcher(path).replaceAll("").length();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
