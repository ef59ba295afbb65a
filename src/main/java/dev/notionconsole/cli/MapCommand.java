package dev.notionconsole.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.explorer.ApiCalls;
import dev.notionconsole.explorer.ConnectionComparison;
import dev.notionconsole.explorer.MapException;
import dev.notionconsole.explorer.MapExport;
import dev.notionconsole.explorer.MapJson;
import dev.notionconsole.explorer.MapListener;
import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.explorer.MapProgress;
import dev.notionconsole.explorer.Mapper;
import dev.notionconsole.explorer.SnapshotStore;
import dev.notionconsole.explorer.TokenKind;
import dev.notionconsole.explorer.WorkspaceMap;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code notion-console map -c NAME [--json | --csv] [--out FILE] [--roots]} and {@code map --compare A B [--json]}:
 * what a connection can see and through which sharing root (issue 10; docs/decisions/0070). The map goes to
 * standard output (or {@code --out}); progress goes to standard error only when it is a terminal.
 */
@Command(name = "map",
        description = {"Map everything a connection can see, and through which shared page it sees it.",
                "Default: an indented tree, sharing roots marked with *, unreadable ancestors in (parentheses)."},
        footer = {"", "Examples:",
                "  notion-console map -c \"Sandbox: Docs Sync\"",
                "  notion-console map -c \"Sandbox: Docs Sync\" --roots",
                "  notion-console map -c Work --json --out work-map.json",
                "  notion-console map --compare \"Sandbox: Docs Sync\" \"Sandbox: Alice's token\""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:the API answered with an error (or the map is incomplete)", "2:bad usage",
                "3:could not connect"})
public final class MapCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @CommandLine.Mixin
    ConnectionOption connection = new ConnectionOption();

    @Option(names = "--compare", arity = "2", paramLabel = "A B", description = "Compare what two connections see.")
    List<String> compare;

    @Option(names = "--json", description = "One JSON object: connection, workspace, nodes, roots, placeholders, requests...")
    boolean json;

    @Option(names = "--csv", description = "The audit export: one row per object (explorer-diagnostics.md §2).")
    boolean csv;

    @Option(names = "--roots", description = "Only the sharing roots, with how many objects each gives access to.")
    boolean rootsOnly;

    @Option(names = "--redact-titles", description = "With --csv or --json: titles become [redacted], paths are IDs.")
    boolean redact;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE instead of standard output.")
    Path outFile;

    @Option(names = "--progress", negatable = true, description = "Progress on standard error (default: when the console is a "
            + "terminal; Java cannot tell for standard error alone, so --progress forces it when standard output is redirected).")
    Boolean progress;

    @Option(names = "--save", description = "Also keep the finished map as a snapshot in the config folder.")
    boolean save;

    private final CliContext context;
    /** Whether standard error is a terminal (tests set it). */
    private final boolean stderrIsTerminal;

    public MapCommand(CliContext context) {
        this(context, System.console() != null);
    }

    public MapCommand(CliContext context, boolean stderrIsTerminal) {
        this.context = context;
        this.stderrIsTerminal = stderrIsTerminal;
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        PrintWriter err = cl.getErr();
        if (json && csv) {
            throw new CommandLine.ParameterException(cl, "--json and --csv exclude each other: choose one output.");
        }
        if (compare != null && (connection.name() != null || csv || rootsOnly)) {
            throw new CommandLine.ParameterException(cl, "--compare takes two connections and prints a comparison (optionally --json); "
                    + "it does not combine with -c, --csv or --roots.");
        }
        CliContext env = context;
        ConnectionService service = env.connections(cl);
        ConnectionCaller caller = env.caller(cl);
        String[] current = {null};
        try {
            if (compare != null) {
                Connection ca = env.connection(compare.get(0), cl);
                Connection cb = env.connection(compare.get(1), cl);
                current[0] = ca.name();
                WorkspaceMap a = map(cl, service, caller, ca, err);
                current[0] = cb.name();
                WorkspaceMap b = map(cl, service, caller, cb, err);
                ConnectionComparison c = ConnectionComparison.compare(a, b);
                emit(cl, json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(compareJson(c)) + "\n"
                        : compareText(c));
                return ExitCodes.OK;
            }
            Connection c = env.connection(connection.name(), cl);
            current[0] = c.name();
            WorkspaceMap m = map(cl, service, caller, c, err);
            if (save) {
                Path file = new SnapshotStore(env.dirs().config()).save(m);
                err.println("Saved the map as " + file);
            }
            String text = json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(redact ? redacted(m) : MapJson.write(m)) + "\n"
                    : csv ? MapExport.csv(m, redact) : rootsOnly ? rootsText(m) : treeText(m);
            emit(cl, text);
            err.println(m.visibleCount() + " objects, " + m.roots().size() + " roots, " + m.placeholders().size()
                    + " unreadable ancestors · " + m.requests() + " requests · " + c.name());
            m.notes().forEach(n -> err.println("note: " + n.detail()));
            return m.complete() ? ExitCodes.OK : ExitCodes.API_ERROR;
        } catch (MapException e) {
            err.println(TerminalText.message(e.getMessage()));
            return ExitCodes.API_ERROR;
        } catch (dev.notionconsole.notion.NotionTransportException e) {
            return CallFailures.couldNotConnect(err, current[0], e);
        } catch (SecretStoreException e) {
            return CallFailures.noToken(err, current[0], e);
        }
    }

    private WorkspaceMap map(CommandLine cl, ConnectionService service, ConnectionCaller caller, Connection c, PrintWriter err)
            throws IOException, SecretStoreException, MapException {
        Mapper mapper = new Mapper(ApiCalls.as(caller, c), c.name(),
                c.temporary() ? null : TokenKind.of(c.kind()), c.notionVersion()); // NOTION_TOKEN: users/me tells
        boolean show = progress != null ? progress : stderrIsTerminal;
        MapListener listener = !show ? MapListener.NONE : new MapListener() {
            @Override
            public void onProgress(MapProgress p) {
                TerminalText.rewriteLine(err, p.describe());
            }
        };
        WorkspaceMap m = mapper.map(listener, CancellationToken.none());
        if (show) {
            TerminalText.rewriteLine(err, null);
        }
        return m;
    }

    private void emit(CommandLine cl, String text) throws IOException {
        if (outFile != null) {
            Files.writeString(outFile, text, StandardCharsets.UTF_8);
        } else {
            cl.getOut().print(text);
            cl.getOut().flush();
        }
    }

    private static ObjectNode redacted(WorkspaceMap m) {
        ObjectNode o = MapJson.write(m);
        o.withArray("nodes").forEach(n -> {
            if (!n.path("title").asText().isEmpty()) {
                ((ObjectNode) n).put("title", "[redacted]");
            }
        });
        return o;
    }

    /** The tree: two spaces per level; "*" marks a sharing root, "(unreadable …)" a placeholder. */
    static String treeText(WorkspaceMap m) {
        StringBuilder sb = new StringBuilder();
        sb.append(m.connection()).append(" · ").append(m.identity().workspaceName() == null ? "?" : m.identity().workspaceName())
                .append(" · * = ").append(m.rootPhrase()).append('\n');
        for (MapNode top : m.treeTops()) {
            tree(m, top, 0, sb);
        }
        return sb.toString();
    }

    private static void tree(WorkspaceMap m, MapNode n, int depth, StringBuilder sb) {
        java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
        stack.push(new Object[] {n, depth});
        while (!stack.isEmpty()) {
            Object[] e = stack.pop();
            MapNode x = (MapNode) e[0];
            int d = (Integer) e[1];
            sb.append("  ".repeat(d)).append(label(x)).append('\n');
            List<MapNode> kids = m.children(x.id());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(new Object[] {kids.get(i), d + 1});
            }
        }
    }

    static String label(MapNode n) {
        if (n.placeholder()) {
            return "(unreadable " + n.object().replace('_', ' ') + " " + n.id() + ")";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(n.isRoot() ? "* " : "").append(n.title().isEmpty() ? "Untitled" : n.title()).append("  [").append(n.kindLabel());
        if (n.notInSearch()) {
            sb.append(", not in search");
        }
        if (n.inTrash()) {
            sb.append(", in trash");
        }
        n.flags().stream().filter(f -> f != dev.notionconsole.explorer.NodeFlag.ROW).sorted()
                .forEach(f -> sb.append(", ").append(f.wire().replace('_', ' ')));
        return sb.append("] ").append(n.id()).toString();
    }

    static String rootsText(WorkspaceMap m) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<MapNode>> e : m.byRoot().entrySet()) {
            MapNode r = m.node(e.getKey()).orElseThrow();
            sb.append(String.format("%6d  %s  %s%n", e.getValue().size(), label(r).substring(r.isRoot() ? 2 : 0), m.whyVisible(r.id())));
        }
        return sb.toString();
    }

    static String compareText(ConnectionComparison c) {
        StringBuilder sb = new StringBuilder();
        sb.append("A: ").append(c.a().connection()).append(" · B: ").append(c.b().connection()).append('\n');
        sb.append(c.both().size()).append(" both, ").append(c.onlyA().size()).append(" only A, ").append(c.onlyB().size()).append(" only B\n");
        if (!c.onlyA().isEmpty()) {
            sb.append("\nOnly A sees, by A's sharing root:\n");
            c.onlyAByRoot().forEach((root, nodes) -> sb.append(String.format("%6d  under %s%n", nodes.size(), title(c.a(), root))));
        }
        if (!c.onlyB().isEmpty()) {
            sb.append("\nOnly B sees; add A at:\n");
            c.addAHere().forEach((at, nodes) -> sb.append(String.format("%6d  %s  %s%n", nodes.size(), title(c.b(), at), at)));
        }
        return sb.toString();
    }

    private static String title(WorkspaceMap m, String id) {
        return m.node(id).map(n -> n.title().isEmpty() ? n.id() : n.title()).orElse(id);
    }

    static ObjectNode compareJson(ConnectionComparison c) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("a", c.a().connection());
        o.put("b", c.b().connection());
        ids(o.putArray("both"), c.both());
        ids(o.putArray("only_a"), c.onlyA());
        ids(o.putArray("only_b"), c.onlyB());
        ObjectNode byRootA = o.putObject("only_a_by_root");
        c.onlyAByRoot().forEach((r, n) -> ids(byRootA.putArray(r), n));
        ObjectNode byRootB = o.putObject("only_b_by_root");
        c.onlyBByRoot().forEach((r, n) -> ids(byRootB.putArray(r), n));
        ArrayNode add = o.putArray("add_a_here");
        c.addAHere().forEach((at, nodes) -> {
            ObjectNode x = add.addObject();
            x.put("id", at);
            x.put("title", title(c.b(), at));
            x.put("objects", nodes.size());
        });
        o.put("requests", c.a().requests() + c.b().requests());
        return o;
    }

    private static void ids(ArrayNode a, List<MapNode> nodes) {
        nodes.forEach(n -> a.add(n.id()));
    }
}
