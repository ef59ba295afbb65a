package dev.notionconsole.connections;

import java.time.Instant;

/**
 * One installation of a public connection: the bot Notion created when a user authorized it in a workspace
 * (docs/notion-api.md §2.10). {@code botId} is the key Notion recommends for stored installations. The access and
 * refresh tokens are in the secret store, never here.
 *
 * @param owner the authorizing user; null for a legacy workspace-level token
 * @param refreshedAt when the tokens were last rotated by a refresh; null if never
 */
public record Installation(String botId, String workspaceId, String workspaceName, String workspaceIcon,
                           AuthorizingUser owner, String duplicatedTemplateId, Instant installedAt, Instant refreshedAt) {
    public String displayName() {
        String ws = workspaceName != null && !workspaceName.isBlank() ? workspaceName : workspaceId;
        return owner != null ? ws + " (" + owner.display() + ")" : String.valueOf(ws);
    }
}
