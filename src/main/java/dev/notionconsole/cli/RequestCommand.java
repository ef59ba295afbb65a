package dev.notionconsole.cli;

import dev.notionconsole.core.http.QueryString;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.ErrorCodes;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionError;
import dev.notionconsole.notion.NotionTransportException;
import dev.notionconsole.notion.Wait;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.send.RequestSender;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.request.preflight.Finding;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code notion-console request --connection NAME METHOD PATH [--data JSON|@FILE | --form F=@FILE ...] [--version V] [--all-pages]}:
 * one call from a script. The body goes to standard output, a one-line status to standard error, and the exit
 * code says how it went (0 ok, 1 the API answered with an error, 2 bad usage, 3 could not connect). The token
 * comes from the saved connection (or NOTION_TOKEN), never from an argument.
 */
@Command(name = "request",
        description = {"Send one request to the Notion API as a saved connection.",
                "Prints the response body to standard output and a one-line status to standard error."},
        footer = {"", "Examples:",
                "  notion-console request GET /v1/users/me",
                "  notion-console request --connection \"Sandbox: Docs Sync\" \\",
                "      POST /v1/search --data '{\"query\":\"Roadmap\"}'",
                "  notion-console request GET /v1/blocks/<id>/children --all-pages",
                "  notion-console request POST /v1/file_uploads/<id>/send --form file=@notes.pdf",
                "", "The token is never an argument: it comes from the connection's keychain entry",
                "or NOTION_TOKEN."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:the API answered with an error", "2:bad usage", "3:could not connect"})
public final class RequestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // no standard --version mixin: --version is the Notion-Version here, as the issue names it
    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @CommandLine.Mixin
    ConnectionOption connection = new ConnectionOption();

    @Parameters(index = "0", paramLabel = "METHOD", description = "GET, POST, PATCH or DELETE.")
    String method;

    @Parameters(index = "1", paramLabel = "PATH", description = "e.g. /v1/users/me; a query string is allowed.")
    String path;

    @CommandLine.Mixin
    BodyOptions body = new BodyOptions();

    @Option(names = {"-F", "--form"}, paramLabel = "NAME=VALUE|NAME=@FILE",
            description = "A multipart form field, as curl's -F (repeatable): file=@notes.pdf[;type=application/pdf] for a file, "
                    + "part_number=2 for text. Only file uploads (POST /v1/file_uploads/{id}/send) take a form.")
    List<String> form = new ArrayList<>();


    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", description = "An extra header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--all-pages", description = "Follow next_cursor and print every result as one list.")
    boolean allPages;

    @Option(names = "--force", description = "Send even when the preflight check finds an error (e.g. invalid JSON).")
    boolean force;

    @Option(names = "--no-history", description = "Do not record this call in the history.")
    boolean noHistory;

    @Option(names = "--pretty", description = "Indent a JSON body (the default when standard output is a terminal).")
    boolean pretty;

    @Option(names = "--raw", description = "Print the body exactly as received (the default in a pipe or a file).")
    boolean raw;

    private final CliContext context;

    public RequestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        CliContext env = context;
        RequestSpec request = spec(env, cl, method, path, body.data, body.version, headers, form);
        if (pretty && raw) {
            throw new CommandLine.ParameterException(cl, "Choose one of --pretty and --raw.");
        }
        // as gh api and ntn api do: indented for a person at a terminal, byte-exact for scripts (issue 16, item 12)
        boolean indent = pretty || (!raw && System.console() != null);

        Connection c = env.connection(connection.name(), cl);
        String ignoredHost = urlHost(path);
        if (ignoredHost != null) {
            String base = c.isSandbox() ? "the sandbox" : c.baseUrl();
            if (c.isSandbox() || !ignoredHost.equalsIgnoreCase(URI.create(c.baseUrl()).getHost())) {
                err.println("note: the host in the URL (" + TerminalText.line(ignoredHost) + ") is ignored: \"" + c.name()
                        + "\" sends to " + base + ". Only the path and query are used.");
            }
        }
        HistoryStore history = noHistory ? null : HistoryStore.open(env.dirs().config());
        if (history != null && history.loadProblem() != null) {
            err.println("note: " + history.loadProblem());
        }
        // a 401 on a public connection is renewed once, then repeated (issue 5)
        RequestSender sender = new RequestSender(env.caller(cl), EndpointCatalog.builtIn(), history);

        boolean blocked = false;
        for (Finding f : sender.preflight(c, request)) {
            err.println((f.blocking() ? "error: " : "warning: ") + f.message());
            blocked |= f.blocking();
        }
        if (blocked && !force) {
            err.println("Not sent. Fix the request, or add --force to send it anyway.");
            return ExitCodes.USAGE;
        }
        CallObserver observer = new CallObserver() {
            @Override
            public void onWait(Wait wait) {
                err.println(wait.describe() + (wait.detail().isEmpty() ? "" : " (" + wait.detail() + ")"));
                err.flush();
            }
        };
        try {
            if (allPages) {
                int[] pages = {0};
                RequestSender.AllPages all = sender.fetchAll(c, request, CancellationToken.none(), observer, x -> pages[0]++);
                Exchange last = all.result().failure() != null ? all.result().failure() : all.result().lastPage();
                if (all.result().failure() != null) {
                    out.println(body(last.body(), indent));
                    err.println(status(last, c) + " (after " + (all.result().pages() - 1) + " pages)");
                    return ExitCodes.API_ERROR;
                }
                out.println(body(all.combinedBody(), indent));
                err.println(status(last, c) + " · " + all.result().results().size() + " results in " + all.result().pages()
                        + " pages" + (all.result().stopNote() != null ? " · " + all.result().stopNote() : ""));
                return ExitCodes.OK;
            }
            RequestSender.Outcome o = sender.send(c, request, CancellationToken.none(), observer);
            Exchange x = o.exchange();
            if (x.body().length > 0) {
                out.println(body(x.body(), indent));
            }
            out.flush();
            err.println(status(x, c));
            if (o.reauthorization() != null) {
                err.println(TerminalText.message(o.reauthorization()));
            }
            return x.ok() ? ExitCodes.OK : ExitCodes.API_ERROR;
        } catch (NotionTransportException e) {
            return CallFailures.couldNotConnect(err, c.name(), e);
        } catch (SecretStoreException e) {
            return CallFailures.noToken(err, c.name(), e);
        }
    }

    /** The body as text; with {@code indent}, a JSON body pretty-printed (anything else as received). */
    static String body(byte[] body, boolean indent) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!indent) {
            return text;
        }
        try {
            return dev.notionconsole.core.json.Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(dev.notionconsole.core.json.Json.mapper().readTree(body));
        } catch (java.io.IOException notJson) {
            return text;
        }
    }

    /** "200 OK · GET /v1/users/me · Sandbox: Docs Sync · 41 ms · 512 bytes · request id ..." */
    static String status(Exchange x, Connection c) {
        StringBuilder sb = new StringBuilder();
        sb.append(x.status());
        NotionError e = x.error();
        if (e != null) {
            sb.append(' ').append(e.code()).append(": ").append(e.message());
            ErrorCodes.lookup(e.code()).ifPresent(d -> sb.append(" — ").append(d.meaning()));
        } else {
            sb.append(x.ok() ? " OK" : "");
        }
        sb.append(" · ").append(x.request().method()).append(' ').append(URI.create(x.request().url()).getRawPath())
                .append(" · ").append(c.name())
                .append(" · ").append(x.total() == null ? "?" : x.total().toMillis() + " ms")
                .append(" · ").append(x.size()).append(" bytes");
        if (x.attempts() > 1) {
            sb.append(" · ").append(x.attempts()).append(" attempts");
        }
        if (x.requestId() != null) {
            sb.append(" · request id ").append(x.requestId());
        }
        return TerminalText.message(sb.toString());
    }

    /** The host of a full URL given as PATH (only its path and query are used), or null for a path. */
    static String urlHost(String path) {
        String p = path.trim();
        if (!p.matches("(?i)https?://.*")) {
            return null;
        }
        try {
            URI u = URI.create(p);
            return u.getHost() == null ? u.getRawAuthority() : u.getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** METHOD PATH [--data] [--version] [-H] [-F] as a request: shared by {@code request} and {@code diagnose}. */
    static RequestSpec spec(CliContext env, CommandLine cl, String method, String path, String data, String version,
                            List<String> headers, List<String> form) {
        String m = method.trim().toUpperCase(Locale.ROOT);
        if (!m.matches("GET|POST|PATCH|DELETE")) {
            throw new CommandLine.ParameterException(cl, "\"" + method + "\" is not a method Notion uses (GET, POST, PATCH, DELETE).");
        }
        String p = path.trim();
        List<NameValue> query = new ArrayList<>();
        if (p.matches("(?i)https?://.*")) {
            URI u;
            try {
                u = URI.create(p);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "\"" + TerminalText.line(p) + "\" is not a URL or a path.");
            }
            p = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                    + (u.getRawQuery() != null ? "?" + u.getRawQuery() : "");
        }
        int q = p.indexOf('?');
        if (q >= 0) {
            for (QueryString.Param param : QueryString.parse(p.substring(q + 1))) {
                query.add(new NameValue(param.name(), param.value()));
            }
            p = p.substring(0, q);
        }
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        if (!p.startsWith("/v1/")) {
            p = "/v1" + p;
            cl.getErr().println("note: Notion paths start with /v1; sending " + p + ".");
        }
        List<NameValue> hs = new ArrayList<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new CommandLine.ParameterException(cl, "A header is written 'Name: value', not \"" + h + "\".");
            }
            String name = h.substring(0, colon).trim();
            if (name.equalsIgnoreCase("Authorization")) {
                throw new CommandLine.ParameterException(cl, "No Authorization header in arguments: argv is visible to other "
                        + "processes. The token comes from the connection (or NOTION_TOKEN).");
            }
            hs.add(new NameValue(name, h.substring(colon + 1).trim()));
        }
        List<NameValue> fields = new ArrayList<>();
        for (String f : form) {
            int eq = f.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(cl, "A form field is written name=value or name=@file, not \"" + f + "\".");
            }
            fields.add(new NameValue(f.substring(0, eq), f.substring(eq + 1)));
        }
        if (!fields.isEmpty() && data != null) {
            throw new CommandLine.ParameterException(cl, "--form and --data cannot be combined: a request carries a form or a JSON body.");
        }
        return new RequestSpec(m, p, query, hs, body(env, cl, data), version, fields);
    }

    private static String body(CliContext env, CommandLine cl, String data) {
        if (data == null) {
            return "";
        }
        if (!data.startsWith("@")) {
            return data;
        }
        String file = data.substring(1);
        try {
            if (file.equals("-")) {
                return new String(env.stdin().get().readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, "Could not read the body from " + file + ": " + e.getMessage());
        }
    }


}
