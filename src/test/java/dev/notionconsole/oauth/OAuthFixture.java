package dev.notionconsole.oauth;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.InstallationScope;
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
        this(home, TestSandbox.CLIENT_ID, TestSandbox.CLIENT_SECRET, "Acme Sync", null);
    }

    private OAuthFixture(Path home, String clientId, String secret, String name, InstallationScope scope) throws Exception {
        sandbox = new TestSandbox(OAuthErrorStyle.NOTION);
        String redirect = RedirectUri.defaultFor(LoopbackListenerTest.freePort()).value();
        var client = sandbox.model.read(() -> sandbox.model.connectionByClientId(clientId));
        sandbox.model.write(() -> client.redirectUris().add(redirect));
        connections = ConnectionServices.open(new AppDirs(home), Map.of(ConnectionServices.SECRETS_ENV, "session"),
                SandboxAccess.NONE, Runnable::run);
        connection = connections.add(Connection.builder(ConnectionKind.PUBLIC_OAUTH).name(name)
                .baseUrl(sandbox.baseUrl()).clientId(clientId).redirectUri(redirect).installationScope(scope).build(),
                null, Secret.of(secret));
        oauth = new OAuthService(connections);
    }

    /** The default fixture's Standup Kit: a template, installable in Acme only; recorded as selected workspaces only. */
    public static OAuthFixture standupKit(Path home) throws Exception {
        return new OAuthFixture(home, "7c1e9a40-2b5d-4f3e-8a61-0d5e7a7e5a11", "secret_sandbox_standup_kit_FAKE_CLIENT_SECRET_01",
                "Standup Kit", InstallationScope.SELECTED_WORKSPACES);
    }

    /** A person who allows access choosing "template" (Duplicate template) or "pages" (Select pages, none picked). */
    public BrowserOpener personChoosing(String user, String access) {
        return new Person(browser, user, List.of(), "allow", fields -> {
            fields.put("access", access);
            return fields;
        }, e -> { });
    }

    public BrowserOpener person(String user, String decision, String... pages) {
        return new Person(browser, user, List.of(pages), decision, UnaryOperator.identity(), e -> { });
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
