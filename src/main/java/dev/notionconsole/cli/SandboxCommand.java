package dev.notionconsole.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.SandboxConnection;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.fixture.FixtureException;
import dev.notionconsole.sandbox.model.Connection;
import dev.notionconsole.sandbox.ops.ratelimit.RateLimitPolicy;
import dev.notionconsole.sandbox.ops.state.StateFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code notion-console sandbox}: serves the offline Notion API simulator until interrupted (issue 3). Prints the
 * base URL and each connection with its fake token, or with {@code --json} one line of JSON once listening, for
 * scripts. Exit codes (decision 0031): 2 bad usage, malformed fixture or state file; 3 the port cannot be bound.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true, versionProvider = NotionConsoleCli.Version.class,
        description = {"Serve the built-in Notion API sandbox on 127.0.0.1 until interrupted (Ctrl+C).",
                "Its tokens are fake: they only work against the sandbox and may be printed."},
        footer = {"", "Examples:",
                "  notion-console sandbox --port 8080",
                "  notion-console sandbox --pages 100000 --seed 7 --rate-limit off",
                "  notion-console sandbox --fixture my-case.json --state my-case-state.json",
                "  notion-console sandbox --json    (one line of JSON for scripts)"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped normally", "2:bad usage or an invalid fixture/state file", "3:the port is in use"})
public final class SandboxCommand implements Callable<Integer> {
    static final String VERSION = "2026-03-11";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: a free one).")
    int port;

    @Option(names = "--fixture", paramLabel = "FILE", description = "Fixture to serve (default: the built-in one; "
            + "format in docs/sandbox-fixtures.md).")
    Path fixture;

    @Option(names = "--pages", paramLabel = "N", description = "Generate a workspace of N pages instead of a fixture "
            + "(10 to 5,000,000; realistic nesting and databases).")
    Integer pages;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for --pages: the same seed gives the same "
            + "workspace (default 1).")
    Long seed;

    @Option(names = "--rate-limit", paramLabel = "PER_MIN|off", description = "Requests per minute per connection "
            + "instead of the workspace plan's (180, or 600 on Business/Enterprise), or 'off'.")
    String rateLimit;

    @Option(names = "--search-cursor-expiry", paramLabel = "results=N,seconds=S[,times=K]|off",
            description = "Search cursors expire mid-walk like Notion's (400 'The start_cursor provided is invalid'): "
                    + "after N results or S seconds of a walk, in the first K walks (default: every walk). Off by default.")
    String searchCursorExpiry;

    @Option(names = "--search-lag", paramLabel = "SECONDS", description = "Search leaves out what is not shared directly "
            + "with the searching token for SECONDS after start, like Notion's index lag (GET by ID still works); 0 turns a "
            + "fixture's search_lag off. Off by default.")
    Integer searchLag;

    @Option(names = "--state", paramLabel = "FILE", description = "Load the sandbox from FILE if it exists and save "
            + "every change to it when stopped.")
    Path state;

    @Option(names = "--json", description = "Print one line of JSON once listening, instead of the listing.")
    boolean json;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile SandboxServer server;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SandboxOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            server = SandboxServer.start(options);
        } catch (FixtureException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (StateFileException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (BindException e) {
            err.println("error: cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + "). The port is probably "
                    + "in use: pick another with --port, or leave --port out to get a free one.");
            return ExitCodes.CONNECT;
        } catch (IOException e) {
            err.println("error: the sandbox could not start: " + e.getMessage());
            return ExitCodes.CONNECT;
        }
        Thread hook = new Thread(this::shutdown, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (json) {
            out.println(Json.compact(describe(server, options)));
        } else {
            printListing(out, server, options);
        }
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // the serving thread was interrupted (embedding, tests): stop like Ctrl+C
        } finally {
            shutdown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs (or ran) anyway
            }
        }
        return ExitCodes.OK;
    }

    /** Stops serving and saves the state (Ctrl+C, SIGTERM, or an interrupt of the serving thread). */
    private void shutdown() {
        SandboxServer s = server;
        if (s != null) {
            s.close();
            if (state != null && !json) {
                spec.commandLine().getErr().println("Sandbox stopped; its state is in " + state
                        + " (written only when something changed).");
                spec.commandLine().getErr().flush();
            }
        }
        stopped.countDown();
    }

    SandboxOptions options() {
        SandboxOptions.Builder b = SandboxOptions.builder().port(port);
        if (pages != null && fixture != null) {
            throw new IllegalArgumentException("--pages and --fixture exclude each other: generate a workspace or "
                    + "load a fixture, not both");
        }
        if (seed != null && pages == null) {
            throw new IllegalArgumentException("--seed only applies with --pages");
        }
        if (fixture != null) {
            if (Files.isDirectory(fixture)) {
                throw new IllegalArgumentException("--fixture names a file, and " + fixture + " is a directory. Give the "
                        + "fixture's JSON file, e.g. " + fixture.resolve("workspace.json") + ".");
            }
            if (!Files.isRegularFile(fixture)) {
                throw new IllegalArgumentException("fixture file not found: " + fixture);
            }
            b.fixture(fixture);
        }
        if (pages != null) {
            if (pages < 10 || pages > 5_000_000) {
                throw new IllegalArgumentException("--pages must be from 10 to 5000000, not " + pages);
            }
            b.generatedPages(pages, seed == null ? 1 : seed);
        }
        if (rateLimit != null) {
            RateLimitPolicy policy = RateLimitPolicy.defaults().withCommandLineValue(rateLimit); // validates
            if (policy.budgetsEnabled()) {
                b.rateLimitPerMinute(policy.perMinuteOverride().getAsInt());
            } else {
                b.rateLimitOff();
            }
        }
        if (searchCursorExpiry != null) {
            b.searchCursorExpiry(dev.notionconsole.sandbox.model.SearchCursorExpiry.parse(searchCursorExpiry)); // validates
        }
        if (searchLag != null) {
            b.searchLagSeconds(searchLag); // validates
        }
        if (state != null) {
            if (Files.isDirectory(state)) {
                throw new IllegalArgumentException("--state must name a file, not the folder " + state);
            }
            b.stateFile(state);
        }
        return b.build();
    }

    /** The {@code --json} line: everything a script needs to call the sandbox. */
    public static ObjectNode describe(SandboxServer server, SandboxOptions options) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("base_url", server.baseUrl());
        root.put("api_url", server.baseUrl() + "/v1");
        root.put("source", source(options));
        root.put("rate_limit", options.rateLimitOff() ? "off"
                : options.rateLimitPerMinute() != null ? String.valueOf(options.rateLimitPerMinute()) : "plan");
        if (options.stateFile() == null) {
            root.putNull("state_file");
        } else {
            root.put("state_file", options.stateFile().toString());
        }
        root.put("tokens_are_fake", true);
        ArrayNode list = root.putArray("connections");
        for (SandboxConnection c : server.connections()) {
            ObjectNode o = list.addObject();
            o.put("id", c.id());
            o.put("name", c.name());
            o.put("kind", kind(c.kind()));
            o.put("workspace", c.workspaceName());
            o.put("token", c.token());
            o.put("token_active", c.tokenActive());
            o.put("env", c.token() == null ? null : "NOTION_TOKEN=" + c.token());
            ArrayNode caps = o.putArray("capabilities");
            c.capabilities().forEach(caps::add);
            o.put("user_info", c.userInfo());
            o.put("description", c.description());
            if (c.kind() == Connection.Kind.PUBLIC) {
                o.put("client_id", c.clientId());
                o.put("client_secret", c.clientSecret());
                ArrayNode uris = o.putArray("redirect_uris");
                c.redirectUris().forEach(uris::add);
            }
        }
        return root;
    }

    private static void printListing(PrintWriter out, SandboxServer server, SandboxOptions options) {
        String base = server.baseUrl();
        out.println("Notion sandbox listening on " + base + " (API under /v1)");
        out.println("  Source:      " + source(options));
        out.println("  Rate limits: " + (options.rateLimitOff() ? "off"
                : options.rateLimitPerMinute() != null ? options.rateLimitPerMinute() + " requests per minute per connection"
                : "from each workspace's plan (180 per minute per connection; 600 on Business and Enterprise)"));
        var lag = server.model().read(server.model()::searchLag);
        if (!lag.off()) {
            out.println("  Search lag:  " + lag.lag().toSeconds() + " s for objects not shared directly"
                    + (lag.objects() == null ? "" : " (" + lag.objects().size() + " objects)"));
        }
        out.println("  State:       " + (options.stateFile() == null ? "kept in memory only (add --state FILE to keep changes)"
                : "saved to " + options.stateFile() + " when the sandbox stops"));
        out.println();
        out.println("Sandbox tokens are fake: they only work against this sandbox, so they may be printed and shared.");
        out.println();
        out.println("Connections:");
        List<SandboxConnection> connections = server.connections();
        String example = null;
        for (SandboxConnection c : connections) {
            out.println("  " + c.name() + "  (" + kindLabel(c.kind())
                    + (c.workspaceName() != null ? ", " + c.workspaceName() : "") + ")");
            if (c.description() != null && !c.description().isBlank()) {
                out.println("    " + c.description());
            }
            if (c.token() != null) {
                out.println("    NOTION_TOKEN=" + c.token() + (c.tokenActive() ? "" : "   (not active: revoked or expired)"));
                if (example == null && c.tokenActive() && c.capabilities().contains("read_content")) {
                    example = c.token();
                }
            }
            if (c.kind() == Connection.Kind.PUBLIC) {
                out.println("    NOTION_CLIENT_ID=" + c.clientId() + "  NOTION_CLIENT_SECRET=" + c.clientSecret());
                out.println("    redirect URIs: " + String.join(", ", c.redirectUris()));
            }
        }
        out.println();
        if (example != null) {
            out.println("Try it:");
            out.println("  curl -s " + base + "/v1/users/me -H 'Authorization: Bearer " + example + "' -H 'Notion-Version: "
                    + VERSION + "'");
            out.println();
        }
        out.println("Serving until interrupted (Ctrl+C).");
    }

    private static String source(SandboxOptions options) {
        if (options.stateFile() != null && Files.exists(options.stateFile())) {
            return "saved state " + options.stateFile();
        }
        if (options.generatedPages() != null) {
            return "generated workspace: " + options.generatedPages() + " pages, seed " + options.seed();
        }
        return options.fixture() == null ? "the built-in default fixture" : "fixture " + options.fixture();
    }

    private static String kind(Connection.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String kindLabel(Connection.Kind kind) {
        return switch (kind) {
            case INTERNAL -> "internal";
            case PUBLIC -> "public OAuth";
            case PERSONAL -> "personal access token";
        };
    }
}
