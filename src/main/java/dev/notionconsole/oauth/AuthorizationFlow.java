package dev.notionconsole.oauth;

import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser half of one authorization: opens the loopback listener, builds the authorize URL, opens the
 * browser and waits for the answer, from the listener or pasted by hand, until it arrives, the flow is
 * cancelled, or the time limit passes. The listener is open only during {@link #awaitCode}.
 *
 * <p>Blocking by design: run it in a background task; {@link #submitPastedUrl} may be called from any thread.
 */
public final class AuthorizationFlow {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationFlow.class);

    /** Progress the flow reports; called on the thread running {@link #awaitCode}. */
    public interface Observer {
        /** The listener is open; show the URL (with copy) and the redirect URI. */
        default void listening(URI authorizeUrl, RedirectUri redirectUri) {
        }

        default void browserOpened() {
        }

        /** The browser could not be opened: the user copies the URL instead. Not fatal. */
        default void browserFailed(String reason) {
        }

        Observer NONE = new Observer() {
        };
    }

    private final AuthorizationRequest request;
    private final BrowserOpener opener;
    private final Duration timeout;
    private final OAuthState state = OAuthState.generate();
    private final URI authorizeUrl;
    private final CompletableFuture<AuthorizationResponse> result = new CompletableFuture<>();

    public AuthorizationFlow(AuthorizationRequest request, BrowserOpener opener, Duration timeout) {
        this.request = Objects.requireNonNull(request);
        this.opener = Objects.requireNonNull(opener);
        this.timeout = Objects.requireNonNull(timeout);
        this.authorizeUrl = AuthorizeUrl.build(request.apiBaseUrl(), request.clientId(), request.redirectUri(), state);
    }

    /** The URL the browser must open; known before {@link #awaitCode} so a UI can show it at once. */
    public URI authorizeUrl() {
        return authorizeUrl;
    }

    public RedirectUri redirectUri() {
        return request.redirectUri();
    }

    /**
     * Runs the browser half and returns the authorization code.
     *
     * @throws OAuthException PORT_IN_USE (before the browser opens), STATE_MISMATCH, ACCESS_DENIED,
     *         AUTHORIZATION_ERROR, TIMED_OUT
     * @throws CancellationException when {@code cancel} fires
     */
    public Secret awaitCode(CancellationToken cancel, Observer observer) throws OAuthException {
        cancel.throwIfCancelled();
        try (LoopbackListener listener = LoopbackListener.open(request.redirectUri(), state, request.connectionName())) {
            listener.answer().whenComplete((r, e) -> {
                if (e == null) {
                    result.complete(r);
                } else if (!(e instanceof CancellationException)) {
                    result.completeExceptionally(e);
                }
            });
            Runnable unregister = cancel.onCancel(() -> result.completeExceptionally(new CancellationException("Cancelled")));
            try {
                observer.listening(authorizeUrl, request.redirectUri());
                openBrowser(observer);
                return toCode(waitForAnswer());
            } finally {
                unregister.run();
            }
        }
    }

    private void openBrowser(Observer observer) {
        try {
            opener.open(authorizeUrl);
            observer.browserOpened();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not open the browser: {}", e.getMessage());
            observer.browserFailed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private AuthorizationResponse waitForAnswer() throws OAuthException {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(false);
            throw new OAuthException(OAuthException.Reason.TIMED_OUT, "No answer arrived from the browser within "
                    + describe(timeout) + ", so the sign-in was stopped and the listener closed. If Notion showed "
                    + "\"Missing or invalid redirect_uri\", register " + request.redirectUri().value()
                    + " in the connection's settings first. Then start again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OAuthException oe) {
                throw oe;
            }
            if (e.getCause() instanceof CancellationException ce) {
                throw ce;
            }
            throw new OAuthException(OAuthException.Reason.LISTENER_FAILED, String.valueOf(e.getCause()), e.getCause());
        } catch (CancellationException e) {
            throw e;
        }
    }

    private static Secret toCode(AuthorizationResponse response) throws OAuthException {
        if (response instanceof AuthorizationResponse.Granted g) {
            return g.code();
        }
        AuthorizationResponse.Denied d = (AuthorizationResponse.Denied) response;
        if (d.error() != AuthorizationError.ACCESS_DENIED) {
            throw new OAuthException(OAuthException.Reason.AUTHORIZATION_ERROR, d.explain());
        }
        // Cancel sends access_denied alone (docs/notion-api.md §2.10); one with a reason is a refusal (decision 0120)
        boolean refused = d.description() != null && !d.description().isBlank();
        throw new OAuthException(refused ? OAuthException.Reason.NOT_INSTALLABLE : OAuthException.Reason.ACCESS_DENIED,
                refused ? "Notion refused to install the connection in that workspace. Notion said: " + d.description() : d.explain());
    }

    /**
     * The fallback when the redirect cannot reach this machine: the user pastes the address the browser ended
     * on. A genuine answer ends the wait (the listener then closes); a forged one ends the flow as refused.
     *
     * @throws IllegalArgumentException when the text is not the redirect this flow waits for (nothing changes)
     */
    public void submitPastedUrl(String pasted) {
        CallbackVerdict verdict = CallbackVerdict.judgePasted(pasted, request.redirectUri(), state);
        if (verdict instanceof CallbackVerdict.Answer a) {
            result.complete(a.response());
        } else if (verdict instanceof CallbackVerdict.Forged f) {
            result.completeExceptionally(LoopbackListener.forged(f));
        } else if (verdict instanceof CallbackVerdict.WrongPath) {
            throw new IllegalArgumentException("That is not the redirected address: it should start with "
                    + request.redirectUri().value() + "?code=");
        } else {
            throw new IllegalArgumentException("That address has neither a code nor an error. Paste the whole "
                    + "address from the browser's address bar after clicking Allow.");
        }
    }

    /** Whether the flow has its answer (or ended). */
    public boolean isDone() {
        return result.isDone();
    }

    static String describe(Duration d) {
        long s = d.toSeconds();
        if (s >= 60 && s % 60 == 0) {
            return (s / 60) + (s == 60 ? " minute" : " minutes");
        }
        return s >= 1 ? s + (s == 1 ? " second" : " seconds") : d.toMillis() + " ms";
    }
}
