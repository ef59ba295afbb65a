package dev.notionconsole.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Runs a piece of test code on the JavaFX thread and waits for its result (or its exception). */
public final class OnFx {
    private OnFx() {
    }

    /** Runs {@code c} at once when already on the JavaFX thread (nested reads in a waited-for condition). */
    public static <T> T call(Callable<T> c, long timeoutSeconds) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return c.call();
        }
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

    /** Waits up to 20 s for {@code condition}, evaluated on the JavaFX thread so nodes are never read mid-update. */
    public static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            return call(condition::getAsBoolean, 20);
        });
    }
}
