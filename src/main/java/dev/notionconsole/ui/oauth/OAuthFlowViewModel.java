package dev.notionconsole.ui.oauth;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.Installation;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskHandle;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.oauth.AuthorizationFlow;
import dev.notionconsole.oauth.BrowserOpener;
import dev.notionconsole.oauth.OAuthException;
import dev.notionconsole.oauth.OAuthService;
import dev.notionconsole.oauth.RedirectUri;
import dev.notionconsole.ui.common.DialogService;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The OAuth flow dialog's state and commands (issue 5): shows the redirect URI to register, the authorize URL to
 * copy (for a browser elsewhere), progress with a countdown and cancel, the paste-the-address fallback, and the
 * outcome with what to do about it. The flow itself runs in a background task; every property is written on the
 * UI thread (task callbacks, or flow events hopped through {@code uiThread}).
 */
public final class OAuthFlowViewModel {
    /** Where the flow is. */
    public enum Phase {
        /** Nothing started yet. */
        READY,
        /** The listener is open; waiting for the person to allow access in the browser. */
        WAITING,
        /** The code arrived; exchanging it for tokens. */
        EXCHANGING,
        SUCCEEDED,
        FAILED,
        CANCELLED
    }

    private final OAuthService oauth;
    private final Connection connection;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final BrowserOpener opener;
    private final Duration timeout;
    private final Executor uiThread;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.READY);
    private final ReadOnlyStringWrapper redirectUri = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper authorizeUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcomeTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcomeDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timeLeft = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pasteError = new ReadOnlyStringWrapper("");
    private final StringProperty pasteText = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper browserFailed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Installation> installation = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding running = Bindings.createBooleanBinding(
            () -> phase.get() == Phase.WAITING || phase.get() == Phase.EXCHANGING, phase);

    private volatile AuthorizationFlow flow;
    private TaskHandle handle;
    private Instant deadline;

    /**
     * @param uiThread runs flow events on the UI thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     */
    public OAuthFlowViewModel(OAuthService oauth, Connection connection, TaskRunner tasks, DialogService dialogs,
                              BrowserOpener opener, Duration timeout, Executor uiThread, Clock clock) {
        this.oauth = oauth;
        this.connection = connection;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.opener = opener;
        this.timeout = timeout;
        this.uiThread = uiThread;
        this.clock = clock;
        redirectUri.set(connection.redirectUri() == null ? "" : connection.redirectUri());
    }

    public String title() {
        return "Authorize " + connection.name();
    }

    /** Opens the listener and the browser, then waits; the outcome arrives in {@link #phaseProperty()}. */
    public void start() {
        if (running.get()) {
            return;
        }
        installation.set(null);
        outcomeTitle.set("");
        outcomeDetail.set("");
        pasteError.set("");
        pasteText.set("");
        browserFailed.set(false);
        authorizeUrl.set("");
        phase.set(Phase.WAITING);
        status.set("Opening the listener on " + redirectUri.get() + "…");
        deadline = null;
        handle = BackgroundTask.of("Authorize " + connection.name(), ctx -> {
            AuthorizationFlow f = oauth.prepare(connection, opener, timeout);
            flow = f;
            return oauth.authorize(connection, f, ctx.cancellation(), new OAuthService.FlowObserver() {
                @Override
                public void listening(URI url, RedirectUri redirect) {
                    uiThread.execute(() -> {
                        authorizeUrl.set(url.toString());
                        deadline = clock.instant().plus(timeout);
                        tick();
                        status.set("Waiting for you to allow access in the browser…");
                    });
                }

                @Override
                public void browserFailed(String reason) {
                    uiThread.execute(() -> {
                        browserFailed.set(true);
                        status.set("Could not open the browser (" + Redactor.redact(reason) + "). Copy the authorize URL "
                                + "below into a browser.");
                    });
                }

                @Override
                public void exchanging() {
                    uiThread.execute(() -> {
                        phase.set(Phase.EXCHANGING);
                        status.set("Answer received. Exchanging the code for tokens…");
                        timeLeft.set("");
                    });
                }
            });
        }).onSuccess(this::succeeded).onFailure(this::failed).onCancelled(this::cancelled).executeWith(tasks);
    }

    private void succeeded(Installation inst) {
        installation.set(inst);
        phase.set(Phase.SUCCEEDED);
        timeLeft.set("");
        status.set("");
        outcomeTitle.set("Installed");
        outcomeDetail.set("\"" + connection.name() + "\" is installed in " + inst.displayName() + " as bot " + inst.botId()
                + ". Requests with this connection now use this installation."
                + (inst.templateLine() == null ? "" : "\n" + inst.templateLine() + ". It sees that copy only.")
                + "\nTokens kept in: " + oauth.connections().secretStorage().describe());
    }

    private void failed(Throwable t) {
        phase.set(Phase.FAILED);
        timeLeft.set("");
        status.set("");
        outcomeTitle.set(titleFor(t));
        String message = t instanceof IOException ? "Could not reach " + connection.baseUrl() + ": " + t.getMessage()
                : String.valueOf(t.getMessage());
        outcomeDetail.set(Redactor.redact(message));
    }

    private void cancelled() {
        phase.set(Phase.CANCELLED);
        timeLeft.set("");
        status.set("");
        outcomeTitle.set("Cancelled");
        outcomeDetail.set("The listener is closed. Nothing was installed.");
    }

    static String titleFor(Throwable t) {
        if (!(t instanceof OAuthException e)) {
            return t instanceof IOException ? "Could not connect" : "Authorization failed";
        }
        return switch (e.reason()) {
            case PORT_IN_USE -> "The redirect port is in use";
            case LISTENER_FAILED -> "Could not listen for the redirect";
            case STATE_MISMATCH -> "Answer refused: possibly forged";
            case ACCESS_DENIED -> "Access denied";
            case NOT_INSTALLABLE -> "Not installable in that workspace";
            case AUTHORIZATION_ERROR -> "Notion ended the authorization";
            case TIMED_OUT -> "No answer from the browser";
            case NOT_A_REDIRECT -> "Not the redirected address";
            case INVALID_GRANT -> "Notion refused the code (invalid_grant)";
            case INVALID_CLIENT -> "Notion refused the client credentials (401)";
            case REQUEST_REFUSED -> "Notion refused the token request";
            case REAUTHORIZE -> "Authorize again";
            case UNEXPECTED_RESPONSE -> "Unexpected answer from Notion";
        };
    }

    /** Stops waiting; the listener closes at once. */
    public void cancel() {
        if (handle != null && running.get()) {
            handle.cancel();
        }
    }

    /** Uses the address pasted by hand (the browser ran elsewhere, or the redirect could not reach this machine). */
    public void submitPaste() {
        AuthorizationFlow f = flow;
        if (f == null || phase.get() != Phase.WAITING) {
            return;
        }
        try {
            f.submitPastedUrl(pasteText.get());
            pasteError.set("");
        } catch (IllegalArgumentException e) {
            pasteError.set(e.getMessage());
        }
    }

    public void copyAuthorizeUrl() {
        if (!authorizeUrl.get().isEmpty()) {
            dialogs.copyToClipboard(authorizeUrl.get());
            dialogs.notify(DialogService.NotificationKind.INFO, "Authorize URL copied");
        }
    }

    public void copyRedirectUri() {
        dialogs.copyToClipboard(redirectUri.get());
        dialogs.notify(DialogService.NotificationKind.INFO, "Redirect URI copied: register it in the connection's settings in Notion");
    }

    /** Opens the browser again (it was closed, or opened on the wrong profile). */
    public void openBrowserAgain() {
        String url = authorizeUrl.get();
        if (url.isEmpty()) {
            return;
        }
        BackgroundTask.of("Open the browser", ctx -> {
            opener.open(URI.create(url));
            return null;
        }).onFailure(e -> status.set("Could not open the browser (" + Redactor.redact(String.valueOf(e.getMessage()))
                + "). Copy the authorize URL below into a browser.")).executeWith(tasks);
    }

    /** Updates the countdown; the view calls it every second. */
    public void tick() {
        if (deadline == null || phase.get() != Phase.WAITING) {
            return;
        }
        long s = Math.max(0, Duration.between(clock.instant(), deadline).toSeconds());
        timeLeft.set(String.format("Listening for %d:%02d more", s / 60, s % 60));
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redirectUriProperty() {
        return redirectUri.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty authorizeUrlProperty() {
        return authorizeUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeTitleProperty() {
        return outcomeTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeDetailProperty() {
        return outcomeDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pasteErrorProperty() {
        return pasteError.getReadOnlyProperty();
    }

    public StringProperty pasteTextProperty() {
        return pasteText;
    }

    public ReadOnlyBooleanProperty browserFailedProperty() {
        return browserFailed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Installation> installationProperty() {
        return installation.getReadOnlyProperty();
    }

    public BooleanBinding runningProperty() {
        return running;
    }

    public Connection connection() {
        return connection;
    }
}
