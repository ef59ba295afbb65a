package dev.notionconsole.cli;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.oauth.BrowserOpener;
import dev.notionconsole.oauth.OAuthService;
import dev.notionconsole.oauth.SystemBrowserOpener;
import dev.notionconsole.sandbox.ops.SandboxRuntime;
import dev.notionconsole.wiring.SandboxServerAccess;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The command line's services, built once per run in one place and closed when the run ends (decision 0083):
 * where the files are, the environment, standard input, the built-in sandbox, the browser, and lazily the
 * {@link ConnectionService}, the {@link OAuthService} and the {@link ConnectionCaller} (the one way to call the
 * API as a saved connection). {@link NotionConsoleCli#commandLine(CliContext)} hands it to every command through
 * its constructor; tests build their own with a temporary folder, a test sandbox and a scripted browser.
 */
public final class CliContext implements AutoCloseable {
    private final AppDirs dirs;
    private final Map<String, String> env;
    private final Supplier<InputStream> stdin;
    private final SandboxAccess sandbox;
    private final BrowserOpener browser;
    private final SandboxRuntime ownedRuntime;
    private ConnectionService connections;
    private OAuthService oauth;
    private ConnectionCaller caller;

    /** Surroundings of a test or an embedding: no browser (OAuth prints the URL). */
    public CliContext(AppDirs dirs, Map<String, String> env, Supplier<InputStream> stdin, SandboxAccess sandbox) {
        this(dirs, env, stdin, sandbox, BrowserOpener.NONE);
    }

    public CliContext(AppDirs dirs, Map<String, String> env, Supplier<InputStream> stdin, SandboxAccess sandbox,
                      BrowserOpener browser) {
        this(dirs, env, stdin, sandbox, browser, null);
    }

    private CliContext(AppDirs dirs, Map<String, String> env, Supplier<InputStream> stdin, SandboxAccess sandbox,
                       BrowserOpener browser, SandboxRuntime ownedRuntime) {
        this.dirs = dirs;
        this.env = env;
        this.stdin = stdin;
        this.sandbox = sandbox;
        this.browser = browser;
        this.ownedRuntime = ownedRuntime;
    }

    /**
     * The real surroundings. Sandbox connections use one in-process sandbox, started on first use (only when a
     * command calls one) and stopped by {@link #close()} (or, as a safety net, when the process exits).
     */
    public static CliContext real() {
        SandboxRuntime runtime = new SandboxRuntime();
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::stop, "sandbox-stop"));
        return owning(AppDirs.fromEnvironment(), System.getenv(), () -> System.in, runtime, new SystemBrowserOpener());
    }

    /** Over a sandbox runtime that {@link #close()} stops. */
    static CliContext owning(AppDirs dirs, Map<String, String> env, Supplier<InputStream> stdin, SandboxRuntime runtime,
                             BrowserOpener browser) {
        return new CliContext(dirs, env, stdin, SandboxServerAccess.of(runtime), browser, runtime);
    }

    public AppDirs dirs() {
        return dirs;
    }

    public Map<String, String> env() {
        return env;
    }

    public Supplier<InputStream> stdin() {
        return stdin;
    }

    public SandboxAccess sandbox() {
        return sandbox;
    }

    public BrowserOpener browser() {
        return browser;
    }

    /** The saved connections, loaded on first use; what the loading noticed goes once to {@code cl}'s error output. */
    public synchronized ConnectionService connections(CommandLine cl) {
        if (connections == null) {
            connections = ConnectionServices.open(dirs, env, sandbox, Runnable::run);
            connections.startupNotices().forEach(n -> cl.getErr().println("note: " + Redactor.redact(n)));
        }
        return connections;
    }

    /** OAuth for public connections (authorize, refresh, introspect, revoke), over {@link #connections}. */
    public synchronized OAuthService oauth(CommandLine cl) {
        if (oauth == null) {
            oauth = new OAuthService(connections(cl));
        }
        return oauth;
    }

    /** The one way to call the API as a saved connection: credentials, pacing, token renewal, capabilities. */
    public synchronized ConnectionCaller caller(CommandLine cl) {
        if (caller == null) {
            caller = new ConnectionCaller(connections(cl), oauth(cl));
        }
        return caller;
    }

    /**
     * The connection named {@code idOrName}, or the current one when it is null; bad usage (exit 2) with the
     * same words in every command when there is none.
     */
    public Connection connection(String idOrName, CommandLine cl) {
        ConnectionService service = connections(cl);
        Optional<Connection> found = idOrName != null ? service.findByIdOrName(idOrName) : service.current();
        return found.orElseThrow(() -> new CommandLine.ParameterException(cl, idOrName != null
                ? "No connection called or with id \"" + idOrName + "\". See 'notion-console connections list'."
                : "No current connection. Name one with --connection, or set NOTION_TOKEN."));
    }

    /** Stops the sandbox this context started, if any. Idempotent. */
    @Override
    public void close() {
        if (ownedRuntime != null) {
            ownedRuntime.stop();
        }
    }
}
