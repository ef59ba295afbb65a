package dev.notionconsole.cli;

import dev.notionconsole.bundle.Bundle;
import dev.notionconsole.bundle.BundleFile;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code notion-console bundle create|show|replay|import-har}: support bundles (issue 13, docs/bundle-format.md).
 * Exit codes: 0 ok, 1 a replayed call answered differently than in the bundle, 2 bad usage (also a file that is
 * not a bundle), 3 could not connect.
 */
@Command(name = "bundle",
        description = {"Support bundles: hand over failing calls without secrets, and replay them in the sandbox."},
        footer = {"", "Examples:",
                "  notion-console bundle create -c \"Sandbox: Wiki Reader\" --history 5 \\",
                "      --with-map --out wiki.ncbundle",
                "  notion-console bundle create -c \"Sandbox: Docs Sync\" \\",
                "      --diagnose GET /v1/pages/<id> --out call.ncbundle",
                "  notion-console bundle show wiki.ncbundle",
                "  notion-console bundle replay wiki.ncbundle",
                "  notion-console bundle import-har exported-from-browser.har",
                "", "Secrets are always removed; titles, names and emails become pseudonyms",
                "unless --no-pseudonyms."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:a replayed call answered differently", "2:bad usage (also a file that is not a bundle)",
                "3:could not connect"})
public final class BundleCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    /** The command with its subcommands, each over {@code context}. */
    public static CommandLine tree(CliContext context) {
        CommandLine cl = new CommandLine(new BundleCommand());
        cl.addSubcommand(new BundleCreateCommand(context));
        cl.addSubcommand(new BundleShowCommand());
        cl.addSubcommand(new BundleReplayCommand());
        cl.addSubcommand(new BundleImportHarCommand(context));
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Opens a bundle; a file that is not one is bad usage with the reason. */
    static Bundle open(CommandLine cl, Path file) {
        try {
            return BundleFile.open(file);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, "Cannot open " + file + ": " + TerminalText.message(e.getMessage()));
        }
    }
}
