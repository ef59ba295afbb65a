package dev.notionconsole.cli;

import picocli.CommandLine.Option;

/** Where a secret comes from, never an argument: a variable or standard input (an exclusive option group). */
final class TokenSource {
    @Option(names = "--token-env", paramLabel = "VAR", description = "Read the token from this environment variable.")
    String env;
    @Option(names = "--token-stdin", description = "Read the token from the first line of standard input.")
    boolean stdin;
}
