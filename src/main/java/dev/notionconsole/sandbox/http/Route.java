package dev.notionconsole.sandbox.http;

import java.util.List;
import java.util.Map;

/**
 * A registered endpoint: method, path template with {@code {param}} segments, how it authenticates, which
 * Notion-Versions it exists in, whether it mutates the model (write lock) and the handler.
 * Build with {@link Router#route(String, String)}.
 */
public final class Route {
    public enum Auth {
        /** Authorization: Bearer token, resolved by the router to an {@link dev.notionconsole.sandbox.model.Identity}. */
        BEARER,
        /** Authorization: Basic client credentials; checked by the handler (OAuth token/introspect/revoke). */
        BASIC,
        /** No authentication (the OAuth consent page). */
        NONE
    }

    private final String method;
    private final String template;
    private final List<String> segments;
    private final Auth auth;
    private final boolean requiresVersion;
    private final String minVersion;
    private final String maxVersionExclusive;
    private final boolean mutating;
    private final BodyReader bodyReader;
    private final long maxBodyBytes;
    private final Handler handler;

    Route(String method, String template, Auth auth, boolean requiresVersion, String minVersion, String maxVersionExclusive,
          boolean mutating, BodyReader bodyReader, long maxBodyBytes, Handler handler) {
        this.method = method;
        this.template = template;
        this.segments = List.of(template.substring(1).split("/"));
        this.auth = auth;
        this.requiresVersion = requiresVersion;
        this.minVersion = minVersion;
        this.maxVersionExclusive = maxVersionExclusive;
        this.mutating = mutating;
        this.bodyReader = bodyReader;
        this.maxBodyBytes = maxBodyBytes;
        this.handler = handler;
    }

    public String method() {
        return method;
    }

    public String template() {
        return template;
    }

    public Auth auth() {
        return auth;
    }

    public boolean requiresVersion() {
        return requiresVersion;
    }

    public boolean mutating() {
        return mutating;
    }

    Handler handler() {
        return handler;
    }

    /** How a non-JSON body is read (null: the body is JSON, parsed by the router). */
    BodyReader bodyReader() {
        return bodyReader;
    }

    /** The longest body a streamed route reads; beyond it the router answers 413. */
    long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** True when this route exists in the given version (docs/notion-api.md §1.5). */
    public boolean existsIn(String version) {
        return (minVersion == null || ApiVersion.atLeast(version, minVersion))
                && (maxVersionExclusive == null || !ApiVersion.atLeast(version, maxVersionExclusive));
    }

    /** Matches decoded path segments; fills params and returns true on a match. */
    boolean match(List<String> pathSegments, Map<String, String> params) {
        if (pathSegments.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            String t = segments.get(i);
            String s = pathSegments.get(i);
            if (t.startsWith("{")) {
                if (s.isEmpty()) {
                    return false;
                }
                params.put(t.substring(1, t.length() - 1), s);
            } else if (!t.equals(s)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return method + " " + template;
    }

    /** Fluent builder; {@link #handle(Handler)} registers the route. */
    public static final class Builder {
        private final Router router;
        private final String method;
        private final String template;
        private Auth auth = Auth.BEARER;
        private boolean requiresVersion = true;
        private String minVersion;
        private String maxVersionExclusive;
        private boolean mutating;
        private BodyReader bodyReader;
        private long maxBodyBytes;

        Builder(Router router, String method, String template) {
            this.router = router;
            this.method = method;
            this.template = template;
        }

        public Builder auth(Auth auth) {
            this.auth = auth;
            return this;
        }

        /** Whether a missing Notion-Version is an error (default true, as on every REST route). */
        public Builder requiresVersion(boolean requires) {
            this.requiresVersion = requires;
            return this;
        }

        /** The route exists only from this version on (below: invalid_request_url). */
        public Builder since(String version) {
            this.minVersion = version;
            return this;
        }

        /** The route exists only before this version (from it on: invalid_request_url). */
        public Builder before(String version) {
            this.maxVersionExclusive = version;
            return this;
        }

        /** The handler changes the model: it runs under the write lock. */
        public Builder mutating() {
            this.mutating = true;
            return this;
        }

        /**
         * The body is not JSON: the reader takes it as a stream of at most maxBytes (longer: 413, as from an edge
         * proxy) before the model lock, and the handler gets the reader's result as {@link Call#streamedBody}.
         * Without this, the router reads at most 5 MiB and parses it as JSON (500 KB payload rule included).
         */
        public Builder streamedBody(long maxBytes, BodyReader reader) {
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxBytes must be positive");
            }
            this.maxBodyBytes = maxBytes;
            this.bodyReader = java.util.Objects.requireNonNull(reader);
            return this;
        }

        public Route handle(Handler handler) {
            Route r = new Route(method, template, auth, requiresVersion, minVersion, maxVersionExclusive, mutating, bodyReader,
                    maxBodyBytes, handler);
            router.register(r);
            return r;
        }
    }
}
