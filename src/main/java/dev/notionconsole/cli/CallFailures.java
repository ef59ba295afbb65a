package dev.notionconsole.cli;

import java.io.PrintWriter;

/** How every command reports a call that got no answer: the same words and exit codes (see {@link ExitCodes}). */
final class CallFailures {
    private CallFailures() {
    }

    /** DNS, refused, timeout, TLS: the connection's name and the cause, then {@link ExitCodes#CONNECT}. */
    static int couldNotConnect(PrintWriter err, String connectionName, Exception e) {
        err.println("Could not connect (" + connectionName + "): " + TerminalText.message(e.getMessage()));
        return ExitCodes.CONNECT;
    }

    /** No token stored (or the secret store refused): a usage problem the user fixes, {@link ExitCodes#USAGE}. */
    static int noToken(PrintWriter err, String connectionName, Exception e) {
        err.println("No token for " + connectionName + ": " + TerminalText.message(e.getMessage()));
        return ExitCodes.USAGE;
    }
}
