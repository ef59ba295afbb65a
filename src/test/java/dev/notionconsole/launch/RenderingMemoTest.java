package dev.notionconsole.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingMemoTest {
    private static final String HERE = ":0|";
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path cache;
    private final Map<String, String> before = new HashMap<>();

    @BeforeEach
    void saveProperties() {
        for (String p : new String[] {RenderingMemo.REGION_CACHE_PROPERTY, RenderingMemo.ORDER_PROPERTY}) {
            before.put(p, System.getProperty(p));
            System.clearProperty(p);
        }
    }

    @AfterEach
    void restoreProperties() {
        before.forEach((p, v) -> {
            if (v == null) {
                System.clearProperty(p);
            } else {
                System.setProperty(p, v);
            }
        });
    }

    private RenderingMemo memo(String display) {
        return new RenderingMemo(cache, display, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A memo written by a probe {@code age} ago. */
    private void probed(boolean software, String display, Duration age) throws Exception {
        memo(display).remember(software);
        Files.setLastModifiedTime(cache.resolve(RenderingMemo.FILE_NAME), FileTime.from(NOW.minus(age)));
    }

    @Test
    void aStartAfterAProbeThatFoundNoGpuHereSkipsTheProbeAndTheRegionCache() throws Exception {
        probed(true, HERE, Duration.ofHours(2));
        assertTrue(memo(HERE).skipsGpuProbe());
        assertFalse(memo(HERE).applyBeforeToolkit(), "nothing probed, nothing to remember");
        assertEquals("sw", System.getProperty(RenderingMemo.ORDER_PROPERTY));
        assertEquals("true", System.getProperty(RenderingMemo.REGION_CACHE_PROPERTY));
        assertEquals("software :0|", Files.readString(cache.resolve(RenderingMemo.FILE_NAME)).strip(),
                "the line the launcher script compares with");
    }

    @Test
    void anotherDisplayOrAWeekLaterProbesAgain() throws Exception {
        probed(true, "localhost:10.0|", Duration.ofHours(2)); // found over a remote session
        assertFalse(memo(HERE).skipsGpuProbe());
        assertTrue(memo(HERE).applyBeforeToolkit(), "the laptop's own screen may have a GPU");
        assertNull(System.getProperty(RenderingMemo.ORDER_PROPERTY));
        assertEquals("true", System.getProperty(RenderingMemo.REGION_CACHE_PROPERTY), "harmless either way");

        System.clearProperty(RenderingMemo.REGION_CACHE_PROPERTY);
        probed(true, HERE, Duration.ofDays(RenderingMemo.TRUSTED_DAYS).plusMinutes(1));
        assertFalse(memo(HERE).skipsGpuProbe(), "a driver may have come since");
        assertTrue(memo(HERE).applyBeforeToolkit());
        assertNull(System.getProperty(RenderingMemo.ORDER_PROPERTY));
    }

    @Test
    void aFirstStartOrOneAfterAGpuKeepsJavaFxsDefaults() throws Exception {
        assertTrue(memo(HERE).applyBeforeToolkit(), "no memo yet: probe and remember");
        assertNull(System.getProperty(RenderingMemo.REGION_CACHE_PROPERTY));
        assertNull(System.getProperty(RenderingMemo.ORDER_PROPERTY));

        probed(true, HERE, Duration.ofHours(1));
        probed(false, HERE, Duration.ZERO); // the machine gained a GPU: remembered again
        assertFalse(memo(HERE).skipsGpuProbe());
        assertTrue(memo(HERE).applyBeforeToolkit());
        assertNull(System.getProperty(RenderingMemo.REGION_CACHE_PROPERTY));
        assertNull(System.getProperty(RenderingMemo.ORDER_PROPERTY));
    }

    @Test
    void theUsersOwnSettingsWin() throws Exception {
        probed(true, HERE, Duration.ofHours(1));
        System.setProperty(RenderingMemo.REGION_CACHE_PROPERTY, "false");
        System.setProperty(RenderingMemo.ORDER_PROPERTY, "es2");
        assertFalse(memo(HERE).applyBeforeToolkit(), "the user chose: no probe of ours to remember");
        assertEquals("false", System.getProperty(RenderingMemo.REGION_CACHE_PROPERTY));
        assertEquals("es2", System.getProperty(RenderingMemo.ORDER_PROPERTY));
    }

    @Test
    void aMemoOfTheEarlierOneWordFormOnlyTurnsTheRegionCacheOff() throws Exception {
        Files.writeString(cache.resolve(RenderingMemo.FILE_NAME), "software\n");
        assertFalse(memo(HERE).skipsGpuProbe());
        assertTrue(memo(HERE).applyBeforeToolkit());
        assertEquals("true", System.getProperty(RenderingMemo.REGION_CACHE_PROPERTY));
        assertNull(System.getProperty(RenderingMemo.ORDER_PROPERTY));
    }

    @Test
    void anUnreadableOrForeignMemoIsNoMemo() throws Exception {
        Files.writeString(cache.resolve(RenderingMemo.FILE_NAME), "\u0000garbage");
        assertFalse(memo(HERE).lastStartDrewInSoftware());
        assertFalse(memo(HERE).skipsGpuProbe());
        Files.delete(cache.resolve(RenderingMemo.FILE_NAME));
        Files.createDirectory(cache.resolve(RenderingMemo.FILE_NAME)); // a folder where the file should be
        assertFalse(memo(HERE).lastStartDrewInSoftware());
        assertTrue(memo(HERE).applyBeforeToolkit());
        memo(HERE).remember(true); // cannot write: only the hint is lost
        assertTrue(Files.isDirectory(cache.resolve(RenderingMemo.FILE_NAME)));
    }

    @Test
    void aMissingCacheFolderIsCreated() {
        RenderingMemo memo = new RenderingMemo(cache.resolve("not/yet"), HERE, Clock.fixed(NOW, ZoneOffset.UTC));
        memo.remember(true);
        assertTrue(memo.lastStartDrewInSoftware());
    }

    @Test
    void theDisplayKeyNamesTheX11AndWaylandDisplays() {
        assertEquals(":0|wayland-0", RenderingMemo.displayKey(Map.of("DISPLAY", ":0", "WAYLAND_DISPLAY", "wayland-0")));
        assertEquals("|", RenderingMemo.displayKey(Map.of()));
    }
}
