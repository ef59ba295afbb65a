package dev.notionconsole.cli;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionTransfer;
import dev.notionconsole.connections.IdentityCheck;
import dev.notionconsole.connections.Installation;
import dev.notionconsole.connections.InvalidConnectionException;
import dev.notionconsole.connections.LearnedCapability;
import dev.notionconsole.connections.RatePlan;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.notion.Capability;
import dev.notionconsole.secrets.FileSecretStore;
import dev.notionconsole.secrets.SecretStorage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

/**
 * {@code notion-console connections ...}: saved connections from the command line (issue 4). Secrets come from
 * standard input or an environment variable, never from arguments (argv is visible to other processes and kept
 * in shell history); nothing here prints a secret unmasked.
 */
@Command(name = "connections", mixinStandardHelpOptions = true,
        description = "List, inspect, test, add and remove saved connections.",
        subcommands = {ConnectionsCommand.ListCmd.class, ConnectionsCommand.Show.class, ConnectionsCommand.Test.class,
                ConnectionsCommand.Add.class, ConnectionsCommand.Remove.class, ConnectionsCommand.Use.class,
                ConnectionsCommand.SetToken.class, ConnectionsCommand.Export.class, ConnectionsCommand.Import.class,
                ConnectionsCommand.Storage.class},
        footer = {"", "Secrets are read from an environment variable (--token-env VAR) or standard input (--token-stdin),",
                "never from arguments. Exit codes: 0 ok, 1 the API said no (401, kind mismatch), 2 bad usage,",
                "3 could not connect."})
public final class ConnectionsCommand implements Runnable {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final CliContext context;
    private boolean storageNoted;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public ConnectionsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    CliContext environment() {
        return context;
    }

    /** The connection service, with where secrets are kept said once (these commands are about connections). */
    ConnectionService service() {
        ConnectionService service = context.connections(spec.commandLine());
        if (!storageNoted) {
            storageNoted = true;
            PrintWriter err = spec.commandLine().getErr();
            service.secretStorage().notices().forEach(n -> err.println("note: " + Redactor.redact(n)));
        }
        return service;
    }

    Connection resolve(String idOrName) {
        return context.connection(idOrName, spec.commandLine());
    }

    /** Reads one secret from a variable or the first line of standard input. */
    Optional<Secret> readSecret(String envVar, boolean fromStdin, String what, CommandLine cl) {
        if (envVar != null) {
            String value = environment().env().get(envVar);
            if (value == null || value.isBlank()) {
                throw new CommandLine.ParameterException(cl, "The environment variable " + envVar + " is not set or empty.");
            }
            return Optional.of(Secret.of(value));
        }
        if (fromStdin) {
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(environment().stdin().get(), StandardCharsets.UTF_8));
                String line = in.readLine();
                if (line == null || line.isBlank()) {
                    throw new CommandLine.ParameterException(cl, "Expected the " + what + " on standard input; got nothing.");
                }
                return Optional.of(Secret.of(line));
            } catch (IOException e) {
                throw new CommandLine.ParameterException(cl, "Could not read standard input: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** A token given to a session-only store would be forgotten when the command exits: say so, do not pretend. */
    void requireLastingSecrets(CommandLine cl) {
        SecretStorage.Status status = service().secretStorage().status();
        if (status.sessionOnly()) {
            throw new CommandLine.ParameterException(cl, "No system keychain: " + status.keychainProblem()
                    + "\nA secret given to this command would be forgotten when it exits. Either opt in to a file only you "
                    + "can read:\n  notion-console connections storage --use-file\nor pass the token for one run in NOTION_TOKEN.");
        }
    }

    static String kindWord(ConnectionKind kind) {
        return switch (kind) {
            case INTERNAL -> "internal";
            case PUBLIC_OAUTH -> "public";
            case PERSONAL_ACCESS_TOKEN -> "pat";
        };
    }

    static String checkWord(IdentityCheck check) {
        if (check == null) {
            return "not tested";
        }
        return check.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + WHEN.format(check.checkedAt());
    }

    // ---- list ------------------------------------------------------------------------------------------

    @Command(name = "list", description = "List saved connections (no secrets).")
    static final class ListCmd implements Callable<Integer> {
        @ParentCommand
        ConnectionsCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--json", description = "Print JSON (definitions only; never secrets).")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            ConnectionService s = parent.service();
            String currentId = s.current().map(Connection::id).orElse(null);
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Connection c : s.list()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("current", c.id().equals(currentId));
                    row.put("temporary", c.temporary());
                    row.put("connection", c);
                    rows.add(row);
                }
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
                return ExitCodes.OK;
            }
            if (s.list().isEmpty()) {
                out.println("No saved connections. Add one with 'notion-console connections add --help'.");
                return ExitCodes.OK;
            }
            String fmt = "%-1s %-32s %-9s %-22s %-26s %s%n";
            out.printf(fmt, "", "NAME", "KIND", "WORKSPACE", "BASE URL", "LAST CHECK");
            for (Connection c : s.list()) {
                out.printf(fmt, c.id().equals(currentId) ? "*" : "", c.name() + (c.temporary() ? " (not saved)" : ""),
                        kindWord(c.kind()), c.workspaceLabel(), c.baseUrl(), checkWord(c.lastCheck()));
            }
            return ExitCodes.OK;
        }
    }

    // ---- show ------------------------------------------------------------------------------------------

    @Command(name = "show", description = "Show one connection; secrets are masked.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ConnectionsCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "CONNECTION", description = "Name or id.")
        String which;
        @Option(names = "--json", description = "Print the definition as JSON (never secrets).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            ConnectionService s = parent.service();
            Connection c = parent.resolve(which);
            if (json) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(c));
                return ExitCodes.OK;
            }
            out.println(c.name() + (c.temporary() ? "  (from " + ConnectionService.TOKEN_ENV + ", not saved)" : ""));
            row(out, "Id", c.id());
            row(out, "Kind", c.kind().label());
            row(out, "Base URL", c.baseUrl() + (c.isSandbox() ? " (the built-in sandbox)" : ""));
            row(out, "Notion-Version", c.notionVersion());
            row(out, "Rate plan", c.ratePlan().label());
            if (c.kind() == ConnectionKind.PUBLIC_OAUTH) {
                row(out, "Client id", c.clientId());
                row(out, "Client secret", masked(s.clientSecret(c)));
                row(out, "Redirect URI", c.redirectUri());
                if (c.installations().isEmpty()) {
                    row(out, "Installations", "none yet: authorize with 'notion-console oauth'");
                }
                for (Installation i : c.installations()) {
                    boolean active = c.activeInstallation().map(a -> a.botId().equals(i.botId())).orElse(false);
                    row(out, active ? "Installation *" : "Installation", i.displayName() + ", bot " + i.botId()
                            + ", access token " + masked(s.accessToken(c, i.botId())));
                }
            } else {
                row(out, "Token", masked(s.token(c)));
            }
            row(out, "Secrets kept in", s.secretStorage().describe());
            IdentityCheck check = c.lastCheck();
            row(out, "Last check", check == null ? "not tested yet ('connections test')"
                    : checkWord(check) + ": " + check.summary());
            for (LearnedCapability cap : c.capabilities()) {
                row(out, "Capability", cap.capability().label() + ": " + (cap.present() ? "seen working" : "seems missing")
                        + (cap.observedAt() != null ? " (" + WHEN.format(cap.observedAt()) + ")" : "") + ", " + cap.evidence());
            }
            if (!c.notes().isBlank()) {
                row(out, "Notes", c.notes());
            }
            return ExitCodes.OK;
        }

        private static String masked(Optional<Secret> secret) {
            return secret.map(Secret::masked).orElse("(none stored)");
        }

        private static void row(PrintWriter out, String label, String value) {
            out.printf("  %-16s %s%n", label, value == null ? "" : value);
        }
    }

    // ---- test ------------------------------------------------------------------------------------------

    @Command(name = "test", description = "Call GET /v1/users/me and show who the token acts as.")
    static final class Test implements Callable<Integer> {
        @ParentCommand
        ConnectionsCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "CONNECTION", arity = "0..1", description = "Name or id (default: the current one).")
        String which;

        @Override
        public Integer call() throws Exception {
            ConnectionService s = parent.service();
            Connection c = which != null ? parent.resolve(which) : s.current().orElseThrow(() ->
                    new CommandLine.ParameterException(spec.commandLine(), "No current connection; name one."));
            IdentityCheck check = s.testConnection(c, dev.notionconsole.core.concurrent.CancellationToken.none());
            PrintWriter out = spec.commandLine().getOut();
            out.println(c.name() + ": " + check.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            out.println("  " + check.summary());
            if (check.workspaceName() != null || check.workspaceId() != null) {
                out.println("  Workspace: " + Optional.ofNullable(check.workspaceName()).orElse("(no name)")
                        + (check.workspaceId() != null ? " (" + check.workspaceId() + ")" : ""));
            }
            if (check.requestId() != null) {
                out.println("  Request id: " + check.requestId());
            }
            return switch (check.outcome()) {
                case OK -> ExitCodes.OK;
                case UNREACHABLE -> ExitCodes.CONNECT;
                case NO_TOKEN -> ExitCodes.USAGE;
                default -> ExitCodes.API_ERROR;
            };
        }
    }

    // ---- add -------------------------------------------------------------------------------------------

    static final class TokenSource {
        @Option(names = "--token-env", paramLabel = "VAR", description = "Read the token from this environment variable.")
        String env;
        @Option(names = "--token-stdin", description = "Read the token from the first line of standard input.")
        boolean stdin;
    }

    static final class ClientSecretSource {
        @Option(names = "--client-secret-env", paramLabel = "VAR", description = "Read the OAuth client secret from this variable.")
        String env;
        @Option(names = "--client-secret-stdin", description = "Read the OAuth client secret from standard input.")
        boolean stdin;
    }

    @Command(name = "add", description = "Save a new connection.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        ConnectionsCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--kind", required = true, description = "internal, public or pat.")
        String kind;
        @Option(names = "--base-url", description = "Default https://api.notion.com; 'sandbox' for the built-in sandbox.")
        String baseUrl;
        @Option(names = "--notion-version", description = "Pinned Notion-Version (default ${DEFAULT-VALUE}).", defaultValue = Connection.DEFAULT_NOTION_VERSION)
        String notionVersion;
        @Option(names = "--rate-plan", description = "Requests per minute: 180 (Free, Plus) or 600 (Business, Enterprise).", defaultValue = "180")
        int ratePlan;
        @Option(names = "--notes")
        String notes;
        @Option(names = "--client-id", description = "Public connections: the OAuth client id.")
        String clientId;
        @Option(names = "--redirect-uri", description = "Public connections: the registered redirect URI.")
        String redirectUri;
        @ArgGroup(exclusive = true)
        TokenSource token;
        @ArgGroup(exclusive = true)
        ClientSecretSource clientSecret;
        @Option(names = "--use", description = "Make it the current connection.")
        boolean use;

        @Override
        public Integer call() throws Exception {
            CommandLine cl = spec.commandLine();
            ConnectionKind k;
            try {
                k = ConnectionKind.parse(kind);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
            if (ratePlan != 180 && ratePlan != 600) {
                throw new CommandLine.ParameterException(cl, "--rate-plan is 180 or 600.");
            }
            Secret tokenValue = token == null ? null : parent.readSecret(token.env, token.stdin, "token", cl).orElse(null);
            Secret clientSecretValue = clientSecret == null ? null
                    : parent.readSecret(clientSecret.env, clientSecret.stdin, "client secret", cl).orElse(null);
            if (k == ConnectionKind.PUBLIC_OAUTH && tokenValue != null) {
                throw new CommandLine.ParameterException(cl, "A public connection has no token of its own: give "
                        + "--client-secret-env or --client-secret-stdin, then authorize with 'notion-console oauth'.");
            }
            if (k != ConnectionKind.PUBLIC_OAUTH && clientSecretValue != null) {
                throw new CommandLine.ParameterException(cl, "Only public connections have a client secret; use --token-env or --token-stdin.");
            }
            if (tokenValue != null || clientSecretValue != null) {
                parent.requireLastingSecrets(cl);
            }
            // a public connection without one gets the default loopback redirect URI, port picked once (decision 0050)
            String redirect = k == ConnectionKind.PUBLIC_OAUTH && (redirectUri == null || redirectUri.isBlank())
                    ? dev.notionconsole.oauth.RedirectUri.pickDefault().value() : redirectUri;
            Connection draft = Connection.builder(k).name(name).baseUrl(baseUrl).notionVersion(notionVersion)
                    .ratePlan(RatePlan.ofPerMinute(ratePlan)).notes(notes).clientId(clientId).redirectUri(redirect).build();
            Connection added;
            try {
                added = parent.service().add(draft, tokenValue, clientSecretValue);
            } catch (InvalidConnectionException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage()
                        + (tokenValue == null && k != ConnectionKind.PUBLIC_OAUTH ? " (--token-env VAR or --token-stdin)" : ""));
            }
            if (use) {
                parent.service().setCurrent(added.id());
            }
            cl.getOut().println("Added \"" + added.name() + "\" (" + added.id() + "). Secrets kept in: "
                    + parent.service().secretStorage().describe() + ".");
            if (k == ConnectionKind.PUBLIC_OAUTH) {
                cl.getOut().println("Register this redirect URI in the connection's settings in Notion (OAuth Domain & URIs): "
                        + added.redirectUri());
                cl.getOut().println("Then authorize it with: notion-console oauth login --connection \"" + added.name() + "\"");
            } else {
                cl.getOut().println("Check it with: notion-console connections test \"" + added.name() + "\"");
            }
            return ExitCodes.OK;
        }
    }

    // ---- remove, use, set-token ------------------------------------------------------------------------

    @Command(name = "remove", description = "Delete a connection and its stored secrets.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        ConnectionsCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "CONNECTION")
        String which;
        @Option(names = {"-y", "--yes"}, description = "Do not ask.")
        boolean yes;

        @Override
        public Integer call() throws Exception {
            Connection c = parent.resolve(which);
            CommandLine cl = spec.commandLine();
            if (!yes) {
                java.io.Console console = System.console();
                if (console == null) {
                    throw new CommandLine.ParameterException(cl, "Removing \"" + c.name() + "\" deletes its secrets; add --yes to confirm.");
                }
                String answer = console.readLine("Remove \"%s\" and its stored secrets? [y/N] ", c.name());
                if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                    cl.getOut().println("Nothing removed.");
                    return ExitCodes.OK;
                }
            }
            try {
                parent.service().remove(c.id());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
            cl.getOut().println("Removed \"" + c.name() + "\"."
                    + (c.installations().isEmpty() ? "" : " Its installations' tokens were deleted locally but not revoked at "
                    + "Notion; revoke them with 'notion-console oauth revoke' first if they should stop working."));
            return ExitCodes.OK;
        }
    }

    @Command(name = "use", description = "Show or set the current connection.")
    static final class Use implements Callable<Integer> {
        @ParentCommand
        ConnectionsCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "CONNECTION", arity = "0..1")
        String which;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (which == null) {
                out.println(parent.service().current().map(Connection::name).orElse("(none)"));
                return ExitCodes.OK;
            }
            Connection c = parent.resolve(which);
            parent.service().setCurrent(c.id());
            out.println("Current connection: " + c.name());
            return ExitCodes.OK;
        }
    }

    @Command(name = "set-token", description = "Replace the token of an internal connection or personal access token.")
    static final class SetToken implements Callable<Integer> {
        @ParentCommand
        ConnectionsCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "CONNECTION")
        String which;
        @ArgGroup(exclusive = true, multiplicity = "1")
        TokenSource token;

        @Override
        public Integer call() throws Exception {
            CommandLine cl = spec.commandLine();
            Connection c = parent.resolve(which);
            if (c.kind() == ConnectionKind.PUBLIC_OAUTH) {
                throw new CommandLine.ParameterException(cl, "Public connections get their tokens by authorizing ('notion-console oauth').");
            }
            Secret t = parent.readSecret(token.env, token.stdin, "token", cl).orElseThrow();
            if (!c.temporary()) {
                parent.requireLastingSecrets(cl);
            }
            parent.service().setToken(c.id(), t);
            cl.getOut().println("Token of \"" + c.name() + "\" replaced (" + t.masked() + ").");
            return ExitCodes.OK;
        }
    }

    // ---- export, import ----------------------------------------------------------------------------------

    @Command(name = "export", description = "Write connection definitions as JSON, without any secret.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        ConnectionsCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Default: standard output.")
        Path output;
        @Parameters(paramLabel = "CONNECTION", arity = "0..*", description = "Names or ids (default: all saved).")
        List<String> which;

        @Override
        public Integer call() throws IOException {
            List<Connection> chosen = which == null || which.isEmpty() ? parent.service().list()
                    : which.stream().map(parent::resolve).toList();
            byte[] json = ConnectionTransfer.export(chosen, Instant.now());
            if (output == null) {
                spec.commandLine().getOut().println(new String(json, StandardCharsets.UTF_8));
            } else {
                dev.notionconsole.core.io.AtomicFiles.write(output, json);
                spec.commandLine().getOut().println("Exported " + chosen.stream().filter(c -> !c.temporary()).count()
                        + " connection(s) to " + output + " (no secrets).");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", description = "Add connections from an export; asks for each one's secret.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        ConnectionsCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--secret-env", paramLabel = "NAME=VAR",
                description = "The secret for the connection NAME is in the environment variable VAR (repeatable).")
        Map<String, String> secretEnv = new LinkedHashMap<>();
        @Option(names = "--secrets-stdin",
                description = "Read secrets from standard input, one line per connection that needs one, in file order.")
        boolean secretsStdin;

        @Override
        public Integer call() throws Exception {
            CommandLine cl = spec.commandLine();
            List<Connection> drafts;
            try {
                drafts = ConnectionTransfer.parse(Files.readAllBytes(file));
            } catch (java.nio.file.NoSuchFileException e) {
                throw new CommandLine.ParameterException(cl, "No such file: " + file);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
            boolean needsSecrets = drafts.stream().anyMatch(d -> ConnectionTransfer.SecretNeed.of(d) != ConnectionTransfer.SecretNeed.NONE);
            if (needsSecrets && (secretsStdin || !secretEnv.isEmpty())) {
                parent.requireLastingSecrets(cl);
            }
            BufferedReader stdin = secretsStdin
                    ? new BufferedReader(new InputStreamReader(parent.environment().stdin().get(), StandardCharsets.UTF_8)) : null;
            List<String> wanted = new ArrayList<>();
            ConnectionTransfer.ImportReport report = ConnectionTransfer.importInto(parent.service(), drafts, (draft, need) -> {
                String what = need == ConnectionTransfer.SecretNeed.TOKEN ? "token" : "client secret";
                String var = secretEnv.get(draft.name());
                if (var != null) {
                    String v = parent.environment().env().get(var);
                    if (v == null || v.isBlank()) {
                        throw new IOException("The environment variable " + var + " is not set.");
                    }
                    return Optional.of(Secret.of(v));
                }
                if (stdin != null) {
                    String line = stdin.readLine();
                    return line == null || line.isBlank() ? Optional.empty() : Optional.of(Secret.of(line));
                }
                wanted.add(draft.name() + " (" + what + ")");
                return Optional.empty();
            });
            PrintWriter out = cl.getOut();
            report.added().forEach(c -> out.println("Imported \"" + c.name() + "\"."));
            report.alreadyPresent().forEach(s -> out.println("Not imported, " + s + "."));
            report.skipped().forEach(s -> cl.getErr().println("Skipped " + s + "."));
            if (!wanted.isEmpty()) {
                cl.getErr().println("Give secrets with --secret-env \"NAME=VAR\" or --secrets-stdin for: " + String.join(", ", wanted));
            }
            return report.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.USAGE;
        }
    }

    // ---- storage ---------------------------------------------------------------------------------------

    @Command(name = "storage", description = "Show where secrets are kept; opt in to or out of the secrets file.")
    static final class Storage implements Callable<Integer> {
        @ParentCommand
        ConnectionsCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--use-file", description = "No keychain: keep secrets in a file only you can read (mode 0600).")
        boolean useFile;
        @Option(names = "--use-session", description = "Stop using the secrets file and delete it.")
        boolean useSession;

        @Override
        public Integer call() throws Exception {
            CommandLine cl = spec.commandLine();
            ConnectionService s = parent.service();
            if (useFile && useSession) {
                throw new CommandLine.ParameterException(cl, "Choose one of --use-file and --use-session.");
            }
            SecretStorage.Status status = s.secretStorage().status();
            if (useFile) {
                if (status.keychainAvailable()) {
                    throw new CommandLine.ParameterException(cl, "The system keychain works; secrets stay there.");
                }
                cl.getErr().println("warning: " + FileSecretStore.WARNING);
                s.optInToSecretsFile();
            } else if (useSession) {
                s.optOutOfSecretsFile();
            }
            status = s.secretStorage().status();
            PrintWriter out = cl.getOut();
            out.println("Secrets are kept in: " + status.description());
            if (!status.keychainAvailable()) {
                out.println("System keychain: not available. " + status.keychainProblem());
                if (status.sessionOnly()) {
                    out.println("Secrets are kept for this session only. To keep them: notion-console connections storage --use-file");
                }
            }
            return ExitCodes.OK;
        }
    }

}
