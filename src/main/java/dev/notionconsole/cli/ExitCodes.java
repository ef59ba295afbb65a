package dev.notionconsole.cli;

/** Exit codes of every command (issue 2): scripts and CI depend on them. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The API answered with an error. */
    public static final int API_ERROR = 1;
    /** Bad usage: unknown option, missing argument, invalid value. */
    public static final int USAGE = 2;
    /** Could not connect: DNS, refused, timeout, TLS. */
    public static final int CONNECT = 3;

    private ExitCodes() {
    }
}
