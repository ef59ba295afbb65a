package dev.notionconsole.connections;

import dev.notionconsole.notion.Capability;
import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the answer of GET /v1/users/me (docs/notion-api.md §2.7, 6) into an {@link IdentityCheck}. The kind comes
 * from the answer, never from the token's prefix:
 * <ul>
 * <li>{@code type:"person"}: the token acts as that user: a personal access token (the documented PAT shape);</li>
 * <li>{@code type:"bot"}, {@code bot.owner.type:"workspace"}: an internal connection (or a legacy
 *     workspace-level OAuth token);</li>
 * <li>{@code type:"bot"}, {@code bot.owner.type:"user"}: a public connection's installation or a PAT (on the
 *     wire a PAT also looks like this); the installation's bot id tells them apart when we have one.</li>
 * </ul>
 */
public final class IdentityInterpreter {
    /** The check plus the capabilities the answer reveals (the owner's fields are trimmed per capability). */
    public record Result(IdentityCheck check, List<LearnedCapability> capabilities) {
    }

    private IdentityInterpreter() {
    }

    public static Result interpret(Connection c, Exchange ex, Instant at) {
        List<LearnedCapability> caps = new ArrayList<>();
        if (ex.status() == 401) {
            NotionError e = ex.error();
            return new Result(IdentityCheck.failure(at, IdentityCheck.Outcome.UNAUTHORIZED,
                    "401 unauthorized: the token is invalid, revoked or expired"
                            + (e != null && e.message() != null ? " (" + e.message().strip().replaceAll("\\.+$", "") + ")" : "") + ".",
                    401, ex.requestId()), caps);
        }
        if (!ex.ok()) {
            NotionError e = ex.error();
            String what = e != null ? e.summary() : "HTTP " + ex.status();
            String hint = e != null && e.fromEdgeProxy()
                    ? " The answer is not from the Notion API: is the base URL right?" : "";
            return new Result(IdentityCheck.failure(at, IdentityCheck.Outcome.API_ERROR, what + "." + hint,
                    ex.status(), ex.requestId()), caps);
        }
        JsonNode me = ex.json();
        if (me == null || !"user".equals(me.path("object").asText())) {
            return new Result(IdentityCheck.failure(at, IdentityCheck.Outcome.API_ERROR,
                    "The base URL answered " + ex.status() + ", but not with a Notion user object: is it the Notion API?",
                    ex.status(), ex.requestId()), caps);
        }
        String type = me.path("type").asText();
        String id = text(me, "id");
        String name = text(me, "name");
        if ("person".equals(type)) {
            AuthorizingUser user = new AuthorizingUser(id, name, text(me.path("person"), "email"));
            learnUserInfo(me, caps, at);
            return new Result(verdict(c, ConnectionKind.PERSONAL_ACCESS_TOKEN, at,
                    "Acts as " + user.display() + " (a personal access token acts as its creator)",
                    null, null, "person", user, null, null, ex), caps);
        }
        JsonNode bot = me.path("bot");
        JsonNode owner = bot.path("owner");
        String ownerType = owner.path("type").asText(null);
        String workspaceId = text(bot, "workspace_id");
        String workspaceName = text(bot, "workspace_name");
        String where = workspaceName != null ? " in workspace " + workspaceName : workspaceId != null ? " in workspace " + workspaceId : "";
        String botLabel = "Bot " + (name != null ? "\"" + name + "\"" : id);
        if ("user".equals(ownerType)) {
            JsonNode u = owner.path("user");
            AuthorizingUser user = new AuthorizingUser(text(u, "id"), text(u, "name"), text(u.path("person"), "email"));
            learnUserInfo(u, caps, at);
            boolean isInstallation = c.kind() == ConnectionKind.PUBLIC_OAUTH
                    && c.activeInstallation().map(i -> i.botId().equals(id)).orElse(false);
            ConnectionKind detected = isInstallation ? ConnectionKind.PUBLIC_OAUTH
                    : c.kind() == ConnectionKind.INTERNAL ? ConnectionKind.PERSONAL_ACCESS_TOKEN : c.kind();
            String summary = botLabel + " acting for " + user.display() + where
                    + (isInstallation ? " (this connection's installation)" : "");
            return new Result(verdict(c, detected, at, summary, id, name, ownerType, user, workspaceId, workspaceName, ex), caps);
        }
        if ("workspace".equals(ownerType)) {
            IdentityCheck check = verdict(c, ConnectionKind.INTERNAL, at, botLabel + " owned by workspace"
                    + (workspaceName != null ? " " + workspaceName : "") + " (an internal connection)",
                    id, name, ownerType, null, workspaceId, workspaceName, ex);
            if (c.kind() == ConnectionKind.PUBLIC_OAUTH && check.outcome() == IdentityCheck.Outcome.KIND_MISMATCH) {
                // docs/notion-api.md §2.10: legacy workspace-level OAuth tokens are owned by the workspace too
                check = new IdentityCheck(at, IdentityCheck.Outcome.OK, botLabel + " owned by workspace"
                        + (workspaceName != null ? " " + workspaceName : "") + " (a legacy workspace-level OAuth token)",
                        ConnectionKind.PUBLIC_OAUTH, id, name, ownerType, null, workspaceId, workspaceName, ex.status(), ex.requestId());
            }
            return new Result(check, caps);
        }
        return new Result(new IdentityCheck(at, IdentityCheck.Outcome.OK, botLabel + where + " (owner not reported)",
                null, id, name, ownerType, null, workspaceId, workspaceName, ex.status(), ex.requestId()), caps);
    }

    private static IdentityCheck verdict(Connection c, ConnectionKind detected, Instant at, String summary, String botId,
                                         String botName, String ownerType, AuthorizingUser user, String workspaceId,
                                         String workspaceName, Exchange ex) {
        boolean matches = detected == c.kind() || c.temporary();
        String text = matches ? summary : summary + ". Declared as " + c.kind().label().toLowerCase(java.util.Locale.ROOT)
                + ", but " + mismatch(detected);
        return new IdentityCheck(at, matches ? IdentityCheck.Outcome.OK : IdentityCheck.Outcome.KIND_MISMATCH, text,
                detected, botId, botName, ownerType, user, workspaceId, workspaceName, ex.status(), ex.requestId());
    }

    private static String mismatch(ConnectionKind detected) {
        return switch (detected) {
            case INTERNAL -> "the token belongs to a workspace-owned bot: an internal connection's token.";
            case PERSONAL_ACCESS_TOKEN -> "the token acts for a user: a personal access token or an OAuth access token.";
            case PUBLIC_OAUTH -> "the token is an OAuth installation's access token.";
        };
    }

    /** With only {object,id} the connection cannot read user information; an email means it may read emails. */
    private static void learnUserInfo(JsonNode user, List<LearnedCapability> caps, Instant at) {
        if (user.isMissingNode() || !user.has("id")) {
            return;
        }
        boolean hasName = user.hasNonNull("name");
        boolean hasEmail = user.path("person").hasNonNull("email");
        String evidence = "GET /v1/users/me returned the user " + (hasEmail ? "with an email" : hasName ? "without an email" : "as an id only");
        caps.add(new LearnedCapability(Capability.USER_INFO, hasName, at, evidence));
        if (hasName) {
            caps.add(new LearnedCapability(Capability.USER_EMAIL, hasEmail, at, evidence));
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() || v.asText().isBlank() ? null : v.asText();
    }
}
