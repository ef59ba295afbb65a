package dev.notionconsole.sandbox.oauth;

import dev.notionconsole.sandbox.model.Connection;
import dev.notionconsole.sandbox.model.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization codes handed out by the consent page: single-use, short-lived, bound to the connection, the
 * authorizing user, the picked pages and the redirect URI of the authorize request. Nothing is installed until
 * a code is exchanged ("if the user clicks Allow but the code is never exchanged, no access is granted",
 * docs/notion-api.md §2.10).
 */
final class AuthorizationCodes {
    /** Notion does not document a lifetime; ten minutes is RFC 6749 4.1.2's recommended maximum. */
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @param redirectUriSent the redirect_uri of the authorize URL, or null when it had none (the token request
     *                        must then not send one either)
     * @param duplicateTemplate the user chose "Duplicate template": the exchange copies it and shares the copy
     */
    record Grant(Connection connection, User user, List<String> pickedPages, boolean duplicateTemplate, String redirectUriSent,
                 Instant expiresAt) {
    }

    /** Why a code cannot be exchanged. */
    enum Refusal { UNKNOWN, USED, EXPIRED, OTHER_CLIENT }

    private final Map<String, Grant> live = new ConcurrentHashMap<>();
    private final Map<String, Boolean> used = new ConcurrentHashMap<>();
    private final Clock clock;

    AuthorizationCodes(Clock clock) {
        this.clock = clock;
    }

    String issue(Connection connection, User user, List<String> pages, boolean duplicateTemplate, String redirectUriSent) {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String code = "sandbox-code-" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        live.put(code, new Grant(connection, user, List.copyOf(pages), duplicateTemplate, redirectUriSent, clock.instant().plus(LIFETIME)));
        return code;
    }

    /** Looks a code up without using it; null with {@code why} set when it cannot be used. */
    Grant peek(String code, Connection client, Refusal[] why) {
        Grant g = code == null ? null : live.get(code);
        if (g == null) {
            why[0] = code != null && used.containsKey(code) ? Refusal.USED : Refusal.UNKNOWN;
            return null;
        }
        if (!clock.instant().isBefore(g.expiresAt())) {
            live.remove(code);
            why[0] = Refusal.EXPIRED;
            return null;
        }
        if (g.connection() != client) {
            why[0] = Refusal.OTHER_CLIENT;
            return null;
        }
        return g;
    }

    /** Marks a code used; false when another request used it first. */
    boolean consume(String code) {
        if (live.remove(code) == null) {
            return false;
        }
        used.put(code, Boolean.TRUE);
        return true;
    }
}
