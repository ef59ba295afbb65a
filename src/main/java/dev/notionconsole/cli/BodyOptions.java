package dev.notionconsole.cli;

import picocli.CommandLine.Option;

/** {@code --data JSON|@FILE} and {@code --version V} of the commands that send a call (a picocli mixin). */
public final class BodyOptions {
    @Option(names = {"-d", "--data"}, paramLabel = "JSON|@FILE", description = "The JSON body, or @FILE to read it (@- for standard input).")
    String data;

    @Option(names = "--version", paramLabel = "V", description = "Notion-Version for this call (default: the connection's).")
    String version;
}
