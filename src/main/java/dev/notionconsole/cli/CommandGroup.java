package dev.notionconsole.cli;

import picocli.CommandLine;

/** A command that only groups subcommands: alone it prints its usage; its subcommands reach the context through it. */
abstract class CommandGroup implements Runnable {
    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    CommandGroup(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    CliContext environment() {
        return context;
    }
}
