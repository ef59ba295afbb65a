package dev.notionconsole.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The {@code state} value that binds an authorization response to the request the console made (RFC 6749
 * 10.12, RFC 8252 8.9): 128 random bits from {@link SecureRandom}, base64url without padding (22 characters).
 * A response whose state does not match is refused as a possible forged request.
 */
public final class OAuthState {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String value;

    private OAuthState(String value) {
        this.value = value;
    }

    public static OAuthState generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new OAuthState(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** For tests and for resuming a flow whose state is known. */
    public static OAuthState of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("state is empty");
        }
        return new OAuthState(value);
    }

    public String value() {
        return value;
    }

    /** Constant-time comparison with what came back in the redirect (null never matches). */
    public boolean matches(String received) {
        return received != null
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), received.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return value;
    }
}
