package dev.notionconsole.explorer;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;

/**
 * How the explorer sends its requests: one call as the mapped connection, paced, retried, renewed and cancellable.
 * In the app and on the command line it is always {@link #as(ConnectionCaller, Connection)}; the explorer only
 * decides what to ask. Blocking; thread-safe.
 */
@FunctionalInterface
public interface ApiCalls {
    /**
     * @throws IOException          no answer at all ({@link dev.notionconsole.notion.NotionTransportException})
     * @throws SecretStoreException the connection's token could not be read
     * @throws java.util.concurrent.CancellationException cancelled while waiting or in flight
     */
    Exchange send(ApiRequest request, CancellationToken cancel, CallObserver observer) throws IOException, SecretStoreException;

    /** Calls as a saved connection through the one caller (its pacing bucket is shared with the request builder). */
    static ApiCalls as(ConnectionCaller caller, Connection connection) {
        return (request, cancel, observer) -> caller.send(connection, request, cancel, observer).exchange();
    }
}
