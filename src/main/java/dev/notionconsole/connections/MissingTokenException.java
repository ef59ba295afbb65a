package dev.notionconsole.connections;

import dev.notionconsole.secrets.SecretStoreException;

/** A connection has no stored token (or client secret) to call the API with. */
public class MissingTokenException extends SecretStoreException {
    public MissingTokenException(Connection c) {
        this(c, c.kind() == ConnectionKind.PUBLIC_OAUTH ? "installation (authorize it first)" : "token");
    }

    public MissingTokenException(Connection c, String what) {
        super("\"" + c.name() + "\" has no " + what + " stored"
                + (c.kind() == ConnectionKind.PUBLIC_OAUTH && what.startsWith("installation") ? "."
                : ". Secrets may have been kept for the previous session only; enter it again."));
    }
}
