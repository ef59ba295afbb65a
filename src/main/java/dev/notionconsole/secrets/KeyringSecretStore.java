package dev.notionconsole.secrets;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import dev.notionconsole.core.Secret;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in the OS keychain through java-keyring (javafx-house.md B4). Entries live under the service name
 * {@value #SERVICE} with the store key as the account. java-keyring reports a missing entry as a
 * {@link PasswordAccessException}, indistinguishable by type from a real failure, so {@link #get} treats it
 * as absent and logs the reason at debug level.
 */
public final class KeyringSecretStore implements SecretStore, AutoCloseable {
    public static final String SERVICE = "Notion Console";
    private static final Logger LOG = LoggerFactory.getLogger(KeyringSecretStore.class);

    private final Keyring keyring;
    private final String service;

    private KeyringSecretStore(Keyring keyring, String service) {
        this.keyring = keyring;
        this.service = service;
    }

    /**
     * Opens the keychain. Blocking; off the JavaFX thread.
     *
     * @throws SecretStoreException with a reason people can act on when there is no usable backend
     */
    public static KeyringSecretStore open() throws SecretStoreException {
        return open(SERVICE);
    }

    static KeyringSecretStore open(String service) throws SecretStoreException {
        try {
            return new KeyringSecretStore(Keyring.create(), service);
        } catch (BackendNotSupportedException e) {
            throw new SecretStoreException(noBackendReason(e), e);
        } catch (RuntimeException | LinkageError e) {
            // JNA or D-Bus failures surface as unchecked errors on some systems
            throw new SecretStoreException("The system keychain could not be opened: " + e, e);
        }
    }

    @Override
    public Optional<Secret> get(String key) throws SecretStoreException {
        try {
            String value = keyring.getPassword(service, key);
            return Optional.ofNullable(Secret.ofNullable(value));
        } catch (PasswordAccessException e) {
            LOG.debug("No keychain entry for {}: {}", key, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new SecretStoreException("Reading '" + key + "' from the system keychain failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String key, Secret secret) throws SecretStoreException {
        try {
            keyring.setPassword(service, key, secret.reveal());
        } catch (PasswordAccessException | RuntimeException e) {
            throw new SecretStoreException("Saving '" + key + "' to the system keychain failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws SecretStoreException {
        try {
            keyring.deletePassword(service, key);
        } catch (PasswordAccessException e) {
            // most backends report deleting an absent entry this way; absent is what we wanted
            LOG.debug("Keychain delete of {}: {}", key, e.getMessage());
        } catch (RuntimeException e) {
            throw new SecretStoreException("Deleting '" + key + "' from the system keychain failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Persistence persistence() {
        return Persistence.KEYCHAIN;
    }

    @Override
    public String describe() {
        return "System keychain (" + keyring.getKeyringStorageType() + ")";
    }

    @Override
    public void close() {
        try {
            keyring.close();
        } catch (Exception e) {
            LOG.debug("Closing the keychain: {}", e.toString());
        }
    }

    private static String noBackendReason(BackendNotSupportedException e) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("linux") && (System.getenv("DBUS_SESSION_BUS_ADDRESS") == null || System.getenv("DBUS_SESSION_BUS_ADDRESS").isBlank())) {
            return "No system keychain: there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so no "
                    + "Secret Service such as GNOME Keyring or KeePassXC can be reached. This is usual over SSH, in "
                    + "containers and on headless machines.";
        }
        return "No system keychain backend is available (" + e.getMessage() + ").";
    }
}
