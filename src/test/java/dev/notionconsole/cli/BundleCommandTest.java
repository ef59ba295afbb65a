package dev.notionconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.testsupport.FixtureIds;
import dev.notionconsole.wiring.SandboxServerAccess;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bundle create/show/replay/import-har} through the command line, against the real sandbox. */
class BundleCommandTest {
    static SandboxServer sandbox;
    static final String WIKI = "Sandbox: Wiki Reader";

    @TempDir
    Path home;
    String out;
    String err;
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
        try (CliContext e = new CliContext(new AppDirs(home), Map.of("NOTION_CONSOLE_SECRETS", "session"),
                () -> new ByteArrayInputStream(new byte[0]), access)) {
            CommandLine cl = NotionConsoleCli.commandLine(e);
            StringWriter o = new StringWriter();
            StringWriter r = new StringWriter();
            cl.setOut(new PrintWriter(o, true));
            cl.setErr(new PrintWriter(r, true));
            int code = cl.execute(args);
            out = o.toString();
            err = r.toString();
            return code;
        }
    }

    void wikiReaderTraffic() {
        run("request", "-c", WIKI, "GET", "/v1/pages/" + Ids.fromKey("wiki-welcome"));
        run("request", "-c", WIKI, "GET", "/v1/pages/" + Ids.fromKey("sales"));
        run("request", "-c", WIKI, "POST", "/v1/comments", "--data", "{\"parent\": {\"page_id\": \"" + Ids.fromKey("wiki-welcome")
                + "\"}, \"rich_text\": [{\"text\": {\"content\": \"Current?\"}}]}");
        run("request", "-c", WIKI, "GET", "/v1/pages/not-an-id");
    }

    @Test
    void createShowReplay() throws Exception {
        wikiReaderTraffic();
        Path file = home.resolve("wiki.ncbundle");
        assertEquals(ExitCodes.OK, run("bundle", "create", "-c", WIKI, "--history", "4", "--with-map", "--out", file.toString()), err);
        assertTrue(err.contains("4 call(s), 3 diagnosis(es), a map of"), err);
        String bytes = Files.readString(file);
        assertFalse(bytes.contains(FixtureIds.WIKI_READER) || bytes.contains("Welcome to Acme") || bytes.contains("Sales\""), "redacted");

        assertEquals(ExitCodes.OK, run("bundle", "show", file.toString()), err);
        assertTrue(out.contains("Connection: Sandbox: Wiki Reader (internal)"), out);
        assertTrue(out.contains("404 object_not_found") && out.contains("→ not_shared"), out);
        assertTrue(out.contains("403 restricted_resource") && out.contains("→ missing_capability"), out);
        assertTrue(out.contains("Map: ") && out.contains("1 sharing root"), out);

        assertEquals(ExitCodes.OK, run("bundle", "replay", file.toString(), "--json"), err);
        JsonNode results = Json.mapper().readTree(out);
        assertEquals(4, results.size());
        results.forEach(r -> assertTrue(r.path("same").asBoolean(), r.toString()));
        assertEquals(403, results.get(2).path("replayed_status").asInt());
        assertEquals("restricted_resource", results.get(2).path("replayed_code").asText());

        assertEquals(ExitCodes.OK, run("bundle", "replay", file.toString()), err);
        assertTrue(out.lines().anyMatch(l -> l.matches("2 +404 object_not_found +404 object_not_found +yes +GET /v1/pages/.*")), out);
    }

    @Test
    void diagnoseOneCallAndPreviewIt() throws Exception {
        assertEquals(ExitCodes.OK, run("bundle", "create", "-c", "Sandbox: Docs Sync", "--diagnose", "GET", "/v1/pages/" + Ids.fromKey("sales"),
                "--preview"), err);
        JsonNode b = Json.mapper().readTree(out);
        assertEquals(1, b.path("log").path("entries").size());
        assertEquals("not_shared", b.path("diagnoses").get(0).path("diagnosis").path("cause").asText(), out);
        assertFalse(out.contains(FixtureIds.DOCS_SYNC) || out.contains("ntn_…"), "no token, not even masked");
        assertEquals(ExitCodes.OK, run("bundle", "create", "-c", "Sandbox: Docs Sync", "--diagnose", "GET", "/v1/users", "--preview", "--no-pseudonyms"));
        assertTrue(out.contains("alice@acme.example"), "--no-pseudonyms keeps emails");
    }

    @Test
    void badUsage() {
        assertEquals(ExitCodes.USAGE, run("bundle", "create", "-c", WIKI, "--out", "x.ncbundle"));
        assertEquals(ExitCodes.USAGE, run("bundle", "create", "-c", WIKI, "--history", "2"));
        assertEquals(ExitCodes.USAGE, run("bundle", "create", "-c", WIKI, "--history", "2", "--out", "x.ncbundle"), "no history yet");
        assertEquals(ExitCodes.USAGE, run("bundle", "show", home.resolve("missing.ncbundle").toString()));
    }

    @Test
    void importHarAddsApiCallsToHistoryWithoutCredentials() throws Exception {
        Path har = home.resolve("browser.har");
        Files.writeString(har, """
                {"log": {"version": "1.2", "entries": [
                  {"startedDateTime": "2026-12-01T10:00:00.000Z", "time": 80,
                   "request": {"method": "GET", "url": "https://api.notion.com/v1/pages/%s?filter_properties=title",
                     "headers": [{"name": "Authorization", "value": "Bearer %s"}, {"name": "Notion-Version", "value": "2025-09-03"}]},
                   "response": {"status": 404, "headers": [], "content": {"text": "{\\"object\\":\\"error\\",\\"status\\":404,\\"code\\":\\"object_not_found\\",\\"message\\":\\"Could not find page\\"}"}}},
                  {"startedDateTime": "2026-12-01T10:00:01.000Z", "time": 5,
                   "request": {"method": "GET", "url": "https://www.notion.so/app.js", "headers": []},
                   "response": {"status": 200, "headers": [], "content": {"text": ""}}}
                ]}}
                """.formatted(Ids.fromKey("sales"), FixtureIds.DOCS_SYNC));
        assertEquals(ExitCodes.OK, run("bundle", "import-har", har.toString()), err);
        assertTrue(out.contains("Imported 1 call(s)") && out.contains("skipped 1"), out);
        HistoryStore history = HistoryStore.open(new AppDirs(home).config());
        assertEquals(1, history.size());
        var e = history.entries().get(0);
        assertEquals("object_not_found", e.errorCode());
        assertEquals("2025-09-03", e.version());
        assertEquals("filter_properties", e.request().query().get(0).name());
        assertFalse(Files.readString(history.file()).contains(FixtureIds.DOCS_SYNC.substring(4, 30)), "no token in history");
        assertTrue(e.sentHeaders().stream().noneMatch(h -> h.name().equalsIgnoreCase("authorization")));
    }
}
