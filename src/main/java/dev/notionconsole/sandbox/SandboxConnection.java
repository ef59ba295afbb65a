package dev.notionconsole.sandbox;

import dev.notionconsole.sandbox.model.Connection;
import java.util.List;

/**
 * A connection of a running sandbox as the rest of the app sees it: enough to make a saved connection or print an
 * environment variable. Sandbox tokens are fake and may be printed.
 *
 * @param id            integration id (additional_data.integration_id in 404s)
 * @param name          connection name, as quoted in Notion's 404 messages
 * @param kind          INTERNAL, PUBLIC or PERSONAL
 * @param token         the bearer token: internal/personal token, or the first active installation's access token
 *                      for a public connection (null when it has none); may be revoked or expired on purpose
 * @param clientId      public connections: OAuth client id, else null
 * @param clientSecret  public connections: OAuth client secret, else null
 * @param redirectUris  public connections: registered redirect URIs
 * @param workspaceName the workspace (for public: of the first installation), or null
 * @param description   one line on what is special about it
 * @param capabilities  content/comment capabilities as keys (read_content, ...)
 * @param userInfo      none, without_email or with_email
 * @param tokenActive   false when the token is revoked or expired (for showing and skipping)
 */
public record SandboxConnection(String id, String name, Connection.Kind kind, String token, String clientId, String clientSecret,
                                List<String> redirectUris, String workspaceName, String description, List<String> capabilities,
                                String userInfo, boolean tokenActive, int ratePerMinute) {
}
