package dev.notionconsole.notion;

import dev.notionconsole.core.Redactor;
import java.io.IOException;

/**
 * The API could not be reached or did not answer in time: no HTTP status to show. The command line maps it
 * to exit code 3. Messages are written for people and always redacted.
 */
public class NotionTransportException extends IOException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** Nothing listens on that host and port. */
        CONNECTION_REFUSED,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** Connecting or waiting for the response took longer than the configured timeout. */
        TIMEOUT,
        /** TLS handshake or certificate problem. */
        TLS,
        /** The response body was larger than the configured cap. */
        RESPONSE_TOO_LARGE,
        /** Any other I/O failure (connection reset, protocol error, ...). */
        IO
    }

    private final Kind kind;

    public NotionTransportException(Kind kind, String message, Throwable cause) {
        super(Redactor.redact(message), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
