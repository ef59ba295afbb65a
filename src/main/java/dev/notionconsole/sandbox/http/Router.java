package dev.notionconsole.sandbox.http;

import dev.notionconsole.core.http.QueryString;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.model.Identity;
import dev.notionconsole.sandbox.model.SandboxModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches requests in Notion's check order (notion-api.md 4.4 "Ordering", decision 0020):
 * <ol>
 *   <li>route: unknown path or method, or an ID segment with ':' -> 400 invalid_request_url;</li>
 *   <li>version: missing -> missing_version; unknown -> enumerating message; route not in this version -> invalid_request_url;</li>
 *   <li>token: unknown, revoked or expired bearer token -> 401 unauthorized;</li>
 *   <li>pre-handlers (rate limiting, fault injection) with the resolved identity;</li>
 *   <li>body: JSON (invalid_json, non-object bodies, payload size), or a route's own {@link BodyReader} (uploads);</li>
 *   <li>the handler, under the model lock: schema validation, then capability, then visibility;</li>
 *   <li>post-handlers, which may replace the answer (a write "saved but timed out").</li>
 * </ol>
 * Every answer carries a fresh x-notion-request-id; error bodies echo it as request_id.
 */
public final class Router implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    /** Notion's documented payload limit (notion-api.md 4.6). */
    public static final int MAX_PAYLOAD_BYTES = 500 * 1000;
    /** Beyond this we stop reading and answer 413 like an edge proxy would. */
    private static final int MAX_READ_BYTES = 5 * 1024 * 1024;
    /** How much of an unread request body is read and dropped so that the client gets its answer. */
    private static final long MAX_DRAIN_BYTES = 128L * 1024 * 1024;
    private static final ObjectMapper STRICT = Json.mapper().copy()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final SandboxModel model;
    private final String unknownVersionCode;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<PreHandler> preHandlers = new CopyOnWriteArrayList<>();
    private final List<ResponseListener> listeners = new CopyOnWriteArrayList<>();
    private final List<PostHandler> postHandlers = new CopyOnWriteArrayList<>();

    public Router(SandboxModel model, String unknownVersionCode) {
        this.model = model;
        this.unknownVersionCode = unknownVersionCode;
    }

    /** Starts a route definition; finish it with {@code .handle(handler)}. */
    public Route.Builder route(String method, String template) {
        return new Route.Builder(this, method, template);
    }

    void register(Route route) {
        for (Route r : routes) {
            if (r.method().equals(route.method()) && r.template().equals(route.template())) {
                throw new IllegalArgumentException("route already registered: " + route);
            }
        }
        routes.add(route);
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** Appends a pre-handler; they run in the order added. */
    public void addPreHandler(PreHandler preHandler) {
        preHandlers.add(preHandler);
    }

    /** Appends a post-handler; they run in the order added, after the handler, before the answer is written. */
    public void addPostHandler(PostHandler postHandler) {
        postHandlers.add(postHandler);
    }

    public void addResponseListener(ResponseListener listener) {
        listeners.add(listener);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = requestId();
        String rawPath = exchange.getRequestURI().getRawPath();
        Call call = new Call(requestId, exchange.getRequestMethod(), rawPath, parseQuery(exchange.getRequestURI().getRawQuery()),
                exchange.getRequestHeaders(), model);
        Response response;
        try {
            response = dispatch(call, exchange);
        } catch (ApiError e) {
            response = errorResponse(e, requestId);
        } catch (RuntimeException e) {
            LOG.warn("Sandbox handler failed for {} {}", call.method(), call.route() == null ? rawPath : call.route().template(), e);
            response = errorResponse(ApiError.internal(), requestId);
        }
        write(exchange, response, requestId);
        for (ResponseListener l : listeners) {
            try {
                l.onResponse(call, response.status());
            } catch (RuntimeException e) {
                LOG.warn("Sandbox response listener failed", e);
            }
        }
    }

    private Response dispatch(Call call, HttpExchange exchange) throws IOException {
        // 1. route
        List<String> segments = segments(call.path());
        if (segments == null) {
            throw ApiError.invalidRequestUrl();
        }
        Route route = null;
        Map<String, String> params = new HashMap<>();
        for (Route r : routes) {
            params.clear();
            if (r.method().equals(call.method()) && r.match(segments, params)) {
                route = r;
                break;
            }
        }
        if (route == null) {
            throw ApiError.invalidRequestUrl();
        }
        for (String v : params.values()) {
            // A URL pasted where an ID goes: its ':' (or its '/', which already broke the match) makes the URL invalid.
            if (v.indexOf(':') >= 0) {
                throw ApiError.invalidRequestUrl();
            }
        }
        call.route = route;
        call.pathParams = Map.copyOf(params);

        // 2. version
        if (route.requiresVersion()) {
            String version = exchange.getRequestHeaders().getFirst("Notion-Version");
            if (version == null) {
                throw ApiError.missingVersion();
            }
            if (!ApiVersion.isKnown(version)) {
                throw ApiError.unknownVersion(unknownVersionCode);
            }
            if (!route.existsIn(version)) {
                throw ApiError.invalidRequestUrl();
            }
            call.version = version;
        } else {
            String version = exchange.getRequestHeaders().getFirst("Notion-Version");
            call.version = ApiVersion.isKnown(version) ? version : null;
        }

        // 3. token
        if (route.auth() == Route.Auth.BEARER) {
            call.identity = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        }

        // 4. pre-handlers: rate limits, faults
        for (PreHandler p : preHandlers) {
            Response r = p.before(call);
            if (r != null) {
                return r;
            }
        }

        // 5. body: JSON (at most 5 MiB read, 500 KB accepted), or streamed by the route's reader outside the lock
        if (route.bodyReader() != null) {
            InputStream in = exchange.getRequestBody();
            try {
                call.streamedBody = route.bodyReader().read(call, new BoundedInputStream(in, route.maxBodyBytes()));
            } catch (BoundedInputStream.TooLarge e) {
                return tooLarge();
            } finally {
                drain(in);
            }
            call.body = JsonNodeFactory.instance.objectNode();
        } else {
            byte[] raw = readBody(exchange.getRequestBody());
            if (raw == null) {
                return tooLarge();
            }
            call.rawBody = raw;
            if (route.auth() != Route.Auth.NONE) {
                call.body = parseBody(raw);
            }
        }

        // 6. handler under the model lock
        Lock lock = route.mutating() ? model.lock().writeLock() : model.lock().readLock();
        Response answer;
        lock.lock();
        try {
            answer = route.handler().handle(call);
        } finally {
            lock.unlock();
        }

        // 7. post-handlers (saved-but-timed-out faults)
        for (PostHandler p : postHandlers) {
            answer = p.after(call, answer);
        }
        return answer;
    }

    /**
     * Reads what the client is still sending (an answer given before the body was read: 401, 429, a fault, a bad
     * upload), so it gets that answer rather than a connection reset. Gives up after {@link #MAX_DRAIN_BYTES}; the
     * server then closes the connection.
     */
    private static void drain(InputStream in) {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while (total < MAX_DRAIN_BYTES && (n = in.read(buf)) >= 0) {
                total += n;
            }
        } catch (IOException e) {
            LOG.debug("Client went away while its request body was drained", e);
        }
    }

    private static Response tooLarge() {
        return Response.text(413, "text/html", "<html><body><h1>413 Request Entity Too Large</h1></body></html>");
    }

    /** A random v4 UUID without the shared, locked SecureRandom of UUID.randomUUID(): request ids are not secrets. */
    static String requestId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private Identity authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.unauthorized();
        }
        String token = authorization.substring(7).trim();
        Identity identity = model.tokens().resolve(token, model.clock().instant());
        if (identity == null) {
            throw ApiError.unauthorized();
        }
        return identity;
    }

    static ObjectNode parseBody(byte[] raw) {
        if (raw.length == 0 || new String(raw, StandardCharsets.UTF_8).isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node;
        try {
            node = STRICT.readTree(raw);
        } catch (JsonProcessingException e) {
            throw ApiError.invalidJson();
        } catch (IOException e) {
            throw ApiError.invalidJson();
        }
        if (node == null || node.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw ApiError.bodyInvalid("body should be an object, instead was `" + Jsonish.show(node) + "`.");
        }
        if (raw.length > MAX_PAYLOAD_BYTES) {
            // notion-api.md 4.6: whole payload at most 500 KB.
            throw ApiError.validation("Request body too large: the payload should be ≤ `" + MAX_PAYLOAD_BYTES
                    + "` bytes, instead was `" + raw.length + "`.");
        }
        return (ObjectNode) node;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] all = in.readNBytes(MAX_READ_BYTES + 1);
        if (all.length > MAX_READ_BYTES) {
            in.skip(Long.MAX_VALUE);
            return null;
        }
        return all;
    }

    /** Decoded path segments after the leading '/', or null when the path cannot be decoded. */
    static List<String> segments(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return null;
        }
        String p = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        String[] parts = p.substring(1).split("/", -1);
        List<String> out = new ArrayList<>(parts.length);
        try {
            for (String part : parts) {
                out.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return out;
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        return QueryString.parseMulti(rawQuery);
    }

    /** The Notion error envelope (notion-api.md 4.1). */
    public static Response errorResponse(ApiError e, String requestId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("object", "error");
        body.put("status", e.status());
        body.put("code", e.code());
        body.put("message", e.getMessage());
        if (e.additionalData() != null) {
            body.set("additional_data", e.additionalData());
        }
        body.put("request_id", requestId);
        Response r = Response.json(e.status(), body);
        e.headers().forEach(r::header);
        return r;
    }

    private static void write(HttpExchange exchange, Response response, String requestId) throws IOException {
        var h = exchange.getResponseHeaders();
        if (response.contentType() != null) {
            h.set("Content-Type", response.contentType());
        }
        if (!response.headers().containsKey("x-notion-request-id") && !response.headers().containsKey("cf-ray")) {
            h.set("x-notion-request-id", requestId);
        }
        response.headers().forEach(h::set);
        byte[] body = response.body();
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), body.length == 0 || head ? -1 : body.length);
        OutputStream out = exchange.getResponseBody();
        if (body.length > 0 && !head) {
            out.write(body);
        }
        out.flush();
        // the answer is on its way first: a client still sending a body the route refused (a 413, a 401 before an
        // upload) reads it at once, while what it still sends is read and dropped here (issue 12 item 9)
        drain(exchange.getRequestBody());
        out.close();
        exchange.close();
    }
}
