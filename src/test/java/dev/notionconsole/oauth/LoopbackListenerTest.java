package dev.notionconsole.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The redirect listener over real sockets, with java.net.http playing the browser. */
class LoopbackListenerTest {
    private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final OAuthState state = OAuthState.generate();
    private LoopbackListener listener;

    @AfterEach
    void closeListener() {
        if (listener != null) {
            listener.close();
        }
    }

    private RedirectUri open(String host) throws Exception {
        int port = freePort();
        RedirectUri uri = RedirectUri.parse("http://" + host + ":" + port + "/callback");
        listener = LoopbackListener.open(uri, state, "Acme <Sync>");
        return uri;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aGenuineAnswerYieldsTheCodeShowsTheSuccessPageAndClosesThePort() throws Exception {
        RedirectUri uri = open("localhost");
        HttpResponse<String> page = get(uri.value() + "?code=abc-123&state=" + state.value());

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Authorization received"), page.body());
        assertTrue(page.body().contains("Acme &lt;Sync&gt;"), "connection name is escaped: " + page.body());
        assertTrue(page.body().contains("Do not share"), page.body());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));

        AuthorizationResponse r = listener.answer().get(5, TimeUnit.SECONDS);
        assertEquals("abc-123", ((AuthorizationResponse.Granted) r).code().reveal());
        assertFalse(listener.isOpen());
        // a second answer after success finds nobody listening
        assertThrows(ConnectException.class, () -> get("http://127.0.0.1:" + uri.port() + "/callback?code=again&state=" + state.value()));
    }

    @Test
    void aCloseOnAnInterruptedThreadStillFreesThePortBeforeItReturnsAndKeepsTheInterrupt() throws Exception {
        // Cancel interrupts the worker that closes the listener; the JDK server's stop() then skipped its wait for
        // the socket to close, and "try again" on the same port found it still in use.
        for (int round = 0; round < 20; round++) {
            RedirectUri uri = open("localhost");
            Thread.currentThread().interrupt();
            listener.close();
            assertTrue(Thread.interrupted(), "the caller's interrupt is kept");
            LoopbackListener again = LoopbackListener.open(uri, state, "again"); // PORT_IN_USE if not yet free
            again.close();
        }
    }

    @Test
    void wrongStateIsRefusedAsPossiblyForgedAndEndsTheListener() throws Exception {
        RedirectUri uri = open("127.0.0.1");
        HttpResponse<String> page = get(uri.value() + "?code=evil&state=someone-elses");

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("Request refused"), page.body());
        ExecutionException e = assertThrows(ExecutionException.class, () -> listener.answer().get(5, TimeUnit.SECONDS));
        OAuthException oe = assertInstanceOf(OAuthException.class, e.getCause());
        assertEquals(OAuthException.Reason.STATE_MISMATCH, oe.reason());
        assertTrue(oe.getMessage().contains("forged"), oe.getMessage());
        assertFalse(listener.isOpen());
    }

    @Test
    void missingOrRepeatedStateIsRefused() {
        RedirectUri uri = RedirectUri.parse("http://localhost:1/callback");
        assertInstanceOf(CallbackVerdict.Forged.class, CallbackVerdict.judge("/callback", "code=x", uri, state));
        assertInstanceOf(CallbackVerdict.Forged.class, CallbackVerdict.judge("/callback",
                "code=x&state=" + state.value() + "&state=" + state.value(), uri, state));
        assertInstanceOf(CallbackVerdict.Answer.class, CallbackVerdict.judge("/callback",
                "code=x&state=" + state.value(), uri, state));
    }

    @Test
    void favIconOtherPathsAndEmptyVisitsDoNotEndTheFlow() throws Exception {
        RedirectUri uri = open("localhost");
        assertEquals(404, get("http://127.0.0.1:" + uri.port() + "/favicon.ico").statusCode());
        assertEquals(404, get("http://127.0.0.1:" + uri.port() + "/callbackX?code=1&state=" + state.value()).statusCode());
        HttpResponse<String> bare = get(uri.value());
        assertEquals(400, bare.statusCode());
        assertTrue(bare.body().contains("did not carry"), bare.body());
        assertTrue(listener.isOpen());
        assertFalse(listener.answer().isDone());

        assertEquals(200, get(uri.value() + "?code=c&state=" + state.value()).statusCode());
        assertInstanceOf(AuthorizationResponse.Granted.class, listener.answer().get(5, TimeUnit.SECONDS));
    }

    @Test
    void aBrowserThatHoldsAnIdleSecondConnectionIsServed() throws Exception {
        RedirectUri uri = open("127.0.0.1");
        // Chrome pre-opens a connection and may send the request on another one
        try (Socket idle = new Socket(InetAddress.getByName("127.0.0.1"), uri.port())) {
            assertTrue(idle.isConnected());
            HttpResponse<String> page = get(uri.value() + "?code=c&state=" + state.value());
            assertEquals(200, page.statusCode());
            assertInstanceOf(AuthorizationResponse.Granted.class, listener.answer().get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void accessDeniedEndsWithItsMeaningAndEscapesWhatWasEchoed() throws Exception {
        RedirectUri uri = open("localhost");
        HttpResponse<String> page = get(uri.value() + "?error=access_denied&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state="
                + state.value());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Access denied"), page.body());
        assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page.body());
        assertFalse(page.body().contains("<script>alert"), page.body());
        AuthorizationResponse.Denied d = (AuthorizationResponse.Denied) listener.answer().get(5, TimeUnit.SECONDS);
        assertEquals(AuthorizationError.ACCESS_DENIED, d.error());
    }

    @Test
    void aBrowserThatHangsUpBeforeTheReplyStillDeliversTheAnswer() throws Exception {
        RedirectUri uri = open("127.0.0.1");
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), uri.port())) {
            s.setSoLinger(true, 0); // reset on close: the reply has nowhere to go
            s.getOutputStream().write(("GET /callback?code=c9&state=" + state.value() + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + uri.port() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
        }
        AuthorizationResponse r = listener.answer().get(5, TimeUnit.SECONDS);
        assertEquals("c9", ((AuthorizationResponse.Granted) r).code().reveal());
        assertFalse(listener.isOpen());
    }

    @Test
    void onlyGetIsAccepted() throws Exception {
        RedirectUri uri = open("localhost");
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(uri.value() + "?code=c&state=" + state.value()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode());
        assertTrue(listener.isOpen());
    }

    @Test
    void aForeignHostHeaderIsRefused() throws Exception {
        RedirectUri uri = open("127.0.0.1");
        // what a page on evil.example would send after rebinding its DNS name to 127.0.0.1
        String response = rawRequest(uri.port(), "GET /callback?code=c&state=" + state.value() + " HTTP/1.1\r\nHost: evil.example:"
                + uri.port() + "\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 421"), response);
        assertFalse(listener.answer().isDone());
    }

    @Test
    void aPortInUseIsReportedClearlyWithoutOpeningAnything() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            RedirectUri uri = RedirectUri.parse("http://localhost:" + taken.getLocalPort() + "/callback");
            OAuthException e = assertThrows(OAuthException.class, () -> LoopbackListener.open(uri, state, "x"));
            assertEquals(OAuthException.Reason.PORT_IN_USE, e.reason());
            assertTrue(e.getMessage().contains("Port " + taken.getLocalPort() + " is already in use"), e.getMessage());
        }
    }

    @Test
    void listensOnLoopbackOnlyAndIsNotReachableOnANonLoopbackAddress() throws Exception {
        RedirectUri uri = open("localhost");
        for (InetSocketAddress bound : listener.boundAddresses()) {
            assertTrue(bound.getAddress().isLoopbackAddress(), "bound to " + bound);
        }
        InetAddress external = nonLoopbackAddress();
        Assumptions.assumeTrue(external != null,
                "SKIPPED: this machine has no non-loopback network address to prove the listener is unreachable from");
        try (Socket s = new Socket()) {
            IOException e = assertThrows(IOException.class,
                    () -> s.connect(new InetSocketAddress(external, uri.port()), 2000));
            assertInstanceOf(ConnectException.class, e, "connection to " + external + " must be refused: " + e);
        }
        assertTrue(listener.isOpen(), "the listener was up on loopback while the external connect was refused");
        assertEquals(200, get("http://127.0.0.1:" + uri.port() + "/callback?code=c&state=" + state.value()).statusCode());
    }

    static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a;
                }
            }
        }
        return null;
    }

    private static String rawRequest(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void localhostBindsEveryLoopbackFamilyAvailable() throws Exception {
        open("localhost");
        List<InetSocketAddress> bound = listener.boundAddresses();
        assertTrue(bound.stream().anyMatch(a -> a.getAddress() instanceof Inet4Address), bound.toString());
        assertTrue(bound.size() <= 2, bound.toString());
    }
}
