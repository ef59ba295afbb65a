package dev.notionconsole.ui.explorer;

import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.ConnectionStore;
import dev.notionconsole.wiring.SandboxServerAccess;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.secrets.SecretStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The saved connections of a fresh config folder (the sandbox's, first start) talking to a test's sandbox. */
final class TestServices {
    private TestServices() {
    }

    static ConnectionService connections(Path home, SandboxServer sandbox) {
        ConnectionStore store = new ConnectionStore(home.resolve("connections.json"));
        return ConnectionServices.open(store, store.load(), SecretStorage.sessionOnly(home.resolve("secrets.json"), false),
                Map.of(), new SandboxServerAccess(() -> sandbox), Runnable::run, Clock.systemUTC());
    }
}
