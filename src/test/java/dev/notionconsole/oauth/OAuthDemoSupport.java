package dev.notionconsole.oauth;

import dev.notionconsole.sandbox.oauth.OAuthErrorStyle;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test sandbox and browser player for demos in other packages (screenshots). */
public final class OAuthDemoSupport {
    private final TestSandbox sandbox;
    private final String redirectUri;
    private final BrowserPlayer browser = new BrowserPlayer();

    private OAuthDemoSupport(TestSandbox sandbox, String redirectUri) {
        this.sandbox = sandbox;
        this.redirectUri = redirectUri;
    }

    public static OAuthDemoSupport start() throws Exception {
        TestSandbox s = new TestSandbox(OAuthErrorStyle.NOTION);
        String uri = RedirectUri.defaultFor(LoopbackListenerTest.freePort()).value();
        s.registerRedirect(uri);
        return new OAuthDemoSupport(s, uri);
    }

    public String baseUrl() {
        return sandbox.baseUrl();
    }

    public String clientId() {
        return TestSandbox.CLIENT_ID;
    }

    public String clientSecret() {
        return TestSandbox.CLIENT_SECRET;
    }

    public String redirectUri() {
        return redirectUri;
    }

    /** A person who answers the consent page after a short pause, like a human. */
    public BrowserOpener person(String user, String decision) {
        Person p = new Person(browser, user, List.of("Engineering"), decision, UnaryOperator.identity(), Throwable::printStackTrace);
        return uri -> new Thread(() -> {
            try {
                Thread.sleep(800);
            } catch (InterruptedException e) {
                return;
            }
            p.open(uri);
        }).start();
    }
}
