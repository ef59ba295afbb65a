package dev.notionconsole.sandbox.oauth;

import dev.notionconsole.sandbox.SandboxContext;
import dev.notionconsole.sandbox.SandboxExtension;

/**
 * Adds the OAuth routes (consent page, token, introspect, revoke) to the sandbox. Discovered through
 * {@code META-INF/services}; tests that want RFC 6749 error bodies pass {@code new OAuthExtension(RFC6749)} with
 * discovery switched off.
 */
public final class OAuthExtension implements SandboxExtension {
    private final OAuthErrorStyle style;

    public OAuthExtension() {
        this(OAuthErrorStyle.NOTION);
    }

    public OAuthExtension(OAuthErrorStyle style) {
        this.style = style;
    }

    @Override
    public void install(SandboxContext context) {
        OAuthEndpoints.register(context.router(), context.model(), style);
    }
}
