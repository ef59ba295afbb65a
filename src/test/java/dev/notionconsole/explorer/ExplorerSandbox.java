package dev.notionconsole.explorer;

import dev.notionconsole.notion.ClientSettings;
import dev.notionconsole.notion.Credentials;
import dev.notionconsole.notion.NotionClient;
import dev.notionconsole.notion.RateLimiter;
import dev.notionconsole.core.Secret;
import dev.notionconsole.sandbox.SandboxContext;
import dev.notionconsole.sandbox.SandboxExtension;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A sandbox for explorer tests that counts the requests it answers, per token, at the server (a
 * {@link dev.notionconsole.sandbox.http.ResponseListener} installed through a {@link SandboxExtension}), and clients
 * for its tokens. Client-side pacing is off (the sandbox's rate limit too, unless the options turn it on).
 */
final class ExplorerSandbox implements AutoCloseable {
    final SandboxServer server;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile Consumer<String> onRequest = t -> { };
    private volatile Consumer<String> onArrival = t -> { };
    private volatile Consumer<String> onArrivalPath = p -> { };

    ExplorerSandbox(SandboxOptions.Builder options) throws Exception {
        server = SandboxServer.start(options.extension(new SandboxExtension() {
            @Override
            public void install(SandboxContext context) {
                context.router().addPreHandler(call -> {
                    onArrival.accept(String.valueOf(call.header("Authorization")));
                    onArrivalPath.accept(call.path());
                    return null;
                });
                context.router().addResponseListener((call, status) -> {
                    String auth = String.valueOf(call.header("Authorization"));
                    onRequest.accept(auth);
                    synchronized (counts) {
                        counts.computeIfAbsent(auth, k -> new AtomicInteger()).incrementAndGet();
                        counts.notifyAll();
                    }
                });
            }
        }).build());
    }

    static ExplorerSandbox defaultFixture() throws Exception {
        return new ExplorerSandbox(SandboxOptions.builder().rateLimitOff());
    }

    /** Requests the sandbox answered for this token so far. */
    int served(String token) {
        AtomicInteger n = counts.get("Bearer " + token);
        return n == null ? 0 : n.get();
    }

    /**
     * The count once it reaches {@code atLeast} (or after 5 s, whatever it is then): the listener runs just after the
     * answer is written, so a client can hold its answer a moment before the sandbox has counted it.
     */
    int served(String token, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        synchronized (counts) {
            while (served(token) < atLeast && System.nanoTime() < deadline) {
                counts.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            return served(token);
        }
    }

    void onRequest(Consumer<String> hook) {
        onRequest = hook;
    }

    /** Called when a request arrives, before it is answered (while the client waits for it). */
    void onArrival(Consumer<String> hook) {
        onArrival = hook;
    }

    /** Called with the path of each request as it arrives, before it is answered. */
    void onArrivalPath(Consumer<String> hook) {
        onArrivalPath = hook;
    }

    NotionClient client(String token, String version, RateLimiter limiter) {
        return new NotionClient(ClientSettings.builder().baseUrl(server.baseUrl()).notionVersion(version)
                .credentials(Credentials.bearer(Secret.of(token))).rateLimiter(limiter).build());
    }

    ApiCalls calls(String token) {
        return calls(token, dev.notionconsole.notion.NotionVersion.LATEST);
    }

    ApiCalls calls(String token, String version) {
        NotionClient c = client(token, version, RateLimiter.unlimited());
        return c::send;
    }

    Mapper mapper(String name, String token, TokenKind kind) {
        return new Mapper(calls(token), name, kind, dev.notionconsole.notion.NotionVersion.LATEST);
    }

    @Override
    public void close() {
        server.close();
    }
}
