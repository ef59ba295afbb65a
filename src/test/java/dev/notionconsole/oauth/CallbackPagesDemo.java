package dev.notionconsole.oauth;

import java.util.concurrent.TimeUnit;

/**
 * Opens the real redirect listener with a known state and waits for one answer, so a browser can render its
 * pages for screenshots: {@code java -cp ... dev.notionconsole.oauth.CallbackPagesDemo PORT}, then open
 * {@code http://localhost:PORT/callback?code=x&state=demo-state} (or {@code error=access_denied}, or a wrong state).
 */
public final class CallbackPagesDemo {
    private CallbackPagesDemo() {
    }

    public static void main(String[] args) throws Exception {
        RedirectUri uri = RedirectUri.defaultFor(Integer.parseInt(args[0]));
        try (LoopbackListener l = LoopbackListener.open(uri, OAuthState.of("demo-state"), "Acme <Sync>")) {
            try {
                l.answer().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                // a refused answer ends the demo too
            }
            Thread.sleep(500);
        }
    }
}
