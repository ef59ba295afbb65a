package dev.notionconsole.secrets;

import dev.notionconsole.core.Secret;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out once whether the system keychain works, the way JabRef does (OS.isKeyringAvailable): open it, then
 * set, read back and delete a throw-away entry. Opening alone is not enough: a Secret Service can be reachable
 * yet locked or refusing writes. Blocking (about 80 ms when there is no backend): off the JavaFX thread.
 */
public final class KeychainProbe {
    private static final Logger LOG = LoggerFactory.getLogger(KeychainProbe.class);

    /** The outcome: a working store, or the reason there is none. */
    public record Result(Optional<KeyringSecretStore> store, String reason) {
        public boolean available() {
            return store.isPresent();
        }
    }

    private KeychainProbe() {
    }

    public static Result probe() {
        KeyringSecretStore store;
        try {
            store = KeyringSecretStore.open();
        } catch (SecretStoreException e) {
            LOG.info("System keychain not available: {}", e.getMessage());
            return new Result(Optional.empty(), e.getMessage());
        }
        String key = "probe/" + UUID.randomUUID();
        try {
            store.put(key, Secret.of("probe-" + UUID.randomUUID()));
            boolean readBack = store.get(key).isPresent();
            store.delete(key);
            if (!readBack) {
                store.close();
                return new Result(Optional.empty(), "The system keychain accepted a test entry but did not return it.");
            }
            LOG.info("Using the system keychain: {}", store.describe());
            return new Result(Optional.of(store), "");
        } catch (SecretStoreException | RuntimeException e) {
            store.close();
            LOG.info("System keychain unusable: {}", e.getMessage());
            return new Result(Optional.empty(), "The system keychain is present but refused a test entry: " + e.getMessage());
        }
    }
}
