package dev.notionconsole.connections;

/** Names of a connection's entries in the secret store. Keys carry ids only, never a secret. */
public final class SecretKeys {
    private SecretKeys() {
    }

    /** The token of an internal connection or a personal access token. */
    public static String token(String connectionId) {
        return "connection/" + connectionId + "/token";
    }

    public static String clientSecret(String connectionId) {
        return "connection/" + connectionId + "/client-secret";
    }

    public static String accessToken(String connectionId, String botId) {
        return "connection/" + connectionId + "/installation/" + botId + "/access-token";
    }

    public static String refreshToken(String connectionId, String botId) {
        return "connection/" + connectionId + "/installation/" + botId + "/refresh-token";
    }
}
