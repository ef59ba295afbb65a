package dev.notionconsole.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingMemoTest {
    @TempDir
    Path cache;
    private String before;

    @BeforeEach
    void saveProperty() {
        before = System.getProperty(RenderingMemo.REGION_CACHE_PROPERTY);
        System.clearProperty(RenderingMemo.REGION_CACHE_PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (before == null) {
            System.clearProperty(RenderingMemo.REGION_CACHE_PROPERTY);
        } else {
            System.setProperty(RenderingMemo.REGION_CACHE_PROPERTY, before);
        }
    }

    @Test
    void aStartAfterOneThatDrewInSoftwareTurnsTheRegionCacheOff() {
        new RenderingMemo(cache).remember(true);
        new RenderingMemo(cache).applyBeforeToolkit();
        assertEquals("true", System.getProperty(RenderingMemo.REGION_CACHE_PROPERTY));
    }

    @Test
    void aFirstStartOrOneAfterAGpuKeepsJavaFxsDefaults() {
        new RenderingMemo(cache).applyBeforeToolkit();
        assertNull(System.getProperty(RenderingMemo.REGION_CACHE_PROPERTY), "no memo yet");
        RenderingMemo memo = new RenderingMemo(cache);
        memo.remember(true);
        memo.remember(false); // the machine gained a GPU: remembered again
        memo.applyBeforeToolkit();
        assertNull(System.getProperty(RenderingMemo.REGION_CACHE_PROPERTY));
    }

    @Test
    void theUsersOwnSettingWins() {
        new RenderingMemo(cache).remember(true);
        System.setProperty(RenderingMemo.REGION_CACHE_PROPERTY, "false");
        new RenderingMemo(cache).applyBeforeToolkit();
        assertEquals("false", System.getProperty(RenderingMemo.REGION_CACHE_PROPERTY));
    }

    @Test
    void anUnreadableOrForeignMemoIsNoMemo() throws Exception {
        Files.writeString(cache.resolve(RenderingMemo.FILE_NAME), "\u0000garbage");
        assertFalse(new RenderingMemo(cache).lastStartDrewInSoftware());
        Files.delete(cache.resolve(RenderingMemo.FILE_NAME));
        Files.createDirectory(cache.resolve(RenderingMemo.FILE_NAME)); // a folder where the file should be
        assertFalse(new RenderingMemo(cache).lastStartDrewInSoftware());
        new RenderingMemo(cache).remember(true); // cannot write: only the hint is lost
        assertTrue(Files.isDirectory(cache.resolve(RenderingMemo.FILE_NAME)));
    }

    @Test
    void aMissingCacheFolderIsCreated() {
        RenderingMemo memo = new RenderingMemo(cache.resolve("not/yet"));
        memo.remember(true);
        assertTrue(memo.lastStartDrewInSoftware());
    }
}
