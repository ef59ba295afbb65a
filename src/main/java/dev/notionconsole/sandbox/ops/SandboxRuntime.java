package dev.notionconsole.sandbox.ops;

import dev.notionconsole.sandbox.SandboxConnection;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.fixture.FixtureException;
import dev.notionconsole.sandbox.fixture.FixtureLoader;
import dev.notionconsole.sandbox.model.SandboxModel;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's one in-process sandbox (connections reach it through {@code wiring.SandboxServerAccess}): started the first time a sandbox connection is used ({@link #baseUrl()}),
 * stopped on exit ({@link #stop()}). Saved sandbox connections keep the base URL marker {@code sandbox} and are
 * resolved through this at call time, so the ephemeral port never ends up in a file.
 *
 * <p>Thread-safe; every method may block (starting loads the fixture and binds a port), so call it from a
 * background task, never on the JavaFX thread. After {@link #stop()} it stays stopped.
 */
public final class SandboxRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxRuntime.class);

    private final SandboxOptions options;
    private SandboxServer server;
    private SandboxModel listingModel;
    private boolean stopped;

    /** The default sandbox: the fixture in the jar, an ephemeral port, rate limits from the workspace plans. */
    public SandboxRuntime() {
        this(SandboxOptions.defaults());
    }

    public SandboxRuntime(SandboxOptions options) {
        this.options = Objects.requireNonNull(options);
    }

    /** The running sandbox's base URL ({@code http://127.0.0.1:PORT}), starting it on first use. */
    public String baseUrl() throws IOException {
        return server().baseUrl();
    }

    /** The running server, starting it on first use. */
    public synchronized SandboxServer server() throws IOException {
        if (stopped) {
            throw new IOException("The built-in sandbox has been stopped (the app is closing).");
        }
        if (server == null) {
            try {
                server = SandboxServer.start(options);
            } catch (FixtureException e) {
                throw new IOException(e.getMessage(), e);
            }
            listingModel = null;
            LOG.info("Built-in sandbox started on {}", server.baseUrl());
        }
        return server;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * The sandbox's connections with their fake tokens. Does not start the server: before it runs they come from
     * the fixture itself (the same tokens, since fixture tokens are fixed).
     */
    public synchronized List<SandboxConnection> connections() throws IOException {
        List<SandboxConnection> connections;
        if (server != null) {
            connections = server.connections();
        } else {
            if (listingModel == null) {
                try {
                    listingModel = options.fixture() == null ? FixtureLoader.loadDefault(options.clock())
                            : FixtureLoader.load(options.fixture(), options.clock());
                } catch (FixtureException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
            connections = SandboxServer.connectionsOf(listingModel);
        }
        return connections;
    }

    /** Stops the sandbox (saving its state if it has a state file). Idempotent; later calls to start fail. */
    public synchronized void stop() {
        stopped = true;
        if (server != null) {
            server.close();
            server = null;
            LOG.info("Built-in sandbox stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }
}
