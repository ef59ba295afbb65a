package dev.notionconsole.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import dev.notionconsole.sandbox.model.Identity;
import dev.notionconsole.sandbox.model.SandboxModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request as the router has understood it so far: route, path parameters (raw, as sent), query, headers,
 * Notion-Version, resolved identity, and (after the pre-handlers) the parsed JSON body, or for routes with a
 * {@link BodyReader} its result. Handed to pre-handlers,
 * handlers and listeners.
 */
public final class Call {
    private final String requestId;
    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final Headers headers;
    private final SandboxModel model;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    Route route;
    Map<String, String> pathParams = Map.of();
    String version;
    Identity identity;
    byte[] rawBody = new byte[0];
    ObjectNode body;
    Object streamedBody;

    Call(String requestId, String method, String path, Map<String, List<String>> query, Headers headers, SandboxModel model) {
        this.requestId = requestId;
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.model = model;
    }

    /** The id sent as x-notion-request-id and echoed as request_id in error bodies. */
    public String requestId() {
        return requestId;
    }

    public String method() {
        return method;
    }

    /** The raw request path, e.g. /v1/pages/abc. */
    public String path() {
        return path;
    }

    /** The matched route (null before matching or when none matched). */
    public Route route() {
        return route;
    }

    /** A path parameter as sent (URL-decoded), e.g. pathParam("page_id"). */
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public Map<String, List<String>> query() {
        return query;
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public String header(String name) {
        return headers.getFirst(name);
    }

    /** The request's Notion-Version (validated), or null on routes that do not require one. */
    public String version() {
        return version;
    }

    /** True when the version is at least min (a route without version counts as the latest). */
    public boolean versionAtLeast(String min) {
        return version == null || ApiVersion.atLeast(version, min);
    }

    /** Who the bearer token acts as; null on routes without bearer auth. */
    public Identity identity() {
        return identity;
    }

    public SandboxModel model() {
        return model;
    }

    public byte[] rawBody() {
        return rawBody;
    }

    /** The JSON body as an object ({} when the request had none); set after the pre-handlers. */
    public ObjectNode body() {
        return body;
    }

    /** What the route's {@link BodyReader} made of the body (null on JSON routes or when it is another type). */
    public <T> T streamedBody(Class<T> type) {
        return type.isInstance(streamedBody) ? type.cast(streamedBody) : null;
    }

    public JsonNode body(String field) {
        return body == null ? null : body.get(field);
    }

    /** Free slots for pre-handlers and handlers to pass things along. */
    public Map<String, Object> attributes() {
        return attributes;
    }
}
