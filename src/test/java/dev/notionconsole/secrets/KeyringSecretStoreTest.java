package dev.notionconsole.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.notionconsole.core.Secret;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The real keychain through java-keyring, under a separate service name so no user entry is touched. Runs only
 * where a Secret Service is reachable; the build machines have none, so it is run by hand with:
 * <pre>
 * dbus-run-session -- sh -c 'printf test | gnome-keyring-daemon --unlock --components=secrets &gt;/dev/null;
 *     mvn -q -o test -Dtest=KeyringSecretStoreTest'
 * </pre>
 */
class KeyringSecretStoreTest {
    @Test
    void storesReadsReplacesAndDeletesInTheSystemKeychain() throws Exception {
        String bus = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        assumeTrue(bus != null && !bus.isBlank() || System.getProperty("os.name").toLowerCase().matches(".*(mac|win).*"),
                "needs a keychain (javafx-house.md B4)");
        try (KeyringSecretStore store = KeyringSecretStore.open("Notion Console tests")) {
            String key = "test/" + UUID.randomUUID();
            Secret a = Secret.of("ntn_keyringtest_" + UUID.randomUUID().toString().replace("-", ""));
            Secret b = Secret.of("ntn_keyringtest_" + UUID.randomUUID().toString().replace("-", ""));
            assertEquals(Optional.empty(), store.get(key), "an absent entry is empty, not an error");
            store.put(key, a);
            assertEquals(Optional.of(a), store.get(key));
            store.put(key, b);
            assertEquals(Optional.of(b), store.get(key));
            store.delete(key);
            store.delete(key);
            assertEquals(Optional.empty(), store.get(key));
        }
        KeychainProbe.Result probe = KeychainProbe.probe();
        assertEquals(true, probe.available(), probe.reason());
        probe.store().orElseThrow().close();
    }
}
