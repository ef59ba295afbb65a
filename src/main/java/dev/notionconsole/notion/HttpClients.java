package dev.notionconsole.notion;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared {@link HttpClient}s, one per connect timeout: a client owns a selector thread and a connection
 * pool, so connections reuse one instead of each making its own. Redirects are never followed: the API
 * does not redirect, and following one could carry the token to another host.
 */
final class HttpClients {
    private static final Map<Duration, HttpClient> SHARED = new ConcurrentHashMap<>();

    private HttpClients() {
    }

    static HttpClient forConnectTimeout(Duration connectTimeout) {
        return SHARED.computeIfAbsent(connectTimeout, t -> HttpClient.newBuilder()
                .connectTimeout(t)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_2)
                .build());
    }
}
