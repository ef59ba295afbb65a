package dev.notionconsole.connections;

import dev.notionconsole.core.AppDirs;
import dev.notionconsole.secrets.KeychainProbe;
import dev.notionconsole.secrets.SecretStorage;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

/** Builds the {@link ConnectionService} of the app, the command line and tests. */
public final class ConnectionServices {
    /** {@code session} switches the keychain off for a run (scripts on a desktop that must not prompt). */
    public static final String SECRETS_ENV = "NOTION_CONSOLE_SECRETS";
    public static final String SECRETS_FILE_NAME = "secrets.json";

    private ConnectionServices() {
    }

    /**
     * Loads the connections file and chooses the secret store (probing the keychain). Blocking: the app calls
     * it off the JavaFX thread.
     *
     * @param env the environment ({@code NOTION_TOKEN}, {@value #SECRETS_ENV})
     * @param saveExecutor where file writes run: a background thread in the app, {@code Runnable::run} elsewhere
     */
    public static ConnectionService open(AppDirs dirs, Map<String, String> env, SandboxAccess sandbox, Executor saveExecutor) {
        ConnectionStore store = new ConnectionStore(dirs.resolve(ConnectionStore.FILE_NAME));
        ConnectionStore.LoadResult loaded = store.load();
        boolean optIn = loaded.document().secretsFileOptIn();
        String mode = env.getOrDefault(SECRETS_ENV, "").strip().toLowerCase(Locale.ROOT);
        SecretStorage storage = mode.equals("session")
                ? SecretStorage.sessionOnly(dirs.resolve(SECRETS_FILE_NAME), optIn)
                : new SecretStorage(KeychainProbe::probe, dirs.resolve(SECRETS_FILE_NAME), optIn);
        return open(store, loaded, storage, env, sandbox, saveExecutor, Clock.systemUTC());
    }

    /** With an explicit secret storage (tests, and callers that already probed). */
    public static ConnectionService open(ConnectionStore store, ConnectionStore.LoadResult loaded, SecretStorage storage,
                                         Map<String, String> env, SandboxAccess sandbox, Executor saveExecutor, Clock clock) {
        ConnectionService service = new ConnectionService(store, storage, sandbox, saveExecutor, clock);
        service.initialize(loaded, env);
        return service;
    }
}
