package dev.notionconsole.cli;

import picocli.CommandLine.Option;

/** The {@code -c/--connection NAME} option of every command that calls the API (a picocli mixin). */
public final class ConnectionOption {
    @Option(names = {"-c", "--connection"}, paramLabel = "NAME", description = "Connection name or id (default: the current one).")
    String connection;

    /** The named connection, or null for the current one. */
    public String name() {
        return connection;
    }
}
