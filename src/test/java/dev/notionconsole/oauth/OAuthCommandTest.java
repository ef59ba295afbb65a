package dev.notionconsole.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.cli.CliContext;
import dev.notionconsole.cli.ExitCodes;
import dev.notionconsole.cli.NotionConsoleCli;
import dev.notionconsole.cli.OAuthCommand;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.Secret;
import dev.notionconsole.sandbox.oauth.OAuthErrorStyle;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notion-console oauth login|refresh|introspect|revoke} against the sandbox, the test playing the browser. */
class OAuthCommandTest {
    private static final Map<String, String> ENV = Map.of(ConnectionServices.SECRETS_ENV, "session");
    @TempDir
    Path home;
    private TestSandbox sandbox;
    private final BrowserPlayer browser = new BrowserPlayer();
    private static final Pattern AUTHORIZE_URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/v1/oauth/authorize\\?\\S+)");
    /** Completed when a command prints the authorize URL: the test waits on that, not on a clock. */
    private final CompletableFuture<URI> printedUrl = new CompletableFuture<>();
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() throws Exception {
        sandbox = new TestSandbox(OAuthErrorStyle.NOTION);
        RedirectUri redirect = RedirectUri.defaultFor(LoopbackListenerTest.freePort());
        sandbox.registerRedirect(redirect.value());
        ConnectionService setup = ConnectionServices.open(new AppDirs(home), ENV, SandboxAccess.NONE, Runnable::run);
        setup.optInToSecretsFile(); // tokens must outlive each command
        setup.add(Connection.builder(ConnectionKind.PUBLIC_OAUTH).name("Acme Sync").baseUrl(sandbox.baseUrl())
                .clientId(TestSandbox.CLIENT_ID).redirectUri(redirect.value()).build(), null, Secret.of(TestSandbox.CLIENT_SECRET));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private int run(InputStream stdin, BrowserOpener opener, String... args) {
        out = new UrlWatchingWriter();
        err = new StringWriter();
        var oauth = new picocli.CommandLine(new OAuthCommand(new CliContext(new AppDirs(home), ENV, () -> stdin,
                SandboxAccess.NONE, opener)));
        oauth.setOut(new PrintWriter(out, true));
        oauth.setErr(new PrintWriter(err, true));
        return oauth.execute(args);
    }

    private static InputStream empty() {
        return new ByteArrayInputStream(new byte[0]);
    }

    private Person ada(String decision) {
        return new Person(browser, "Alice Okafor", List.of("Engineering"), decision, UnaryOperator.identity(), e -> { });
    }

    @Test
    void loginRefreshIntrospectRevoke() throws Exception {
        assertEquals(ExitCodes.OK, run(empty(), ada("allow"), "login", "--connection", "Acme Sync"), err::toString);
        assertTrue(out.toString().contains("/v1/oauth/authorize?client_id=" + TestSandbox.CLIENT_ID), out.toString());
        assertTrue(out.toString().contains("Installed \"Acme Sync\" in Acme Robotics (Alice Okafor <alice@acme.example>)"), out.toString());

        assertEquals(ExitCodes.OK, run(empty(), BrowserOpener.NONE, "introspect", "-c", "Acme Sync"), err::toString);
        assertTrue(out.toString().contains("active:    true"), out.toString());

        assertEquals(ExitCodes.OK, run(empty(), BrowserOpener.NONE, "refresh", "-c", "Acme Sync"), err::toString);
        assertTrue(out.toString().matches("(?s)Refreshed .*new access token ntn_….{4}; the refresh token was replaced too.\\s*"), out.toString());

        ByteArrayInputStream no = new ByteArrayInputStream("n\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(ExitCodes.OK, run(no, BrowserOpener.NONE, "revoke", "-c", "Acme Sync"));
        assertTrue(out.toString().contains("Nothing revoked."), out.toString());

        ByteArrayInputStream yes = new ByteArrayInputStream("y\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(ExitCodes.OK, run(yes, BrowserOpener.NONE, "revoke", "-c", "Acme Sync"), err::toString);
        assertTrue(out.toString().contains("Revoked and removed"), out.toString());
        assertEquals(ExitCodes.USAGE, run(empty(), BrowserOpener.NONE, "introspect", "-c", "Acme Sync"));
        assertTrue(err.toString().contains("has no installation yet"), err.toString());
    }

    @Test
    void noBrowserPrintsTheUrlAndAcceptsThePastedRedirect() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(stdin, BrowserOpener.NONE,
                "login", "--connection", "Acme Sync", "--no-browser"));
        // the person copies the URL to a browser elsewhere, clicks Allow, and the redirect cannot reach us:
        // the browser's address bar shows the redirect URI with the code, which is pasted into the console
        URI url = awaitUrl();
        BrowserPlayer.ConsentForm form = browser.open(url);
        HttpResponse<String> redirect = browser.submit(form, "allow", form.userIdNamed("Carol Tanaka"),
                List.of(form.pageIdTitled("Sales")), UnaryOperator.identity());
        String addressBar = BrowserPlayer.location(redirect).toString();
        typing.write("not the right thing\n".getBytes(StandardCharsets.UTF_8));
        typing.write((addressBar + "\n").getBytes(StandardCharsets.UTF_8));
        typing.flush();
        assertEquals(ExitCodes.OK, exit.get(20, TimeUnit.SECONDS), err::toString);
        assertTrue(out.toString().startsWith("Open this URL in a browser"), out.toString());
        assertTrue(err.toString().contains("That is not the redirected address"), err.toString());
        assertTrue(out.toString().contains("Installed \"Acme Sync\" in Acme Robotics (Carol Tanaka"), out.toString());
        assertFalse(out.toString().contains(addressBar.substring(addressBar.indexOf("code=") + 5, addressBar.indexOf('&'))),
                "the code is never echoed");
    }

    private URI awaitUrl() throws Exception {
        try {
            return printedUrl.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no URL printed: " + out);
        }
    }

    /** Standard output that completes {@link #printedUrl} once the authorize URL is in it. */
    private final class UrlWatchingWriter extends StringWriter {
        @Override
        public void write(int c) {
            super.write(c);
            check();
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            super.write(cbuf, off, len);
            check();
        }

        @Override
        public void write(String str, int off, int len) {
            super.write(str, off, len);
            check();
        }

        @Override
        public void write(String str) {
            super.write(str);
            check();
        }

        private void check() {
            if (!printedUrl.isDone()) {
                Matcher m = AUTHORIZE_URL.matcher(toString());
                if (m.find() && Character.isWhitespace(toString().charAt(toString().length() - 1))) {
                    printedUrl.complete(URI.create(m.group(1)));
                }
            }
        }
    }

    @Test
    void theRequestCommandRefreshesAnExpiredTokenOnceAndRepeatsTheCall() throws Exception {
        assertEquals(ExitCodes.OK, run(empty(), ada("allow"), "login", "--connection", "Acme Sync"), err::toString);
        ConnectionService saved = ConnectionServices.open(new AppDirs(home), ENV, SandboxAccess.NONE, Runnable::run);
        Connection c = saved.findByIdOrName("Acme Sync").orElseThrow();
        String botId = c.activeInstallation().orElseThrow().botId();
        Secret before = saved.accessToken(c, botId).orElseThrow();
        sandbox.model.tokens().expire(before.reveal(), java.time.Instant.now().minusSeconds(1));

        StringWriter reqOut = new StringWriter();
        StringWriter reqErr = new StringWriter();
        var request = new picocli.CommandLine(new dev.notionconsole.cli.RequestCommand(
                new CliContext(new AppDirs(home), ENV, OAuthCommandTest::empty, SandboxAccess.NONE)));
        request.setOut(new PrintWriter(reqOut, true));
        request.setErr(new PrintWriter(reqErr, true));
        assertEquals(ExitCodes.OK, request.execute("GET", "/v1/users/me", "-c", "Acme Sync", "--no-history"), reqErr::toString);
        assertTrue(reqOut.toString().contains(botId), reqOut.toString());

        Secret after = ConnectionServices.open(new AppDirs(home), ENV, SandboxAccess.NONE, Runnable::run)
                .accessToken(c, botId).orElseThrow();
        assertFalse(after.equals(before), "the refreshed token was stored");
    }

    @Test
    void addingAPublicConnectionWithoutARedirectUriGivesTheDefaultAndSaysToRegisterIt() throws Exception {
        StringWriter addOut = new StringWriter();
        var add = new picocli.CommandLine(new dev.notionconsole.cli.ConnectionsCommand(new CliContext(
                new AppDirs(home), ENV, () -> new ByteArrayInputStream("secret_someClientSecret123\n".getBytes(StandardCharsets.UTF_8)),
                SandboxAccess.NONE)));
        add.setOut(new PrintWriter(addOut, true));
        StringWriter addErr = new StringWriter();
        add.setErr(new PrintWriter(addErr, true));
        assertEquals(ExitCodes.OK, add.execute("add", "--name", "Other App", "--kind", "public", "--client-id", "abc", "--client-secret-stdin"), addErr::toString);
        Connection c = ConnectionServices.open(new AppDirs(home), ENV, SandboxAccess.NONE, Runnable::run)
                .findByIdOrName("Other App").orElseThrow();
        assertTrue(c.redirectUri().matches("http://localhost:2\\d{4}/callback"), c.redirectUri());
        assertTrue(addOut.toString().contains("Register this redirect URI") && addOut.toString().contains(c.redirectUri()), addOut.toString());
        assertTrue(addOut.toString().contains("oauth login --connection \"Other App\""), addOut.toString());
    }

    @Test
    void theRootCommandOffersOAuth() {
        assertTrue(NotionConsoleCli.commandLine().getSubcommands().get("oauth").getSubcommands().keySet()
                .containsAll(List.of("login", "refresh", "introspect", "revoke")));
    }

    @Test
    void cancelAndATimeoutExitWithTheirMeaning() {
        assertEquals(ExitCodes.API_ERROR, run(empty(), ada("cancel"), "login", "-c", "Acme Sync"));
        assertTrue(err.toString().contains("Access was denied: Cancel was clicked"), err.toString());

        assertEquals(ExitCodes.API_ERROR, run(empty(), BrowserOpener.NONE, "login", "-c", "Acme Sync", "--timeout", "1"));
        assertTrue(err.toString().contains("No answer arrived from the browser within 1 second"), err.toString());

        assertEquals(ExitCodes.USAGE, run(empty(), BrowserOpener.NONE, "login", "-c", "Nope"));
        assertTrue(err.toString().contains("No connection called"), err.toString());
    }

    /** Issue 12 item 11: a callback's error text with ESC, BEL, CR and LF is printed as one harmless line. */
    @Test
    void aCallbacksErrorTextCannotDriveTheTerminalOrForgeLines() throws Exception {
        String hostile = "\u001b]0;pwned\u0007\u001b[2J\u009b31m\r\nInstalled \"Acme Sync\" in Evil Corp\u202e";
        BrowserOpener forger = uri -> {
            Map<String, String> q = new java.util.HashMap<>();
            for (String kv : uri.getRawQuery().split("&")) {
                int eq = kv.indexOf('=');
                q.put(kv.substring(0, eq), java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
            URI callback = URI.create(q.get("redirect_uri") + "?error=access_denied&state=" + q.get("state")
                    + "&error_description=" + java.net.URLEncoder.encode(hostile, StandardCharsets.UTF_8));
            try {
                java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(callback).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        assertEquals(ExitCodes.API_ERROR, run(empty(), forger, "login", "--connection", "Acme Sync"), err::toString);

        String printed = err.toString();
        assertTrue(printed.contains("Notion said:"), printed);
        assertFalse(printed.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0x9b || c == '\r' || c == 0x202e), printed);
        assertFalse(printed.lines().anyMatch(l -> l.startsWith("Installed")), "no forged line: " + printed);
        assertFalse(out.toString().contains("Installed"), out.toString());

        // and whatever else is printed goes through the same filter on the real terminal
        picocli.CommandLine root = NotionConsoleCli.commandLine();
        assertTrue(root.getErr() == dev.notionconsole.cli.TerminalText.safe(root.getErr()));
        StringWriter raw = new StringWriter();
        PrintWriter safe = dev.notionconsole.cli.TerminalText.safe(new PrintWriter(raw));
        safe.println("name \u001b[2Jwith\u0007 controls\rover");
        safe.print("a\r\nb");
        safe.flush();
        assertEquals("name [2Jwith controlsover" + System.lineSeparator() + "a\r\nb", raw.toString());
    }
}
