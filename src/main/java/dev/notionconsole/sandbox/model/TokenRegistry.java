package dev.notionconsole.sandbox.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every bearer and refresh token the sandbox knows, with what it acts as. Unknown, revoked and expired tokens
 * all resolve to nothing, which the router turns into 401 unauthorized (docs/notion-api.md §4.4, 8 "Auth"). Thread-safe.
 */
public final class TokenRegistry {
    public enum Type { ACCESS, REFRESH }

    /** One token: an access token resolves to an identity; a refresh token belongs to an installation. */
    public static final class Entry {
        private final String token;
        private final Type type;
        private final Connection connection;
        private final Installation installation;
        private final Instant issuedAt;
        private volatile Instant expiresAt;
        private volatile boolean revoked;

        Entry(String token, Type type, Connection connection, Installation installation, Instant issuedAt, Instant expiresAt) {
            this.token = token;
            this.type = type;
            this.connection = connection;
            this.installation = installation;
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
        }

        public String token() {
            return token;
        }

        public Type type() {
            return type;
        }

        public Connection connection() {
            return connection;
        }

        public Installation installation() {
            return installation;
        }

        public Instant issuedAt() {
            return issuedAt;
        }

        public Instant expiresAt() {
            return expiresAt;
        }

        public boolean revoked() {
            return revoked;
        }

        public boolean activeAt(Instant now) {
            return !revoked && (expiresAt == null || now.isBefore(expiresAt));
        }

        public Identity identity() {
            if (installation != null) {
                return Identity.installed(installation, token);
            }
            return connection.kind() == Connection.Kind.PERSONAL ? Identity.personal(connection, token) : Identity.internal(connection, token);
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Registers an access or refresh token. Tokens are unique; registering a known one replaces it. */
    public Entry register(String token, Type type, Connection connection, Installation installation, Instant issuedAt, Instant expiresAt) {
        Entry e = new Entry(token, type, connection, installation, issuedAt, expiresAt);
        entries.put(token, e);
        return e;
    }

    /** Registers a token that is already revoked (fixtures: an old, regenerated secret). */
    public Entry registerRevoked(String token, Type type, Connection connection, Installation installation, Instant issuedAt) {
        Entry e = register(token, type, connection, installation, issuedAt, null);
        e.revoked = true;
        return e;
    }

    public boolean contains(String token) {
        return entries.containsKey(token);
    }

    /** The entry for a token, whatever its state, or null. */
    public Entry lookup(String token) {
        return token == null ? null : entries.get(token);
    }

    /** The identity of an active access token, or null (unknown, revoked, expired, or a refresh token). */
    public Identity resolve(String token, Instant now) {
        Entry e = lookup(token);
        if (e == null || e.type != Type.ACCESS || !e.activeAt(now)) {
            return null;
        }
        return e.identity();
    }

    /** Revokes a token; true when it was known. Revocation is immediate (docs/notion-api.md §6). */
    public boolean revoke(String token) {
        Entry e = lookup(token);
        if (e == null) {
            return false;
        }
        e.revoked = true;
        return true;
    }

    /** Revokes every token of an installation (uninstall). */
    public void revokeAll(Installation installation) {
        for (Entry e : entries.values()) {
            if (e.installation == installation) {
                e.revoked = true;
            }
        }
    }

    public void expire(String token, Instant at) {
        Entry e = lookup(token);
        if (e != null) {
            e.expiresAt = at;
        }
    }

    /** A snapshot of all entries, for persistence and listings. */
    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** Active tokens of one installation and type, newest first. */
    public List<Entry> tokensOf(Installation installation, Type type, Instant now) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.installation == installation && e.type == type && e.activeAt(now)) {
                out.add(e);
            }
        }
        out.sort((a, b) -> b.issuedAt.compareTo(a.issuedAt));
        return out;
    }
}
