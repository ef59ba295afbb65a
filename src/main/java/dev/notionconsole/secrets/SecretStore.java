package dev.notionconsole.secrets;

import dev.notionconsole.core.Secret;
import java.util.Optional;

/**
 * The one place secrets (tokens, client secrets, refresh tokens) are kept. Implementations: the OS keychain
 * ({@link KeyringSecretStore}), memory for this session only ({@link SessionSecretStore}) and, only when the
 * user opts in, a file readable by them alone ({@link FileSecretStore}). See docs/decisions/0040.
 *
 * <p>Every method may block (a keychain can show an unlock prompt or hang on a misbehaving D-Bus service):
 * never call one on the JavaFX thread. Keys are opaque strings built by the caller; they carry no secret.
 */
public interface SecretStore {
    /** How long what this store holds survives. */
    enum Persistence {
        /** The operating system's keychain (Secret Service, macOS Keychain, Windows Credential Manager). */
        KEYCHAIN,
        /** Memory only: gone when the process exits. */
        SESSION,
        /** A file only the user can read (mode 0600), opted in to by the user. */
        FILE
    }

    Optional<Secret> get(String key) throws SecretStoreException;

    void put(String key, Secret secret) throws SecretStoreException;

    /** Removes the entry; removing an absent key is not an error. */
    void delete(String key) throws SecretStoreException;

    Persistence persistence();

    /** One line for people, e.g. "System keychain (GNOME_KEYRING)" or "This session only (memory)". */
    String describe();
}
