package dev.notionconsole.sandbox.ops;

import static dev.notionconsole.sandbox.ops.OpsHttp.DOCS_SYNC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.fixture.FixtureLoader;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.sandbox.ops.state.StateFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --state FILE}: mutations survive a restart; a corrupt file stops the start and is left alone. */
class StateFileTest {
    private static final String HANDBOOK = Ids.fromKey("handbook");

    @TempDir
    Path dir;

    private SandboxServer start(Path state) throws Exception {
        return SandboxServer.start(SandboxOptions.builder().rateLimitOff().stateFile(state).build());
    }

    @Test
    void mutationsAreSavedOnCloseAndLoadedOnTheNextStart() throws Exception {
        Path state = dir.resolve("sub/state.json");
        String pageId;
        String commentText = "Kept across restarts";
        try (SandboxServer sb = start(state)) {
            OpsHttp api = new OpsHttp(sb.baseUrl());
            OpsHttp.Reply created = api.send("POST", "/v1/pages", DOCS_SYNC, "{\"parent\":{\"page_id\":\"" + HANDBOOK
                    + "\"},\"properties\":{\"title\":{\"title\":[{\"text\":{\"content\":\"Survivor\"}}]}}}");
            assertEquals(200, created.status(), created::toString);
            pageId = created.json().path("id").asText();
            assertEquals(200, api.send("PATCH", "/v1/blocks/" + pageId + "/children", DOCS_SYNC,
                    "{\"children\":[{\"paragraph\":{\"rich_text\":[{\"text\":{\"content\":\"body\"}}]}}]}").status());
            assertEquals(200, api.send("POST", "/v1/comments", DOCS_SYNC, "{\"parent\":{\"page_id\":\"" + pageId
                    + "\"},\"rich_text\":[{\"text\":{\"content\":\"" + commentText + "\"}}]}").status());
            assertEquals(200, api.send("PATCH", "/v1/pages/" + Ids.fromKey("first-week"), DOCS_SYNC,
                    "{\"in_trash\":true}").status());
            assertFalse(Files.exists(state), "saved on close, not before");
        }
        assertTrue(Files.exists(state));
        assertEquals(List.of(), FixtureLoader.validate(Files.readAllBytes(state)), "a state file is a valid fixture");
        assertTrue(Files.readString(state).contains("Sandbox state saved by notion-console"));

        try (SandboxServer sb = start(state)) {
            OpsHttp api = new OpsHttp(sb.baseUrl());
            OpsHttp.Reply page = api.get("/v1/pages/" + pageId, DOCS_SYNC);
            assertEquals(200, page.status(), page::toString);
            assertEquals("Survivor", page.json().path("properties").path("title").path("title").path(0)
                    .path("plain_text").asText());
            assertEquals("body", api.get("/v1/blocks/" + pageId + "/children", DOCS_SYNC).json()
                    .path("results").path(0).path("paragraph").path("rich_text").path(0).path("plain_text").asText());
            assertTrue(api.get("/v1/comments?block_id=" + pageId, DOCS_SYNC).body().contains(commentText));
            assertTrue(api.get("/v1/pages/" + Ids.fromKey("first-week"), DOCS_SYNC).json().path("in_trash").asBoolean());
        }
    }

    @Test
    void anOAuthInstallationAndItsTokensSurviveARestart() throws Exception {
        Path state = dir.resolve("oauth-state.json");
        String clientId = "5b0c2d1e-7a3f-4c8e-9d10-5a4db0c0ffee";
        String secret = "secret_sandbox_crm_bridge_FAKE_CLIENT_SECRET_0001";
        String redirect = "http://localhost:8765/callback";
        String access;
        try (SandboxServer sb = start(state)) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient(); // never follows redirects
            String form = "client_id=" + clientId + "&redirect_uri=" + java.net.URLEncoder.encode(redirect,
                    StandardCharsets.UTF_8) + "&response_type=code&owner=user&state=s1&user_id=" + Ids.fromKey("carol")
                    + "&page_id=" + Ids.fromKey("engineering") + "&decision=allow";
            var consent = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sb.baseUrl()
                            + "/v1/oauth/authorize")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(302, consent.statusCode(), consent.body());
            String location = consent.headers().firstValue("Location").orElseThrow();
            String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
            String basic = java.util.Base64.getEncoder().encodeToString((clientId + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8));
            var token = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sb.baseUrl()
                            + "/v1/oauth/token")).header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\",\"redirect_uri\":\""
                                    + redirect + "\"}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, token.statusCode(), token.body());
            access = dev.notionconsole.core.json.Json.mapper().readTree(token.body()).path("access_token").asText();
            assertEquals(200, new OpsHttp(sb.baseUrl()).get("/v1/pages/" + HANDBOOK, access).status());
        }
        try (SandboxServer sb = start(state)) {
            OpsHttp api = new OpsHttp(sb.baseUrl());
            OpsHttp.Reply me = api.get("/v1/users/me", access);
            assertEquals(200, me.status(), "the installation and its token were saved: " + me);
            assertEquals(200, api.get("/v1/pages/" + HANDBOOK, access).status(), "with the pages Carol picked");
            assertEquals(404, api.get("/v1/pages/" + Ids.fromKey("sales"), access).status(), "and only those");
        }
    }

    @Test
    void withoutChangesAnExistingStateFileIsNotRewritten() throws Exception {
        Path state = dir.resolve("state.json");
        try (SandboxServer sb = start(state)) {
            new OpsHttp(sb.baseUrl()).get("/v1/users/me", DOCS_SYNC);
        }
        assertTrue(Files.exists(state), "first run writes the file even without changes");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(state, old);
        try (SandboxServer sb = start(state)) {
            OpsHttp api = new OpsHttp(sb.baseUrl());
            api.get("/v1/users/me", DOCS_SYNC);
            assertEquals(400, api.send("POST", "/v1/pages", DOCS_SYNC, "{}").status(), "failed writes change nothing");
        }
        assertEquals(old, Files.getLastModifiedTime(state));
    }

    @Test
    void aCorruptStateFileStopsTheStartAndIsLeftAsItIs() throws Exception {
        Path state = dir.resolve("state.json");
        byte[] corrupt = "{\"fixture_version\": 1, \"workspaces\": [".getBytes(StandardCharsets.UTF_8);
        Files.write(state, corrupt);
        Exception e = assertThrows(Exception.class, () -> start(state));
        StateFileException se = assertInstanceOf(StateFileException.class, e);
        assertTrue(se.getMessage().startsWith("The sandbox state file " + state + " cannot be loaded"), se.getMessage());
        assertTrue(se.getMessage().contains("not valid JSON"), se.getMessage());
        assertArrayEquals(corrupt, Files.readAllBytes(state));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp or quarantine files left behind");
        }
    }
}
