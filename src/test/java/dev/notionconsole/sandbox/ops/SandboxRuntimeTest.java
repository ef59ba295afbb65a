package dev.notionconsole.sandbox.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.wiring.SandboxServerAccess;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SandboxRuntimeTest {
    @Test
    void startsLazilyOnceForAllThreadsAndStopsForGood() throws Exception {
        SandboxRuntime runtime = new SandboxRuntime();
        SandboxAccess access = SandboxServerAccess.of(runtime);
        List<SandboxAccess.FixtureConnection> fixture = access.fixtureConnections();
        assertFalse(runtime.isRunning(), "listing the connections does not start a server");
        SandboxAccess.FixtureConnection docs = fixture.stream().filter(c -> c.name().equals("Docs Sync")).findFirst()
                .orElseThrow();
        assertEquals(ConnectionKind.INTERNAL, docs.kind());
        assertTrue(fixture.stream().anyMatch(c -> c.kind() == ConnectionKind.PUBLIC_OAUTH && c.clientId() != null));
        assertTrue(fixture.stream().anyMatch(c -> c.kind() == ConnectionKind.PERSONAL_ACCESS_TOKEN));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(runtime::baseUrl);
            }
            Set<String> urls = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                urls.add(f.get());
            }
            assertEquals(1, urls.size(), "one server for everyone: " + urls);
        } finally {
            pool.shutdownNow();
        }
        String base = runtime.baseUrl();
        OpsHttp.Reply me = new OpsHttp(base).get("/v1/users/me", docs.token().reveal());
        assertEquals(200, me.status(), me::toString);
        assertEquals(fixture.stream().map(SandboxAccess.FixtureConnection::ref).toList(),
                access.fixtureConnections().stream().map(SandboxAccess.FixtureConnection::ref).toList(),
                "refs are stable whether or not the server runs");

        runtime.stop();
        runtime.stop();
        assertFalse(runtime.isRunning());
        IOException stopped = assertThrows(IOException.class, runtime::baseUrl);
        assertEquals("The built-in sandbox has been stopped (the app is closing).", stopped.getMessage());
        URI uri = URI.create(base);
        assertThrows(ConnectException.class, () -> new Socket(uri.getHost(), uri.getPort()).close());
    }
}
