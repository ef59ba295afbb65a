package dev.notionconsole.ui.shell;

import dev.notionconsole.notion.RateLimiter;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar's rate-limit figure: the current connection's client-side token bucket (shared by every request
 * through that connection), in words. It refreshes when a request takes a slot (the limiter's change listener,
 * coalesced to one refresh per UI turn) and, while the bucket refills, when the view asks once a second: a full
 * bucket has nothing to show, so an idle window runs no timer (a running animation makes JavaFX pulse at 60 Hz;
 * docs/decisions/0200). JavaFX thread only, but for the listener. Memory only.
 */
public final class RateLimitStatus {
    private final Executor uiThread;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper settled = new ReadOnlyBooleanWrapper(true);
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private RateLimiter limiter;
    private Runnable stopListening = () -> { };

    /** @param uiThread where a refresh asked for by a request's thread runs */
    RateLimitStatus(Executor uiThread) {
        this.uiThread = uiThread;
    }

    /** Shows {@code next} (null: no connection) from now on. */
    void follow(RateLimiter next) {
        if (next != limiter) {
            stopListening.run();
            limiter = next;
            stopListening = next == null ? () -> { } : next.onChange(this::queueRefresh);
        }
        refresh();
    }

    /** Reads the bucket again: the view calls it once a second while {@link #settledProperty()} is false. */
    public void refresh() {
        RateLimiter.Snapshot now = limiter == null ? null : limiter.snapshot();
        text.set(now == null ? "" : now.describe());
        settled.set(now == null || now.settled());
    }

    private void queueRefresh() {
        if (refreshQueued.compareAndSet(false, true)) {
            uiThread.execute(() -> {
                refreshQueued.set(false);
                refresh();
            });
        }
    }

    void dispose() {
        stopListening.run();
    }

    /** "18 of 18 can go at once · then 153/min (180/min plan)"; empty without a connection. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** False while the bucket refills or a pause runs: the figure changes by itself and wants refreshing. */
    public ReadOnlyBooleanProperty settledProperty() {
        return settled.getReadOnlyProperty();
    }
}
