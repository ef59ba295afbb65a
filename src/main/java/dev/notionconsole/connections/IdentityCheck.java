package dev.notionconsole.connections;

import java.time.Instant;

/**
 * The last "Test connection": who GET /v1/users/me says the token acts as (docs/notion-api.md §2.7, 6), or why the
 * question could not be answered. Stored with the connection so the list can show it.
 *
 * @param summary one line for people, e.g. "Acme Bot in Acme Corp" or "401: the token is invalid, revoked or expired"
 * @param detectedKind what users/me says the token is; null when the call failed
 * @param ownerType "workspace" or "user" (bot.owner.type), or "person" when users/me returned the user itself
 * @param ownerUser the user the token acts for (OAuth, PAT); null for a workspace-owned bot
 * @param httpStatus the status of the call; null when it never got an answer
 */
public record IdentityCheck(Instant checkedAt, Outcome outcome, String summary, ConnectionKind detectedKind,
                            String botId, String botName, String ownerType, AuthorizingUser ownerUser,
                            String workspaceId, String workspaceName, Integer httpStatus, String requestId) {
    public enum Outcome {
        /** The token works and is of the declared kind. */
        OK,
        /** The token works, but it is not what the connection says it is. */
        KIND_MISMATCH,
        /** 401: invalid, revoked or expired. */
        UNAUTHORIZED,
        /** No answer: DNS, refused, timeout, TLS. */
        UNREACHABLE,
        /** There is no token to test (e.g. session-only secrets after a restart). */
        NO_TOKEN,
        /** Any other answer: 4xx, 5xx, not JSON. */
        API_ERROR;

        public boolean good() {
            return this == OK;
        }
    }

    public static IdentityCheck failure(Instant at, Outcome outcome, String summary, Integer status, String requestId) {
        return new IdentityCheck(at, outcome, summary, null, null, null, null, null, null, null, status, requestId);
    }
}
