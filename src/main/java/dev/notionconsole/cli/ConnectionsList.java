package dev.notionconsole.cli;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code notion-console connections list}: one subcommand of {@link ConnectionsCommand}. */
@Command(name = "list", description = "List saved connections (no secrets).")
final class ConnectionsList extends ConnectionsSubcommand implements Callable<Integer> {
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
                    ConnectionsCommand.kindWord(c.kind()), c.workspaceLabel(), c.baseUrl(), ConnectionsCommand.checkWord(c.lastCheck()));
        }
        return ExitCodes.OK;
    }
}
