package dev.notionconsole.notion;

import dev.notionconsole.core.AppInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Everything a {@link NotionClient} needs, immutable. Build with {@link #builder()}; {@link #toBuilder()}
 * to derive (e.g. the same connection with another version).
 */
public final class ClientSettings {
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.notion.com");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The official SDK's request timeout (docs/notion-api.md §4.5). */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Large enough for any real Notion page of results, small enough that a runaway body cannot fill the heap. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    private final URI baseUrl;
    private final Credentials credentials;
    private final String notionVersion;
    private final RateLimiter rateLimiter;
    private final RetryPolicy retryPolicy;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final HttpClient httpClient;
    private final long maxResponseBytes;
    private final String userAgent;
    private final Sleeper sleeper;
    private final Clock clock;
    private final LongSupplier nanoTime;

    private ClientSettings(Builder b) {
        this.baseUrl = b.baseUrl;
        this.credentials = b.credentials;
        this.notionVersion = b.notionVersion;
        this.rateLimiter = b.rateLimiter != null ? b.rateLimiter : RateLimiter.standard();
        this.retryPolicy = b.retryPolicy;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.httpClient = b.httpClient != null ? b.httpClient : HttpClients.forConnectTimeout(b.connectTimeout);
        this.maxResponseBytes = b.maxResponseBytes;
        this.userAgent = b.userAgent;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
        this.nanoTime = b.nanoTime;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.baseUrl = baseUrl;
        b.credentials = credentials;
        b.notionVersion = notionVersion;
        b.rateLimiter = rateLimiter;
        b.retryPolicy = retryPolicy;
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.httpClient = httpClient;
        b.maxResponseBytes = maxResponseBytes;
        b.userAgent = userAgent;
        b.sleeper = sleeper;
        b.clock = clock;
        b.nanoTime = nanoTime;
        return b;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Credentials credentials() {
        return credentials;
    }

    public String notionVersion() {
        return notionVersion;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public HttpClient httpClient() {
        return httpClient;
    }

    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    public String userAgent() {
        return userAgent;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    public Clock clock() {
        return clock;
    }

    public LongSupplier nanoTime() {
        return nanoTime;
    }

    @Override
    public String toString() {
        return "ClientSettings[" + baseUrl + ", " + credentials + ", Notion-Version " + notionVersion + "]";
    }

    public static final class Builder {
        private URI baseUrl = DEFAULT_BASE_URL;
        private Credentials credentials = Credentials.none();
        private String notionVersion = NotionVersion.LATEST;
        private RateLimiter rateLimiter;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private HttpClient httpClient;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private String userAgent = AppInfo.userAgent();
        private Sleeper sleeper = Sleeper.REAL;
        private Clock clock = Clock.systemUTC();
        private LongSupplier nanoTime = System::nanoTime;

        private Builder() {
        }

        /**
         * {@code https://api.notion.com} or e.g. a sandbox's {@code http://127.0.0.1:PORT}. A trailing slash
         * or {@code /v1} is dropped: paths carry {@code /v1} themselves.
         *
         * @throws IllegalArgumentException when it is not an absolute http(s) URL
         */
        public Builder baseUrl(String url) {
            Objects.requireNonNull(url, "baseUrl");
            String u = url.strip();
            while (u.endsWith("/")) {
                u = u.substring(0, u.length() - 1);
            }
            if (u.toLowerCase(Locale.ROOT).endsWith("/v1")) {
                u = u.substring(0, u.length() - 3);
            }
            URI uri;
            try {
                uri = URI.create(u);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"" + url + "\" is not a valid URL.", e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("The base URL must start with https:// (or http:// for a local sandbox), e.g. "
                        + DEFAULT_BASE_URL + "; got \"" + url + "\".");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("The base URL must not have a query or fragment: \"" + url + "\".");
            }
            this.baseUrl = uri;
            return this;
        }

        public Builder baseUrl(URI url) {
            return baseUrl(url.toString());
        }

        public Builder credentials(Credentials c) {
            this.credentials = c == null ? Credentials.none() : c;
            return this;
        }

        /** Any string is kept (the console must be able to send an unknown version to show the 400). */
        public Builder notionVersion(String v) {
            this.notionVersion = v == null || v.isBlank() ? NotionVersion.LATEST : v.strip();
            return this;
        }

        /** Share ONE instance between all clients of a connection. Null: a fresh standard (180/min) bucket. */
        public Builder rateLimiter(RateLimiter r) {
            this.rateLimiter = r;
            return this;
        }

        public Builder retryPolicy(RetryPolicy p) {
            this.retryPolicy = Objects.requireNonNull(p);
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connect timeout");
            return this;
        }

        /** Time allowed for one attempt, from sending to the last byte of the body. */
        public Builder requestTimeout(Duration d) {
            this.requestTimeout = positive(d, "request timeout");
            return this;
        }

        /** A caller-supplied client (its own connect timeout and proxy settings apply). */
        public Builder httpClient(HttpClient c) {
            this.httpClient = c;
            return this;
        }

        public Builder maxResponseBytes(long max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            this.maxResponseBytes = max;
            return this;
        }

        public Builder userAgent(String ua) {
            this.userAgent = Objects.requireNonNull(ua);
            return this;
        }

        /** Tests: waits without really sleeping. */
        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s);
            return this;
        }

        /** Tests: wall clock for {@code Retry-After} dates and {@code startedAt}. */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        /** Tests: monotonic time source for durations. */
        public Builder nanoTime(LongSupplier n) {
            this.nanoTime = Objects.requireNonNull(n);
            return this;
        }

        public ClientSettings build() {
            return new ClientSettings(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("The " + what + " must be positive.");
            }
            return d;
        }
    }
}
