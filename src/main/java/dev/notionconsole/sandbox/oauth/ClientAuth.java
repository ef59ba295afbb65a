package dev.notionconsole.sandbox.oauth;

import dev.notionconsole.sandbox.model.Connection;
import dev.notionconsole.sandbox.model.SandboxModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** HTTP Basic client authentication of the OAuth endpoints (docs/notion-api.md §2.10): {@code client_id:client_secret}. */
final class ClientAuth {
    private ClientAuth() {
    }

    /** The public connection the header authenticates, or null when it is missing, malformed or wrong. */
    static Connection authenticate(String authorization, SandboxModel model) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        Connection c = model.connectionByClientId(decoded.substring(0, colon));
        if (c == null || c.kind() != Connection.Kind.PUBLIC || c.clientSecret() == null) {
            return null;
        }
        boolean secretOk = MessageDigest.isEqual(c.clientSecret().getBytes(StandardCharsets.UTF_8),
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        return secretOk ? c : null;
    }
}
