package dev.notionconsole.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.notionconsole.core.http.ServerLimits;
import dev.notionconsole.sandbox.api.AsyncTasksApi;
import dev.notionconsole.sandbox.api.BlocksApi;
import dev.notionconsole.sandbox.api.CommentsApi;
import dev.notionconsole.sandbox.api.CustomEmojisApi;
import dev.notionconsole.sandbox.api.DataSourcesApi;
import dev.notionconsole.sandbox.api.DatabasesApi;
import dev.notionconsole.sandbox.api.FileUploadsApi;
import dev.notionconsole.sandbox.api.PageMarkdownApi;
import dev.notionconsole.sandbox.api.PagesApi;
import dev.notionconsole.sandbox.api.SearchApi;
import dev.notionconsole.sandbox.api.UsersApi;
import dev.notionconsole.sandbox.api.ViewsApi;
import dev.notionconsole.sandbox.fixture.FixtureException;
import dev.notionconsole.sandbox.fixture.FixtureLoader;
import dev.notionconsole.sandbox.http.RequestLineGuard;
import dev.notionconsole.sandbox.http.Router;
import dev.notionconsole.sandbox.model.Workspace;
import dev.notionconsole.sandbox.model.Capability;
import dev.notionconsole.sandbox.model.Connection;
import dev.notionconsole.sandbox.model.Installation;
import dev.notionconsole.sandbox.model.SandboxModel;
import dev.notionconsole.sandbox.model.TokenRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline Notion API simulator: an in-process HTTP server bound to 127.0.0.1 only, serving {@code /v1/...}
 * from a {@link SandboxModel} built from a fixture (issue 3; docs/notion-api.md §8).
 *
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults())) {
 *     String base = sandbox.baseUrl();           // http://127.0.0.1:PORT
 *     String token = sandbox.connections().get(0).token();
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

    static {
        // The JDK server flushes headers and body as separate packets; with Nagle on, each small answer then waits
        // for the client's delayed ACK (~40 ms). TCP_NODELAY takes loopback from ~25 to thousands of requests/s.
        // Read once, when the first HttpServer is created in this JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        ServerLimits.apply(); // a slow client cannot hold a worker for long (decision 0092)
    }

    /** Connections served at once, so that slow ones never stop the others (decision 0092). */
    static int connectionThreads(SandboxOptions options) {
        return Math.max(64, options.threads() * 8);
    }

    private final SandboxOptions options;
    private final SandboxModel model;
    private final Router router;
    private final HttpServer http;
    private final RequestLineGuard front;
    private final ExecutorService executor;
    private final List<SandboxExtension> extensions;
    private final SandboxContext context;
    private volatile boolean closed;

    private SandboxServer(SandboxOptions options, SandboxModel model, Router router, HttpServer http, RequestLineGuard front,
                          ExecutorService executor, List<SandboxExtension> extensions) {
        this.options = options;
        this.model = model;
        this.router = router;
        this.http = http;
        this.front = front;
        this.executor = executor;
        this.extensions = extensions;
        this.context = new SandboxContext(options, model, router, "http://127.0.0.1:" + front.port());
    }

    /**
     * Loads the model (fixture, or an extension's), registers the API, binds 127.0.0.1:port and starts serving.
     *
     * @throws FixtureException when the fixture file is not valid (every problem listed)
     * @throws IOException      when the port cannot be bound or an extension fails to install
     */
    public static SandboxServer start(SandboxOptions options) throws IOException, FixtureException {
        List<SandboxExtension> extensions = new ArrayList<>();
        if (options.discoverExtensions()) {
            ServiceLoader.load(SandboxExtension.class).forEach(extensions::add);
        }
        extensions.addAll(options.extensions());

        SandboxModel model = null;
        for (SandboxExtension e : extensions) {
            model = e.loadModel(options);
            if (model != null) {
                break;
            }
        }
        if (model == null) {
            model = options.fixture() == null ? FixtureLoader.loadDefault(options.clock()) : FixtureLoader.load(options.fixture(), options.clock());
        }
        Router router = new Router(model, options.unknownVersionCode());
        registerApi(router);

        // The JDK server listens on a loopback port of its own; the port clients use is the guard's, which answers a
        // request line the JDK cannot parse with Notion's JSON instead of the JDK's HTML page (RequestLineGuard).
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        ExecutorService executor = ServerLimits.executor("sandbox-http", connectionThreads(options));
        http.setExecutor(executor);
        http.createContext("/", router);
        RequestLineGuard front = RequestLineGuard.start(InetAddress.getLoopbackAddress(), options.port(), 256, http.getAddress());
        SandboxServer server = new SandboxServer(options, model, router, http, front, executor, extensions);
        try {
            for (SandboxExtension e : extensions) {
                e.install(server.context);
            }
        } catch (IOException | RuntimeException e) {
            front.close();
            ServerLimits.stopNow(http);
            executor.shutdownNow();
            throw e;
        }
        http.start();
        LOG.info("Sandbox listening on {} ({} objects)", server.baseUrl(), model.read(model::nodeCount));
        return server;
    }

    /** The core API. OAuth routes are registered by the oauth helper's extension. */
    public static void registerApi(Router router) {
        UsersApi.register(router);
        PagesApi.register(router);
        BlocksApi.register(router);
        DatabasesApi.register(router);
        DataSourcesApi.register(router);
        SearchApi.register(router);
        CommentsApi.register(router);
        FileUploadsApi.register(router);
        ViewsApi.register(router);
        CustomEmojisApi.register(router);
        AsyncTasksApi.register(router);
        PageMarkdownApi.register(router);
    }

    /** Like {@code http://127.0.0.1:PORT}; the API is under {@code /v1}. */
    public String baseUrl() {
        return context.baseUrl();
    }

    public int port() {
        return front.port();
    }

    public SandboxOptions options() {
        return options;
    }

    public SandboxModel model() {
        return model;
    }

    public Router router() {
        return router;
    }

    public SandboxContext context() {
        return context;
    }

    /** The connections, as of now (new OAuth installs show up). */
    public List<SandboxConnection> connections() {
        return connectionsOf(model);
    }

    /** The connections of a model, also one that is not served (the GUI lists them before starting a sandbox). */
    public static List<SandboxConnection> connectionsOf(SandboxModel model) {
        return model.read(() -> {
            Instant now = model.clock().instant();
            List<SandboxConnection> out = new ArrayList<>();
            for (Connection c : model.connections()) {
                List<String> caps = new ArrayList<>();
                for (Capability cap : c.capabilities()) {
                    caps.add(cap.key());
                }
                String token = c.token();
                String workspace = c.workspace() == null ? null : c.workspace().name();
                int rate = c.workspace() == null ? Workspace.Plan.FREE.ratePerMinute() : c.workspace().plan().ratePerMinute();
                if (c.kind() == Connection.Kind.PUBLIC) {
                    token = null;
                    for (Installation i : c.installations()) {
                        List<TokenRegistry.Entry> tokens = model.tokens().tokensOf(i, TokenRegistry.Type.ACCESS, now);
                        if (!tokens.isEmpty()) {
                            token = tokens.get(0).token();
                            workspace = i.workspace().name();
                            rate = i.workspace().plan().ratePerMinute();
                            break;
                        }
                    }
                }
                TokenRegistry.Entry entry = model.tokens().lookup(token);
                boolean active = entry != null && entry.activeAt(now);
                out.add(new SandboxConnection(c.id(), c.name(), c.kind(), token, c.clientId(), c.clientSecret(),
                        List.copyOf(c.redirectUris()), workspace, c.description(), List.copyOf(caps), c.userInfo().key(), active, rate));
            }
            return out;
        });
    }

    /** Stops serving (extensions first get {@link SandboxExtension#beforeClose}). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (SandboxExtension e : extensions) {
            try {
                e.beforeClose(context);
            } catch (RuntimeException ex) {
                LOG.warn("Sandbox extension failed on close", ex);
            }
        }
        front.close();
        ServerLimits.stopNow(http);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException ex) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
