package dev.notionconsole.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.Credentials;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionClient;
import dev.notionconsole.notion.NotionError;
import dev.notionconsole.notion.NotionTransportException;
import java.util.Objects;

/**
 * Notion's OAuth token endpoints, called through the one HTTP client with HTTP Basic client credentials and a
 * JSON body (docs/notion-api.md §2.10): code exchange, refresh, introspect, revoke. Turns the failures people hit into
 * {@link OAuthException}s that say what happened and what to do.
 */
public final class TokenEndpoint {
    private final NotionClient client;
    private final Credentials credentials;
    private final String connectionName;

    /**
     * @param client any client for the connection's base URL; its own credentials are overridden per request
     */
    public TokenEndpoint(NotionClient client, String clientId, Secret clientSecret, String connectionName) {
        this.client = Objects.requireNonNull(client);
        if (clientSecret == null) {
            throw new IllegalArgumentException("The public connection \"" + connectionName + "\" has no client secret. "
                    + "Copy the OAuth client secret from the connection's settings in Notion (Configuration tab).");
        }
        this.credentials = Credentials.basic(clientId, clientSecret);
        this.connectionName = connectionName;
    }

    /**
     * Exchanges an authorization code.
     *
     * @param redirectUri the redirect URI exactly as it was in the authorize URL. The console always puts it
     *                    there, so Notion's rule (required when it was in the authorize URL) says: always send it.
     */
    public TokenGrant exchangeCode(Secret code, RedirectUri redirectUri, CancellationToken cancel)
            throws OAuthException, NotionTransportException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("grant_type", "authorization_code");
        body.put("code", code.reveal());
        if (redirectUri != null) {
            body.put("redirect_uri", redirectUri.value());
        }
        Exchange ex = post("/v1/oauth/token", body, cancel);
        if (ex.ok()) {
            return TokenGrant.fromJson(ex.json());
        }
        throw explainCodeExchange(ex.error(), redirectUri);
    }

    /** Refreshes: Notion returns a new access token and a new refresh token (rotation); store both. */
    public TokenGrant refresh(Secret refreshToken, CancellationToken cancel) throws OAuthException, NotionTransportException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", refreshToken.reveal());
        Exchange ex = post("/v1/oauth/token", body, cancel);
        if (ex.ok()) {
            return TokenGrant.fromJson(ex.json());
        }
        NotionError e = ex.error();
        if (e.status() == 401) {
            throw invalidClient(e);
        }
        if ("invalid_grant".equals(e.code())) {
            throw new OAuthException(OAuthException.Reason.REAUTHORIZE, "Notion refused the refresh token (invalid_grant: "
                    + e.message() + "). It was revoked, already used (each refresh replaces it), or the installation was "
                    + "removed. Authorize \"" + connectionName + "\" again.");
        }
        throw unexpected("refreshing the token", e);
    }

    /** Whether a token is active, and since when (docs/notion-api.md §2.10). */
    public Introspection introspect(Secret token, CancellationToken cancel) throws OAuthException, NotionTransportException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("token", token.reveal());
        Exchange ex = post("/v1/oauth/introspect", body, cancel);
        if (!ex.ok()) {
            throw ex.status() == 401 ? invalidClient(ex.error()) : unexpected("introspecting the token", ex.error());
        }
        JsonNode j = ex.json();
        if (j == null || !j.has("active")) {
            throw new OAuthException(OAuthException.Reason.UNEXPECTED_RESPONSE, "The introspect answer has no \"active\" field.");
        }
        return new Introspection(j.path("active").asBoolean(), j.hasNonNull("scope") ? j.get("scope").asText() : null,
                j.hasNonNull("iat") ? java.time.Instant.ofEpochSecond(j.get("iat").asLong()) : null, ex.requestId());
    }

    /** Revokes a token; afterwards every call with it gets 401. Revoking an unknown token is not an error. */
    public void revoke(Secret token, CancellationToken cancel) throws OAuthException, NotionTransportException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("token", token.reveal());
        Exchange ex = post("/v1/oauth/revoke", body, cancel);
        if (!ex.ok()) {
            throw ex.status() == 401 ? invalidClient(ex.error()) : unexpected("revoking the token", ex.error());
        }
    }

    /** The result of introspection. */
    public record Introspection(boolean active, String scope, java.time.Instant issuedAt, String requestId) {
    }

    private Exchange post(String path, ObjectNode body, CancellationToken cancel) throws NotionTransportException {
        return client.send(ApiRequest.post(path, body.toString()).credentials(credentials), cancel, CallObserver.NONE);
    }

    private OAuthException explainCodeExchange(NotionError e, RedirectUri redirectUri) {
        if (e.status() == 401) {
            return invalidClient(e);
        }
        if ("invalid_grant".equals(e.code())) {
            return new OAuthException(OAuthException.Reason.INVALID_GRANT, "Notion refused the authorization code "
                    + "(invalid_grant: " + e.message() + "). Usual causes: the code was already exchanged or has expired "
                    + "(codes are single-use and short-lived: authorize again), or the redirect_uri sent now differs from "
                    + "the one in the authorize URL" + (redirectUri == null ? "" : " (" + redirectUri.value() + ")") + ".");
        }
        if (e.message() != null && e.message().contains("redirect_uri")) {
            return new OAuthException(OAuthException.Reason.REQUEST_REFUSED, "Notion refused the token request: "
                    + e.message() + " Notion requires redirect_uri at the token step when the authorize URL had one or "
                    + "the connection has several registered, and forbids it when exactly one is registered and the "
                    + "authorize URL had none.");
        }
        return unexpected("exchanging the code", e);
    }

    private OAuthException invalidClient(NotionError e) {
        return new OAuthException(OAuthException.Reason.INVALID_CLIENT, "Notion refused the client credentials of \""
                + connectionName + "\" (401" + (e == null || e.code() == null ? "" : " " + e.code()) + "). Check the OAuth "
                + "client ID and copy the client secret again from the connection's settings in Notion: a regenerated "
                + "secret replaces the old one.");
    }

    private static OAuthException unexpected(String what, NotionError e) {
        return new OAuthException(e != null && e.status() == 400 ? OAuthException.Reason.REQUEST_REFUSED
                : OAuthException.Reason.UNEXPECTED_RESPONSE,
                "Notion answered " + (e == null ? "an error" : e.summary()) + " while " + what + ".");
    }
}
