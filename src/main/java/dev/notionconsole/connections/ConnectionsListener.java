package dev.notionconsole.connections;

import java.util.List;
import java.util.Optional;

/**
 * Told about changes to the saved connections. Called on the thread that made the change (often a worker):
 * a UI listener hands the update to its own thread ({@code Platform.runLater}).
 */
public interface ConnectionsListener {
    default void connectionsChanged(List<Connection> connections) {
    }

    default void currentChanged(Optional<Connection> current) {
    }

    /** Saving the connections file failed; the change is kept in memory for this session. */
    default void saveFailed(String message) {
    }
}
