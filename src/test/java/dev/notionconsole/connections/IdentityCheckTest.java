package dev.notionconsole.connections;

import dev.notionconsole.notion.Capability;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.secrets.SecretStorage;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Test connection" over real HTTP against a loopback server that answers GET /v1/users/me with the shapes
 * docs/notion-api.md §2.7 and 6 document, one per token. (The end-to-end check against the sandbox is in
 * {@code ConnectionsSandboxTest}.)
 */
class IdentityCheckTest {
    static final Secret INTERNAL = Secret.of("ntn_identity_internal_00000000000000000001");
    static final Secret OAUTH = Secret.of("ntn_identity_oauth_00000000000000000000002");
    static final Secret PAT_PERSON = Secret.of("ntn_identity_patperson_00000000000000000003");
    static final Secret PAT_BOT = Secret.of("ntn_identity_patbot_000000000000000000004");

    static final Map<String, String> ANSWERS = Map.of(
            INTERNAL.reveal(), """
                    {"object":"user","id":"bot-int","type":"bot","name":"Acme Bot","avatar_url":null,
                     "bot":{"owner":{"type":"workspace","workspace":true},"workspace_id":"ws-acme","workspace_name":"Acme Corp",
                     "workspace_limits":{"max_file_upload_size_in_bytes":5242880}},"request_id":"req-int"}""",
            OAUTH.reveal(), """
                    {"object":"user","id":"bot-oauth","type":"bot","name":"Globex App",
                     "bot":{"owner":{"type":"user","user":{"object":"user","id":"u-ada","name":"Ada Lovelace","avatar_url":null,
                     "type":"person","person":{"email":"ada@example.com"}}},"workspace_id":"ws-globex","workspace_name":"Globex"}}""",
            PAT_PERSON.reveal(), """
                    {"object":"user","id":"u-grace","type":"person","name":"Grace Hopper","person":{"email":"grace@example.com"}}""",
            PAT_BOT.reveal(), """
                    {"object":"user","id":"bot-pat","type":"bot","name":"Grace's token",
                     "bot":{"owner":{"type":"user","user":{"object":"user","id":"u-grace"}},"workspace_id":"ws-acme","workspace_name":null}}""");

    @TempDir
    Path home;
    HttpServer server;
    String baseUrl;
    final Map<String, String> versionsSeen = new ConcurrentHashMap<>();
    ConnectionService service;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/users/me", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String token = auth == null ? "" : auth.replaceFirst("^Bearer ", "");
            versionsSeen.put(token, String.valueOf(ex.getRequestHeaders().getFirst("Notion-Version")));
            String body = ANSWERS.get(token);
            int status = 200;
            if (body == null) {
                status = 401;
                body = "{\"object\":\"error\",\"status\":401,\"code\":\"unauthorized\",\"message\":\"API token is invalid.\",\"request_id\":\"req-401\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.createContext("/html/v1/users/me", ex -> {
            byte[] bytes = "<html>Welcome to nginx</html>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        ConnectionStore store = new ConnectionStore(home.resolve("connections.json"));
        service = ConnectionServices.open(store, store.load(), SecretStorage.sessionOnly(home.resolve("s.json"), false),
                Map.of(), SandboxAccess.NONE, Runnable::run, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    Connection add(ConnectionKind kind, String name, Secret token) throws Exception {
        return service.add(Connection.builder(kind).name(name).baseUrl(baseUrl).notionVersion("2025-09-03").build(), token, null);
    }

    @Test
    void internalTokenShowsItsBotAndWorkspaceAndIsRemembered() throws Exception {
        Connection c = add(ConnectionKind.INTERNAL, "Acme", INTERNAL);
        IdentityCheck check = service.testConnection(c, CancellationToken.none());

        assertEquals(IdentityCheck.Outcome.OK, check.outcome());
        assertEquals(ConnectionKind.INTERNAL, check.detectedKind());
        assertEquals("Acme Bot", check.botName());
        assertEquals("workspace", check.ownerType());
        assertEquals("Acme Corp", check.workspaceName());
        assertEquals("ws-acme", check.workspaceId());
        assertEquals("req-int", check.requestId());
        assertTrue(check.summary().contains("owned by workspace Acme Corp"), check.summary());
        assertEquals("2025-09-03", versionsSeen.get(INTERNAL.reveal()), "the pinned Notion-Version is sent");

        Connection stored = service.find(c.id()).orElseThrow();
        assertEquals(check, stored.lastCheck());
        assertEquals("Acme Corp", stored.workspaceLabel());
    }

    @Test
    void aTokenThatActsForAUserIsFlaggedWhenDeclaredInternal() throws Exception {
        Connection c = add(ConnectionKind.INTERNAL, "Wrong", OAUTH);
        IdentityCheck check = service.testConnection(c, CancellationToken.none());
        assertEquals(IdentityCheck.Outcome.KIND_MISMATCH, check.outcome());
        assertTrue(check.summary().contains("acts for a user"), check.summary());
        assertEquals("Ada Lovelace", check.ownerUser().name());
    }

    @Test
    void anInternalTokenDeclaredAsPatIsFlagged() throws Exception {
        Connection c = add(ConnectionKind.PERSONAL_ACCESS_TOKEN, "Wrong", INTERNAL);
        IdentityCheck check = service.testConnection(c, CancellationToken.none());
        assertEquals(IdentityCheck.Outcome.KIND_MISMATCH, check.outcome());
        assertEquals(ConnectionKind.INTERNAL, check.detectedKind());
    }

    @Test
    void bothPatShapesAreRecognisedWithTheUserAndEmailWhenAllowed() throws Exception {
        Connection person = add(ConnectionKind.PERSONAL_ACCESS_TOKEN, "PAT person", PAT_PERSON);
        IdentityCheck a = service.testConnection(person, CancellationToken.none());
        assertEquals(IdentityCheck.Outcome.OK, a.outcome());
        assertEquals(ConnectionKind.PERSONAL_ACCESS_TOKEN, a.detectedKind());
        assertEquals("grace@example.com", a.ownerUser().email());
        assertTrue(a.summary().contains("Grace Hopper <grace@example.com>"), a.summary());
        Connection learned = service.find(person.id()).orElseThrow();
        assertTrue(learned.learned(Capability.USER_EMAIL).orElseThrow().present());

        Connection bot = add(ConnectionKind.PERSONAL_ACCESS_TOKEN, "PAT bot", PAT_BOT);
        IdentityCheck b = service.testConnection(bot, CancellationToken.none());
        assertEquals(IdentityCheck.Outcome.OK, b.outcome());
        assertEquals("u-grace", b.ownerUser().id());
        assertNull(b.ownerUser().email());
        assertFalse(service.find(bot.id()).orElseThrow().learned(Capability.USER_INFO).orElseThrow().present(),
                "an owner reduced to its id means no user-information capability");
    }

    @Test
    void oauthInstallationIsConfirmedByItsBotId() throws Exception {
        Connection app = service.add(Connection.builder(ConnectionKind.PUBLIC_OAUTH).name("Globex").baseUrl(baseUrl)
                .clientId("cid").redirectUri("http://localhost:53682/cb").build(), null, Secret.of("secret_client_0000000000000"));
        service.putInstallation(app.id(), new Installation("bot-oauth", "ws-globex", "Globex", null, null, null, null, null), OAUTH, null);
        IdentityCheck check = service.testConnection(service.find(app.id()).orElseThrow(), CancellationToken.none());
        assertEquals(IdentityCheck.Outcome.OK, check.outcome());
        assertEquals(ConnectionKind.PUBLIC_OAUTH, check.detectedKind());
        assertTrue(check.summary().contains("Ada Lovelace <ada@example.com>"), check.summary());
    }

    @Test
    void invalidTokenIsA401WithTheReason() throws Exception {
        Connection c = add(ConnectionKind.INTERNAL, "Revoked", Secret.of("ntn_identity_revoked_0000000000000000009"));
        IdentityCheck check = service.testConnection(c, CancellationToken.none());
        assertEquals(IdentityCheck.Outcome.UNAUTHORIZED, check.outcome());
        assertEquals(401, check.httpStatus());
        assertEquals("req-401", check.requestId());
        assertTrue(check.summary().contains("invalid, revoked or expired"), check.summary());
    }

    @Test
    void unreachableBaseUrlIsSaidPlainly() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Connection c = service.add(Connection.builder(ConnectionKind.INTERNAL).name("Nowhere")
                .baseUrl("http://127.0.0.1:" + closedPort).build(), INTERNAL, null);
        IdentityCheck check = service.testConnection(c, CancellationToken.none());
        assertEquals(IdentityCheck.Outcome.UNREACHABLE, check.outcome());
        assertTrue(check.summary().contains("http://127.0.0.1:" + closedPort) && check.summary().contains("refused"), check.summary());
        assertFalse(check.summary().contains(INTERNAL.reveal()));
    }

    @Test
    void aServerThatIsNotNotionIsNotMistakenForIt() throws Exception {
        Connection c = service.add(Connection.builder(ConnectionKind.INTERNAL).name("nginx")
                .baseUrl(baseUrl + "/html").build(), INTERNAL, null);
        IdentityCheck check = service.testConnection(c, CancellationToken.none());
        assertEquals(IdentityCheck.Outcome.API_ERROR, check.outcome());
        assertTrue(check.summary().contains("not with a Notion user object"), check.summary());
    }

    @Test
    void noTokenIsReportedWithoutACall() throws Exception {
        Connection app = service.add(Connection.builder(ConnectionKind.PUBLIC_OAUTH).name("No installs").baseUrl(baseUrl)
                .clientId("cid").redirectUri("http://localhost:1/cb").build(), null, Secret.of("secret_client_0000000000000"));
        IdentityCheck check = service.testConnection(app, CancellationToken.none());
        assertEquals(IdentityCheck.Outcome.NO_TOKEN, check.outcome());
        assertTrue(check.summary().contains("authorize it first"), check.summary());
        assertEquals(List.of(), List.copyOf(versionsSeen.keySet()));
    }
}
