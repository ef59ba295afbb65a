package dev.notionconsole.testsupport;

import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.connections.SandboxServerAccess;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.sandbox.SandboxConnection;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension: one real sandbox per test class (real HTTP on 127.0.0.1, default fixture unless told
 * otherwise) and, per test, a {@link ConnectionService} over a fresh temporary {@code NOTION_CONSOLE_HOME} that
 * offers the sandbox's connections ("Sandbox: Docs Sync"...), as the app does on first start.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SandboxConnections sandbox = SandboxConnections.rateLimitOff();
 *
 * @Test
 * void something() {
 *     ConnectionService service = sandbox.connections();      // built on first use in this test
 *     String token = sandbox.fixtureConnection("Docs Sync").token();
 * }
 * }</pre>
 *
 * Register it on a {@code static} field. The home folder and the service are made lazily, so they are ready in a
 * TestFX {@code @Start} method too whatever the order of extensions; both are dropped after each test.
 */
public final class SandboxConnections implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
    private final SandboxOptions options;
    private SandboxServer server;
    private Path home;
    private ConnectionService connections;

    private SandboxConnections(SandboxOptions options) {
        this.options = options;
    }

    /** The default fixture with its rate limits on (as the app runs it). */
    public static SandboxConnections defaults() {
        return with(SandboxOptions.builder().port(0).build());
    }

    /** The default fixture without rate limiting: for tests that send many requests. */
    public static SandboxConnections rateLimitOff() {
        return with(SandboxOptions.builder().port(0).rateLimitOff().build());
    }

    /** Any options (another fixture, extensions, a clock). Use port 0. */
    public static SandboxConnections with(SandboxOptions options) {
        return new SandboxConnections(options);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = SandboxServer.start(options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        connections = null;
        if (home != null) {
            deleteQuietly(home);
            home = null;
        }
    }

    /** The running sandbox. */
    public SandboxServer server() {
        if (server == null) {
            throw new IllegalStateException("the sandbox runs between beforeAll and afterAll: register the extension on a static field");
        }
        return server;
    }

    /** The sandbox's base URL, e.g. {@code http://127.0.0.1:49152}. */
    public String baseUrl() {
        return server().baseUrl();
    }

    /** A connection of the running sandbox by its fixture name ("Docs Sync"), with its fake token. */
    public SandboxConnection fixtureConnection(String name) {
        return server().connections().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the sandbox has no connection named " + name));
    }

    /** The sandbox as connections see it (what the app's composition root passes to {@code ConnectionService}). */
    public SandboxAccess access() {
        return new SandboxServerAccess(this::server);
    }

    /** This test's home folder (as {@code NOTION_CONSOLE_HOME}): made on first use, deleted after the test. */
    public Path home() {
        if (home == null) {
            try {
                home = Files.createTempDirectory("nc-test-home");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return home;
    }

    /** {@link #home()} as the app's folders. */
    public AppDirs dirs() {
        return new AppDirs(home());
    }

    /** This test's connection service, with an empty environment: made on first use. */
    public ConnectionService connections() {
        if (connections == null) {
            connections = TestConnections.open(home(), Map.of(), access());
        }
        return connections;
    }

    /**
     * A new connection service over the same home, as a restart of the app with this environment would make
     * (e.g. {@code NOTION_TOKEN}); it becomes {@link #connections()}.
     */
    public ConnectionService reopen(Map<String, String> env) {
        connections = TestConnections.open(home(), env, access());
        return connections;
    }

    /** {@link #connections()} with the named connection made current. */
    public ConnectionService connectionsUsing(String name) {
        ConnectionService service = connections();
        service.setCurrent(service.findByIdOrName(name).orElseThrow(() -> new IllegalArgumentException("no connection " + name)).id());
        return service;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is harmless
        }
    }
}
