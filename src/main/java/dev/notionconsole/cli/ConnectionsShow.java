package dev.notionconsole.cli;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.IdentityCheck;
import dev.notionconsole.connections.Installation;
import dev.notionconsole.connections.LearnedCapability;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.notion.Capability;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code notion-console connections show}: one subcommand of {@link ConnectionsCommand}. */
@Command(name = "show", description = "Show one connection; secrets are masked.")
final class ConnectionsShow extends ConnectionsSubcommand implements Callable<Integer> {
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
                : ConnectionsCommand.checkWord(check) + ": " + check.summary());
        for (LearnedCapability cap : c.capabilities()) {
            row(out, "Capability", cap.capability().label() + ": " + (cap.present() ? "seen working" : "seems missing")
                    + (cap.observedAt() != null ? " (" + ConnectionsCommand.WHEN.format(cap.observedAt()) + ")" : "") + ", " + cap.evidence());
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
