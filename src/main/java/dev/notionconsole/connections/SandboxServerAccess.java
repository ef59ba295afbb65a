package dev.notionconsole.connections;

import dev.notionconsole.core.Secret;
import dev.notionconsole.sandbox.SandboxConnection;
import dev.notionconsole.sandbox.SandboxServer;
import java.io.IOException;
import java.util.List;

/**
 * {@link SandboxAccess} backed by a real in-process sandbox: the app's lazily started one, or a test's. Fixture
 * connections are read from the running server, so OAuth installations made since it started count too.
 */
public final class SandboxServerAccess implements SandboxAccess {
    /** Where the server comes from; starts it on first call (blocking). */
    @FunctionalInterface
    public interface ServerSource {
        SandboxServer server() throws IOException;
    }

    private final ServerSource source;

    public SandboxServerAccess(ServerSource source) {
        this.source = source;
    }

    @Override
    public String baseUrl() throws IOException {
        return source.server().baseUrl();
    }

    @Override
    public List<FixtureConnection> fixtureConnections() throws IOException {
        return source.server().connections().stream().map(SandboxServerAccess::toFixture).toList();
    }

    /** How a sandbox connection becomes a fixture connection (also used by {@code SandboxRuntime}). */
    public static FixtureConnection toFixture(SandboxConnection c) {
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
