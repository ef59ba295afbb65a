package dev.notionconsole.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Remembers, between starts, whether the GUI drew with JavaFX's software renderer (no usable GPU: a virtual machine,
 * a remote desktop, Xvfb), so the next start can set the renderer up for it before the toolkit starts
 * (docs/decisions/0194). There, JavaFX's region-background cache costs more than it saves: every rounded background
 * of the first frame is drawn twice (into the cache, then from it) and the cache is an 8 MB array on the heap; without
 * it the first frame's paint took 80-110 ms instead of 130-160 ms. With a GPU the cache is a texture and stays on.
 *
 * <p>One word in a file of the cache folder. A machine that gains a GPU starts once without the cache (harmless) and
 * is remembered again; a user's own {@code -Dprism.disableRegionCaching} always wins.
 */
public final class RenderingMemo {
    static final String FILE_NAME = "rendering";
    static final String REGION_CACHE_PROPERTY = "prism.disableRegionCaching";

    private final Path file;

    RenderingMemo(Path cacheDir) {
        this.file = cacheDir.resolve(FILE_NAME);
    }

    /** The memo in this user's cache folder ({@link ArchivePlan#cacheDir}). */
    public static RenderingMemo forThisUser() {
        return new RenderingMemo(ArchivePlan.cacheDir(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home"))));
    }

    /** Call before the toolkit starts: turns the region cache off when the last start drew in software. */
    public void applyBeforeToolkit() {
        if (System.getProperty(REGION_CACHE_PROPERTY) == null && lastStartDrewInSoftware()) {
            System.setProperty(REGION_CACHE_PROPERTY, "true");
        }
    }

    boolean lastStartDrewInSoftware() {
        try {
            return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).strip().equals("software");
        } catch (IOException | RuntimeException e) {
            return false; // no memo: JavaFX's defaults
        }
    }

    /** Records how this start draws; off the JavaFX thread (a file write). A failure only loses the hint. */
    public void remember(boolean software) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, (software ? "software" : "hardware") + "\n", StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // next start runs with JavaFX's defaults
        }
    }
}
