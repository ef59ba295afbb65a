package dev.notionconsole.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who a token acts as, from {@code GET /v1/users/me} (docs/notion-api.md §2.7, §6): the bot, the user behind it
 * (an OAuth install's or a personal access token's; null for an internal connection) and the workspace.
 */
record Identity(String botId, String botName, String userId, String userName, String workspaceId, String workspaceName) {
    static Identity of(JsonNode me) {
        if (me == null) {
            return new Identity(null, null, null, null, null, null);
        }
        if ("person".equals(me.path("type").asText())) {
            return new Identity(null, null, me.path("id").asText(null), me.path("name").asText(null), null, null);
        }
        JsonNode bot = me.path("bot");
        JsonNode owner = bot.path("owner");
        String userId = null;
        String userName = null;
        if ("user".equals(owner.path("type").asText())) {
            userId = owner.path("user").path("id").asText(null);
            userName = owner.path("user").path("name").asText(null);
        }
        return new Identity(me.path("id").asText(null), me.path("name").asText(null), userId, userName, bot.path("workspace_id").asText(null),
                bot.path("workspace_name").asText(null));
    }

    boolean sameWorkspaceKnown(Identity other) {
        return other != null && workspaceId != null && other.workspaceId != null;
    }

    boolean sameUser(Identity other) {
        return other != null && userId != null && userId.equals(other.userId);
    }
}
