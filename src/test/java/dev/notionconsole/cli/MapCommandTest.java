package dev.notionconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.connections.SandboxServerAccess;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.model.Ids;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The map command over HTTP: the built-in sandbox's connections, a saved connection to a sandbox on a port, NOTION_TOKEN. */
class MapCommandTest {
    static final String DOCS_SYNC = "ntn_sandbox_docs_sync_FAKE_TOKEN_0000000000000001";
    static SandboxServer builtIn;
    static SandboxServer onPort;

    @TempDir
    Path home;
    String out;
    String err;
    Map<String, String> env = new HashMap<>(Map.of("NOTION_CONSOLE_SECRETS", "session"));

    @BeforeAll
    static void start() throws Exception {
        builtIn = SandboxServer.start(SandboxOptions.builder().rateLimitOff().build());
        onPort = SandboxServer.start(SandboxOptions.builder().rateLimitOff().build()); // as 'sandbox --port N' would
    }

    @AfterAll
    static void stop() {
        builtIn.close();
        onPort.close();
    }

    int run(boolean terminal, String... args) {
        SandboxAccess access = new SandboxServerAccess(() -> builtIn);
        ConnectionsCommand.Environment e = new ConnectionsCommand.Environment(new AppDirs(home), env,
                () -> new ByteArrayInputStream(new byte[0]), access);
        CommandLine root = NotionConsoleCli.commandLine();
        CommandLine cl = new CommandLine(new MapCommand(e, terminal));
        cl.setExecutionExceptionHandler(root.getExecutionExceptionHandler());
        cl.setParameterExceptionHandler(root.getParameterExceptionHandler());
        cl.setExitCodeExceptionMapper(root.getExitCodeExceptionMapper());
        StringWriter o = new StringWriter();
        StringWriter r = new StringWriter();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(r, true));
        int code = cl.execute(args);
        out = o.toString();
        err = r.toString();
        return code;
    }

    @Test
    void jsonIsOneObjectWithThePublicFieldNames() throws Exception {
        assertEquals(ExitCodes.OK, run(false, "-c", "Sandbox: Docs Sync", "--json"), err);
        JsonNode m = Json.mapper().readTree(out);
        assertEquals("Sandbox: Docs Sync", m.path("connection").asText());
        assertEquals("Acme Robotics", m.path("workspace").path("name").asText());
        assertEquals(Ids.fromKey("engineering"), m.path("roots").get(0).asText());
        assertTrue(m.path("placeholders").isArray());
        assertTrue(m.path("requests").asInt() >= 3, out);
        JsonNode handbook = null;
        for (JsonNode n : m.path("nodes")) {
            for (String f : new String[] {"id", "object", "title", "parent", "sharing_root", "in_trash", "found_by"}) {
                assertTrue(n.has(f), () -> f + " missing in " + n);
            }
            if (n.path("id").asText().equals(Ids.fromKey("handbook"))) {
                handbook = n;
            }
        }
        assertEquals("page", handbook.path("object").asText());
        assertEquals("page_id", handbook.path("parent").path("type").asText());
        assertEquals(Ids.fromKey("engineering"), handbook.path("parent").path("id").asText());
        assertEquals(Ids.fromKey("engineering"), handbook.path("sharing_root").asText());
        assertEquals("search", handbook.path("found_by").asText());
        assertFalse(err.contains("\r"), "no progress when standard error is not a terminal: " + err);
        assertFalse(out.contains(DOCS_SYNC) || err.contains(DOCS_SYNC));
    }

    @Test
    void aSavedConnectionToASandboxOnAPortMapsWithProgressOnATerminal() throws Exception {
        ConnectionService setup = ConnectionServices.open(new AppDirs(home), env, SandboxAccess.NONE, Runnable::run);
        setup.optInToSecretsFile();
        setup.add(Connection.builder(ConnectionKind.INTERNAL).name("Port Sandbox").baseUrl(onPort.baseUrl()).build(),
                Secret.of(DOCS_SYNC), null);
        Path file = home.resolve("map.csv");
        assertEquals(ExitCodes.OK, run(true, "-c", "Port Sandbox", "--csv", "--out", file.toString(), "--save"), err);
        String csv = Files.readString(file);
        assertTrue(csv.startsWith("connection,token_kind,workspace_id,id,object,title,parent_type,parent_id,path,sharing_root_id,"
                + "discovered_via,in_trash,public_url,last_edited_time,url\r\n"), csv);
        assertTrue(csv.contains("Engineering / Engineering Handbook"), "paths of titles");
        assertTrue(err.contains("\r") && err.contains("requests"), "progress on a terminal: " + err);
        assertTrue(err.contains("Saved the map as "), err);
        assertTrue(Files.list(home.resolve("explorer-snapshots")).count() == 1);
    }

    @Test
    void rootsOnlyAndTheTree() {
        assertEquals(ExitCodes.OK, run(false, "-c", "Sandbox: Alice's token", "--roots"), err);
        assertTrue(out.contains("Alice Okafor's access starts here"), out);
        assertEquals(ExitCodes.OK, run(false, "-c", "Sandbox: Docs Sync"));
        assertTrue(out.lines().anyMatch(l -> l.startsWith("* Engineering  [page]")), out);
        assertTrue(out.contains("\n    Old On-call Rotation  [page]"), "the page under a toggle, two levels in: " + out);
    }

    @Test
    void compareSaysWhereToAddTheBot() throws Exception {
        assertEquals(ExitCodes.OK, run(false, "--compare", "Sandbox: Docs Sync", "Sandbox: Alice's token", "--json"), err);
        JsonNode c = Json.mapper().readTree(out);
        assertEquals(0, c.path("only_a").size());
        assertTrue(c.path("only_b").size() > 0);
        boolean sales = false;
        for (JsonNode a : c.path("add_a_here")) {
            sales |= a.path("id").asText().equals(Ids.fromKey("sales"));
        }
        assertTrue(sales, out);
    }

    @Test
    void failuresKeepTheProjectsExitCodes() {
        assertEquals(ExitCodes.API_ERROR, run(false, "-c", "Sandbox: Retired Importer"));
        assertTrue(err.contains("401"), err);
        assertEquals(ExitCodes.USAGE, run(false, "-c", "No Such Connection"));
        assertEquals(ExitCodes.USAGE, run(false, "-c", "Sandbox: Docs Sync", "--json", "--csv"));
        assertEquals(ExitCodes.API_ERROR, run(false, "-c", "Sandbox: Standup Bot"), "search is refused (no read content): " + err);
        assertTrue(err.contains("403"), err);
    }

    @Test
    void notionTokenIsATemporaryConnection() {
        env.put("NOTION_TOKEN", "ntn_temporary_FAKE_TOKEN_for_a_test_00000000000");
        // it is the current connection and talks to api.notion.com: unreachable here (3), or a 401 for the fake token (1)
        int code = run(false, "--json");
        assertTrue(code == ExitCodes.CONNECT || code == ExitCodes.API_ERROR, "exit " + code + ": " + err);
        assertTrue(err.contains("NOTION_TOKEN (environment)"), err);
        assertFalse(err.contains("ntn_temporary_FAKE_TOKEN_for_a_test_00000000000"), err);
    }
}
