package dev.notionconsole.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Runs a piece of test code on the JavaFX thread and waits for its result (or its exception). */
public final class OnFx {
    private OnFx() {
    }

    public static <T> T call(Callable<T> c, long timeoutSeconds) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(timeoutSeconds, TimeUnit.SECONDS);
    }
}
