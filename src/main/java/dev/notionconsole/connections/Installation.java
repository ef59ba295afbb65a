package dev.notionconsole.connections;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;

/**
 * One installation of a public connection: the bot Notion created when a user authorized it in a workspace
 * (docs/notion-api.md §2.10). {@code botId} is the key Notion recommends for stored installations. The access and
 * refresh tokens are in the secret store, never here.
 *
 * @param owner the authorizing user; null for a legacy workspace-level token
 * @param refreshedAt when the tokens were last rotated by a refresh; null if never
 * @param duplicatedTemplateId the copy of the connection's template it was made with (the user chose "Duplicate
 *                             template" on the consent page); null when pages were picked
 * @param duplicatedTemplateTitle that copy's title when it was installed; null if unknown
 */
public record Installation(String botId, String workspaceId, String workspaceName, String workspaceIcon,
                           AuthorizingUser owner, String duplicatedTemplateId, Instant installedAt, Instant refreshedAt,
                           String duplicatedTemplateTitle) {
    @JsonCreator
    public Installation {
    }

    public Installation(String botId, String workspaceId, String workspaceName, String workspaceIcon, AuthorizingUser owner,
                        String duplicatedTemplateId, Instant installedAt, Instant refreshedAt) {
        this(botId, workspaceId, workspaceName, workspaceIcon, owner, duplicatedTemplateId, installedAt, refreshedAt, null);
    }

    public Installation withInstalledAt(Instant at) {
        return new Installation(botId, workspaceId, workspaceName, workspaceIcon, owner, duplicatedTemplateId, at, refreshedAt,
                duplicatedTemplateTitle);
    }

    public Installation withRefreshedAt(Instant at) {
        return new Installation(botId, workspaceId, workspaceName, workspaceIcon, owner, duplicatedTemplateId, installedAt, at,
                duplicatedTemplateTitle);
    }

    public Installation withTemplateTitle(String title) {
        return new Installation(botId, workspaceId, workspaceName, workspaceIcon, owner, duplicatedTemplateId, installedAt,
                refreshedAt, title);
    }

    /** One line about a template installation, or null: "Made by duplicating the template: <title>". */
    public String templateLine() {
        if (duplicatedTemplateId == null) {
            return null;
        }
        return "Made by duplicating the template: " + (duplicatedTemplateTitle != null && !duplicatedTemplateTitle.isBlank()
                ? "\"" + duplicatedTemplateTitle + "\" (" + duplicatedTemplateId + ")" : duplicatedTemplateId);
    }

    public String displayName() {
        String ws = workspaceName != null && !workspaceName.isBlank() ? workspaceName : workspaceId;
        return owner != null ? ws + " (" + owner.display() + ")" : String.valueOf(ws);
    }
}
