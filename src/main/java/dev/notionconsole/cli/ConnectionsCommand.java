package dev.notionconsole.cli;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.IdentityCheck;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.Secret;
import dev.notionconsole.secrets.SecretStorage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code notion-console connections ...}: saved connections from the command line (issue 4). Secrets come from
 * standard input or an environment variable, never from arguments (argv is visible to other processes and kept
 * in shell history); nothing here prints a secret unmasked.
 */
@Command(name = "connections", mixinStandardHelpOptions = true,
        description = "List, inspect, test, add and remove saved connections.",
        subcommands = {ConnectionsList.class, ConnectionsShow.class, ConnectionsTest.class, ConnectionsAdd.class,
                ConnectionsRemove.class, ConnectionsUse.class, ConnectionsSetToken.class, ConnectionsExport.class,
                ConnectionsImport.class, ConnectionsStorage.class},
        // one footer line each, shorter than the 80-column usage width: picocli re-wraps longer ones mid-sentence
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:the API said no (401, kind mismatch)", "2:bad usage", "3:could not connect"},
        footer = {"", "Secrets are read from an environment variable (--token-env VAR) or from",
                "standard input (--token-stdin), never from arguments."})
public final class ConnectionsCommand extends CommandGroup {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private boolean storageNoted;

    public ConnectionsCommand(CliContext context) {
        super(context);
    }

    /** The connection service, with where secrets are kept said once (these commands are about connections). */
    ConnectionService service() {
        ConnectionService service = environment().connections(spec.commandLine());
        if (!storageNoted) {
            storageNoted = true;
            PrintWriter err = spec.commandLine().getErr();
            service.secretStorage().notices().forEach(n -> err.println("note: " + Redactor.redact(n)));
        }
        return service;
    }

    Connection resolve(String idOrName) {
        return environment().connection(idOrName, spec.commandLine());
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
}
