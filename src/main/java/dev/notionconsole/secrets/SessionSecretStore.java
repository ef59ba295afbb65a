package dev.notionconsole.secrets;

import dev.notionconsole.core.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets in memory for this session only: what the console uses when there is no keychain and no opt-in. */
public final class SessionSecretStore implements SecretStore {
    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();

    @Override
    public Optional<Secret> get(String key) {
        return Optional.ofNullable(secrets.get(key));
    }

    @Override
    public void put(String key, Secret secret) {
        secrets.put(key, secret);
    }

    @Override
    public void delete(String key) {
        secrets.remove(key);
    }

    /** Everything held, for moving it to another store. */
    java.util.Map<String, Secret> entries() {
        return java.util.Map.copyOf(secrets);
    }

    @Override
    public Persistence persistence() {
        return Persistence.SESSION;
    }

    @Override
    public String describe() {
        return "This session only (kept in memory, gone when the console closes)";
    }
}
