package dev.notionconsole.connections;

/**
 * Revokes an installation's access token at Notion (POST /v1/oauth/revoke, docs/notion-api.md §2.10). Supplied by the
 * OAuth feature; the Connections workspace offers it when a public connection or installation is deleted.
 * Blocking: call it in a background task.
 */
@FunctionalInterface
public interface InstallationRevoker {
    void revoke(Connection connection, Installation installation) throws Exception;
}
