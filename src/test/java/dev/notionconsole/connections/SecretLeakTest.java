package dev.notionconsole.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.notionconsole.cli.CliContext;
import dev.notionconsole.cli.ConnectionsCommand;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.secrets.SecretStorage;
import dev.notionconsole.wiring.SandboxServerAccess;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 4: no secret ever reaches the connections file, the logs, history or an export. Everything a user can
 * do with secrets is done (add, test against the real sandbox, OAuth installation and rotation, duplicate,
 * export, the command line's list/show/test/export), then every file under the config folder (whatever the
 * features wrote there, history included), the test log and every command output are scanned for the values.
 * The one exception is the opt-in secrets file, which must be mode 0600.
 */
class SecretLeakTest {
    @TempDir
    Path home;

    static Secret fresh(String prefix) {
        return Secret.of(prefix + UUID.randomUUID().toString().replace("-", ""));
    }

    @Test
    void noSecretReachesAnyFileLogOrOutput() throws Exception {
        Secret internal = fresh("ntn_leakcheck_internal_");
        Secret pat = fresh("ntn_leakcheck_pat_");
        Secret clientSecret = fresh("secret_leakcheck_client_");
        Secret access = fresh("ntn_leakcheck_access_");
        Secret refresh = fresh("nrt_leakcheck_refresh_");
        Secret rotatedAccess = fresh("ntn_leakcheck_rotated_");
        Secret rotatedRefresh = fresh("nrt_leakcheck_rotated_");
        Secret envToken = fresh("ntn_leakcheck_env_");
        List<Secret> secrets = List.of(internal, pat, clientSecret, access, refresh, rotatedAccess, rotatedRefresh, envToken);
        List<String> outputs = new ArrayList<>();

        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().port(0).build())) {
            SandboxAccess access0 = new SandboxServerAccess(() -> sandbox);
            ConnectionStore store = new ConnectionStore(home.resolve(ConnectionStore.FILE_NAME));
            SecretStorage storage = SecretStorage.sessionOnly(home.resolve("secrets.json"), false);
            ConnectionService service = ConnectionServices.open(store, store.load(), storage,
                    Map.of(ConnectionService.TOKEN_ENV, envToken.reveal()), access0, Runnable::run, Clock.systemUTC());

            Connection a = service.add(Connection.builder(ConnectionKind.INTERNAL).name("Leak internal").baseUrl("sandbox").build(), internal, null);
            Connection p = service.add(Connection.builder(ConnectionKind.PERSONAL_ACCESS_TOKEN).name("Leak PAT").baseUrl("sandbox").build(), pat, null);
            Connection o = service.add(Connection.builder(ConnectionKind.PUBLIC_OAUTH).name("Leak app").baseUrl("sandbox")
                    .clientId("cid").redirectUri("http://localhost:53682/callback").build(), null, clientSecret);
            service.putInstallation(o.id(), new Installation("bot-leak", "ws", "WS", null, null, null, null, null), access, refresh);
            service.updateInstallationTokens(o.id(), "bot-leak", rotatedAccess, rotatedRefresh);
            service.optInToSecretsFile();
            for (Connection c : service.list()) {
                IdentityCheck check = service.testConnection(c, CancellationToken.none());
                outputs.add(check.summary());
            }
            // a failing call puts the URL and whatever the server said into messages: still no token
            Connection down = service.add(Connection.builder(ConnectionKind.INTERNAL).name("Leak down")
                    .baseUrl("http://127.0.0.1:9").build(), internal, null);
            outputs.add(service.testConnection(down, CancellationToken.none()).summary());
            service.duplicate(a.id());
            service.duplicate(p.id());
            Files.write(home.resolve("export.json"), ConnectionTransfer.export(service.list(), Instant.now()));

            CliContext env = new CliContext(new AppDirs(home),
                    Map.of("NOTION_CONSOLE_SECRETS", "session", ConnectionService.TOKEN_ENV, envToken.reveal()),
                    () -> new ByteArrayInputStream(new byte[0]), access0);
            for (String[] args : new String[][] {{"list"}, {"list", "--json"}, {"show", "Leak internal"},
                    {"show", "Leak app"}, {"show", "Leak app", "--json"}, {"show", "NOTION_TOKEN (environment)"},
                    {"test", "Leak PAT"}, {"export"}, {"storage"}}) {
                CommandLine cl = new CommandLine(new ConnectionsCommand(env));
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                cl.setOut(new PrintWriter(out, true));
                cl.setErr(new PrintWriter(err, true));
                cl.execute(args);
                outputs.add(out + "\n" + err);
            }
            // the request feature's command: its history goes to the same config folder, scanned below
            for (String[] args : new String[][] {{"GET", "/v1/users/me", "-c", "Leak internal"},
                    {"GET", "/v1/users/me", "-c", "Leak app"}, {"POST", "/v1/search", "-c", "Leak PAT", "-d", "{}"},
                    {"GET", "/v1/users/me"}}) {
                CommandLine cl = new CommandLine(new dev.notionconsole.cli.RequestCommand(env));
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                cl.setOut(new PrintWriter(out, true));
                cl.setErr(new PrintWriter(err, true));
                cl.execute(args);
                outputs.add(out + "\n" + err);
            }
        }

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("secrets.json"))),
                "the one file allowed to hold secrets is the opt-in file, readable only by its owner");
        int scanned = 0;
        try (var files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.getFileName().toString().equals("secrets.json")) {
                    continue;
                }
                scan(f.toString(), Files.readString(f, StandardCharsets.ISO_8859_1), secrets);
                scanned++;
            }
        }
        assertTrue(scanned >= 3, "the connections file, the export and the history were scanned");
        try (var files = Files.walk(home)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("history")), "history was written");
        }
        Path log = Path.of("target/test-logs/tests.log");
        assertTrue(Files.exists(log), "the test log exists");
        scan("the log", Files.readString(log, StandardCharsets.ISO_8859_1), secrets);
        for (String output : outputs) {
            scan("output", output, secrets);
        }
    }

    private static void scan(String where, String text, List<Secret> secrets) {
        for (Secret s : secrets) {
            if (text.contains(s.reveal())) {
                fail("A secret (" + s.masked() + ") leaked into " + where);
            }
        }
    }
}
