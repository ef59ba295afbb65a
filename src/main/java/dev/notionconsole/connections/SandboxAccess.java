package dev.notionconsole.connections;

import dev.notionconsole.core.Secret;
import java.io.IOException;
import java.util.List;

/**
 * What connections need of the built-in sandbox: where it listens (it starts lazily) and the connections of its
 * default fixture, whose fake tokens back the default sandbox connections. The app adapts the sandbox's
 * {@code SandboxRuntime} to this; blocking, off the JavaFX thread.
 */
public interface SandboxAccess {
    /** A connection of the sandbox's fixture. {@code ref} is stable across runs (the fixture's own name). */
    record FixtureConnection(String ref, String name, ConnectionKind kind, Secret token, String clientId,
                             Secret clientSecret, List<String> redirectUris, String workspaceName, String description,
                             int ratePerMinute) {
    }

    /** The running sandbox's base URL, e.g. {@code http://127.0.0.1:49152}; starts it on first use. */
    String baseUrl() throws IOException;

    /** The fixture's connections, with their fake tokens. */
    List<FixtureConnection> fixtureConnections() throws IOException;

    /** For a console without a sandbox (some tests): every call fails plainly. */
    SandboxAccess NONE = new SandboxAccess() {
        @Override
        public String baseUrl() throws IOException {
            throw new IOException("The built-in sandbox is not available in this run.");
        }

        @Override
        public List<FixtureConnection> fixtureConnections() {
            return List.of();
        }
    };
}
