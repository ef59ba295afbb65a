package dev.notionconsole.testsupport;

import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.ConnectionStore;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.secrets.SecretStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A {@link ConnectionService} the way tests want it: over a home folder of their own, secrets kept for the session
 * only (never the keychain), file writes on the calling thread, the system clock.
 */
public final class TestConnections {
    private TestConnections() {
    }

    /** Over {@code home}, with no sandbox (its connections are then not offered). */
    public static ConnectionService open(Path home) {
        return open(home, Map.of(), SandboxAccess.NONE);
    }

    /** Over {@code home}, with {@code env} as the environment ({@code NOTION_TOKEN}...) and the given sandbox. */
    public static ConnectionService open(Path home, Map<String, String> env, SandboxAccess sandbox) {
        ConnectionStore store = new ConnectionStore(home.resolve(ConnectionStore.FILE_NAME));
        return ConnectionServices.open(store, store.load(),
                SecretStorage.sessionOnly(home.resolve(ConnectionServices.SECRETS_FILE_NAME), false),
                env, sandbox, Runnable::run, Clock.systemUTC());
    }
}
