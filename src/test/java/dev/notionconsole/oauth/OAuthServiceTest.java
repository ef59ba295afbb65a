package dev.notionconsole.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.Installation;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.sandbox.oauth.OAuthErrorStyle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authorize, store, refresh on 401, re-authorize, revoke: the OAuth service with real connections and the sandbox. */
class OAuthServiceTest {
    @TempDir
    Path home;
    private TestSandbox sandbox;
    private ConnectionService connections;
    private OAuthService oauth;
    private Connection connection;
    private final BrowserPlayer browser = new BrowserPlayer();
    private final List<String> upkeepEvents = new CopyOnWriteArrayList<>();
    @BeforeEach
    void start() throws Exception {
        sandbox = new TestSandbox(OAuthErrorStyle.RFC6749);
        RedirectUri redirect = RedirectUri.defaultFor(LoopbackListenerTest.freePort());
        sandbox.registerRedirect(redirect.value());
        connections = ConnectionServices.open(new AppDirs(home), Map.of(ConnectionServices.SECRETS_ENV, "session"),
                SandboxAccess.NONE, Runnable::run);
        connection = connections.add(Connection.builder(ConnectionKind.PUBLIC_OAUTH).name("Acme Sync")
                .baseUrl(sandbox.baseUrl()).clientId(TestSandbox.CLIENT_ID).redirectUri(redirect.value()).build(),
                null, Secret.of(TestSandbox.CLIENT_SECRET));
        oauth = new OAuthService(connections);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Installation authorize(String user, String... pages) throws Exception {
        Person person = new Person(browser, user, List.of(pages), "allow", UnaryOperator.identity(), e -> { });
        List<String> phases = new CopyOnWriteArrayList<>();
        Installation inst = oauth.authorize(connection, oauth.prepare(connection, person, Duration.ofSeconds(20)),
                new CancellationToken(), new OAuthService.FlowObserver() {
                    @Override
                    public void listening(java.net.URI authorizeUrl, RedirectUri redirectUri) {
                        phases.add("listening");
                    }

                    @Override
                    public void exchanging() {
                        phases.add("exchanging");
                    }
                });
        assertEquals(List.of("listening", "exchanging"), phases);
        return inst;
    }

    private Exchange me() throws Exception {
        ConnectionCaller.Reply reply = new ConnectionCaller(connections, oauth).send(connections.find(connection.id()).orElseThrow(),
                ApiRequest.get("/v1/users/me"), CancellationToken.none(), CallObserver.NONE);
        if (reply.renewed()) {
            upkeepEvents.add("refreshed " + connections.find(connection.id()).orElseThrow().activeInstallation().orElseThrow().botId());
        }
        if (reply.reauthorization() != null) {
            upkeepEvents.add("reauthorize: " + reply.reauthorization());
        }
        return reply.exchange();
    }

    private Secret storedAccess(String botId) throws Exception {
        return connections.accessToken(connection, botId).orElseThrow();
    }

    @Test
    void oneConnectionHoldsSeveralInstallationsWithTheirTokensInTheSecretStore() throws Exception {
        Installation ada = authorize("Alice Okafor", "Engineering");
        Installation carol = authorize("Carol Tanaka", "Sales");

        Connection saved = connections.find(connection.id()).orElseThrow();
        assertEquals(2, saved.installations().size());
        assertEquals(carol.botId(), saved.activeInstallation().orElseThrow().botId(), "the newest is active");
        assertEquals("Acme Robotics", ada.workspaceName());
        assertEquals("Alice Okafor", ada.owner().name());
        assertEquals("alice@acme.example", ada.owner().email());
        assertTrue(storedAccess(ada.botId()).reveal().startsWith("ntn_"));
        assertTrue(connections.refreshToken(connection, ada.botId()).isPresent());
        // the connections file never holds a token
        String file = java.nio.file.Files.readString(home.resolve("connections.json"));
        assertFalse(file.contains(storedAccess(ada.botId()).reveal()));
        assertTrue(file.contains(ada.botId()));

        Exchange asCarol = me();
        assertEquals(200, asCarol.status());
        assertEquals(carol.botId(), asCarol.json().get("id").asText());
    }

    @Test
    void a401IsRefreshedOnceBothTokensAreStoredAndTheCallRepeated() throws Exception {
        Installation ada = authorize("Alice Okafor", "Engineering");
        Secret oldAccess = storedAccess(ada.botId());
        Secret oldRefresh = connections.refreshToken(connection, ada.botId()).orElseThrow();
        sandbox.model.tokens().expire(oldAccess.reveal(), Instant.now().minusSeconds(1));

        Exchange r = me();
        assertEquals(200, r.status());
        assertEquals(List.of("refreshed " + ada.botId()), upkeepEvents);
        assertNotEquals(oldAccess, storedAccess(ada.botId()));
        assertNotEquals(oldRefresh, connections.refreshToken(connection, ada.botId()).orElseThrow());
        assertTrue(connections.find(connection.id()).orElseThrow().installation(ada.botId()).orElseThrow().refreshedAt() != null);
    }

    @Test
    void fetchAllRenewsARefusedTokenOnceLikeASingleSend() throws Exception {
        Installation ada = authorize("Alice Okafor", "Engineering");
        Secret oldAccess = storedAccess(ada.botId());
        sandbox.model.tokens().expire(oldAccess.reveal(), Instant.now().minusSeconds(1));
        var sender = new dev.notionconsole.request.send.RequestSender(new ConnectionCaller(connections, oauth),
                dev.notionconsole.notion.catalog.EndpointCatalog.builtIn(), null);

        var all = sender.fetchAll(connections.find(connection.id()).orElseThrow(),
                dev.notionconsole.request.RequestSpec.of("GET", "/v1/users"), CancellationToken.none(), CallObserver.NONE, null);
        assertTrue(all.result().complete(), all.result().toString());
        assertEquals(200, all.result().lastPage().status());
        assertFalse(all.result().results().isEmpty());
        assertNotEquals(oldAccess, storedAccess(ada.botId()), "both tokens were renewed");
    }

    @Test
    void whenTheRefreshIsRefusedTheUserIsAskedToAuthorizeAgainWithoutLooping() throws Exception {
        Installation ada = authorize("Alice Okafor", "Engineering");
        Secret refresh = connections.refreshToken(connection, ada.botId()).orElseThrow();
        sandbox.model.tokens().revoke(refresh.reveal());
        sandbox.model.tokens().revoke(storedAccess(ada.botId()).reveal());

        Exchange r = me();
        assertEquals(401, r.status(), "the 401 is returned as it came");
        assertEquals(1, upkeepEvents.size(), upkeepEvents.toString());
        assertTrue(upkeepEvents.get(0).startsWith("reauthorize: Authorize \"Acme Sync\" again"), upkeepEvents.get(0));
        assertTrue(upkeepEvents.get(0).contains("Notion refused the refresh token (invalid_grant"), upkeepEvents.get(0));
        OAuthException e = assertThrows(OAuthException.class, () -> oauth.refresh(connection, ada.botId(), CancellationToken.none()));
        assertEquals(OAuthException.Reason.REAUTHORIZE, e.reason());

        // authorizing again keeps the bot and works
        Installation again = authorize("Alice Okafor", "Engineering");
        assertEquals(ada.botId(), again.botId());
        assertEquals(200, me().status());
    }

    @Test
    void aRequestWhoseTokenCannotBeRefreshedTellsTheUserToAuthorizeAgain() throws Exception {
        Installation ada = authorize("Alice Okafor", "Engineering");
        sandbox.model.tokens().revoke(connections.refreshToken(connection, ada.botId()).orElseThrow().reveal());
        sandbox.model.tokens().revoke(storedAccess(ada.botId()).reveal());
        var sender = new dev.notionconsole.request.send.RequestSender(new ConnectionCaller(connections, oauth),
                dev.notionconsole.notion.catalog.EndpointCatalog.builtIn(), dev.notionconsole.request.history.HistoryStore.open(home));

        var outcome = sender.send(connections.find(connection.id()).orElseThrow(),
                dev.notionconsole.request.RequestSpec.of("GET", "/v1/users/me"), CancellationToken.none(),
                dev.notionconsole.notion.CallObserver.NONE);
        assertEquals(401, outcome.exchange().status());
        assertTrue(outcome.reauthorization() != null && outcome.reauthorization().startsWith("Authorize \"Acme Sync\" again"),
                String.valueOf(outcome.reauthorization()));
        assertFalse(outcome.reauthorization().contains(storedAccess(ada.botId()).reveal()));
    }

    @Test
    void revokeAndRemoveRetiresTheTokensAtNotionAndForgetsTheInstallation() throws Exception {
        Installation ada = authorize("Alice Okafor", "Sales");
        Secret access = storedAccess(ada.botId());
        assertTrue(oauth.introspect(connection, ada.botId(), CancellationToken.none()).active());

        Connection after = oauth.revokeAndRemove(connections.find(connection.id()).orElseThrow(), ada.botId(), CancellationToken.none());
        assertTrue(after.installations().isEmpty());
        assertTrue(connections.accessToken(connection, ada.botId()).isEmpty());
        assertTrue(sandbox.model.tokens().resolve(access.reveal(), Instant.now()) == null, "revoked at the sandbox");
    }

    @Test
    void connectionsThatCannotAuthorizeSayWhy() {
        Connection internal = Connection.builder(ConnectionKind.INTERNAL).name("Bot").build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> oauth.prepare(internal, BrowserOpener.NONE, Duration.ofSeconds(1)))
                .getMessage().contains("not a public"));
        Connection noRedirect = connection.toBuilder().redirectUri(null).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> oauth.prepare(noRedirect, BrowserOpener.NONE, Duration.ofSeconds(1)))
                .getMessage().contains("no redirect URI"));
    }
}
