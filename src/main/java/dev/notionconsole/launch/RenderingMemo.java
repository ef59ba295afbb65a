package dev.notionconsole.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Remembers, between starts, whether the GUI drew with JavaFX's software renderer (no usable GPU: a virtual machine,
 * a remote desktop, Xvfb), so the next start can set the renderer up for it before the toolkit starts.
 * <ul>
 *   <li>JavaFX's region-background cache goes off (docs/decisions/0194): in software every rounded background of the
 *       first frame was drawn twice and the cache is an 8 MB array on the heap.</li>
 *   <li>The OpenGL probe is skipped (docs/decisions/0196): JavaFX tries its OpenGL pipeline first and GTK sets up
 *       OpenGL for its visuals, which without a GPU loads Mesa's software OpenGL (libLLVM: ~50 MB resident,
 *       ~130 ms and ~250 ms of processor time at each start) only for JavaFX to fall back to software anyway.
 *       {@code prism.order=sw} here; {@code GDK_GL=disable} by the launcher that starts the GUI's process
 *       ({@link GtkGl}), since a JVM cannot change its own environment.</li>
 * </ul>
 *
 * <p>The memo is one line in the cache folder: {@code software} or {@code hardware}, then the display it was found
 * on ({@code $DISPLAY|$WAYLAND_DISPLAY}: a laptop's own screen and a remote session differ). The probe is skipped
 * only on that display and for {@value #TRUSTED_DAYS} days after the probe that wrote it; a start that skips it does
 * not rewrite the memo, so a machine that gains a GPU or a driver is probed again within the week. The Linux app
 * image's script reads the same line (packaging/linux/launcher.sh). The user's own {@code -Dprism.order},
 * {@code -Dprism.disableRegionCaching} and {@code GDK_GL} always win.
 */
public final class RenderingMemo {
    static final String FILE_NAME = "rendering";
    static final String REGION_CACHE_PROPERTY = "prism.disableRegionCaching";
    static final String ORDER_PROPERTY = "prism.order";
    static final int TRUSTED_DAYS = 7;

    private final Path file;
    private final String display;
    private final Clock clock;

    RenderingMemo(Path cacheDir, String display, Clock clock) {
        this.file = cacheDir.resolve(FILE_NAME);
        this.display = display;
        this.clock = clock;
    }

    /** The memo in this user's cache folder ({@link ArchivePlan#cacheDir}), for this process's display. */
    public static RenderingMemo forThisUser() {
        Map<String, String> env = System.getenv();
        return new RenderingMemo(ArchivePlan.cacheDir(env, System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home"))), displayKey(env), Clock.systemUTC());
    }

    /** Which display a start draws on, as the memo and the launcher script write it. */
    static String displayKey(Map<String, String> env) {
        return env.getOrDefault("DISPLAY", "") + "|" + env.getOrDefault("WAYLAND_DISPLAY", "");
    }

    /**
     * Call before the toolkit starts. Returns true when this start probes the GPU, so that it should
     * {@link #remember} what it found; false when the user chose the pipeline or the memo let it skip the probe.
     */
    public boolean applyBeforeToolkit() {
        String memo = read();
        if (drewInSoftware(memo) && System.getProperty(REGION_CACHE_PROPERTY) == null) {
            System.setProperty(REGION_CACHE_PROPERTY, "true");
        }
        if (System.getProperty(ORDER_PROPERTY) != null) {
            return false;
        }
        if (skipsProbe(memo)) {
            System.setProperty(ORDER_PROPERTY, "sw");
            return false;
        }
        return true;
    }

    /** True when the GUI about to start may skip the OpenGL probe: a recent memo of software drawing on this display. */
    public boolean skipsGpuProbe() {
        return skipsProbe(read());
    }

    private boolean skipsProbe(String memo) {
        if (!memo.equals("software " + display)) {
            return false;
        }
        try {
            Instant probed = Files.getLastModifiedTime(file).toInstant();
            return probed.isAfter(clock.instant().minus(Duration.ofDays(TRUSTED_DAYS)));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The memo's line, or "" when there is none or it cannot be read (JavaFX's defaults). */
    private String read() {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    boolean lastStartDrewInSoftware() {
        return drewInSoftware(read());
    }

    /** Either form of the memo: this one's ({@code software <display>}) or the earlier one word. */
    private static boolean drewInSoftware(String memo) {
        return memo.startsWith("software");
    }

    /** Records what this start's probe found; off the JavaFX thread (a file write). A failure only loses the hint. */
    public void remember(boolean software) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, (software ? "software " : "hardware ") + display + "\n", StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // next start runs with JavaFX's defaults
        }
    }
}
