package dev.notionconsole.explorer;

/**
 * Who the map is for, from {@code GET /v1/users/me}.
 *
 * @param tokenKind     the connection's kind (users/me cannot tell a PAT from an OAuth install, notion-api.md 6)
 * @param botName       the bot's (or person's) name
 * @param userName      the user a PAT or OAuth install acts for, or null for an internal bot
 * @param workspaceId   {@code bot.workspace_id}, or null
 * @param workspaceName {@code bot.workspace_name}, or null
 */
public record MapIdentity(TokenKind tokenKind, String botName, String userName, String workspaceId, String workspaceName) {
    /** "Alice Okafor" for a PAT or install, else the bot's name. */
    public String actor() {
        return userName != null ? userName : botName;
    }
}
