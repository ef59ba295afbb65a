package dev.notionconsole.ui.explorer;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.explorer.ApiCalls;
import dev.notionconsole.notion.NotionTransportException;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;

/** The explorer's calls as a saved connection: through {@link ConnectionCaller}, the one way to call as one. */
final class Calls {
    private Calls() {
    }

    static ApiCalls of(ConnectionCaller caller, Connection c) {
        return (request, cancel, observer) -> {
            try {
                return caller.send(c, request, cancel, observer).exchange();
            } catch (NotionTransportException e) {
                throw e;
            } catch (SecretStoreException e) {
                throw new NotionTransportException(NotionTransportException.Kind.IO,
                        "Could not read the token of \"" + c.name() + "\": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new NotionTransportException(NotionTransportException.Kind.IO, e.getMessage(), e);
            }
        };
    }
}
