package dev.notionconsole.ui.request;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.request.render.BodyRenderer;
import dev.notionconsole.request.render.LargeBodies;
import dev.notionconsole.request.render.RenderedBody;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Request-view benchmark (issue 6): a 10 MB and a 50 MB JSON answer shown by the response viewer
 * ({@link BodyRenderer} + {@link BodyDocument} on a worker, one replace on the JavaFX thread) and, in the
 * same run, by a plain {@link TextArea} given the whole pretty-printed body (the naive way). Figures: time
 * from "body received" to the first frame laid out with it, and the longest JavaFX-thread stall, measured
 * by a 5 ms {@code Platform.runLater} heartbeat (latency of each beat) and by pulse gaps (AnimationTimer).
 * Writes target/bench/request-view.txt and .json. Run with {@code mvn -Pbench verify}.
 */
@Tag("bench")
class ResponseViewBench {
    private static final int RUNS = 3;
    private static final long TEXTAREA_TIMEOUT_S = 60;

    private Stage stage;
    private BodyViewer viewer;
    private final StackPane root = new StackPane();

    /**
     * @param fxCpuMs CPU time the JavaFX thread spent from "body received" to the first frame: unlike wall-clock
     *     stalls it does not grow when other processes load the machine, so it is the figure to compare across runs
     */
    record Figures(String scenario, long firstRenderMs, long maxStallMs, long maxPulseGapMs, long fxCpuMs, boolean finished) {
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private long fxThreadId;

    @Test
    void responseViewerAgainstPlainTextArea() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            s.setScene(new Scene(root, 1200, 800));
            s.show();
        });
        fxThreadId = onFx(() -> Thread.currentThread().getId());
        List<Figures> results = new ArrayList<>();
        // the first body this JVM ever shows, as the app's first answer is. The only thing before it is what the
        // Request view does once when first opened: prime its viewer (a row of its own, nothing discarded)
        results.add(run("priming, once per viewer", this::primingScenario));
        byte[] first = LargeBodies.searchResults(10_000_000, 10);
        results.add(run("viewer 10 MB, first show", () -> viewerScenario(first)));
        byte[] warm = LargeBodies.searchResults(1_000_000, 7);
        run("warm-up textarea", () -> textAreaScenario(warm, false));

        Map<String, String> sizes = new LinkedHashMap<>();
        for (int mb : new int[] {10, 50}) {
            byte[] body = LargeBodies.searchResults(mb * 1_000_000, mb);
            sizes.put(mb + "MB", body.length + " bytes");
            List<Figures> viewerRuns = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                viewerRuns.add(run("viewer " + mb + " MB", () -> viewerScenario(body)));
            }
            results.add(median("viewer " + mb + " MB", viewerRuns));
            results.add(run("TextArea, same prefix " + mb + " MB", () -> textAreaScenario(body, true)));
        }
        // the naive baseline last: it may hold the JavaFX thread for longer than the timeout, after which
        // nothing else can be measured in this JVM, so 50 MB is only tried when 10 MB finished
        for (int mb : new int[] {10, 50}) {
            byte[] body = LargeBodies.searchResults(mb * 1_000_000, mb);
            Figures f = run("TextArea, whole body " + mb + " MB", () -> textAreaScenario(body, false));
            results.add(f);
            if (!f.finished) {
                if (mb == 10) {
                    results.add(new Figures("TextArea, whole body 50 MB", -1, -1, -1, -1, false));
                }
                break;
            }
        }
        write(results, sizes);
        Figures ten = results.stream().filter(f -> f.scenario.equals("viewer 10 MB")).findFirst().orElseThrow();
        assertTrue(ten.finished, "the viewer showed the 10 MB body");
    }

    /**
     * Our path: render + build the document on a worker, then {@link BodyViewer#show} on the FX thread. One
     * viewer serves every run, as the app's one response viewer does; it is emptied and laid out in between.
     */
    private Figures viewerScenario(byte[] body) throws Exception {
        BodyViewer viewer = onFx(() -> {
            if (this.viewer == null) {
                this.viewer = new BodyViewer();
            }
            this.viewer.show(BodyDocument.EMPTY);
            root.getChildren().setAll(this.viewer);
            return this.viewer;
        });
        settle();
        return measure(done -> CompletableFuture.supplyAsync(() -> {
            RenderedBody r = new BodyRenderer().render(body, true, BodyRenderer.Mode.PRETTY, () -> false);
            return BodyDocument.build(r, () -> false);
        }).thenAccept(doc -> Platform.runLater(() -> {
            viewer.show(doc);
            // 12 lines, then 36, then a screenful (120) come one pulse each, the rest after: count to the full first screen
            afterNextLayout(() -> afterNextLayout(() -> afterNextLayout(done)));
        })), viewer);
    }

    /** {@link BodyViewer#prime}, as the Request view runs it when first opened: a few pulses, measured whole. */
    private Figures primingScenario() throws Exception {
        onFx(() -> {
            viewer = new BodyViewer();
            root.getChildren().setAll(viewer);
            return null;
        });
        settle();
        return measure(done -> Platform.runLater(() -> viewer.prime(done)), viewer);
    }

    /** Baseline: pretty-print on a worker (to be fair), then TextArea.setText on the FX thread. */
    private Figures textAreaScenario(byte[] body, boolean samePrefix) throws Exception {
        TextArea area = onFx(() -> {
            TextArea t = new TextArea();
            t.setEditable(false);
            t.setStyle("-fx-font-family: monospace");
            root.getChildren().setAll(t);
            return t;
        });
        settle();
        return measure(done -> CompletableFuture.supplyAsync(() -> {
            if (samePrefix) {
                return new BodyRenderer().render(body, true, BodyRenderer.Mode.PRETTY, () -> false).text();
            }
            try {
                JsonNode n = Json.mapper().readTree(body);
                return Json.pretty(n);
            } catch (Exception e) {
                return new String(body, StandardCharsets.UTF_8);
            }
        }).thenAccept(text -> Platform.runLater(() -> {
            area.setText(text);
            afterNextLayout(done);
        })), area);
    }

    private Figures measure(Consumer<Runnable> start, Parent shown) throws Exception {
        AtomicLong maxStall = new AtomicLong();
        AtomicLong maxGap = new AtomicLong();
        AtomicLong lastPulse = new AtomicLong();
        ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor();
        beat.scheduleAtFixedRate(() -> {
            long sent = System.nanoTime();
            Platform.runLater(() -> maxStall.accumulateAndGet((System.nanoTime() - sent) / 1_000_000, Math::max));
        }, 0, 5, TimeUnit.MILLISECONDS);
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long prev = lastPulse.getAndSet(now);
                if (prev != 0) {
                    maxGap.accumulateAndGet((now - prev) / 1_000_000, Math::max);
                }
            }
        };
        onFx(() -> {
            pulses.start();
            return null;
        });
        Thread.sleep(200); // baseline beats before the body arrives
        maxStall.set(0);
        maxGap.set(0);
        CompletableFuture<Long> rendered = new CompletableFuture<>();
        long cpu0 = THREADS.getThreadCpuTime(fxThreadId);
        long[] cpuAtRender = {0};
        long t0 = System.nanoTime();
        start.accept(() -> {
            cpuAtRender[0] = THREADS.getThreadCpuTime(fxThreadId) - cpu0;
            rendered.complete((System.nanoTime() - t0) / 1_000_000);
        });
        Long firstRender;
        boolean finished = true;
        try {
            firstRender = rendered.get(TEXTAREA_TIMEOUT_S, TimeUnit.SECONDS);
            Thread.sleep(500); // stalls right after the first frame (scrolling, second layout) count too
        } catch (java.util.concurrent.TimeoutException e) {
            firstRender = TEXTAREA_TIMEOUT_S * 1000;
            maxStall.accumulateAndGet(TEXTAREA_TIMEOUT_S * 1000, Math::max);
            finished = false;
        }
        beat.shutdownNow();
        if (finished) {
            onFx(() -> {
                pulses.stop();
                return null;
            });
        }
        long fxCpu = finished ? cpuAtRender[0] / 1_000_000 : (THREADS.getThreadCpuTime(fxThreadId) - cpu0) / 1_000_000;
        return new Figures("", firstRender, maxStall.get(), maxGap.get(), fxCpu, finished);
    }

    private void afterNextLayout(Runnable done) {
        Scene scene = stage.getScene();
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            scene.removePostLayoutPulseListener(self[0]);
            done.run();
        };
        scene.addPostLayoutPulseListener(self[0]);
        Platform.requestNextPulse();
    }

    private interface Scenario {
        Figures call() throws Exception;
    }

    private static Figures run(String name, Scenario s) throws Exception {
        System.gc();
        Figures f = s.call();
        Figures named = new Figures(name, f.firstRenderMs, f.maxStallMs, f.maxPulseGapMs, f.fxCpuMs, f.finished);
        System.out.println("[bench] " + named);
        return named;
    }

    private static Figures median(String name, List<Figures> runs) {
        return new Figures(name, med(runs.stream().mapToLong(Figures::firstRenderMs).toArray()),
                med(runs.stream().mapToLong(Figures::maxStallMs).toArray()),
                med(runs.stream().mapToLong(Figures::maxPulseGapMs).toArray()), med(runs.stream().mapToLong(Figures::fxCpuMs).toArray()),
                runs.stream().allMatch(Figures::finished));
    }

    private static long med(long[] v) {
        java.util.Arrays.sort(v);
        return v[v.length / 2];
    }

    private static void settle() throws Exception {
        Thread.sleep(300);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return dev.notionconsole.ui.OnFx.call(c, TEXTAREA_TIMEOUT_S);
    }

    private static void write(List<Figures> results, Map<String, String> sizes) throws Exception {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        StringBuilder txt = new StringBuilder();
        txt.append("Request view benchmark (ResponseViewBench): body received -> first frame laid out; longest JavaFX-thread stall\n");
        txt.append("Bodies: ").append(sizes).append("; viewer limits ").append(BodyRenderer.Limits.DEFAULT)
                .append("; viewer figures are the median of ").append(RUNS).append(" runs\n\n");
        txt.append("Machine load (1-min average) at the end: ").append(String.format(Locale.ROOT, "%.1f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores; wall-clock figures grow with load, FX CPU does not\n\n");
        txt.append(String.format(Locale.ROOT, "%-32s %15s %14s %16s %16s%n", "scenario", "first render ms", "max stall ms",
                "max pulse gap ms", "FX CPU to 1st ms"));
        for (Figures f : results) {
            if (f.firstRenderMs < 0) {
                txt.append(String.format(Locale.ROOT, "%-32s %s%n", f.scenario, "not run: 10 MB already exceeded the timeout"));
                continue;
            }
            txt.append(String.format(Locale.ROOT, "%-32s %15s %14s %16d %16s%n", f.scenario,
                    f.finished ? String.valueOf(f.firstRenderMs) : "> " + f.firstRenderMs,
                    f.finished ? String.valueOf(f.maxStallMs) : ">= " + f.maxStallMs, f.maxPulseGapMs,
                    f.finished ? String.valueOf(f.fxCpuMs) : ">= " + f.fxCpuMs));
        }
        txt.append('\n');
        for (int mb : new int[] {10, 50}) {
            Figures v = find(results, "viewer " + mb + " MB");
            Figures same = find(results, "TextArea, same prefix " + mb + " MB");
            if (v != null && same != null) {
                txt.append(String.format(Locale.ROOT, "%d MB: viewer/TextArea with the same shown text: max stall %.2fx, FX CPU %.2fx (below 1: the viewer is lighter)%n",
                        mb, v.maxStallMs / (double) Math.max(1, same.maxStallMs), v.fxCpuMs / (double) Math.max(1, same.fxCpuMs)));
            }
            Figures t = find(results, "TextArea, whole body " + mb + " MB");
            if (v != null && t != null && t.firstRenderMs >= 0) {
                txt.append(String.format(Locale.ROOT, "%d MB: TextArea/viewer first render %s%.1fx, max stall %s%.1fx, FX CPU %s%.1fx%n", mb,
                        t.finished ? "" : "> ", t.firstRenderMs / (double) Math.max(1, v.firstRenderMs),
                        t.finished ? "" : "> ", t.maxStallMs / (double) Math.max(1, v.maxStallMs),
                        t.finished ? "" : "> ", t.fxCpuMs / (double) Math.max(1, v.fxCpuMs)));
            }
        }
        Files.writeString(dir.resolve("request-view.txt"), txt.toString());
        Files.writeString(dir.resolve("request-view.json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
    }

    private static Figures find(List<Figures> results, String name) {
        return results.stream().filter(f -> f.scenario.equals(name)).findFirst().orElse(null);
    }
}
