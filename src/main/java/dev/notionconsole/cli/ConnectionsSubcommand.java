package dev.notionconsole.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParentCommand;

/** What every {@code connections} subcommand has: its group (services, secrets from input) and its own spec. */
abstract class ConnectionsSubcommand {
    @ParentCommand
    ConnectionsCommand parent;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
}
