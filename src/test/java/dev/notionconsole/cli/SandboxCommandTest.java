package dev.notionconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code notion-console sandbox}: in-process on a thread and as a real subprocess, over real HTTP. */
class SandboxCommandTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private static HttpResponse<String> call(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Notion-Version", "2026-03-11");
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode connection(JsonNode info, String name) {
        for (JsonNode c : info.path("connections")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no connection " + name + " in " + info);
    }

    private static String createPage(String base, String token, String parentId, String title) throws Exception {
        HttpResponse<String> r = call("POST", base + "/v1/pages", token, "{\"parent\":{\"page_id\":\"" + parentId
                + "\"},\"properties\":{\"title\":{\"title\":[{\"text\":{\"content\":\"" + title + "\"}}]}}}");
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body()).path("id").asText();
    }

    private static String firstPageId(String base, String token) throws Exception {
        HttpResponse<String> r = call("POST", base + "/v1/search", token,
                "{\"filter\":{\"property\":\"object\",\"value\":\"page\"},\"page_size\":10}");
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body()).path("results").path(0).path("id").asText();
    }

    @Test
    void inProcessJsonLineThenServesUntilInterruptedAndSavesState() throws Exception {
        Path state = dir.resolve("state.json");
        PipedWriter pipe = new PipedWriter();
        BufferedReader lines = new BufferedReader(new PipedReader(pipe, 64 * 1024));
        StringWriter err = new StringWriter();
        CommandLine cl = NotionConsoleCli.commandLine();
        cl.setOut(new PrintWriter(pipe, true));
        cl.setErr(new PrintWriter(err, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(cl.execute("sandbox", "--json", "--rate-limit", "off",
                "--state", state.toString())), "sandbox-cli-test");
        serving.start();

        JsonNode info = Json.mapper().readTree(CompletableFuture.supplyAsync(() -> {
            try {
                return lines.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(30, TimeUnit.SECONDS));
        String base = info.path("base_url").asText();
        assertTrue(base.matches("http://127\\.0\\.0\\.1:\\d+"), base);
        assertEquals(base + "/v1", info.path("api_url").asText());
        assertEquals("off", info.path("rate_limit").asText());
        assertTrue(info.path("tokens_are_fake").asBoolean());

        JsonNode docs = connection(info, "Docs Sync");
        assertEquals("internal", docs.path("kind").asText());
        assertEquals("NOTION_TOKEN=" + docs.path("token").asText(), docs.path("env").asText());
        JsonNode crm = connection(info, "CRM Bridge");
        assertEquals("public", crm.path("kind").asText());
        assertFalse(crm.path("client_id").asText().isEmpty());
        assertFalse(crm.path("client_secret").asText().isEmpty());
        assertTrue(crm.path("redirect_uris").size() >= 1);
        assertFalse(connection(info, "Retired Importer").path("token_active").asBoolean());

        HttpResponse<String> me = call("GET", base + "/v1/users/me", docs.path("token").asText(), null);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("bot", Json.mapper().readTree(me.body()).path("type").asText());
        String pageId = createPage(base, docs.path("token").asText(), firstPageId(base, docs.path("token").asText()),
                "Made through the CLI sandbox");

        serving.interrupt();
        serving.join(15_000);
        assertFalse(serving.isAlive());
        assertEquals(0, exit.get(), err::toString);
        assertTrue(Files.readString(state).contains(pageId), "the new page was saved");
    }

    @Test
    void subprocessPrintsOneJsonLineAndSavesStateOnSigterm() throws Exception {
        Path state = dir.resolve("cli-state.json");
        Process p = javaCli("sandbox", "--json", "--state", state.toString());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            java.util.concurrent.BlockingQueue<String> stdout = new java.util.concurrent.LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try {
                    for (String l = out.readLine(); l != null; l = out.readLine()) {
                        stdout.add(l);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            String line = stdout.poll(60, TimeUnit.SECONDS);
            assertNotNull(line, "the sandbox printed nothing");
            JsonNode info = Json.mapper().readTree(line);
            String base = info.path("base_url").asText();
            String token = connection(info, "Docs Sync").path("token").asText();
            String pageId = createPage(base, token, firstPageId(base, token), "Saved on SIGTERM");
            HttpResponse<String> revoked = call("GET", base + "/v1/users/me",
                    connection(info, "Retired Importer").path("token").asText(), null);
            assertEquals(401, revoked.statusCode());

            p.destroy(); // SIGTERM: the shutdown hook saves the state
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the sandbox did not stop on SIGTERM");
            reader.join(5_000);
            assertTrue(stdout.isEmpty(), "one line of JSON, nothing else on stdout: " + stdout);
            assertTrue(Files.readString(state).contains(pageId), "state saved by the shutdown hook");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void badUsageGivesAClearMessageAndExitCodeNeverAStackTrace() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"fixture_version\": 1, \"workspaces\": [{\"id\": \"w\"}], \"pages\": "
                + "[{\"id\": \"p\", \"title\": \"P\", \"parent\": {\"page\": \"nope\"}}]}");
        Result r = run("sandbox", "--fixture", broken.toString());
        assertEquals(ExitCodes.USAGE, r.exit);
        assertTrue(r.err.contains("The sandbox fixture " + broken + " is not valid"), r.err);
        assertTrue(r.err.contains("pages[0].parent"), r.err);
        assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);

        Path corrupt = dir.resolve("corrupt-state.json");
        Files.writeString(corrupt, "{ not json");
        r = run("sandbox", "--state", corrupt.toString());
        assertEquals(ExitCodes.USAGE, r.exit);
        assertTrue(r.err.contains("cannot be loaded, so the sandbox did not start and the file was left as it is"), r.err);
        assertEquals("{ not json", Files.readString(corrupt));

        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            r = run("sandbox", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(ExitCodes.CONNECT, r.exit);
            assertTrue(r.err.contains("The port is probably in use"), r.err);
        }

        r = run("sandbox", "--pages", "1000", "--fixture", broken.toString());
        assertEquals(ExitCodes.USAGE, r.exit);
        assertTrue(r.err.contains("--pages and --fixture exclude each other"), r.err);
        assertEquals(ExitCodes.USAGE, run("sandbox", "--seed", "3").exit);
        assertEquals(ExitCodes.USAGE, run("sandbox", "--rate-limit", "0").exit);
        assertEquals(ExitCodes.USAGE, run("sandbox", "--port", "x").exit);
        assertEquals(ExitCodes.USAGE, run("sandbox", "--fixture", dir.resolve("missing.json").toString()).exit);
    }

    /** Issue 12 item 14: a directory given as the fixture is named as one, not "not found". */
    @Test
    void aDirectoryAsFixtureIsSaidToBeADirectory() {
        Result r = run("sandbox", "--fixture", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exit);
        assertTrue(r.err.contains(dir + " is a directory"), r.err);
        assertFalse(r.err.contains("not found"), r.err);
    }

    record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = NotionConsoleCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** The real launcher in a child JVM, on this test's class path (the shaded jar is built after the tests). */
    static Process javaCli(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.notionconsole.Launcher");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("NOTION_CONSOLE_HOME", System.getProperty("java.io.tmpdir") + "/nc-sandbox-cli-test");
        return pb.start();
    }
}
