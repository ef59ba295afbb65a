package dev.notionconsole.oauth;

import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.model.Connection;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.sandbox.model.SandboxModel;
import dev.notionconsole.sandbox.model.Workspace;
import dev.notionconsole.sandbox.oauth.OAuthErrorStyle;
import dev.notionconsole.sandbox.oauth.OAuthExtension;

/**
 * The real sandbox (default fixture, real HTTP) with the OAuth extension in the chosen error style. Its public
 * connection is the fixture's "CRM Bridge" (two registered redirect URIs, so the token request must name one);
 * tests register one more loopback URI on a free port.
 */
final class TestSandbox implements AutoCloseable {
    static final String CLIENT_ID = "5b0c2d1e-7a3f-4c8e-9d10-5a4db0c0ffee";
    static final String CLIENT_SECRET = "secret_sandbox_crm_bridge_FAKE_CLIENT_SECRET_0001";

    final SandboxServer server;
    final SandboxModel model;
    final Connection publicConnection;
    final Workspace workspace;

    TestSandbox(OAuthErrorStyle style) throws Exception {
        // discovery off: exactly the OAuth routes on the core, without other extensions (rate limits, faults)
        server = SandboxServer.start(SandboxOptions.builder().port(0).discoverExtensions(false)
                .extension(new OAuthExtension(style)).build());
        model = server.model();
        publicConnection = model.read(() -> model.connectionByClientId(CLIENT_ID));
        workspace = model.read(() -> model.workspace(Ids.fromKey("acme")));
    }

    /** A fixture object's id from its fixture key, e.g. {@code pageId("handbook")}. */
    String pageId(String key) {
        return Ids.fromKey(key);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    void registerRedirect(String uri) {
        model.write(() -> publicConnection.redirectUris().add(uri));
    }

    /** Gives the connection a name that needs escaping, to check that pages escape it. */
    void rename(String name) {
        model.write(() -> {
            publicConnection.setName(name);
            return null;
        });
    }

    @Override
    public void close() {
        server.close();
    }
}
