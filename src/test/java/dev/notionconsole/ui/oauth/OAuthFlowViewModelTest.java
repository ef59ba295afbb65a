package dev.notionconsole.ui.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.concurrent.ExecutorTaskRunner;
import dev.notionconsole.oauth.BrowserOpener;
import dev.notionconsole.oauth.OAuthFixture;
import dev.notionconsole.ui.common.RecordingDialogService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dialog's ViewModel without a toolkit, against the sandbox over real HTTP. */
class OAuthFlowViewModelTest {
    @TempDir
    Path home;
    private OAuthFixture fixture;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    /** Stands in for the FX thread: one thread, so property writes are serialised as in the app. */
    private final java.util.concurrent.ExecutorService ui = java.util.concurrent.Executors.newSingleThreadExecutor();
    /** Counts the tasks the "FX thread" has run; {@link #await} waits for the next one instead of sleeping. */
    private final Object uiTurns = new Object();
    private long turns; // guarded by uiTurns
    private final Executor uiThread = r -> ui.execute(() -> {
        try {
            r.run();
        } finally {
            synchronized (uiTurns) {
                turns++;
                uiTurns.notifyAll();
            }
        }
    });
    private ExecutorTaskRunner tasks;

    @BeforeEach
    void start() throws Exception {
        fixture = new OAuthFixture(home);
        tasks = new ExecutorTaskRunner(1, uiThread, Throwable::printStackTrace);
    }

    @AfterEach
    void stop() {
        fixture.close();
        ui.shutdownNow();
    }

    private OAuthFlowViewModel vm(BrowserOpener opener) {
        return new OAuthFlowViewModel(fixture.oauth, fixture.connection, tasks, dialogs, opener, Duration.ofMinutes(5),
                uiThread, Clock.systemUTC());
    }

    private void onUi(Runnable r) throws Exception {
        ui.submit(r).get();
    }

    /**
     * Waits up to 30 s (a loaded build machine is slow) for the condition, read on the properties' own thread and
     * read again each time that thread has run something (every property change happens there).
     */
    private void await(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            long seen;
            synchronized (uiTurns) {
                seen = turns;
            }
            if (ui.submit(condition::getAsBoolean).get()) {
                return;
            }
            synchronized (uiTurns) {
                while (turns == seen) {
                    long left = deadline - System.nanoTime();
                    assertTrue(left > 0, "condition not reached in time");
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(uiTurns, left);
                }
            }
        }
    }

    @Test
    void allowEndsInstalledWithTheDetailsShown() throws Exception {
        OAuthFlowViewModel vm = vm(fixture.person("Alice Okafor", "allow", "Engineering"));
        assertEquals(fixture.connection.redirectUri(), vm.redirectUriProperty().get());
        onUi(vm::start);
        await(() -> vm.phaseProperty().get() == OAuthFlowViewModel.Phase.SUCCEEDED);
        assertEquals("Installed", vm.outcomeTitleProperty().get());
        assertTrue(vm.outcomeDetailProperty().get().contains("Acme Robotics (Alice Okafor <alice@acme.example>)"), vm.outcomeDetailProperty().get());
        assertEquals(1, fixture.connections.find(fixture.connection.id()).orElseThrow().installations().size());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void cancelOnTheConsentPageIsExplained() throws Exception {
        OAuthFlowViewModel vm = vm(fixture.person("Carol Tanaka", "cancel"));
        onUi(vm::start);
        await(() -> vm.phaseProperty().get() == OAuthFlowViewModel.Phase.FAILED);
        assertEquals("Access denied", vm.outcomeTitleProperty().get());
        assertTrue(vm.outcomeDetailProperty().get().contains("Cancel was clicked"));
    }

    @Test
    void waitingShowsTheUrlAndCountdownTakesAPastedAddressAndCanBeCancelled() throws Exception {
        OAuthFlowViewModel vm = vm(BrowserOpener.NONE);
        onUi(vm::start);
        await(() -> !vm.authorizeUrlProperty().get().isEmpty() && vm.phaseProperty().get() == OAuthFlowViewModel.Phase.WAITING);
        assertTrue(vm.authorizeUrlProperty().get().contains("/v1/oauth/authorize?client_id="));
        assertTrue(vm.timeLeftProperty().get().matches("Listening for 4:[0-5]\\d more"), vm.timeLeftProperty().get());

        onUi(vm::copyAuthorizeUrl);
        assertEquals(vm.authorizeUrlProperty().get(), dialogs.clipboard);
        onUi(vm::copyRedirectUri);
        assertEquals(fixture.connection.redirectUri(), dialogs.clipboard);

        onUi(() -> {
            vm.pasteTextProperty().set("https://example.com/");
            vm.submitPaste();
        });
        assertTrue(vm.pasteErrorProperty().get().contains("not the redirected address"), vm.pasteErrorProperty().get());
        assertEquals(OAuthFlowViewModel.Phase.WAITING, vm.phaseProperty().get());

        onUi(vm::cancel);
        await(() -> vm.phaseProperty().get() == OAuthFlowViewModel.Phase.CANCELLED);
        assertEquals("The listener is closed. Nothing was installed.", vm.outcomeDetailProperty().get());

        // try again after cancelling: a fresh flow with a new URL
        String firstUrl = vm.authorizeUrlProperty().get();
        onUi(vm::start);
        await(() -> !vm.authorizeUrlProperty().get().isEmpty() && !vm.authorizeUrlProperty().get().equals(firstUrl));
        onUi(vm::cancel);
        await(() -> vm.phaseProperty().get() == OAuthFlowViewModel.Phase.CANCELLED);
    }
}
