package dev.notionconsole.connections;

import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;

/**
 * Renews a public connection's access token after Notion refused it (401). The OAuth feature implements it
 * ({@code oauth.OAuthService}); {@link ConnectionCaller} calls it, so every caller gets the same refresh-once rule
 * (docs/decisions/0052-token-upkeep.md) without connections depending on oauth.
 */
public interface TokenRenewal {
    /**
     * @param renewed         new tokens are stored: repeat the call once
     * @param reauthorization when not renewed and the user must authorize again, why (shown to the user); else null
     */
    record Renewal(boolean renewed, String reauthorization) {
        public static final Renewal NOT_APPLICABLE = new Renewal(false, null);

        public static Renewal done() {
            return new Renewal(true, null);
        }

        public static Renewal impossible(String why) {
            return new Renewal(false, why);
        }
    }

    /** Blocking (the token endpoint, the keychain). Called at most once per call. */
    Renewal renewAfterRefusal(Connection connection, CancellationToken cancel) throws IOException, SecretStoreException;

    TokenRenewal NONE = (c, cancel) -> Renewal.NOT_APPLICABLE;
}
