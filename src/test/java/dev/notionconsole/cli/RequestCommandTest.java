package dev.notionconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.sandbox.SandboxConnection;
import dev.notionconsole.testsupport.SandboxConnections;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The request command against the real in-process sandbox over HTTP. */
class RequestCommandTest {
    @RegisterExtension
    static final SandboxConnections sandbox = SandboxConnections.rateLimitOff();
    final SandboxConnection docsSync = sandbox.fixtureConnection("Docs Sync");

    @TempDir
    Path home;
    String out;
    String err;
    String stdin = "";
    SandboxAccess access = sandbox.access();

    int run(String... args) {
        ConnectionsCommand.Environment e = new ConnectionsCommand.Environment(new AppDirs(home),
                Map.of("NOTION_CONSOLE_SECRETS", "session"), () -> new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), access);
        CommandLine cl = NotionConsoleCli.commandLine();
        cl.getSubcommands().get("request").getCommandSpec(); // registered in the root
        CommandLine request = new CommandLine(new RequestCommand(e));
        request.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
        request.setParameterExceptionHandler(cl.getParameterExceptionHandler());
        request.setExitCodeExceptionMapper(cl.getExitCodeExceptionMapper());
        request.setExpandAtFiles(cl.isExpandAtFiles());
        StringWriter o = new StringWriter();
        StringWriter r = new StringWriter();
        request.setOut(new PrintWriter(o, true));
        request.setErr(new PrintWriter(r, true));
        int code = request.execute(args);
        out = o.toString();
        err = r.toString();
        return code;
    }

    @Test
    void prettyIndentsTheBodyAndRawKeepsItAsReceived() throws IOException {
        assertEquals(ExitCodes.OK, run("--connection", "Sandbox: Docs Sync", "--raw", "GET", "/v1/users/me"));
        String raw = out.strip();
        assertEquals(1, raw.lines().count(), "raw: the body as received, one line");
        assertEquals(ExitCodes.OK, run("--connection", "Sandbox: Docs Sync", "--pretty", "GET", "/v1/users/me"));
        assertTrue(out.lines().count() > 3, out);
        assertTrue(out.contains("\n  \"object\" : \"user\""), out);
        assertEquals(Json.mapper().readTree(raw), Json.mapper().readTree(out), "the same JSON, indented");
        assertEquals(ExitCodes.USAGE, run("--pretty", "--raw", "GET", "/v1/users/me"));
        assertTrue(err.contains("--pretty and --raw"), err);
    }

    @Test
    void bodyToStdoutStatusLineToStderr() throws IOException {
        assertEquals(ExitCodes.OK, run("--connection", "Sandbox: Docs Sync", "GET", "/v1/users/me"));
        JsonNode me = Json.mapper().readTree(out);
        assertEquals("bot", me.path("type").asText());
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("200 OK · GET /v1/users/me · Sandbox: Docs Sync · "), err);
        assertTrue(err.contains("request id "), err);
        assertFalse(out.contains(docsSync.token()) || err.contains(docsSync.token()));
        assertEquals(1, HistoryStore.open(home).size(), "recorded in the history");
    }

    @Test
    void anApiErrorExitsOneWithCodeAndMeaning() {
        assertEquals(ExitCodes.API_ERROR, run("-c", "Sandbox: Docs Sync", "GET", "/v1/pages/0c5f5fb3-1f66-4bc2-a8a9-cf1c54e3e9a1"));
        assertTrue(err.startsWith("404 object_not_found: Could not find page"), err);
        assertTrue(err.contains(" — "), "the code's meaning follows: " + err);
        assertTrue(out.contains("\"object_not_found\""), out);
    }

    @Test
    void invalidJsonIsRefusedWithLineAndColumnUnlessForced() {
        assertEquals(ExitCodes.USAGE, run("-c", "Sandbox: Docs Sync", "POST", "/v1/search", "--data", "{\n \"query\": 'x'}"));
        assertTrue(err.contains("Line 2, column 11"), err);
        assertEquals(ExitCodes.API_ERROR, run("-c", "Sandbox: Docs Sync", "POST", "/v1/search", "--data", "{\"query\": 'x'}", "--force"));
        assertTrue(err.lines().reduce((a, b) -> b).orElse("").startsWith("400 invalid_json"), err);
    }

    @Test
    void allPagesCombinesEveryPageAndDataComesFromAFile() throws IOException {
        Path body = home.resolve("search.json");
        Files.writeString(body, "{\"page_size\": 2}");
        assertEquals(ExitCodes.OK, run("-c", "Sandbox: Docs Sync", "POST", "/v1/search", "--data", "@" + body, "--all-pages"));
        JsonNode all = Json.mapper().readTree(out);
        assertTrue(all.path("results").size() > 2, out);
        assertTrue(err.contains("results in ") && err.contains(" pages"), err);
        assertFalse(err.contains("in 1 pages"), err);
    }

    @Test
    void versionWarningsAndUsageErrors() {
        assertEquals(ExitCodes.API_ERROR, run("-c", "Sandbox: Docs Sync", "--version", "2022-06-28", "GET", "/v1/data_sources/0c5f5fb3-1f66-4bc2-a8a9-cf1c54e3e9a1"));
        assertTrue(err.contains("warning: Data source routes exist from Notion-Version 2025-09-03"), err);
        assertTrue(err.contains("400 invalid_request_url"), err);
        assertEquals(ExitCodes.USAGE, run("-c", "Nobody", "GET", "/v1/users/me"));
        assertEquals(ExitCodes.USAGE, run("-c", "Sandbox: Docs Sync", "PUT", "/v1/users/me"));
        assertEquals(ExitCodes.USAGE, run("-c", "Sandbox: Docs Sync", "-H", "Authorization: Bearer x", "GET", "/v1/users/me"));
        assertTrue(err.contains("argv"), err);
    }

    @Test
    void formFieldsAreCheckedBeforeAnythingIsSent() {
        String send = "/v1/file_uploads/6c1b5c6e-0000-4000-8000-000000000001/send";
        assertEquals(ExitCodes.USAGE, run("-c", "Sandbox: Docs Sync", "POST", send, "--form", "file"));
        assertTrue(err.contains("name=value or name=@file"), err);
        assertEquals(ExitCodes.USAGE, run("-c", "Sandbox: Docs Sync", "POST", send, "--form", "part_number=1", "--data", "{}"));
        assertTrue(err.contains("cannot be combined"), err);
        Path missing = home.resolve("no-such-scan.pdf");
        assertEquals(ExitCodes.USAGE, run("-c", "Sandbox: Docs Sync", "--no-history", "POST", send, "--form", "file=@" + missing));
        assertTrue(err.contains("does not exist") && err.contains("no-such-scan.pdf"), err);
    }

    @Test
    void aFileIsUploadedToTheSandboxWithForm() throws IOException {
        assertEquals(ExitCodes.OK, run("-c", "Sandbox: Docs Sync", "POST", "/v1/file_uploads", "--data", "{\"filename\":\"notes.md\"}"));
        String id = Json.mapper().readTree(out).path("id").asText();
        Path file = Files.writeString(home.resolve("notes.md"), "# Notes\nfrom the command line\n");
        assertEquals(ExitCodes.OK, run("-c", "Sandbox: Docs Sync", "POST", "/v1/file_uploads/" + id + "/send", "--form", "file=@" + file), err);
        JsonNode sent = Json.mapper().readTree(out);
        assertEquals("uploaded", sent.path("status").asText(), out);
        assertEquals(Files.size(file), sent.path("content_length").asLong());
        assertTrue(err.startsWith("200 OK · POST /v1/file_uploads/" + id + "/send"), err);
        // history keeps the field as typed, never the file's bytes
        var last = HistoryStore.open(home).entries().get(0);
        assertEquals(List.of(new dev.notionconsole.request.NameValue("file", "@" + file)), last.request().form());
        assertFalse(last.sentHeaders().toString().contains("from the command line"));
    }

    @Test
    void unreachableExitsThree() {
        access = new SandboxAccess() {
            @Override
            public String baseUrl() {
                return "http://127.0.0.1:1";
            }

            @Override
            public List<FixtureConnection> fixtureConnections() throws IOException {
                return sandbox.access().fixtureConnections();
            }
        };
        assertEquals(ExitCodes.CONNECT, run("-c", "Sandbox: Docs Sync", "GET", "/v1/users/me"));
        assertTrue(err.startsWith("Could not connect"), err);
    }

    /**
     * Issue 12 item 9: a body past the JSON reader's 20,000,000-character limit names Notion's size limit (not the
     * reader's message); forced, the sandbox's 413 is shown and the exit code is 1, not a timeout.
     */
    @Test
    void aHugeBodyNamesNotionsLimitAndForcedGetsThe413() throws IOException {
        Path body = home.resolve("huge.json");
        Files.writeString(body, "{\"query\": \"" + "x".repeat(21_000_000) + "\"}");

        assertEquals(ExitCodes.USAGE, run("-c", "Sandbox: Docs Sync", "POST", "/v1/search", "--data", "@" + body, "--no-history"));
        assertTrue(err.contains("The body is 21 MB; Notion accepts at most 500 KB per request"), err);
        assertFalse(err.contains("StreamReadConstraints") || err.contains("invalid_json"), err);

        assertEquals(ExitCodes.API_ERROR, run("-c", "Sandbox: Docs Sync", "POST", "/v1/search", "--data", "@" + body, "--force",
                "--no-history"), () -> err);
        assertTrue(err.lines().reduce((a, b) -> b).orElse("").startsWith("413"), err);
    }

    /** Issue 12 item 14: a full URL with another host is sent to the connection, and the console says so. */
    @Test
    void aFullUrlWithAnotherHostSaysTheHostIsIgnored() {
        assertEquals(ExitCodes.OK, run("-c", "Sandbox: Docs Sync", "GET", "https://evil.example/v1/users/me", "--no-history"));
        assertTrue(err.contains("note: the host in the URL (evil.example) is ignored: \"Sandbox: Docs Sync\" sends to the sandbox"), err);
        assertTrue(err.contains("200 OK · GET /v1/users/me"), err);
    }
}
