package dev.notionconsole.connections;

import dev.notionconsole.notion.Capability;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.Secret;
import dev.notionconsole.secrets.SecretStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionServiceTest {
    static final Secret TOKEN = Secret.of("ntn_servicetest_internal_000000000000000001");
    static final Secret TOKEN_2 = Secret.of("ntn_servicetest_internal_000000000000000002");
    static final Secret CLIENT_SECRET = Secret.of("secret_servicetest_client_00000000000000003");
    static final Secret ACCESS = Secret.of("ntn_servicetest_access_0000000000000000000004");
    static final Secret REFRESH = Secret.of("nrt_servicetest_refresh_000000000000000000005");
    static final Secret ROTATED = Secret.of("nrt_servicetest_rotated_000000000000000000006");

    @TempDir
    Path home;

    SecretStorage storage;

    ConnectionService open(Map<String, String> env) {
        storage = SecretStorage.sessionOnly(home.resolve("secrets.json"), false);
        return open(env, storage);
    }

    ConnectionService open(Map<String, String> env, SecretStorage secrets) {
        ConnectionStore store = new ConnectionStore(home.resolve("connections.json"));
        return ConnectionServices.open(store, store.load(), secrets, env, SandboxAccess.NONE, Runnable::run, Clock.systemUTC());
    }

    static Connection internal(String name) {
        return Connection.builder(ConnectionKind.INTERNAL).name(name).build();
    }

    String file() throws Exception {
        return Files.readString(home.resolve("connections.json"));
    }

    @Test
    void addsListsAndKeepsTheTokenOutOfTheFile() throws Exception {
        ConnectionService service = open(Map.of());
        Connection c = service.add(internal("Acme"), TOKEN, null);

        assertNotNull(c.id());
        assertEquals(List.of(c), service.list());
        assertEquals(Optional.of(TOKEN), service.token(c));
        assertTrue(file().contains("\"Acme\""));
        assertFalse(file().contains(TOKEN.reveal()));
        assertEquals(Optional.of(c), service.findByIdOrName("acme"));
    }

    private static void assertNotNull(Object o) {
        assertTrue(o != null);
    }

    @Test
    void rejectsInvalidDefinitionsWithEveryProblem() {
        ConnectionService service = open(Map.of());
        InvalidConnectionException e = assertThrows(InvalidConnectionException.class, () -> service.add(
                Connection.builder(ConnectionKind.PUBLIC_OAUTH).name(" ").baseUrl("ftp://x").build(), null, null));
        assertEquals(List.of(ConnectionValidator.Field.NAME, ConnectionValidator.Field.BASE_URL,
                        ConnectionValidator.Field.CLIENT_ID, ConnectionValidator.Field.CLIENT_SECRET,
                        ConnectionValidator.Field.REDIRECT_URI),
                e.problems().stream().map(ConnectionValidator.Problem::field).toList());
        assertTrue(service.list().isEmpty());
    }

    @Test
    void namesAreUniqueIgnoringCase() throws Exception {
        ConnectionService service = open(Map.of());
        service.add(internal("Acme"), TOKEN, null);
        assertThrows(InvalidConnectionException.class, () -> service.add(internal("ACME"), TOKEN, null));
    }

    @Test
    void updatesKeepTheTokenUnlessANewOneIsGiven() throws Exception {
        ConnectionService service = open(Map.of());
        Connection c = service.add(internal("Acme"), TOKEN, null);
        service.recordCheck(c.id(), IdentityCheck.failure(Instant.now(), IdentityCheck.Outcome.UNAUTHORIZED, "401", 401, null));

        Connection renamed = service.update(service.find(c.id()).orElseThrow().toBuilder().name("Acme prod").notes("n").build(), null, null);
        assertEquals("Acme prod", renamed.name());
        assertEquals(Optional.of(TOKEN), service.token(renamed));
        assertEquals(IdentityCheck.Outcome.UNAUTHORIZED, renamed.lastCheck().outcome(), "same endpoint: result kept");

        Connection moved = service.update(renamed.toBuilder().baseUrl("http://localhost:9999").build(), TOKEN_2, null);
        assertEquals(Optional.of(TOKEN_2), service.token(moved));
        assertNull(moved.lastCheck(), "a check of another endpoint or token says nothing about this one");
    }

    @Test
    void changingTheKindRemovesSecretsTheNewKindDoesNotUse() throws Exception {
        ConnectionService service = open(Map.of());
        Connection c = service.add(internal("Acme"), TOKEN, null);
        Connection pub = service.update(c.toBuilder().kind(ConnectionKind.PUBLIC_OAUTH).clientId("cid")
                .redirectUri("http://localhost:1/cb").build(), null, CLIENT_SECRET);
        assertEquals(Optional.empty(), storage.get(SecretKeys.token(c.id())));
        assertEquals(Optional.of(CLIENT_SECRET), service.clientSecret(pub));
    }

    @Test
    void duplicateCopiesTheDefinitionAndTokenUnderANewName() throws Exception {
        ConnectionService service = open(Map.of());
        Connection c = service.add(internal("Acme"), TOKEN, null);
        Connection copy = service.duplicate(c.id());
        Connection copy2 = service.duplicate(c.id());
        assertEquals("Acme (copy)", copy.name());
        assertEquals("Acme (copy) 2", copy2.name());
        assertNotEquals(c.id(), copy.id());
        assertEquals(Optional.of(TOKEN), service.token(copy));
        assertEquals(List.of("Acme", "Acme (copy) 2", "Acme (copy)"), service.list().stream().map(Connection::name).toList());
    }

    @Test
    void removeDeletesSecretsAndMovesTheCurrentConnection() throws Exception {
        ConnectionService service = open(Map.of());
        Connection a = service.add(internal("A"), TOKEN, null);
        Connection b = service.add(internal("B"), TOKEN_2, null);
        List<Optional<Connection>> seen = new ArrayList<>();
        service.addListener(new ConnectionsListener() {
            @Override
            public void currentChanged(Optional<Connection> current) {
                seen.add(current);
            }
        });
        service.setCurrent(b.id());
        service.remove(b.id());

        assertEquals(Optional.empty(), storage.get(SecretKeys.token(b.id())));
        assertEquals(Optional.of(a), service.current());
        assertEquals(List.of(Optional.of(b), Optional.of(a)), seen);
    }

    @Test
    void theCurrentConnectionSurvivesARestart() throws Exception {
        ConnectionService service = open(Map.of());
        service.add(internal("A"), TOKEN, null);
        Connection b = service.add(internal("B"), TOKEN_2, null);
        service.setCurrent(b.id());

        ConnectionService again = open(Map.of());
        assertEquals(b.id(), again.current().orElseThrow().id());
        assertEquals(Optional.empty(), again.token(b), "session-only secrets are gone after a restart");
    }

    @Test
    void optedInSecretsFileBringsTokensBackAfterARestart() throws Exception {
        ConnectionService service = open(Map.of());
        Connection c = service.add(internal("A"), TOKEN, null);
        service.optInToSecretsFile();

        ConnectionStore store = new ConnectionStore(home.resolve("connections.json"));
        ConnectionStore.LoadResult loaded = store.load();
        assertTrue(loaded.document().secretsFileOptIn());
        SecretStorage fileStorage = SecretStorage.sessionOnly(home.resolve("secrets.json"), true);
        ConnectionService again = ConnectionServices.open(store, loaded, fileStorage, Map.of(), SandboxAccess.NONE,
                Runnable::run, Clock.systemUTC());
        assertEquals(Optional.of(TOKEN), again.token(c));
    }

    @Test
    void notionTokenFromTheEnvironmentIsATemporaryConnectionNeverSaved() throws Exception {
        ConnectionService service = open(Map.of(ConnectionService.TOKEN_ENV, "  " + TOKEN.reveal() + "\n"));
        Connection env = service.current().orElseThrow();
        assertTrue(env.temporary());
        assertEquals(ConnectionService.ENV_CONNECTION_ID, env.id());
        assertEquals(Optional.of(TOKEN), service.token(env), "white space from the shell is dropped");

        service.add(internal("Saved"), TOKEN_2, null);
        assertFalse(file().contains(ConnectionService.ENV_CONNECTION_ID));
        assertFalse(file().contains(TOKEN.reveal()));
        assertThrows(IllegalArgumentException.class, () -> service.remove(env.id()));

        // the kind is learned from users/me, never from the token's prefix
        Connection learned = service.recordCheck(env.id(), new IdentityCheck(Instant.now(), IdentityCheck.Outcome.OK,
                "x", ConnectionKind.PERSONAL_ACCESS_TOKEN, "b", "bot", "user", null, null, null, 200, null));
        assertEquals(ConnectionKind.PERSONAL_ACCESS_TOKEN, learned.kind());

        ConnectionService withoutEnv = open(Map.of());
        assertEquals(List.of("Saved"), withoutEnv.list().stream().map(Connection::name).toList());
    }

    @Test
    void oauthInstallationsKeepTheirTokensInTheStoreAndRotateOnRefresh() throws Exception {
        ConnectionService service = open(Map.of());
        Connection app = service.add(Connection.builder(ConnectionKind.PUBLIC_OAUTH).name("App").clientId("cid")
                .redirectUri("http://localhost:53682/callback").build(), null, CLIENT_SECRET);
        Installation inst = new Installation("bot-1", "ws-1", "Acme", null, new AuthorizingUser("u", "Ada", null), null, null, null);

        Connection withInst = service.putInstallation(app.id(), inst, ACCESS, REFRESH);
        assertEquals("bot-1", withInst.activeBotId());
        assertTrue(withInst.installations().get(0).installedAt() != null);
        assertEquals(Optional.of(ACCESS), service.token(withInst));
        assertEquals(Optional.of(REFRESH), service.refreshToken(withInst, "bot-1"));
        assertEquals(Optional.of(CLIENT_SECRET), service.clientSecret(withInst));

        Connection rotated = service.updateInstallationTokens(app.id(), "bot-1", TOKEN_2, ROTATED);
        assertEquals(Optional.of(TOKEN_2), service.token(rotated));
        assertEquals(Optional.of(ROTATED), service.refreshToken(rotated, "bot-1"));
        assertTrue(rotated.installations().get(0).refreshedAt() != null);

        // authorizing again replaces the installation with the same bot id
        Connection again = service.putInstallation(app.id(), inst, ACCESS, null);
        assertEquals(1, again.installations().size());
        assertEquals(Optional.empty(), service.refreshToken(again, "bot-1"));

        for (Secret s : List.of(CLIENT_SECRET, ACCESS, REFRESH, ROTATED, TOKEN_2)) {
            assertFalse(file().contains(s.reveal()));
        }
        Connection none = service.removeInstallation(app.id(), "bot-1");
        assertTrue(none.installations().isEmpty());
        assertEquals(Optional.empty(), service.token(none));
        assertEquals(Optional.empty(), storage.get(SecretKeys.accessToken(app.id(), "bot-1")));
    }

    @Test
    void capabilityObservationsAreDatedAndReplaced() throws Exception {
        ConnectionService service = open(Map.of());
        Connection c = service.add(internal("A"), TOKEN, null);
        service.recordCapability(c.id(), Capability.READ_COMMENTS, false, "403 on GET /v1/comments");
        Connection now = service.recordCapability(c.id(), Capability.READ_COMMENTS, true, "200 on GET /v1/comments");
        assertEquals(1, now.capabilities().size());
        assertTrue(now.learned(Capability.READ_COMMENTS).orElseThrow().present());
        assertEquals(now, open(Map.of()).find(c.id()).orElseThrow());
    }

    @Test
    void anUpdateFromAStaleCopyKeepsInstallationsChecksAndObservations() throws Exception {
        ConnectionService service = open(Map.of());
        Connection app = service.add(Connection.builder(ConnectionKind.PUBLIC_OAUTH).name("App").clientId("cid")
                .redirectUri("http://localhost:53682/callback").build(), null, CLIENT_SECRET);
        Connection stale = service.find(app.id()).orElseThrow();
        // meanwhile: an OAuth flow adds an installation, a test and a request teach something
        service.putInstallation(app.id(), new Installation("bot-1", "ws", "WS", null, null, null, null, null), ACCESS, REFRESH);
        service.recordCheck(app.id(), IdentityCheck.failure(Instant.now(), IdentityCheck.Outcome.OK, "fine", 200, null));
        service.recordCapability(app.id(), Capability.READ_CONTENT, true, "200 on POST /v1/search");

        Connection saved = service.update(stale.toBuilder().notes("edited in the form").build(), null, null);

        assertEquals("edited in the form", saved.notes());
        assertEquals(1, saved.installations().size());
        assertEquals("bot-1", saved.activeBotId());
        assertEquals("fine", saved.lastCheck().summary());
        assertEquals(1, saved.capabilities().size());
    }

    /** Issue 12 item 10: every way a token reaches a connection strips quotes and Bearer, or refuses clearly. */
    @Test
    void pastedTokensLoseQuotesAndBearerOrAreRefusedWithAReason() throws Exception {
        ConnectionService service = open(Map.of());
        Connection a = service.add(internal("Quoted"), Secret.of("\"" + TOKEN.reveal() + "\"\n"), null);
        assertEquals(Optional.of(TOKEN), service.token(a));
        service.setToken(a.id(), Secret.of("'Bearer " + TOKEN_2.reveal() + "'"));
        assertEquals(Optional.of(TOKEN_2), service.token(a));
        service.setToken(a.id(), Secret.of("Authorization: Bearer “" + TOKEN.reveal() + "”"));
        assertEquals(Optional.of(TOKEN), service.token(a));

        InvalidConnectionException masked = assertThrows(InvalidConnectionException.class,
                () -> service.add(internal("Masked"), Secret.of(TOKEN.masked()), null));
        assertTrue(masked.getMessage().contains("masked"), masked.getMessage());
        InvalidConnectionException odd = assertThrows(InvalidConnectionException.class,
                () -> service.setToken(a.id(), Secret.of("ntn_abc\"def")));
        assertTrue(odd.getMessage().contains("'\"' at position 8"), odd.getMessage());
        assertFalse(odd.getMessage().contains("ntn_abc"), "the message never repeats the value");
        assertEquals(ConnectionValidator.Field.TOKEN, odd.problems().get(0).field());
        assertEquals(Optional.of(TOKEN), service.token(a), "a refused token leaves the stored one");
        assertEquals(List.of("Quoted"), service.list().stream().map(Connection::name).toList());

        ConnectionService fromEnv = open(Map.of(ConnectionService.TOKEN_ENV, "\"" + TOKEN_2.reveal() + "\""));
        assertEquals(Optional.of(TOKEN_2), fromEnv.token(fromEnv.current().orElseThrow()));
    }
}
