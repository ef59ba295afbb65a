package dev.notionconsole.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A token, client secret or refresh token. Its {@link #toString()} is masked, so a secret that slips into a
 * log line, an exception message or a debugger view never shows in clear; {@link #reveal()} is the one way
 * to get the value, and call sites that use it are few and greppable.
 *
 * <p>Every secret registers itself with {@link Redactor}, so the value is also masked wherever it appears
 * inside a longer text that goes through the redaction routine.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
        Redactor.register(value);
    }

    /**
     * Wraps a pasted secret. Tokens never contain white space, so any (a trailing newline, spaces from a
     * copied terminal line) is removed rather than sent to the API as part of the token.
     *
     * @throws IllegalArgumentException when nothing is left after removing white space
     */
    public static Secret of(String raw) {
        Objects.requireNonNull(raw, "secret");
        String cleaned = raw.replaceAll("\\s+", "");
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException("The secret is empty.");
        }
        return new Secret(cleaned);
    }

    /** Like {@link #of(String)} but returns null for null or blank input. */
    public static Secret ofNullable(String raw) {
        return raw == null || raw.isBlank() ? null : of(raw);
    }

    /** The value in clear. Use only to put it on the wire or into the secret store. */
    public String reveal() {
        return value;
    }

    /** The masked form shown to people: the kind prefix and the last four characters. */
    public String masked() {
        return Redactor.mask(value);
    }

    @Override
    public String toString() {
        return masked();
    }

    /** Constant-time comparison, so equality checks do not leak the value through timing. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.length();
    }
}
