package dev.notionconsole.cli;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.Installation;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.oauth.AuthorizationFlow;
import dev.notionconsole.oauth.BrowserOpener;
import dev.notionconsole.oauth.OAuthException;
import dev.notionconsole.oauth.OAuthService;
import dev.notionconsole.oauth.RedirectUri;
import dev.notionconsole.oauth.TokenEndpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

/**
 * {@code notion-console oauth ...}: authorize a public connection through the browser and keep its tokens
 * (issue 5). Tokens and codes are never printed unmasked; the authorize URL holds no secret.
 */
@Command(name = "oauth", mixinStandardHelpOptions = true,
        description = "Authorize public connections (OAuth) and look after their tokens.",
        subcommands = {OAuthCommand.Login.class, OAuthCommand.Refresh.class, OAuthCommand.Introspect.class,
                OAuthCommand.Revoke.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:refused (denied, invalid_grant, wrong client secret, timed out)", "2:bad usage",
                "3:could not connect"})
public final class OAuthCommand extends CommandGroup {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    public OAuthCommand(CliContext context) {
        super(context);
    }

    OAuthService service() {
        return environment().oauth(spec.commandLine());
    }

    Connection publicConnection(String idOrName, CommandLine cl) {
        Connection c = environment().connection(idOrName, cl);
        if (c.kind() != ConnectionKind.PUBLIC_OAUTH) {
            throw new CommandLine.ParameterException(cl, "\"" + c.name() + "\" is " + c.kind().label()
                    + "; only public connections are authorized through OAuth.");
        }
        return c;
    }

    Installation installation(Connection c, String botId, CommandLine cl) {
        if (botId != null) {
            return c.installation(botId).orElseThrow(() -> new CommandLine.ParameterException(cl,
                    "\"" + c.name() + "\" has no installation with bot id " + botId + "."));
        }
        return c.activeInstallation().orElseThrow(() -> new CommandLine.ParameterException(cl,
                "\"" + c.name() + "\" has no installation yet. Authorize it first: notion-console oauth login --connection \""
                        + c.name() + "\""));
    }

    static int refused(PrintWriter err, OAuthException e) {
        err.println("error: " + TerminalText.message(e.getMessage()));
        return ExitCodes.API_ERROR;
    }

    /** Options shared by the token subcommands. */
    static final class Target {
        @Option(names = {"-c", "--connection"}, required = true, paramLabel = "NAME", description = "The public connection (name or id).")
        String connection;
        @Option(names = "--bot", paramLabel = "BOT_ID", description = "Which installation (default: the active one).")
        String botId;
    }

    /** A token subcommand: finds the public connection and its installation, and reports a refusal the same way. */
    abstract static class InstallationSubcommand implements Callable<Integer> {
        @ParentCommand
        OAuthCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        Target target = new Target();

        @Override
        public final Integer call() throws Exception {
            OAuthService oauth = parent.service();
            Connection c = parent.publicConnection(target.connection, spec.commandLine());
            Installation inst = parent.installation(c, target.botId, spec.commandLine());
            try {
                return run(oauth, c, inst, spec.commandLine().getOut());
            } catch (OAuthException e) {
                return refused(spec.commandLine().getErr(), e);
            }
        }

        abstract int run(OAuthService oauth, Connection c, Installation inst, PrintWriter out) throws Exception;
    }

    // ---- login -----------------------------------------------------------------------------------------

    @Command(name = "login", description = {"Authorize a public connection in the browser and store the installation.",
            "Prints the URL, then waits for Notion's redirect to the connection's redirect URI on this machine, "
                    + "or for the redirected address pasted on standard input (for a browser on another machine)."})
    static final class Login implements Callable<Integer> {
        @ParentCommand
        OAuthCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = {"-c", "--connection"}, required = true, paramLabel = "NAME", description = "The public connection (name or id).")
        String connection;
        @Option(names = "--no-browser", description = "Do not open a browser; print the URL to open elsewhere.")
        boolean noBrowser;
        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
                description = "How long to wait for the answer (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (timeoutSeconds < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be at least 1 second.");
            }
            OAuthService oauth = parent.service();
            Connection c = parent.publicConnection(connection, spec.commandLine());
            if (oauth.connections().secretStorage().status().sessionOnly()) {
                err.println("note: no system keychain: the tokens are kept for this run only. Opt in to a file only you "
                        + "can read with 'notion-console connections storage --use-file' to keep them.");
            }
            AuthorizationFlow flow;
            try {
                flow = oauth.prepare(c, noBrowser ? BrowserOpener.NONE : parent.environment().browser(),
                        Duration.ofSeconds(timeoutSeconds));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Thread paste = pasteReader(flow, out, err);
            try {
                Installation inst = oauth.authorize(c, flow, new CancellationToken(), new OAuthService.FlowObserver() {
                    @Override
                    public void listening(URI authorizeUrl, RedirectUri redirectUri) {
                        out.println((noBrowser ? "Open this URL in a browser" : "Opening your browser") + " to authorize \""
                                + c.name() + "\":");
                        out.println();
                        out.println("  " + authorizeUrl);
                        out.println();
                        out.println("Waiting up to " + describe(timeoutSeconds) + " for Notion to redirect to " + redirectUri.value()
                                + " (it must be registered in the connection's settings in Notion).");
                        out.println("If the browser runs on another machine, paste the address it ends on here and press Enter.");
                        out.flush();
                    }

                    @Override
                    public void browserFailed(String reason) {
                        err.println("note: could not open a browser (" + reason + "); open the URL above yourself.");
                    }

                    @Override
                    public void exchanging() {
                        out.println("Received the authorization; exchanging the code...");
                        out.flush();
                    }
                });
                out.println("Installed \"" + c.name() + "\" in " + inst.displayName() + " as bot " + inst.botId() + ".");
                if (inst.templateLine() != null) {
                    out.println(inst.templateLine() + "; the installation sees that copy only.");
                }
                out.println("Its tokens are in " + oauth.connections().secretStorage().describe()
                        + "; requests with this connection now use this installation.");
                return ExitCodes.OK;
            } catch (OAuthException e) {
                return refused(err, e);
            } finally {
                paste.interrupt();
            }
        }

        /** Reads pasted redirect addresses from standard input until the flow ends or input runs out. */
        private Thread pasteReader(AuthorizationFlow flow, PrintWriter out, PrintWriter err) {
            InputStream in = parent.environment().stdin().get();
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while (!flow.isDone() && (line = r.readLine()) != null) {
                        if (line.isBlank()) {
                            continue;
                        }
                        try {
                            flow.submitPastedUrl(line);
                        } catch (IllegalArgumentException e) {
                            err.println(TerminalText.message(e.getMessage()));
                            err.flush();
                        }
                    }
                } catch (IOException e) {
                    // standard input closed: the listener still waits
                }
            }, "oauth-paste-reader");
            t.setDaemon(true);
            t.start();
            return t;
        }

        private static String describe(long seconds) {
            return seconds % 60 == 0 ? (seconds / 60) + (seconds == 60 ? " minute" : " minutes") : seconds + " seconds";
        }
    }

    // ---- refresh ---------------------------------------------------------------------------------------

    @Command(name = "refresh", description = "Refresh an installation's tokens now (Notion replaces both; both are stored).")
    static final class Refresh extends InstallationSubcommand {
        @Override
        int run(OAuthService oauth, Connection c, Installation inst, PrintWriter out) throws Exception {
            oauth.refresh(c, inst.botId(), new CancellationToken());
            String masked = oauth.connections().accessToken(c, inst.botId()).map(s -> s.masked()).orElse("?");
            out.println("Refreshed " + inst.displayName() + ": new access token " + masked + "; the refresh token was replaced too.");
            return ExitCodes.OK;
        }
    }

    // ---- introspect ------------------------------------------------------------------------------------

    @Command(name = "introspect", description = "Ask Notion whether an installation's access token is active.")
    static final class Introspect extends InstallationSubcommand {
        @Override
        int run(OAuthService oauth, Connection c, Installation inst, PrintWriter out) throws Exception {
            TokenEndpoint.Introspection i = oauth.introspect(c, inst.botId(), new CancellationToken());
            out.println(inst.displayName() + ", bot " + inst.botId());
            out.println("  active:    " + i.active());
            if (i.scope() != null) {
                out.println("  scope:     " + i.scope());
            }
            if (i.issuedAt() != null) {
                out.println("  issued at: " + WHEN.format(i.issuedAt()));
            }
            if (!i.active()) {
                out.println("The token is not active: refresh it ('oauth refresh') or authorize again ('oauth login').");
            }
            return i.active() ? ExitCodes.OK : ExitCodes.API_ERROR;
        }
    }

    // ---- revoke ----------------------------------------------------------------------------------------

    @Command(name = "revoke", description = "Revoke an installation's tokens at Notion and forget the installation.")
    static final class Revoke extends InstallationSubcommand {
        @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        int run(OAuthService oauth, Connection c, Installation inst, PrintWriter out) throws Exception {
            if (!yes) {
                out.print("Revoke \"" + c.name() + "\" in " + inst.displayName() + "? Its tokens stop working at once. [y/N] ");
                out.flush();
                String answer = new BufferedReader(new InputStreamReader(parent.environment().stdin().get(), StandardCharsets.UTF_8)).readLine();
                if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                    out.println("Nothing revoked.");
                    return ExitCodes.OK;
                }
            }
            oauth.revokeAndRemove(c, inst.botId(), new CancellationToken());
            out.println("Revoked and removed " + inst.displayName() + " (bot " + inst.botId() + ").");
            return ExitCodes.OK;
        }
    }
}
