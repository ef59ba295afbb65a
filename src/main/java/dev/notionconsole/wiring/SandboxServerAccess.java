package dev.notionconsole.wiring;

import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.core.Secret;
import dev.notionconsole.sandbox.SandboxConnection;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.ops.SandboxRuntime;
import java.io.IOException;
import java.util.List;

/**
 * Connections' view of a real in-process sandbox ({@link SandboxAccess}): the app's lazily started
 * {@link SandboxRuntime}, or a test's server. It lives here, where the app is put together, so that neither
 * {@code connections} nor {@code sandbox} knows the other (decision 0081). Fixture connections are read from the
 * running server, so OAuth installations made since it started count too.
 */
public final class SandboxServerAccess implements SandboxAccess {
    /** Where the server comes from; starts it on first call (blocking). */
    @FunctionalInterface
    public interface ServerSource {
        SandboxServer server() throws IOException;
    }

    /** Where the sandbox's connections come from (blocking). */
    @FunctionalInterface
    private interface ConnectionSource {
        List<SandboxConnection> connections() throws IOException;
    }

    private final ServerSource server;
    private final ConnectionSource connections;

    /** Over a server that exists or starts on first use (tests, and anything holding a {@link SandboxServer}). */
    public SandboxServerAccess(ServerSource source) {
        this(source, () -> source.server().connections());
    }

    private SandboxServerAccess(ServerSource server, ConnectionSource connections) {
        this.server = server;
        this.connections = connections;
    }

    /** Over the app's runtime: listing the connections does not start the server. */
    public static SandboxServerAccess of(SandboxRuntime runtime) {
        return new SandboxServerAccess(runtime::server, runtime::connections);
    }

    @Override
    public String baseUrl() throws IOException {
        return server.server().baseUrl();
    }

    @Override
    public List<FixtureConnection> fixtureConnections() throws IOException {
        return connections.connections().stream().map(SandboxServerAccess::toFixture).toList();
    }

    /** How a sandbox connection becomes a fixture connection. */
    static FixtureConnection toFixture(SandboxConnection c) {
        ConnectionKind kind = switch (c.kind()) {
            case INTERNAL -> ConnectionKind.INTERNAL;
            case PUBLIC -> ConnectionKind.PUBLIC_OAUTH;
            case PERSONAL -> ConnectionKind.PERSONAL_ACCESS_TOKEN;
        };
        return new FixtureConnection(c.id(), c.name(), kind, Secret.ofNullable(c.token()), c.clientId(),
                Secret.ofNullable(c.clientSecret()), c.redirectUris() == null ? List.of() : c.redirectUris(),
                c.workspaceName(), c.description(), c.ratePerMinute());
    }
}
