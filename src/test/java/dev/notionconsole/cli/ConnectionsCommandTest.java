package dev.notionconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.core.AppDirs;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConnectionsCommandTest {
    static final String TOKEN = "ntn_clitest_internal_token_000000000000001";
    static final String TOKEN_2 = "ntn_clitest_internal_token_000000000000002";

    @TempDir
    Path home;
    final Map<String, String> env = new HashMap<>(Map.of("NOTION_CONSOLE_SECRETS", "session", "ACME_TOKEN", TOKEN));
    String stdin = "";
    String out;
    String err;
    HttpServer server;
    String baseUrl;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/users/me", ex -> {
            boolean ok = ("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (ok ? "{\"object\":\"user\",\"id\":\"b1\",\"type\":\"bot\",\"name\":\"Acme Bot\",\"bot\":{\"owner\":"
                    + "{\"type\":\"workspace\",\"workspace\":true},\"workspace_id\":\"ws-1\",\"workspace_name\":\"Acme Corp\"}}"
                    : "{\"object\":\"error\",\"status\":401,\"code\":\"unauthorized\",\"message\":\"API token is invalid.\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(ok ? 200 : 401, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    int run(String... args) {
        CliContext e = new CliContext(new AppDirs(home), env,
                () -> new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), SandboxAccess.NONE);
        CommandLine cl = new CommandLine(new ConnectionsCommand(e));
        StringWriter o = new StringWriter();
        StringWriter r = new StringWriter();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(r, true));
        int code = cl.execute(args);
        out = o.toString();
        err = r.toString();
        return code;
    }

    String everythingOnDisk() throws Exception {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.walk(home)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("secrets.json")).toList()) {
                sb.append(Files.readString(p));
            }
        }
        return sb.toString();
    }

    @Test
    void withoutKeychainAddRefusesToPretendTheTokenIsKept() throws Exception {
        int code = run("add", "--name", "Acme", "--kind", "internal", "--token-env", "ACME_TOKEN");
        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.contains("No system keychain") && err.contains("connections storage --use-file"), err);
        assertFalse(Files.exists(home.resolve("connections.json")) && Files.readString(home.resolve("connections.json")).contains("Acme"));
    }

    @Test
    void addListShowTestRemoveWithTheOptInFile() throws Exception {
        assertEquals(0, run("storage", "--use-file"));
        assertTrue(err.contains("warning:") && err.contains("0600"), err);
        assertTrue(out.contains("File readable only by you"), out);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("secrets.json"))));

        assertEquals(0, run("add", "--name", "Acme", "--kind", "internal", "--base-url", baseUrl, "--token-env", "ACME_TOKEN", "--use"));
        assertTrue(out.contains("Added \"Acme\""), out);

        stdin = TOKEN_2 + "\n";
        assertEquals(0, run("add", "--name", "Other", "--kind", "pat", "--base-url", baseUrl, "--token-stdin", "--rate-plan", "600"));

        assertEquals(0, run("list"));
        assertTrue(out.lines().anyMatch(l -> l.startsWith("* Acme") && l.contains("internal")), out);
        assertFalse(out.contains(TOKEN) || out.contains(TOKEN_2), out);

        assertEquals(0, run("show", "acme"));
        assertTrue(out.contains("ntn_…0001"), "masked: " + out);
        assertFalse(out.contains(TOKEN), out);
        assertEquals(0, run("show", "Other", "--json"));
        assertFalse(out.contains(TOKEN_2), out);
        assertTrue(out.contains("\"ratePlan\" : \"BUSINESS\""), out);

        assertEquals(ExitCodes.OK, run("test", "Acme"));
        assertTrue(out.contains("ok") && out.contains("Acme Corp"), out);
        assertEquals(ExitCodes.API_ERROR, run("test", "Other"));
        assertTrue(out.contains("unauthorized") && out.contains("invalid, revoked or expired"), out);
        assertEquals(0, run("list"));
        assertTrue(out.contains("Acme Corp") && out.contains("unauthorized"), out);

        assertEquals(ExitCodes.USAGE, run("remove", "Other"), "no console: --yes is required");
        assertEquals(0, run("remove", "Other", "--yes"));
        assertEquals(0, run("list"));
        assertFalse(out.contains("Other"), out);
        assertFalse(Files.readString(home.resolve("secrets.json")).contains(TOKEN_2), "its secret is gone too");

        String disk = everythingOnDisk();
        assertFalse(disk.contains(TOKEN) || disk.contains(TOKEN_2), "only secrets.json may hold a token");
    }

    @Test
    void unreachableIsExitCode3() throws Exception {
        run("storage", "--use-file");
        assertEquals(0, run("add", "--name", "Down", "--kind", "internal", "--base-url", "http://127.0.0.1:9", "--token-env", "ACME_TOKEN"));
        assertEquals(ExitCodes.CONNECT, run("test", "Down"));
        assertTrue(out.contains("Could not connect to http://127.0.0.1:9"), out);
    }

    @Test
    void badUsageIsExitCode2() {
        assertEquals(ExitCodes.USAGE, run("add", "--name", "X", "--kind", "robot", "--token-env", "ACME_TOKEN"));
        assertTrue(err.contains("use internal, public or pat"), err);
        assertEquals(ExitCodes.USAGE, run("show", "nope"));
        assertEquals(ExitCodes.USAGE, run("add", "--name", "X", "--kind", "internal", "--token-env", "UNSET_VAR"));
        assertTrue(err.contains("UNSET_VAR is not set"), err);
        assertEquals(ExitCodes.USAGE, run("add", "--name", "X", "--kind", "internal", "--token-env", "A", "--token-stdin"));
    }

    @Test
    void exportHasNoSecretsAndImportTakesThemFromTheEnvironment() throws Exception {
        run("storage", "--use-file");
        run("add", "--name", "Acme", "--kind", "internal", "--base-url", baseUrl, "--token-env", "ACME_TOKEN");
        Path export = home.resolve("team.json");
        assertEquals(0, run("export", "--output", export.toString()));
        assertFalse(Files.readString(export).contains(TOKEN));

        env.put("NEW_TOKEN", TOKEN);
        assertEquals(0, run("import", export.toString(), "--secret-env", "Acme=NEW_TOKEN"));
        assertTrue(out.contains("Not imported, Acme: already here"), out);

        assertEquals(0, run("remove", "Acme", "--yes"));
        assertEquals(ExitCodes.USAGE, run("import", export.toString()));
        assertTrue(err.contains("--secret-env") && err.contains("for: Acme (token)"), err);

        assertEquals(0, run("import", export.toString(), "--secret-env", "Acme=NEW_TOKEN"));
        assertTrue(out.contains("Imported \"Acme\""), out);
        assertEquals(ExitCodes.OK, run("test", "Acme"));
    }

    @Test
    void notionTokenShowsAsATemporaryConnection() {
        env.put("NOTION_TOKEN", TOKEN);
        assertEquals(0, run("list"));
        assertTrue(out.contains("NOTION_TOKEN (environment) (not saved)"), out);
        assertFalse(out.contains(TOKEN));
    }

    @Test
    void theRealRootRegistersTheCommandAndNeverEchoesATokenGivenAsArgument() {
        CommandLine cl = NotionConsoleCli.commandLine();
        StringWriter r = new StringWriter();
        cl.setErr(new PrintWriter(r, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute("connections", "add", "--name", "X", "--kind", "internal", "--token", TOKEN);
        assertEquals(ExitCodes.USAGE, code);
        assertFalse(r.toString().contains(TOKEN), r.toString());
    }
}
