package dev.notionconsole.oauth;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.Secret;
import dev.notionconsole.sandbox.oauth.OAuthErrorStyle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * For tests in other packages (the UI): a sandbox with a public connection saved in a session-only
 * ConnectionService, and people who answer its consent page.
 */
public final class OAuthFixture implements AutoCloseable {
    private final TestSandbox sandbox;
    public final ConnectionService connections;
    public final Connection connection;
    public final OAuthService oauth;
    private final BrowserPlayer browser = new BrowserPlayer();

    public OAuthFixture(Path home) throws Exception {
        sandbox = new TestSandbox(OAuthErrorStyle.NOTION);
        String redirect = RedirectUri.defaultFor(LoopbackListenerTest.freePort()).value();
        sandbox.registerRedirect(redirect);
        connections = ConnectionServices.open(new AppDirs(home), Map.of(ConnectionServices.SECRETS_ENV, "session"),
                SandboxAccess.NONE, Runnable::run);
        connection = connections.add(Connection.builder(ConnectionKind.PUBLIC_OAUTH).name("Acme Sync")
                .baseUrl(sandbox.baseUrl()).clientId(TestSandbox.CLIENT_ID).redirectUri(redirect).build(),
                null, Secret.of(TestSandbox.CLIENT_SECRET));
        oauth = new OAuthService(connections);
    }

    public BrowserOpener person(String user, String decision, String... pages) {
        return new Person(browser, user, List.of(pages), decision, UnaryOperator.identity(), e -> { });
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
