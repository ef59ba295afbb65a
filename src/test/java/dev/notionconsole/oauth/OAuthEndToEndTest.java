package dev.notionconsole.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.ClientSettings;
import dev.notionconsole.notion.Credentials;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionClient;
import dev.notionconsole.sandbox.oauth.OAuthErrorStyle;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole flow over real HTTP: the console's redirect listener and token client against the sandbox's consent
 * page and token endpoints, with the test playing the browser (GET the consent page, submit the form, follow the
 * 302 to the listener).
 */
class OAuthEndToEndTest {
    private TestSandbox sandbox;
    private RedirectUri redirect;
    private final BrowserPlayer browser = new BrowserPlayer();
    /** The flow under test; a failing Person cancels it so a broken page fails fast. */
    private final CancellationToken activeFlow = new CancellationToken();
    private final CompletableFuture<Throwable> personFailed = new CompletableFuture<>();
    private NotionClient client;

    @BeforeEach
    void start() throws Exception {
        sandbox = new TestSandbox(OAuthErrorStyle.NOTION);
        redirect = RedirectUri.defaultFor(LoopbackListenerTest.freePort());
        sandbox.registerRedirect(redirect.value());
        client = new NotionClient(ClientSettings.builder().baseUrl(sandbox.baseUrl()).credentials(Credentials.none()).build());
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
        if (personFailed.isDone()) {
            throw new AssertionError("the browser player failed", personFailed.get());
        }
    }

    private AuthorizationFlow flow(BrowserOpener opener, Duration timeout) {
        return new AuthorizationFlow(new AuthorizationRequest(sandbox.baseUrl(), TestSandbox.CLIENT_ID, redirect, "Acme <Sync>"),
                opener, timeout);
    }

    private TokenEndpoint tokens(String secret) {
        return new TokenEndpoint(client, TestSandbox.CLIENT_ID, Secret.of(secret), "Acme <Sync>");
    }

    private Person person(String user, List<String> pages, String decision, UnaryOperator<Map<String, String>> tamper) {
        return new Person(browser, user, pages, decision, tamper, e -> {
            // end the flow at once instead of waiting for its time limit; stop() reports the cause
            personFailed.complete(e);
            activeFlow.cancel();
        });
    }

    private Exchange get(String path, Secret token) throws Exception {
        return client.send(ApiRequest.get(path).credentials(Credentials.bearer(token)), CancellationToken.none(), null);
    }

    @Test
    void allowInstallsWithExactlyThePickedPagesAndTheSecondAnswerFindsTheListenerClosed() throws Exception {
        sandbox.rename("CRM <Bridge>");
        Person ada = person("Alice Okafor", List.of("Engineering Handbook"), "allow", UnaryOperator.identity());
        Secret code = flow(ada, Duration.ofSeconds(20)).awaitCode(activeFlow, AuthorizationFlow.Observer.NONE);

        // the consent page showed the connection (escaped), its capabilities, people, and Ada's pages only
        BrowserPlayer.ConsentForm form = ada.form;
        assertTrue(form.html().contains("CRM &lt;Bridge&gt;"), "connection name escaped");
        assertTrue(form.html().contains("Edit pages and databases"), "capabilities listed");
        assertTrue(form.people().values().stream().anyMatch(v -> v.startsWith("Carol Tanaka")));
        assertTrue(form.pages().containsValue("Alice's Scratchpad"), "Ada sees her private page");
        assertEquals(redirect.value(), form.hidden().get("redirect_uri"));

        HttpResponse<String> page = ada.listenerPage.get();
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Authorization received"));

        TokenGrant grant = tokens(TestSandbox.CLIENT_SECRET).exchangeCode(code, redirect, CancellationToken.none());
        assertTrue(grant.accessToken().reveal().startsWith("ntn_"));
        assertTrue(grant.refreshToken().reveal().startsWith("nrt_"));
        assertEquals(sandbox.workspace.id(), grant.workspaceId());
        assertEquals("Acme Robotics", grant.workspaceName());
        assertEquals("🤖", grant.workspaceIcon());
        assertEquals("user", grant.ownerType());
        assertEquals(sandbox.model.user(grant.ownerUserId()).name(), "Alice Okafor");
        assertEquals("alice@acme.example", grant.ownerEmail());
        assertNull(grant.duplicatedTemplateId());
        assertFalse(grant.toString().contains(grant.accessToken().reveal()), "tokens masked in toString");

        // the new install sees exactly the picked page and its descendants, at once
        Exchange me = get("/v1/users/me", grant.accessToken());
        assertEquals(200, me.status());
        assertEquals(grant.botId(), me.json().get("id").asText());
        assertEquals(200, get("/v1/pages/" + sandbox.pageId("handbook"), grant.accessToken()).status());
        assertEquals(200, get("/v1/pages/" + sandbox.pageId("first-week"), grant.accessToken()).status());
        assertEquals(404, get("/v1/pages/" + sandbox.pageId("engineering"), grant.accessToken()).status());
        assertEquals(404, get("/v1/pages/" + sandbox.pageId("sales"), grant.accessToken()).status());

        // a second answer after success: the listener is already closed
        URI again = BrowserPlayer.location(ada.redirectAnswer.get());
        assertThrows(ConnectException.class, () -> browser.get(again));
    }

    @Test
    void cancelOnTheConsentPageEndsWithAccessDenied() throws Exception {
        Person bob = person("Carol Tanaka", List.of(), "cancel", UnaryOperator.identity());
        OAuthException e = assertThrows(OAuthException.class,
                () -> flow(bob, Duration.ofSeconds(20)).awaitCode(activeFlow, AuthorizationFlow.Observer.NONE));
        assertEquals(OAuthException.Reason.ACCESS_DENIED, e.reason());
        assertTrue(e.getMessage().contains("Cancel was clicked"), e.getMessage());
        String location = bob.redirectAnswer.get().headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(redirect.value() + "?error=access_denied&state="), location);
        assertTrue(bob.listenerPage.get().body().contains("Access denied"));
    }

    @Test
    void aWrongStateIsRefusedAsAPossibleForgery() throws Exception {
        Person mallory = person("Carol Tanaka", List.of("Sales"), "allow", fields -> {
            fields.put("state", "attacker-state");
            return fields;
        });
        OAuthException e = assertThrows(OAuthException.class,
                () -> flow(mallory, Duration.ofSeconds(20)).awaitCode(activeFlow, AuthorizationFlow.Observer.NONE));
        assertEquals(OAuthException.Reason.STATE_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains("forged"), e.getMessage());
        assertEquals(400, mallory.listenerPage.get().statusCode());
        assertEquals(2, sandbox.model.read(() -> sandbox.publicConnection.installations().size()),
                "nothing installed without an exchange (the fixture has Bob's and Erin's)");
    }

    @Test
    void anUnregisteredRedirectUriGetsNotionsErrorPageAndNoRedirect() throws Exception {
        RedirectUri unregistered = RedirectUri.defaultFor(LoopbackListenerTest.freePort());
        AtomicReference<HttpResponse<String>> seen = new AtomicReference<>();
        AuthorizationFlow f = new AuthorizationFlow(new AuthorizationRequest(sandbox.baseUrl(), TestSandbox.CLIENT_ID, unregistered, "x"),
                uri -> seen.set(browserGet(uri)), Duration.ofMillis(500));
        OAuthException e = assertThrows(OAuthException.class, () -> f.awaitCode(activeFlow, AuthorizationFlow.Observer.NONE));
        assertEquals(400, seen.get().statusCode());
        assertTrue(seen.get().body().contains("Missing or invalid redirect_uri"), seen.get().body());
        assertTrue(seen.get().headers().firstValue("Location").isEmpty());
        assertEquals(OAuthException.Reason.TIMED_OUT, e.reason());
        assertTrue(e.getMessage().contains("Missing or invalid redirect_uri"), "the timeout explains the likely cause: " + e.getMessage());

        // exact string match: 127.0.0.1 instead of localhost, or a trailing slash, is another URI
        HttpResponse<String> r = browserGet(AuthorizeUrl.build(sandbox.baseUrl(), TestSandbox.CLIENT_ID,
                RedirectUri.parse(redirect.value().replace("localhost", "127.0.0.1")), OAuthState.generate()));
        assertEquals(400, r.statusCode());
        r = browserGet(AuthorizeUrl.build(sandbox.baseUrl(), TestSandbox.CLIENT_ID, RedirectUri.parse(redirect.value() + "/"),
                OAuthState.generate()));
        assertEquals(400, r.statusCode());
    }

    private HttpResponse<String> browserGet(URI uri) {
        try {
            return browser.get(uri);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private BrowserPlayer.ConsentForm browserOpen(URI uri) {
        try {
            return browser.open(uri);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Secret authorize(String user, String... pages) throws Exception {
        return flow(person(user, List.of(pages), "allow", UnaryOperator.identity()), Duration.ofSeconds(20))
                .awaitCode(activeFlow, AuthorizationFlow.Observer.NONE);
    }

    @Test
    void aCodeWorksOnceAndOnlyWithTheSameRedirectUri() throws Exception {
        Secret code = authorize("Carol Tanaka", "Sales");
        OAuthException mismatch = assertThrows(OAuthException.class, () -> tokens(TestSandbox.CLIENT_SECRET)
                .exchangeCode(code, RedirectUri.parse("http://localhost:1/other"), CancellationToken.none()));
        assertEquals(OAuthException.Reason.INVALID_GRANT, mismatch.reason());
        assertTrue(mismatch.getMessage().contains("redirect_uri"), mismatch.getMessage());

        tokens(TestSandbox.CLIENT_SECRET).exchangeCode(code, redirect, CancellationToken.none());
        OAuthException reused = assertThrows(OAuthException.class,
                () -> tokens(TestSandbox.CLIENT_SECRET).exchangeCode(code, redirect, CancellationToken.none()));
        assertEquals(OAuthException.Reason.INVALID_GRANT, reused.reason());
        assertTrue(reused.getMessage().contains("this code has been revoked"), reused.getMessage());
        assertTrue(reused.getMessage().contains("already exchanged or has expired"), reused.getMessage());
        assertFalse(reused.getMessage().contains(code.reveal()), "the code never appears in a message");
    }

    @Test
    void aWrongClientSecretIsExplainedAsA401() throws Exception {
        Secret code = authorize("Carol Tanaka", "Sales");
        OAuthException e = assertThrows(OAuthException.class,
                () -> tokens("secret_wrongwrongwrongwrong").exchangeCode(code, redirect, CancellationToken.none()));
        assertEquals(OAuthException.Reason.INVALID_CLIENT, e.reason());
        assertTrue(e.getMessage().contains("client secret"), e.getMessage());
        // the code was not spent by the refused call
        assertEquals("user", tokens(TestSandbox.CLIENT_SECRET).exchangeCode(code, redirect, CancellationToken.none()).ownerType());
    }

    @Test
    void refreshRotatesBothTokens() throws Exception {
        TokenEndpoint endpoint = tokens(TestSandbox.CLIENT_SECRET);
        TokenGrant first = endpoint.exchangeCode(authorize("Alice Okafor", "Engineering"), redirect, CancellationToken.none());
        TokenGrant second = endpoint.refresh(first.refreshToken(), CancellationToken.none());

        assertEquals(first.botId(), second.botId());
        assertNotEquals(first.accessToken(), second.accessToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals(200, get("/v1/users/me", second.accessToken()).status());
        assertEquals(401, get("/v1/users/me", first.accessToken()).status(), "the old access token is retired");
        OAuthException reused = assertThrows(OAuthException.class, () -> endpoint.refresh(first.refreshToken(), CancellationToken.none()));
        assertEquals(OAuthException.Reason.REAUTHORIZE, reused.reason());
        assertEquals(200, get("/v1/pages/" + sandbox.pageId("first-week"), second.accessToken()).status(), "same pages after refresh");
    }

    @Test
    void refreshingAFixtureInstallationRetiresItsFixtureAccessToken() throws Exception {
        Secret bobsAccess = Secret.of("ntn_sandbox_crm_bridge_bob_FAKE_ACCESS_000000005");
        Secret bobsRefresh = Secret.of("nrt_sandbox_crm_bridge_bob_FAKE_REFRESH_00000005");
        assertEquals(200, get("/v1/pages/" + sandbox.pageId("pricing"), bobsAccess).status(), "Bob picked Sales");
        TokenGrant grant = tokens(TestSandbox.CLIENT_SECRET).refresh(bobsRefresh, CancellationToken.none());
        assertEquals(401, get("/v1/users/me", bobsAccess).status());
        assertEquals(200, get("/v1/pages/" + sandbox.pageId("pricing"), grant.accessToken()).status());
        assertTrue(get("/v1/users/me", Secret.of("ntn_sandbox_crm_bridge_erin_FAKE_ACCESS_00000006")).ok(), "Erin's install is untouched");
    }

    @Test
    void revokeMakesTheTokenFailWith401AndIntrospectShowsIt() throws Exception {
        TokenEndpoint endpoint = tokens(TestSandbox.CLIENT_SECRET);
        TokenGrant grant = endpoint.exchangeCode(authorize("Carol Tanaka", "Sales"), redirect, CancellationToken.none());
        TokenEndpoint.Introspection before = endpoint.introspect(grant.accessToken(), CancellationToken.none());
        assertTrue(before.active());
        assertEquals("read_content update_content insert_content read_comments insert_comments", before.scope());
        assertTrue(before.issuedAt() != null);

        endpoint.revoke(grant.accessToken(), CancellationToken.none());
        Exchange me = get("/v1/users/me", grant.accessToken());
        assertEquals(401, me.status());
        assertEquals("unauthorized", me.error().code());
        assertEquals(401, get("/v1/pages/" + sandbox.pageId("sales"), grant.accessToken()).status());
        assertFalse(endpoint.introspect(grant.accessToken(), CancellationToken.none()).active());
    }

    @Test
    void aGuestCanOnlyPickWhatTheyCanAccess() throws Exception {
        Person dave = person("Dave Guest", List.of("Customer Portal Notes"), "allow", UnaryOperator.identity());
        Secret code = flow(dave, Duration.ofSeconds(20)).awaitCode(activeFlow, AuthorizationFlow.Observer.NONE);
        assertTrue(dave.form.pages().size() > 5, "the first person (Alice, an owner) is preselected and sees much");
        // ask for Dave's pages, as the "Show this person's pages" button does
        BrowserPlayer.ConsentForm daves = BrowserPlayer.parse(URI.create(sandbox.baseUrl()),
                browser.submit(dave.form, "switch_user", dave.form.userIdNamed("Dave Guest"), List.of(), UnaryOperator.identity()).body());
        assertEquals(List.of("Customer Portal Notes"), List.copyOf(daves.pages().values()));
        HttpResponse<String> refused = browser.submit(daves, "allow", daves.userIdNamed("Dave Guest"),
                List.of(sandbox.pageId("sales")), UnaryOperator.identity());
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("cannot access 1 of the picked pages"), refused.body());
        TokenGrant grant = tokens(TestSandbox.CLIENT_SECRET).exchangeCode(code, redirect, CancellationToken.none());
        assertEquals(404, get("/v1/pages/" + sandbox.pageId("engineering"), grant.accessToken()).status());
        assertEquals(404, get("/v1/pages/" + sandbox.pageId("sales"), grant.accessToken()).status());
        assertEquals(200, get("/v1/pages/" + sandbox.pageId("customer-portal"), grant.accessToken()).status());
    }

    @Test
    void timeoutAndCancelEndTheFlowWithTheListenerClosed() throws Exception {
        OAuthException timedOut = assertThrows(OAuthException.class,
                () -> flow(BrowserOpener.NONE, Duration.ofMillis(200)).awaitCode(activeFlow, AuthorizationFlow.Observer.NONE));
        assertEquals(OAuthException.Reason.TIMED_OUT, timedOut.reason());
        assertThrows(ConnectException.class, () -> browser.get(URI.create(redirect.value())));

        CancellationToken cancel = new CancellationToken();
        AtomicReference<BrowserPlayer.ConsentForm> opened = new AtomicReference<>();
        assertThrows(CancellationException.class, () -> flow(uri -> {
            opened.set(browserOpen(uri)); // the person is looking at the consent page...
            cancel.cancel();              // ...when Cancel is pressed in the console
        }, Duration.ofSeconds(20)).awaitCode(cancel, AuthorizationFlow.Observer.NONE));
        assertTrue(opened.get() != null);
        assertThrows(ConnectException.class, () -> browser.get(URI.create(redirect.value())));
    }

    @Test
    void aPortInUseIsReportedBeforeTheBrowserOpens() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(redirect.port(), 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            List<URI> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
            OAuthException e = assertThrows(OAuthException.class,
                    () -> flow(opened::add, Duration.ofSeconds(5)).awaitCode(activeFlow, AuthorizationFlow.Observer.NONE));
            assertEquals(OAuthException.Reason.PORT_IN_USE, e.reason());
            assertTrue(opened.isEmpty());
            assertTrue(taken.isBound());
        }
    }
}
