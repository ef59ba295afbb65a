package dev.notionconsole.oauth;

import java.util.Objects;

/**
 * What one authorization needs to know about the public connection.
 *
 * @param apiBaseUrl     {@code https://api.notion.com} or the sandbox's base URL
 * @param clientId       the public connection's OAuth client ID
 * @param redirectUri    the connection's registered loopback redirect URI
 * @param connectionName shown on the success page
 */
public record AuthorizationRequest(String apiBaseUrl, String clientId, RedirectUri redirectUri, String connectionName) {
    public AuthorizationRequest {
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(redirectUri, "redirectUri");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("The public connection has no OAuth client ID. Copy it from the "
                    + "connection's settings in Notion (Developer portal, Configuration tab).");
        }
        connectionName = connectionName == null ? "" : connectionName;
    }
}
