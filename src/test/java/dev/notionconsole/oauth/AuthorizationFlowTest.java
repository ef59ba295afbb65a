package dev.notionconsole.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The browser half of the flow over real sockets: timeouts, cancel, paste fallback, port in use. */
class AuthorizationFlowTest {
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AuthorizationFlow.Observer observer = new AuthorizationFlow.Observer() {
        @Override
        public void listening(URI authorizeUrl, RedirectUri redirectUri) {
            events.add("listening");
        }

        @Override
        public void browserOpened() {
            events.add("opened");
        }

        @Override
        public void browserFailed(String reason) {
            events.add("failed: " + reason);
        }
    };

    private static RedirectUri freeRedirect() throws Exception {
        return RedirectUri.defaultFor(LoopbackListenerTest.freePort());
    }

    private static AuthorizationRequest request(RedirectUri uri) {
        return new AuthorizationRequest("http://127.0.0.1:9", "client-1", uri, "Acme");
    }

    /** Plays the authorization server: answers the authorize URL by visiting the redirect with a code. */
    private BrowserOpener browserAnswering(String code) {
        return url -> CompletableFuture.runAsync(() -> {
            Map<String, List<String>> q = CallbackVerdict.parseQuery(url.getRawQuery());
            String target = q.get("redirect_uri").get(0) + "?code=" + code + "&state=" + q.get("state").get(0);
            try {
                browser.send(HttpRequest.newBuilder(URI.create(target)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theAuthorizeUrlCarriesEveryParameterNotionNeeds() throws Exception {
        RedirectUri uri = RedirectUri.parse("http://localhost:27615/callback");
        AuthorizationFlow flow = new AuthorizationFlow(new AuthorizationRequest("https://api.notion.com", "abc def", uri, "x"),
                BrowserOpener.NONE, Duration.ofSeconds(1));
        String url = flow.authorizeUrl().toString();
        assertTrue(url.startsWith("https://api.notion.com/v1/oauth/authorize?client_id=abc%20def&redirect_uri="
                + "http%3A%2F%2Flocalhost%3A27615%2Fcallback&response_type=code&owner=user&state="), url);
        String state = CallbackVerdict.parseQuery(flow.authorizeUrl().getRawQuery()).get("state").get(0);
        assertEquals(22, state.length(), "128 bits in base64url without padding");
        assertTrue(state.matches("[A-Za-z0-9_-]{22}"), state);
    }

    @Test
    void theCodeArrivesThroughTheListener() throws Exception {
        AuthorizationFlow flow = new AuthorizationFlow(request(freeRedirect()), browserAnswering("the-code"), Duration.ofSeconds(10));
        Secret code = flow.awaitCode(new CancellationToken(), observer);
        assertEquals("the-code", code.reveal());
        assertEquals(List.of("listening", "opened"), events);
    }

    @Test
    void noAnswerWithinTheTimeLimitEndsTheFlowAndClosesThePort() throws Exception {
        RedirectUri uri = freeRedirect();
        AuthorizationFlow flow = new AuthorizationFlow(request(uri), BrowserOpener.NONE, Duration.ofMillis(300));
        OAuthException e = assertThrows(OAuthException.class, () -> flow.awaitCode(new CancellationToken(), observer));
        assertEquals(OAuthException.Reason.TIMED_OUT, e.reason());
        assertTrue(e.getMessage().contains("within 300 ms"), e.getMessage());
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getByName("127.0.0.1"), uri.port()).close());
    }

    @Test
    void cancelEndsTheWaitAtOnceAndClosesThePort() throws Exception {
        RedirectUri uri = freeRedirect();
        CancellationToken cancel = new CancellationToken();
        // the cancel comes from another thread once the listener is up (the browser is being opened): no clock
        AuthorizationFlow flow = new AuthorizationFlow(request(uri), url -> CompletableFuture.runAsync(cancel::cancel),
                Duration.ofMinutes(5));
        long start = System.nanoTime();
        assertThrows(CancellationException.class, () -> flow.awaitCode(cancel, observer));
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 5);
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getByName("127.0.0.1"), uri.port()).close());
    }

    @Test
    void aPastedRedirectUrlIsAcceptedAndAnythingElseIsExplained() throws Exception {
        RedirectUri uri = freeRedirect();
        CompletableFuture<AuthorizationFlow> flowRef = new CompletableFuture<>();
        BrowserOpener pasteLater = url -> CompletableFuture.runAsync(() -> {
            AuthorizationFlow flow = flowRef.join();
            String state = CallbackVerdict.parseQuery(url.getRawQuery()).get("state").get(0);
            IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                    () -> flow.submitPastedUrl("https://example.com/elsewhere"));
            assertTrue(wrong.getMessage().contains(uri.value()), wrong.getMessage());
            assertThrows(IllegalArgumentException.class, () -> flow.submitPastedUrl(uri.value()));
            assertFalse(flow.isDone());
            // the browser ran on another machine: host differs, path and state match
            flow.submitPastedUrl("  http://localhost:1/callback?code=pasted-code&state=" + state + "\n");
        });
        AuthorizationFlow flow = new AuthorizationFlow(request(uri), pasteLater, Duration.ofSeconds(10));
        flowRef.complete(flow);
        assertEquals("pasted-code", flow.awaitCode(new CancellationToken(), observer).reveal());
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getByName("127.0.0.1"), uri.port()).close());
    }

    @Test
    void aPortInUseFailsBeforeTheBrowserOpens() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            RedirectUri uri = RedirectUri.defaultFor(taken.getLocalPort());
            AuthorizationFlow flow = new AuthorizationFlow(request(uri), url -> events.add("browser opened!"), Duration.ofSeconds(5));
            OAuthException e = assertThrows(OAuthException.class, () -> flow.awaitCode(new CancellationToken(), observer));
            assertEquals(OAuthException.Reason.PORT_IN_USE, e.reason());
            assertTrue(events.isEmpty(), events.toString());
        }
    }

    @Test
    void aBrowserThatCannotBeOpenedIsNotFatal() throws Exception {
        RedirectUri uri = freeRedirect();
        CompletableFuture<AuthorizationFlow> flowRef = new CompletableFuture<>();
        AuthorizationFlow flow = new AuthorizationFlow(request(uri), url -> {
            CompletableFuture.runAsync(() -> {
                String state = CallbackVerdict.parseQuery(url.getRawQuery()).get("state").get(0);
                flowRef.join().submitPastedUrl("?code=c2&state=" + state);
            });
            throw new java.io.IOException("no browser on this machine");
        }, Duration.ofSeconds(10));
        flowRef.complete(flow);
        assertEquals("c2", flow.awaitCode(new CancellationToken(), observer).reveal());
        assertEquals(List.of("listening", "failed: no browser on this machine"), events);
    }

    @Test
    void redirectUrisAreCheckedWithUsefulMessages() {
        assertEquals(27615, RedirectUri.parse("http://localhost:27615/callback").port());
        assertEquals("[::1]", RedirectUri.parse("http://[::1]:8080/cb").host());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RedirectUri.parse("https://localhost:1/cb"))
                .getMessage().contains("http://"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RedirectUri.parse("http://example.com:1/cb"))
                .getMessage().contains("this machine"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RedirectUri.parse("http://localhost/cb"))
                .getMessage().contains("explicit port"));
        RedirectUri picked = RedirectUri.pickDefault();
        assertTrue(picked.value().matches("http://localhost:2\\d{4}/callback"), picked.value());
    }
}
