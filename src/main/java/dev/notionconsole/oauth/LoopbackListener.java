package dev.notionconsole.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.notionconsole.core.http.ServerLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-shot HTTP listener that catches Notion's redirect on this machine (RFC 8252 7.3, 8.3;
 * docs/decisions/0051-listener-lifecycle.md).
 *
 * <ul>
 *   <li>Binds the loopback interface only: 127.0.0.1, plus ::1 when the redirect host is {@code localhost} and
 *       this machine has IPv6 loopback (browsers may resolve {@code localhost} to either). Never all interfaces.
 *   <li>{@link #open} fails with {@link OAuthException.Reason#PORT_IN_USE} before anything is shown in a
 *       browser if the port is taken.
 *   <li>Serves several connections at once (browsers pre-open a second connection, ask for /favicon.ico).
 *   <li>Accepts only the registered path; judges every request with {@link CallbackVerdict}. The first genuine
 *       answer, or a refused (forged) one, ends the listener: the reply page is sent, the sockets are closed,
 *       and only then {@link #answer()} completes, so a caller that sees the result knows the port is closed.
 * </ul>
 */
public final class LoopbackListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackListener.class);
    /** Connections served at once: browsers open a few; slow or idle ones beyond this wait in line (decision 0092). */
    static final int THREADS = 16;

    static {
        ServerLimits.apply(); // a connection that trickles its headers is closed, not waited on forever
    }

    private final RedirectUri redirectUri;
    private final OAuthState state;
    private final String connectionName;
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor;
    private final CompletableFuture<AuthorizationResponse> answer = new CompletableFuture<>();
    private final AtomicBoolean decided = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private LoopbackListener(RedirectUri redirectUri, OAuthState state, String connectionName) {
        this.redirectUri = redirectUri;
        this.state = state;
        this.connectionName = connectionName;
        this.executor = ServerLimits.executor("oauth-listener", THREADS);
    }

    /**
     * Binds and starts listening.
     *
     * @throws OAuthException {@link OAuthException.Reason#PORT_IN_USE} when another program holds the port,
     *         {@link OAuthException.Reason#LISTENER_FAILED} for other bind failures
     */
    public static LoopbackListener open(RedirectUri redirectUri, OAuthState state, String connectionName) throws OAuthException {
        LoopbackListener l = new LoopbackListener(redirectUri, state, connectionName);
        try {
            for (InetAddress address : addressesFor(redirectUri)) {
                l.bind(address, address instanceof java.net.Inet6Address && "localhost".equals(redirectUri.host()));
            }
        } catch (OAuthException e) {
            l.stopServers();
            l.executor.shutdownNow();
            throw e;
        }
        LOG.info("OAuth redirect listener open on {} for {}", l.boundAddresses(), redirectUri.value());
        return l;
    }

    static List<InetAddress> addressesFor(RedirectUri uri) throws OAuthException {
        try {
            return switch (uri.host()) {
                case "127.0.0.1" -> List.of(InetAddress.getByName("127.0.0.1"));
                case "[::1]" -> List.of(InetAddress.getByName("::1"));
                default -> List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
            };
        } catch (UnknownHostException e) {
            throw new OAuthException(OAuthException.Reason.LISTENER_FAILED, "Cannot resolve the loopback address: " + e.getMessage(), e);
        }
    }

    private void bind(InetAddress address, boolean optional) throws OAuthException {
        InetSocketAddress socketAddress = new InetSocketAddress(address, redirectUri.port());
        try {
            HttpServer server = HttpServer.create(socketAddress, 8);
            server.createContext("/", this::handle);
            server.setExecutor(executor);
            server.start();
            servers.add(server);
        } catch (BindException e) {
            if (optional && !loopbackUsable(address)) {
                LOG.debug("No IPv6 loopback on this machine; listening on IPv4 only");
                return;
            }
            throw portInUse(address);
        } catch (SocketException e) {
            if (optional) {
                LOG.debug("IPv6 loopback not usable ({}); listening on IPv4 only", e.getMessage());
                return;
            }
            throw new OAuthException(OAuthException.Reason.LISTENER_FAILED,
                    "Could not listen on " + socketAddress + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new OAuthException(OAuthException.Reason.LISTENER_FAILED,
                    "Could not listen on " + socketAddress + ": " + e.getMessage(), e);
        }
    }

    /** Whether an address can be bound at all (ephemeral port): tells "port taken" from "no IPv6 here". */
    private static boolean loopbackUsable(InetAddress address) {
        try (java.net.ServerSocket s = new java.net.ServerSocket()) {
            s.bind(new InetSocketAddress(address, 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private OAuthException portInUse(InetAddress address) {
        return new OAuthException(OAuthException.Reason.PORT_IN_USE,
                "Port " + redirectUri.port() + " is already in use on this machine (" + address.getHostAddress()
                        + "), so the console cannot receive Notion's redirect at " + redirectUri.value() + ". "
                        + "Close the program that uses it (another sign-in still waiting?), or give this connection "
                        + "a redirect URI with another port and register that URI in the connection's settings on Notion.");
    }

    /** Completes with the answer once the listener has closed; exceptionally with STATE_MISMATCH if refused. */
    public CompletableFuture<AuthorizationResponse> answer() {
        return answer;
    }

    public RedirectUri redirectUri() {
        return redirectUri;
    }

    /** The socket addresses listened on, e.g. 127.0.0.1:27615 and [::1]:27615. */
    public List<InetSocketAddress> boundAddresses() {
        return servers.stream().map(HttpServer::getAddress).toList();
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /** Stops listening (cancel, timeout, or the paste fallback answered). Idempotent. */
    @Override
    public void close() {
        decided.set(true);
        stopServers();
        executor.shutdown();
        answer.completeExceptionally(new CancellationException("The redirect listener was closed."));
    }

    private void stopServers() {
        if (closed.compareAndSet(false, true)) {
            // stop(0), not stop(n): the JDK server waits the full n seconds even when idle. Replies are already
            // written when we get here (the exchange was closed), so closing the connections loses nothing.
            for (HttpServer s : servers) {
                ServerLimits.stopNow(s); // the port is free when this returns, also on a cancelled (interrupted) worker
            }
            LOG.info("OAuth redirect listener on port {} closed", redirectUri.port());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            if (!hostAllowed(exchange.getRequestHeaders().getFirst("Host"))) {
                // a page elsewhere that rebinds its DNS name to 127.0.0.1 gets nothing (DNS rebinding)
                LOG.warn("OAuth listener refused a request with an unexpected Host header");
                reply(exchange, 421, CallbackPages.notAnAnswer("This address only answers requests for this machine."));
                return;
            }
            if (!path.equals(redirectUri.path())) {
                LOG.debug("OAuth listener: {} {} -> 404", method, path);
                replyEmpty(exchange, 404);
                return;
            }
            if (!method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                replyEmpty(exchange, 405);
                return;
            }
            if (decided.get()) {
                reply(exchange, 409, CallbackPages.notAnAnswer(
                        "This sign-in has already been completed or ended; this answer was not used."));
                return;
            }
            CallbackVerdict verdict = CallbackVerdict.judge(path, exchange.getRequestURI().getRawQuery(), redirectUri, state);
            LOG.info("OAuth listener: answer on {} judged {}", path, verdict.getClass().getSimpleName());
            if (verdict instanceof CallbackVerdict.WrongPath) {
                replyEmpty(exchange, 404);
            } else if (verdict instanceof CallbackVerdict.NotAnAnswer) {
                reply(exchange, 400, CallbackPages.notAnAnswer("This address receives Notion's redirect for Notion "
                        + "Console, but this request did not carry an authorization answer."));
            } else if (!decided.compareAndSet(false, true)) {
                reply(exchange, 409, CallbackPages.notAnAnswer("This sign-in has already ended; this answer was not used."));
            } else if (verdict instanceof CallbackVerdict.Forged f) {
                // the flow ends even if the browser went away before the page was written
                try {
                    reply(exchange, 400, CallbackPages.failure("Request refused",
                            "This answer does not belong to the sign-in Notion Console started (" + f.detail()
                                    + "), so it was refused. It may have been forged. Start the sign-in again from the console."));
                } finally {
                    finish(() -> answer.completeExceptionally(forged(f)));
                }
            } else {
                AuthorizationResponse response = ((CallbackVerdict.Answer) verdict).response();
                try {
                    if (response instanceof AuthorizationResponse.Denied d) {
                        reply(exchange, 200, CallbackPages.failure(
                                d.error() == AuthorizationError.ACCESS_DENIED ? "Access denied" : "Authorization failed",
                                d.explain()));
                    } else {
                        reply(exchange, 200, CallbackPages.success(connectionName));
                    }
                } finally {
                    finish(() -> answer.complete(response));
                }
            }
        }
    }

    static OAuthException forged(CallbackVerdict.Forged f) {
        return new OAuthException(OAuthException.Reason.STATE_MISMATCH,
                "Refused an answer at the redirect URI because " + f.detail() + ". This can be a forged request "
                        + "(another page or program trying to attach its own authorization), or an old browser tab "
                        + "from an earlier sign-in. Nothing was installed; start the sign-in again.");
    }

    /** Closes the sockets off the handler thread, then reports: a caller that sees the answer sees a closed port. */
    private void finish(Runnable report) {
        Thread t = new Thread(() -> {
            stopServers();
            executor.shutdown();
            report.run();
        }, "oauth-listener-close");
        t.setDaemon(true);
        t.start();
    }

    private boolean hostAllowed(String hostHeader) {
        if (hostHeader == null) {
            return true; // HTTP/1.0 clients; the path and state checks still apply
        }
        String h = hostHeader.toLowerCase(Locale.ROOT);
        String port = ":" + redirectUri.port();
        return h.equals("localhost" + port) || h.equals("127.0.0.1" + port) || h.equals("[::1]" + port);
    }

    private static void reply(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", "text/html; charset=utf-8");
        h.set("Cache-Control", "no-store");
        h.set("Pragma", "no-cache");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Content-Security-Policy", CallbackPages.CONTENT_SECURITY_POLICY);
        h.set("Connection", "close");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void replyEmpty(HttpExchange exchange, int status) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, -1);
    }
}
