package dev.notionconsole.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h/--help} without the standard {@code --version} (a picocli mixin): for commands where
 * {@code --version} means the Notion-Version of a call.
 */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
