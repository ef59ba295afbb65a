package dev.notionconsole.ui.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.concurrent.ExecutorTaskRunner;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.diagnostics.DiagnosticsEngine;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.testsupport.SandboxConnections;
import dev.notionconsole.ui.common.RecordingDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Probes run in the background with progress and cancel: against the clinic fixture with a slow identity call for
 * Rota Bot (a fault rule), a real worker-pool runner, callbacks on one "UI" thread.
 */
class DiagnosisCancelTest {
    @RegisterExtension
    static final SandboxConnections sandbox = SandboxConnections.with(SandboxOptions.builder().port(0).rateLimitOff()
            .fixture(slowClinic()).build());

    /** The clinic fixture plus a 20-second delay on Rota Bot's GET /v1/users/me. */
    static Path slowClinic() {
        try {
            ObjectNode f = (ObjectNode) Json.mapper().readTree(DiagnosticsViewModelTest.clinicFixture().toFile());
            f.putArray("faults").addObject().put("method", "GET").put("path", "/v1/users/me").put("delay_ms", 20_000)
                    .put("connection", "Rota Bot");
            Path p = Files.createTempFile("slow-clinic", ".json");
            Json.mapper().writeValue(p.toFile(), f);
            return p;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cancelStopsTheProbesAndKeepsTheCallsMadeSoFar() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        ExecutorTaskRunner tasks = new ExecutorTaskRunner(2, ui, t -> { });
        try {
            ConnectionService service = sandbox.connections();
            DiagnosticsViewModel vm = new DiagnosticsViewModel(service, new DiagnosticsEngine(new ConnectionCaller(service, null),
                    EndpointCatalog.builtIn()), null, tasks, new RecordingDialogService(), o -> { }, uri -> { }, ui::execute);
            CountDownLatch firstEvidence = new CountDownLatch(1);
            CountDownLatch stopped = new CountDownLatch(1);
            ui.submit(() -> {
                vm.verdict().evidence().addListener((javafx.collections.ListChangeListener<EvidenceItem>) c -> firstEvidence.countDown());
                vm.runningProperty().addListener((o, a, b) -> {
                    if (!b) {
                        stopped.countDown();
                    }
                });
                vm.input().connectionProperty().set(service.findByIdOrName("Sandbox: Rota Bot").orElseThrow());
                vm.input().pathProperty().set("/v1/pages/" + Ids.fromKey("billing"));
                vm.run();
            }).get();
            // the call itself comes back at once; the identity probe hangs on the fault's delay
            assertTrue(firstEvidence.await(60, TimeUnit.SECONDS), "the first evidence arrives while the probes run");
            assertTrue(onUi(ui, () -> vm.runningProperty().get()), "still running: the identity probe is slow");
            assertTrue(onUi(ui, () -> vm.progressTextProperty().get().contains("call")), "progress counts the calls");
            long started = System.nanoTime();
            ui.submit(vm::cancel).get();
            assertTrue(stopped.await(60, TimeUnit.SECONDS), "the run stops");
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 15, "cancel does not wait for the slow call");
            assertEquals("Cancelled: the calls made so far are listed below.", onUi(ui, () -> vm.progressTextProperty().get()));
            assertNull(onUi(ui, () -> vm.verdict().diagnosisProperty().get()), "no verdict from half the probes");
            assertFalse(onUi(ui, () -> vm.verdict().evidence().isEmpty()), "the calls made so far stay listed");
        } finally {
            tasks.close();
            ui.shutdownNow();
            ui.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static <T> T onUi(ExecutorService ui, java.util.concurrent.Callable<T> read) {
        try {
            return ui.submit(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
