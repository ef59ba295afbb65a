package dev.notionconsole.cli;

import picocli.CommandLine.Option;

/** Where a secret comes from, never an argument: a variable or standard input (an exclusive option group). */
final class ClientSecretSource {
    @Option(names = "--client-secret-env", paramLabel = "VAR", description = "Read the OAuth client secret from this variable.")
    String env;
    @Option(names = "--client-secret-stdin", description = "Read the OAuth client secret from standard input.")
    boolean stdin;
}
