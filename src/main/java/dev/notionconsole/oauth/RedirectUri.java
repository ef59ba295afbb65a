package dev.notionconsole.oauth;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;

/**
 * A public connection's loopback redirect URI, e.g. {@code http://localhost:27615/callback}.
 *
 * <p>Notion compares redirect URIs as exact strings and gives loopback redirects no port freedom
 * (oauth-loopback.md 4.3), so each public connection keeps one fixed URI that the user registers once. The
 * default host is {@code localhost}, which Notion is reported to accept where it refuses {@code 127.0.0.1};
 * any {@code http://localhost}, {@code http://127.0.0.1} or {@code http://[::1]} URI with an explicit port
 * works too (docs/decisions/0050-redirect-uri-policy.md). The string is kept exactly as entered, because
 * that exact string goes into the authorize URL and the token request.
 */
public final class RedirectUri {
    public static final String DEFAULT_PATH = "/callback";
    /** Ports the default URI is picked from: below Linux's and Windows' ephemeral ranges, above the usual services. */
    static final int PORT_RANGE_START = 20000;
    static final int PORT_RANGE_END = 29999;

    private final String value;
    private final String host;
    private final int port;
    private final String path;

    private RedirectUri(String value, String host, int port, String path) {
        this.value = value;
        this.host = host;
        this.port = port;
        this.path = path;
    }

    /**
     * Parses a redirect URI the user entered or registered.
     *
     * @throws IllegalArgumentException with a message that says what to change
     */
    public static RedirectUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The redirect URI is empty. Use e.g. http://localhost:27615/callback.");
        }
        String trimmed = text.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The redirect URI is not a valid URI: " + e.getReason() + ".");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("The redirect URI must start with http:// (the console listens on "
                    + "this machine's loopback interface, where TLS is not needed); got '" + trimmed + "'.");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(host)) {
            throw new IllegalArgumentException("The redirect URI must point at this machine: http://localhost:PORT/..., "
                    + "http://127.0.0.1:PORT/... or http://[::1]:PORT/...; got host '" + host + "'.");
        }
        if (uri.getPort() < 1) {
            throw new IllegalArgumentException("The redirect URI needs an explicit port, e.g. http://localhost:27615/callback.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("The redirect URI must not have a query or fragment.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The redirect URI must not contain a user name.");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new RedirectUri(trimmed, host, uri.getPort(), path);
    }

    /** {@code http://localhost:<port>/callback}. */
    public static RedirectUri defaultFor(int port) {
        return parse("http://localhost:" + port + DEFAULT_PATH);
    }

    /**
     * Picks the port for a new public connection's default redirect URI once: a random port in
     * {@value #PORT_RANGE_START}-{@value #PORT_RANGE_END} that is free on the loopback interface now.
     */
    public static RedirectUri pickDefault() {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = PORT_RANGE_START + random.nextInt(PORT_RANGE_END - PORT_RANGE_START + 1);
            if (isFree(port)) {
                return defaultFor(port);
            }
        }
        return defaultFor(PORT_RANGE_START + random.nextInt(PORT_RANGE_END - PORT_RANGE_START + 1));
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The URI exactly as registered: this string goes into the authorize URL and the token request. */
    public String value() {
        return value;
    }

    /** {@code localhost}, {@code 127.0.0.1} or {@code [::1]}. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The raw path the listener accepts, e.g. {@code /callback}. */
    public String path() {
        return path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RedirectUri other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
