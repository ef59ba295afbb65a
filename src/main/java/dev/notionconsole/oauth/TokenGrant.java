package dev.notionconsole.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.Secret;

/**
 * What {@code POST /v1/oauth/token} returned (docs/notion-api.md §2.10): the tokens (as {@link Secret}s, never plain
 * strings) and the installation's details. {@code botId} is the key Notion recommends for stored installations.
 *
 * @param refreshToken null when Notion sent none
 * @param ownerType    {@code user}, or {@code workspace} for legacy workspace-level tokens
 * @param ownerUserId  the authorizing user's id (null for workspace owners); name and email only with user-info capability
 */
public record TokenGrant(Secret accessToken, Secret refreshToken, String botId, String workspaceId, String workspaceName,
                         String workspaceIcon, String ownerType, String ownerUserId, String ownerName, String ownerEmail,
                         String duplicatedTemplateId) {

    static TokenGrant fromJson(JsonNode json) throws OAuthException {
        String access = text(json, "access_token");
        String botId = text(json, "bot_id");
        if (access == null || botId == null) {
            throw new OAuthException(OAuthException.Reason.UNEXPECTED_RESPONSE,
                    "The token endpoint answered 200 without " + (access == null ? "access_token" : "bot_id") + ".");
        }
        JsonNode owner = json.path("owner");
        JsonNode user = owner.path("user");
        return new TokenGrant(Secret.of(access), Secret.ofNullable(text(json, "refresh_token")), botId,
                text(json, "workspace_id"), text(json, "workspace_name"), text(json, "workspace_icon"),
                text(owner, "type"), text(user, "id"), text(user, "name"), text(user.path("person"), "email"),
                text(json, "duplicated_template_id"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    @Override
    public String toString() {
        return "TokenGrant[bot " + botId + ", workspace " + workspaceName + ", access " + accessToken
                + ", refresh " + refreshToken + "]";
    }
}
