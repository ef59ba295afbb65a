package dev.notionconsole.secrets;

import dev.notionconsole.core.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret store the console actually uses, chosen once (docs/decisions/0040): the keychain when it works;
 * otherwise memory for this session, or the 0600 file if the user opted in. Never a silent fallback to a file.
 *
 * <p>The choice needs a keychain probe, which blocks; it runs on the first call of any method, or earlier
 * through {@link #select()} from a startup background task. All methods may block: never on the JavaFX thread.
 */
public final class SecretStorage implements SecretStore {
    private static final Logger LOG = LoggerFactory.getLogger(SecretStorage.class);

    /** What people are told about where their secrets go. */
    public record Status(Persistence persistence, boolean keychainAvailable, String keychainProblem, String description,
                         boolean fileOptedIn) {
        /** True while secrets die with the process; the UI says so. */
        public boolean sessionOnly() {
            return persistence == Persistence.SESSION;
        }
    }

    private final Supplier<KeychainProbe.Result> probe;
    private final Path secretsFile;
    private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private volatile boolean fileOptIn;
    private volatile SecretStore active;
    private KeychainProbe.Result keychain;

    /**
     * @param probe finds the keychain ({@link KeychainProbe#probe} in the app)
     * @param secretsFile where the opt-in file lives
     * @param fileOptIn whether the user opted in to the file earlier (kept in the connections file)
     */
    public SecretStorage(Supplier<KeychainProbe.Result> probe, Path secretsFile, boolean fileOptIn) {
        this.probe = probe;
        this.secretsFile = secretsFile;
        this.fileOptIn = fileOptIn;
    }

    /** A storage that never looks for a keychain: memory only (tests, or {@code NOTION_CONSOLE_SECRETS=session}). */
    public static SecretStorage sessionOnly(Path secretsFile, boolean fileOptIn) {
        return new SecretStorage(() -> new KeychainProbe.Result(Optional.empty(),
                "The keychain is switched off for this run."), secretsFile, fileOptIn);
    }

    /** Probes and chooses (once). Blocking. */
    public synchronized SecretStore select() {
        if (active != null) {
            return active;
        }
        keychain = probe.get();
        if (keychain.available()) {
            active = keychain.store().orElseThrow();
            moveFileSecretsTo(active);
        } else if (fileOptIn) {
            active = openFileOrSession();
        } else {
            active = new SessionSecretStore();
        }
        LOG.info("Secrets: {}", active.describe());
        return active;
    }

    public synchronized Status status() {
        select();
        return new Status(active.persistence(), keychain.available(), keychain.reason(), active.describe(), fileOptIn);
    }

    /** Where secrets are, for a sentence ("... from the system keychain"); never waits for the probe. */
    public String whereQuietly() {
        SecretStore s = active;
        if (s == null) {
            return "the secret store";
        }
        return switch (s.persistence()) {
            case KEYCHAIN -> "the system keychain";
            case FILE -> "the secrets file";
            case SESSION -> "this session's memory";
        };
    }

    /** Problems met while choosing (an unreadable secrets file, secrets moved to the keychain). */
    public synchronized List<String> notices() {
        select();
        return List.copyOf(notices);
    }

    /**
     * Switches to the 0600 file (only offered when there is no keychain), moving this session's secrets into it.
     *
     * @throws IllegalStateException when the keychain is available: the file is never preferred to it
     */
    public void optInToFile() throws SecretStoreException {
        Status s;
        synchronized (this) {
            select();
            if (keychain.available()) {
                throw new IllegalStateException("The system keychain is available; secrets are not written to a file.");
            }
            if (active.persistence() != Persistence.FILE) {
                FileSecretStore file = FileSecretStore.open(secretsFile);
                if (active instanceof SessionSecretStore session) {
                    for (var e : session.entries().entrySet()) {
                        file.put(e.getKey(), e.getValue());
                    }
                }
                file.createIfAbsent();
                active = file;
            }
            fileOptIn = true;
            s = status();
        }
        listeners.forEach(l -> l.accept(s));
    }

    /** Back to session-only: the file's secrets stay usable until exit, and the file is deleted. */
    public void optOutOfFile() throws SecretStoreException {
        Status s;
        synchronized (this) {
            select();
            if (active instanceof FileSecretStore file) {
                SessionSecretStore session = new SessionSecretStore();
                file.entries().forEach(session::put);
                active = session;
                try {
                    Files.deleteIfExists(file.file());
                } catch (java.io.IOException e) {
                    throw new SecretStoreException("Could not delete " + file.file() + ": " + e.getMessage(), e);
                }
            }
            fileOptIn = false;
            s = status();
        }
        listeners.forEach(l -> l.accept(s));
    }

    /** Does not wait for the keychain probe. */
    public boolean fileOptedIn() {
        return fileOptIn;
    }

    public Path secretsFile() {
        return secretsFile;
    }

    /** Told when the storage changes (opt in/out); on the caller's thread. */
    public void addListener(Consumer<Status> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Status> listener) {
        listeners.remove(listener);
    }

    @Override
    public Optional<Secret> get(String key) throws SecretStoreException {
        return select().get(key);
    }

    @Override
    public void put(String key, Secret secret) throws SecretStoreException {
        select().put(key, secret);
    }

    @Override
    public void delete(String key) throws SecretStoreException {
        select().delete(key);
    }

    @Override
    public Persistence persistence() {
        return select().persistence();
    }

    @Override
    public String describe() {
        return select().describe();
    }

    private SecretStore openFileOrSession() {
        try {
            return FileSecretStore.open(secretsFile);
        } catch (SecretStoreException e) {
            notices.add(e.getMessage());
            LOG.warn(e.getMessage());
            try {
                return FileSecretStore.open(secretsFile); // the unreadable file was moved aside: start a new one
            } catch (SecretStoreException again) {
                notices.add("Secrets are kept for this session only.");
                return new SessionSecretStore();
            }
        }
    }

    /** A keychain appeared since the user opted in to the file: the keychain is safer, so the secrets move there. */
    private void moveFileSecretsTo(SecretStore keychainStore) {
        if (!Files.exists(secretsFile)) {
            return;
        }
        try {
            Map<String, Secret> entries = FileSecretStore.open(secretsFile).entries();
            for (var e : entries.entrySet()) {
                keychainStore.put(e.getKey(), e.getValue());
            }
            Files.delete(secretsFile);
            fileOptIn = false;
            notices.add("The system keychain is available now: " + entries.size()
                    + " secret(s) moved there from " + secretsFile.getFileName() + ", which was deleted.");
        } catch (SecretStoreException | java.io.IOException | RuntimeException e) {
            notices.add("Could not move the secrets file into the keychain: " + e.getMessage());
            LOG.warn("Could not move the secrets file into the keychain: {}", e.getMessage());
        }
    }
}
