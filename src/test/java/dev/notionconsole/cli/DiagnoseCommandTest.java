package dev.notionconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.connections.SandboxServerAccess;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.model.Ids;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code diagnose} against the real sandbox: the JSON interface, exit codes, the matrix, NOTION_TOKEN. */
class DiagnoseCommandTest {
    static SandboxServer sandbox;

    @TempDir
    Path home;
    String out;
    String err;
    Map<String, String> env = new HashMap<>(Map.of("NOTION_CONSOLE_SECRETS", "session"));
    SandboxAccess access = new SandboxServerAccess(() -> sandbox);

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.builder().port(0).rateLimitOff().build());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    int run(String... args) {
        ConnectionsCommand.Environment e = new ConnectionsCommand.Environment(new AppDirs(home), env,
                () -> new ByteArrayInputStream(new byte[0]), access);
        CommandLine root = NotionConsoleCli.commandLine();
        CommandLine cl = new CommandLine(new DiagnoseCommand(e));
        cl.setExecutionExceptionHandler(root.getExecutionExceptionHandler());
        cl.setParameterExceptionHandler(root.getParameterExceptionHandler());
        cl.setExpandAtFiles(false);
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
    void jsonHasThePublicFields() throws Exception {
        assertEquals(ExitCodes.OK, run("-c", "Sandbox: Docs Sync", "--json", "GET", "/v1/pages/" + Ids.fromKey("sales")), err);
        JsonNode d = Json.mapper().readTree(out);
        assertEquals("not_shared", d.path("cause").asText(), out);
        assertEquals("confirmed", d.path("confidence").asText());
        assertFalse(d.path("summary").asText().isBlank());
        assertTrue(d.path("fix").isArray() && d.path("fix").size() > 0 && d.path("fix").get(0).isTextual());
        assertTrue(d.path("evidence").isArray() && d.path("evidence").size() > 0);
        assertEquals(Ids.fromKey("sales"), d.path("object").path("id").asText());
        assertFalse(out.contains("ntn_sandbox_"), "no token in the output");
    }

    @Test
    void capabilityInJsonAndNoWitnesses() throws Exception {
        assertEquals(ExitCodes.OK, run("-c", "Sandbox: Standup Bot", "--json", "GET", "/v1/pages/" + Ids.fromKey("standup-2026-11-16")));
        assertEquals("read_content", Json.mapper().readTree(out).path("capability").asText(), out);
        assertEquals(ExitCodes.OK, run("-c", "Sandbox: Docs Sync", "--json", "--no-witnesses", "GET", "/v1/pages/" + Ids.fromKey("sales")));
        JsonNode d = Json.mapper().readTree(out);
        assertEquals("not_found_or_not_shared", d.path("cause").asText());
        assertFalse(d.path("witnesses_enabled").asBoolean());
    }

    @Test
    void aSuccessIsStillADiagnosisAndTextIsReadable() {
        assertEquals(ExitCodes.OK, run("-c", "Sandbox: Docs Sync", "GET", "/v1/pages/" + Ids.fromKey("handbook")));
        assertTrue(out.startsWith("none, confirmed:"), out);
        assertEquals(ExitCodes.OK, run("-c", "Sandbox: Docs Sync", "POST", "/v1/data_sources/" + Ids.fromKey("roadmap") + "/query",
                "--data", "{}"));
        assertTrue(out.startsWith("wrong_id_kind"), out);
        assertTrue(out.contains("1. "), "numbered fix: " + out);
    }

    @Test
    void badUsageAndNothingReachable() {
        assertEquals(ExitCodes.USAGE, run("-c", "Sandbox: Docs Sync"));
        assertEquals(ExitCodes.USAGE, run("-c", "No such connection", "GET", "/v1/users/me"));
        assertEquals(ExitCodes.USAGE, run("-c", "Sandbox: Docs Sync", "FETCH", "/v1/users/me"));
        env.put("NOTION_TOKEN", "ntn_sandbox_docs_sync_FAKE_TOKEN_0000000000000001");
        // the environment's connection points at api.notion.com, which this machine cannot reach
        assertEquals(ExitCodes.CONNECT, run("GET", "/v1/users/me"), err);
    }

    @Test
    void theAccessMatrix() throws Exception {
        assertEquals(ExitCodes.OK, run("-c", "Sandbox: Docs Sync", "--json", "--matrix", Ids.fromKey("handbook")), err);
        JsonNode m = Json.mapper().readTree(out);
        assertEquals("Engineering Handbook", m.path("object").path("title").asText(), out);
        Map<String, JsonNode> rows = new HashMap<>();
        m.path("connections").forEach(r -> rows.put(r.path("connection").asText(), r));
        assertTrue(rows.get("Sandbox: Docs Sync").path("readable").asBoolean(), out);
        assertEquals("Engineering", rows.get("Sandbox: Docs Sync").path("root").path("title").asText(), out);
        assertEquals("not_shared", rows.get("Sandbox: Wiki Reader").path("cause").asText(), out);
        assertEquals("Engineering", rows.get("Sandbox: Wiki Reader").path("add_to").path("title").asText(), out);
        assertEquals("missing_capability", rows.get("Sandbox: Standup Bot").path("cause").asText(), out);
        assertEquals("token_invalid", rows.get("Sandbox: Retired Importer").path("cause").asText(), out);
        assertEquals("wrong_workspace", rows.get("Sandbox: Lab Assistant").path("cause").asText(), out);
        assertTrue(rows.get("Sandbox: Alice's token").path("readable").asBoolean(), out);
    }
}
