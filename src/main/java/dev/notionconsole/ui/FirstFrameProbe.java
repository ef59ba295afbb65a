package dev.notionconsole.ui;

import dev.notionconsole.core.io.AtomicFiles;
import dev.notionconsole.ui.common.Pulses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.LoggerFactory;

/**
 * For the cold-start benchmark (docs/decisions/0008-startup.md, 0095): with
 * {@code -Dnotionconsole.firstFrameFile=PATH}, writes to PATH, as {@code key=value} lines,
 * <ul>
 *   <li>{@code first}: wall-clock time (epoch ms) of the first pulse after the main window is shown;</li>
 *   <li>{@code useful}: the first pulse after which the app's "useful" test holds (the connection list filled,
 *       the picker set, the status bar live); the same as {@code first} when the app gives no test;</li>
 *   <li>{@code maxGapMs}: the longest time between two pulses from the first frame until
 *       {@value #WATCH_MS} ms after the useful one, with an animation asking for a pulse every frame, so any
 *       JavaFX-thread stall while the rest loads shows up here; {@code maxGapEndMs}: when that gap ended, in ms
 *       after the first frame (which part of the start-up to look at; -1 when there was none);</li>
 *   <li>{@code cpuMs}, {@code fxCpuMs}: processor time this JVM, and its JavaFX thread, had used at the first
 *       frame (Linux {@code /proc}; -1 elsewhere). Unlike wall time it hardly depends on the machine's load, so
 *       it compares two start-ups on a busy machine (docs/decisions/0160).</li>
 * </ul>
 * Then exits if {@code -Dnotionconsole.exitAfterFirstFrame=true}. Does nothing without the property. Both
 * may come from the environment instead ({@value #FILE_ENV}, {@value #EXIT_ENV}).
 */
public final class FirstFrameProbe {
    public static final String FILE_PROPERTY = "notionconsole.firstFrameFile";
    public static final String EXIT_PROPERTY = "notionconsole.exitAfterFirstFrame";
    /** The same two settings from the environment, for launchers that take no JVM options (jpackage's). */
    public static final String FILE_ENV = "NOTION_CONSOLE_FIRST_FRAME_FILE";
    public static final String EXIT_ENV = "NOTION_CONSOLE_EXIT_AFTER_FIRST_FRAME";
    static final long WATCH_MS = 1500;

    private final Stage stage;
    private final Path file;
    private volatile BooleanSupplier useful = () -> true;
    private long first;
    private long cpuMs = -1;
    private long fxCpuMs = -1;
    private boolean usefulSeen;
    private long usefulAt;
    private long lastPulseNanos;
    private long maxGapNanos;
    private long maxGapEnd;
    private AnimationTimer watch;

    private FirstFrameProbe(Stage stage, Path file) {
        this.stage = stage;
        this.file = file;
    }

    /** Installs the probe on the main window before it is shown; returns it, or null when not benchmarking. */
    public static FirstFrameProbe install(Stage stage) {
        String file = setting(FILE_PROPERTY, FILE_ENV);
        if (file == null || file.isBlank()) {
            return null;
        }
        FirstFrameProbe probe = new FirstFrameProbe(stage, Path.of(file));
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, shown -> probe.afterNextPulse(probe::firstFrame));
        return probe;
    }

    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(env);
    }

    /** The app's test for its first useful frame, evaluated on the JavaFX thread after each pulse. */
    public void usefulWhen(BooleanSupplier test) {
        this.useful = test;
    }

    private void afterNextPulse(Runnable action) {
        Pulses.afterNextPulse(stage.getScene(), action);
    }

    private void firstFrame() {
        first = System.currentTimeMillis();
        cpuMs = cpuMs("/proc/self/stat");
        fxCpuMs = cpuMs("/proc/thread-self/stat");
        watch = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long wall = System.currentTimeMillis();
                if (lastPulseNanos != 0 && now - lastPulseNanos > maxGapNanos) {
                    maxGapNanos = now - lastPulseNanos;
                    maxGapEnd = wall;
                }
                lastPulseNanos = now;
                if (!usefulSeen && useful.getAsBoolean()) {
                    usefulSeen = true;
                    afterNextPulse(() -> usefulAt = System.currentTimeMillis());
                } else if (usefulAt != 0 && wall - usefulAt >= WATCH_MS) {
                    stop();
                    record();
                }
            }
        };
        watch.start();
    }

    /** User + system time from a Linux {@code stat} file (fields 14 and 15, in clock ticks of 10 ms), or -1. */
    static long cpuMs(String statFile) {
        try {
            String stat = java.nio.file.Files.readString(Path.of(statFile));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ", field 3 (state) is f[0]: utime (14) is f[11], stime (15) is f[12]
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void record() {
        String text = "first=" + first + "\nuseful=" + usefulAt + "\nmaxGapMs=" + maxGapNanos / 1_000_000
                + "\nmaxGapEndMs=" + (maxGapEnd == 0 ? -1 : maxGapEnd - first)
                + "\ncpuMs=" + cpuMs + "\nfxCpuMs=" + fxCpuMs + "\n";
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // looked up only here: the probe must not start logging in the hello-world baseline
            LoggerFactory.getLogger(FirstFrameProbe.class).error("Could not write the start-up times to {}", file, e);
        }
        if (Boolean.parseBoolean(setting(EXIT_PROPERTY, EXIT_ENV))) {
            Platform.exit();
        }
    }
}
