package dev.notionconsole.notion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.concurrent.CancellationToken;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * THE place the app builds and sends HTTP requests to the Notion API (or a sandbox). Blocking: call it from
 * a background task, never the UI thread. Thread-safe; share one per connection.
 *
 * <p>Per call: pace through the connection's {@link RateLimiter}; send with {@code Authorization},
 * {@code Notion-Version}, {@code User-Agent} and (only with a body) {@code Content-Type}; read the body up
 * to the size cap; type the error; retry per the {@link RetryPolicy}, reporting every wait to the
 * {@link CallObserver}. HTTP error statuses come back as an {@link Exchange} with {@code error()} set; only
 * a missing answer throws ({@link NotionTransportException}). Cancel returns at once with a
 * {@link CancellationException}, whether the client is waiting or reading.
 *
 * <p>Over 400 lines, knowingly: it is the one place that builds and sends requests; preparing, pacing, retrying and
 * reading stay together so that rule has one class to point at.
 */
public final class NotionClient {
    private static final Logger LOG = LoggerFactory.getLogger(NotionClient.class);
    /** docs/notion-api.md §3.6: the maximum, and always sent explicitly because the docs disagree on the default. */
    public static final int PAGE_SIZE = 100;

    private final ClientSettings settings;

    public NotionClient(ClientSettings settings) {
        this.settings = settings;
    }

    public ClientSettings settings() {
        return settings;
    }

    /** The connection's pacing bucket (for the status bar's rate-limit budget). */
    public RateLimiter rateLimiter() {
        return settings.rateLimiter();
    }

    /** {@link #send(ApiRequest, CancellationToken, CallObserver)} without cancel or observer. */
    public Exchange send(ApiRequest request) throws NotionTransportException {
        return send(request, CancellationToken.none(), CallObserver.NONE);
    }

    /**
     * Sends the request, retrying as the policy allows.
     *
     * @throws NotionTransportException  no answer: refused, unknown host, timeout, TLS, body over the cap
     * @throws CancellationException     cancelled (or the thread interrupted) while waiting or in flight
     * @throws IllegalArgumentException  the request cannot be sent as given (bad URL, foreign host)
     */
    public Exchange send(ApiRequest request, CancellationToken cancel, CallObserver observer) throws NotionTransportException {
        CancellationToken c = cancel == null ? CancellationToken.none() : cancel;
        CallObserver obs = observer == null ? CallObserver.NONE : observer;
        Prepared prepared = prepare(request);
        Instant startedAt = settings.clock().instant();
        long t0 = settings.nanoTime().getAsLong();
        List<Wait> waits = new ArrayList<>();
        Duration waited = Duration.ZERO;
        int attempt = 0;
        while (true) {
            attempt++;
            c.throwIfCancelled();
            pace(attempt, c, obs, waits);
            Attempt a = execute(prepared, c);
            Exchange exchange = toExchange(prepared, a, startedAt, t0, attempt, waits);
            Optional<Wait> next = settings.retryPolicy().next(request, exchange, attempt - 1, waited, settings.clock().instant());
            if ((exchange.status() == 429) && exchange.error() != null && !exchange.error().blocked()) {
                // Hold off every caller of this connection, not just this one (docs/notion-api.md §4.5).
                RetryPolicy.retryAfter(exchange, settings.clock().instant()).ifPresent(settings.rateLimiter()::pauseFor);
            }
            if (next.isEmpty()) {
                LOG.debug("{}", exchange);
                return exchange;
            }
            LOG.info("{}; retrying: {}", exchange, next.get().detail());
            obs.onRetry(exchange);
            Wait w = next.get();
            waits.add(w);
            obs.onWait(w);
            sleep(w.duration(), c);
            waited = waited.plus(w.duration());
        }
    }

    /**
     * Fetches every page of a list endpoint: {@code page_size} 100 and {@code start_cursor} in the query
     * string for GET, in the JSON body otherwise; follows {@code next_cursor} while {@code has_more}, never
     * counting results (a page may be short, docs/notion-api.md §3.6). Stops at the first failed page and returns
     * what it had, with {@link PageResult#failure()} set.
     *
     * @param onPage called after each page (for progress), on the calling thread
     * @throws CancellationException when cancelled; pages already delivered to {@code onPage} stay delivered
     */
    public PageResult paginate(ApiRequest request, CancellationToken cancel, CallObserver observer,
                               Consumer<Exchange> onPage) throws NotionTransportException {
        return paginate(request, CursorPlacement.defaultFor(request.method()), cancel, observer, onPage);
    }

    /** As {@link #paginate(ApiRequest, CancellationToken, CallObserver, Consumer)}, with the cursor where the route wants it. */
    public PageResult paginate(ApiRequest request, CursorPlacement placement, CancellationToken cancel, CallObserver observer,
                               Consumer<Exchange> onPage) throws NotionTransportException {
        try {
            return Paginator.run(this::send, settings.nanoTime(), request, placement,
                    cancel == null ? CancellationToken.none() : cancel,
                    observer == null ? CallObserver.NONE : observer, onPage == null ? e -> { } : onPage);
        } catch (NotionTransportException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("a client's own send only fails with NotionTransportException", e);
        }
    }

    // ---- building the request --------------------------------------------------------------------------

    record Prepared(HttpRequest http, SentRequest sent) {
    }

    Prepared prepare(ApiRequest req) {
        URI url = resolve(req);
        String version = req.versionOverride().orElse(settings.notionVersion());
        Credentials creds = req.credentialsOverride().orElse(settings.credentials());

        Map<String, String> wire = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        String typedAuth = findHeader(req.headers(), "Authorization");
        if (typedAuth != null) {
            wire.put("Authorization", typedAuth);
            shown.put("Authorization", maskTypedAuthorization(typedAuth));
        } else {
            creds.authorizationHeader().ifPresent(h -> wire.put("Authorization", h));
            creds.maskedAuthorizationHeader().ifPresent(h -> shown.put("Authorization", h));
        }
        putOwn(wire, shown, "Notion-Version", version);
        if (findHeader(req.headers(), "User-Agent") == null) {
            putOwn(wire, shown, "User-Agent", settings.userAgent());
        }
        if (findHeader(req.headers(), "Accept") == null) {
            putOwn(wire, shown, "Accept", "application/json");
        }
        String body = req.bodyText().orElse(null);
        MultipartBody form = req.formParts().isEmpty() ? null : new MultipartBody(req.formParts());
        if (body != null && findHeader(req.headers(), "Content-Type") == null) {
            putOwn(wire, shown, "Content-Type", "application/json");
        }
        req.headers().forEach((k, v) -> {
            // a typed Content-Type would lose the boundary: a form's own always wins, as in the SDK
            if (!k.equalsIgnoreCase("Authorization") && !(form != null && k.equalsIgnoreCase("Content-Type"))) {
                put(wire, shown, k, v);
            }
        });
        if (form != null) {
            putOwn(wire, shown, "Content-Type", form.contentType());
        }

        // No HttpRequest.timeout: AttemptGuard's deadline covers headers and body alike, and the JDK's
        // per-request timer costs a selector wake-up per call (ClientOverheadBench).
        HttpRequest.Builder b = HttpRequest.newBuilder(url);
        if ("http".equalsIgnoreCase(url.getScheme())) {
            // no h2c upgrade dance with a local sandbox: plain HTTP/1.1
            b.version(HttpClient.Version.HTTP_1_1);
        }
        try {
            wire.forEach(b::setHeader);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A header cannot be sent: " + Redactor.redact(String.valueOf(e.getMessage())), e);
        }
        b.method(req.method(), form != null ? form.publisher() : body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        SentRequest sent = new SentRequest(req.method(), url.toString(), shown,
                form != null ? Redactor.redact(form.describe()) : body == null ? null : Redactor.redact(body), version);
        return new Prepared(b.build(), sent);
    }

    /** A header we set from our own settings: nothing secret in it, so no redaction pass. */
    private static void putOwn(Map<String, String> wire, Map<String, String> shown, String k, String v) {
        wire.put(k, v);
        shown.put(k, v);
    }

    /** A header the user typed: shown through the redaction routine. */
    private static void put(Map<String, String> wire, Map<String, String> shown, String k, String v) {
        wire.put(k, v);
        shown.put(k, Redactor.redact(v));
    }

    private static String findHeader(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String maskTypedAuthorization(String value) {
        String v = value.strip();
        int sp = v.indexOf(' ');
        if (sp < 0) {
            Redactor.register(v);
            return Redactor.mask(v);
        }
        String secret = v.substring(sp + 1).strip();
        Redactor.register(secret);
        return v.substring(0, sp) + " " + Redactor.mask(secret);
    }

    private URI resolve(ApiRequest req) {
        URI base = settings.baseUrl();
        String path = req.path();
        String target;
        if (path.matches("(?i)https?://.*")) {
            URI abs;
            try {
                abs = URI.create(path);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"" + path + "\" is not a valid URL.", e);
            }
            if (!sameOrigin(abs, base)) {
                throw new IllegalArgumentException("The URL points at " + origin(abs) + ", but this connection talks to "
                        + origin(base) + "; the token is only ever sent to the connection's base URL. Use a path like /v1/...");
            }
            target = path;
        } else {
            target = base.toString() + path;
        }
        StringBuilder sb = new StringBuilder(target.replace(" ", "%20"));
        boolean hasQuery = target.indexOf('?') >= 0;
        for (Map.Entry<String, String> q : req.queryParams()) {
            sb.append(hasQuery ? '&' : '?').append(encode(q.getKey())).append('=').append(encode(q.getValue()));
            hasQuery = true;
        }
        try {
            return URI.create(sb.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The path \"" + path + "\" has characters a URL cannot hold; "
                    + "percent-encode them or put parameters in the query list.", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String origin(URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
    }

    // ---- pacing and waiting -----------------------------------------------------------------------------

    private void pace(int attempt, CancellationToken c, CallObserver obs, List<Wait> waits) {
        RateLimiter limiter = settings.rateLimiter();
        boolean pausedBy429 = !limiter.pauseRemaining().isZero();
        Duration d = limiter.reserve();
        if (!d.isZero()) {
            Wait w = pausedBy429
                    ? new Wait(Wait.Reason.RATE_LIMITED, d, attempt, "connection paused after a 429 (Retry-After)")
                    : new Wait(Wait.Reason.PACING, d, attempt, limiter.snapshot().describe());
            waits.add(w);
            obs.onWait(w);
            try {
                sleep(d, c);
            } catch (CancellationException e) {
                limiter.refund();
                throw e;
            }
        }
        Duration paused = limiter.pauseRemaining();
        if (!paused.isZero()) {
            // another caller of this connection got a 429 while we waited: hold off until its Retry-After
            Wait w = new Wait(Wait.Reason.RATE_LIMITED, paused, attempt, "connection paused after a 429");
            waits.add(w);
            obs.onWait(w);
            sleep(paused, c);
        }
    }

    private void sleep(Duration d, CancellationToken c) {
        try {
            settings.sleeper().sleep(d, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting");
        }
    }

    // ---- one attempt ------------------------------------------------------------------------------------

    record Attempt(HttpResponse<byte[]> response, long sentAt, long headersAt, long doneAt) {
    }

    private Attempt execute(Prepared p, CancellationToken c) throws NotionTransportException {
        CappedBodyHandler handler = new CappedBodyHandler(settings.maxResponseBytes(), settings.nanoTime());
        long sentAt = settings.nanoTime().getAsLong();
        // Blocking send on the calling thread: the public sendAsync hands every completion to the common
        // ForkJoin pool (one thread on a 2-core machine), which costs a thread hop per call and stalls
        // when that pool is busy. Cancel and the per-attempt timeout abort the exchange through AttemptGuard
        // (docs/decisions/0013-cancellation-and-timeouts.md).
        AttemptGuard guard = new AttemptGuard(Thread.currentThread(), handler, settings.requestTimeout().toNanos());
        Runnable unregister = c == CancellationToken.none() ? () -> { } : c.onCancel(() -> guard.abort(AttemptGuard.CANCELLED));
        HttpResponse<byte[]> response = null;
        Throwable failure = null;
        try {
            response = settings.httpClient().send(p.http(), handler);
        } catch (InterruptedException | IOException | RuntimeException e) {
            failure = e;
        } finally {
            unregister.run();
        }
        int aborted = guard.finish();
        if (aborted == AttemptGuard.CANCELLED) {
            throw new CancellationException("Cancelled");
        }
        if (aborted == AttemptGuard.TIMED_OUT) {
            throw new NotionTransportException(NotionTransportException.Kind.TIMEOUT,
                    origin(p.http().uri()) + " did not answer within " + Wait.human(settings.requestTimeout())
                            + " (" + p.sent().method() + " " + p.http().uri().getPath() + ").", failure);
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted");
        }
        if (failure instanceof RuntimeException re && !(failure instanceof java.io.UncheckedIOException)) {
            if (re instanceof IllegalArgumentException) {
                throw new IllegalArgumentException(Redactor.redact(String.valueOf(re.getMessage())), re);
            }
            throw re;
        }
        if (failure != null) {
            throw transportFailure(p, failure);
        }
        return new Attempt(response, sentAt, handler.headersAt(), settings.nanoTime().getAsLong());
    }

    private NotionTransportException transportFailure(Prepared p, Throwable t) {
        URI u = p.http().uri();
        String where = origin(u);
        if (cause(t, CappedBodyHandler.TooLargeException.class) instanceof CappedBodyHandler.TooLargeException tl) {
            return new NotionTransportException(NotionTransportException.Kind.RESPONSE_TOO_LARGE,
                    "The response from " + where + " is larger than the " + mib(tl.limit) + " limit"
                            + (tl.declared > 0 ? " (it declared " + mib(tl.declared) + ")" : "")
                            + "; reading stopped. Ask for less (a smaller page_size or a narrower filter) or raise the limit in settings.", t);
        }
        if (hasCause(t, HttpConnectTimeoutException.class)) {
            return new NotionTransportException(NotionTransportException.Kind.TIMEOUT,
                    "Could not connect to " + where + " within " + Wait.human(settings.connectTimeout())
                            + ". Check the network, a proxy or firewall, and the base URL.", t);
        }
        if (hasCause(t, HttpTimeoutException.class)) {
            return new NotionTransportException(NotionTransportException.Kind.TIMEOUT,
                    where + " did not answer within " + Wait.human(settings.requestTimeout()) + ".", t);
        }
        if (hasCause(t, UnknownHostException.class) || hasCause(t, UnresolvedAddressException.class)) {
            return new NotionTransportException(NotionTransportException.Kind.UNKNOWN_HOST,
                    "Could not find the host " + u.getHost() + ". Check the base URL and your network or DNS.", t);
        }
        if (hasCause(t, SSLException.class)) {
            Throwable ssl = cause(t, SSLException.class);
            return new NotionTransportException(NotionTransportException.Kind.TLS,
                    "The TLS handshake with " + where + " failed: " + ssl.getMessage()
                            + ". A proxy that intercepts HTTPS, or a wrong system clock, often causes this.", t);
        }
        if (hasCause(t, ConnectException.class)) {
            return new NotionTransportException(NotionTransportException.Kind.CONNECTION_REFUSED,
                    "Could not connect to " + where + ": connection refused. Is the server (or sandbox) running, and is the port right?", t);
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new NotionTransportException(NotionTransportException.Kind.IO,
                "The connection to " + where + " failed: " + msg + ".", t);
    }

    private static String mib(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : bytes + " bytes";
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        return cause(t, type) != null;
    }

    private static Throwable cause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (type.isInstance(x)) {
                return x;
            }
            if (x.getCause() == x) {
                break;
            }
        }
        return null;
    }

    private Exchange toExchange(Prepared p, Attempt a, Instant startedAt, long t0, int attempts, List<Wait> waits) {
        HttpResponse<byte[]> r = a.response();
        byte[] body = r.body() == null ? new byte[0] : r.body();
        Map<String, List<String>> headers = lowerCase(r.headers());
        JsonNode json = BodyParsing.parseJson(body);
        BodyKind kind = BodyParsing.kindOf(body, json);
        int status = r.statusCode();
        NotionError error = status >= 200 && status < 300 ? null : NotionError.from(status, headers, body, json, kind);
        String requestId = null;
        if (json != null && json.isObject() && json.hasNonNull("request_id")) {
            requestId = json.get("request_id").asText();
        }
        if (requestId == null) {
            requestId = NotionError.header(headers, "x-notion-request-id");
        }
        long headersAt = a.headersAt() < 0 ? a.doneAt() : a.headersAt();
        return new Exchange(p.sent(), status, headers, body, json, kind, error, requestId, startedAt,
                Duration.ofNanos(a.doneAt() - t0), Duration.ofNanos(Math.max(0, headersAt - a.sentAt())),
                body.length, attempts, waits);
    }

    private static Map<String, List<String>> lowerCase(HttpHeaders h) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        h.map().forEach((k, v) -> {
            if (k != null && !k.startsWith(":")) {
                out.merge(k.toLowerCase(Locale.ROOT), List.copyOf(v), (x, y) -> {
                    List<String> l = new ArrayList<>(x);
                    l.addAll(y);
                    return l;
                });
            }
        });
        return out;
    }

    @Override
    public String toString() {
        return "NotionClient[" + settings + "]";
    }
}
