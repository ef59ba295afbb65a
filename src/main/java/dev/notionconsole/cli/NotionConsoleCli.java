package dev.notionconsole.cli;

import dev.notionconsole.core.AppInfo;
import dev.notionconsole.core.Redactor;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command. Subcommands are registered in {@link #commandLine()}. */
@Command(name = "notion-console",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT, // every subcommand answers --help and --version
        versionProvider = NotionConsoleCli.Version.class,
        description = {"Notion Console: a developer console for the Notion API.",
                "Without a command, opens the desktop app."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the API call failed", "2:bad usage", "3:could not connect"})
public final class NotionConsoleCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command tree over the real surroundings (their sandbox stops when the process exits). */
    public static CommandLine commandLine() {
        return commandLine(CliContext.real());
    }

    /**
     * Builds the command tree with the project's exit codes and redacted error output. Every command gets the one
     * {@link CliContext} (its services, and the {@code ConnectionCaller}) through its constructor.
     */
    public static CommandLine commandLine(CliContext context) {
        CommandLine cl = new CommandLine(new NotionConsoleCli());
        // Subcommands, one line each: new XCommand(context)
        cl.addSubcommand(new ConnectionsCommand(context));
        cl.addSubcommand(new SandboxCommand());
        cl.addSubcommand(new RequestCommand(context));
        cl.addSubcommand(new OAuthCommand(context));
        cl.addSubcommand(new MapCommand(context));
        cl.addSubcommand(new DiagnoseCommand(context));
        // '@FILE' is our syntax for a request body (request --data @body.json), not picocli's argument files
        cl.setExpandAtFiles(false);
        // nothing printed (a server's text, a callback's error, a hand-edited file's name) can drive the terminal
        cl.setOut(TerminalText.safe(cl.getOut()));
        cl.setErr(TerminalText.safe(cl.getErr()));
        cl.setExitCodeExceptionMapper(t -> ExitCodes.USAGE);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(Redactor.redact(ex.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + TerminalText.line(Redactor.redact(String.valueOf(ex.getMessage()))));
            // a request that cannot be built (a missing upload file, a bad header) is bad usage, not an API error
            return ex instanceof java.io.IOException ? ExitCodes.CONNECT
                    : ex instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.API_ERROR;
        });
        return cl;
    }

    /** Runs one command line; the services it built are closed (the sandbox it started stops) before returning. */
    public static int run(String... args) {
        try (CliContext context = CliContext.real()) {
            return commandLine(context).execute(args);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppInfo.NAME + " " + AppInfo.version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
