package dev.notionconsole.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.oauth.BrowserOpener;
import dev.notionconsole.sandbox.ops.SandboxRuntime;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's one set of services: built once per run, and the sandbox it started stops when it closes. */
class CliContextTest {
    @TempDir
    Path home;

    @Test
    void servicesAreBuiltOnceAndTheSandboxStopsOnClose() throws Exception {
        SandboxRuntime runtime = new SandboxRuntime();
        CommandLine cl = NotionConsoleCli.commandLine(new CliContext(new AppDirs(home), Map.of(), () -> new ByteArrayInputStream(new byte[0]),
                dev.notionconsole.connections.SandboxAccess.NONE));
        String base;
        try (CliContext context = CliContext.owning(new AppDirs(home), Map.of(ConnectionServices.SECRETS_ENV, "session"),
                () -> new ByteArrayInputStream(new byte[0]), runtime, BrowserOpener.NONE)) {
            assertSame(context.connections(cl), context.connections(cl), "one connection service per run");
            assertSame(context.connections(cl), context.caller(cl).connections(), "the caller calls through it");
            assertSame(context.oauth(cl), context.oauth(cl));
            base = context.sandbox().baseUrl();
            assertTrue(runtime.isRunning(), "a sandbox connection started the sandbox");
        }
        assertFalse(runtime.isRunning(), "closing the context stopped it");
        // the port is free again: binding it proves the server let go (a connect could succeed anyway, as a
        // client socket given that same ephemeral port connects to itself)
        URI uri = URI.create(base);
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getByName(uri.getHost()), uri.getPort()));
        }
    }
}
