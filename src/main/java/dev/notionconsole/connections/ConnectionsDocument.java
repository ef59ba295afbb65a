package dev.notionconsole.connections;

import java.util.List;

/**
 * The connections file, format {@value ConnectionStore#FORMAT_VERSION} (docs/decisions/0041). No secrets.
 *
 * @param currentConnectionId the connection selected when the console last closed
 * @param secretsFileOptIn the user chose the 0600 secrets file because there is no keychain
 * @param sandboxDefaultsAdded the sandbox's default connections were added once (a user who deletes them
 *     does not get them back on the next start)
 */
public record ConnectionsDocument(int formatVersion, String currentConnectionId, boolean secretsFileOptIn,
                                  boolean sandboxDefaultsAdded, List<Connection> connections) {
    public ConnectionsDocument {
        connections = connections == null ? List.of() : List.copyOf(connections);
    }

    public static ConnectionsDocument empty() {
        return new ConnectionsDocument(ConnectionStore.FORMAT_VERSION, null, false, false, List.of());
    }
}
