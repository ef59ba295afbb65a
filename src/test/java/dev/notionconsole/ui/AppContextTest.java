package dev.notionconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.AppDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The composition root's start-up order (docs/decisions/0199): a first start's save of the sandbox connections waits
 * for the deferred services, off the first frames, and is never lost when the app closes before them.
 */
@ExtendWith(ApplicationExtension.class)
class AppContextTest {
    private static final Map<String, String> ENV = Map.of("NOTION_CONSOLE_SECRETS", "session");

    @TempDir
    Path home;

    @Test
    void aFirstStartSavesItsSandboxConnectionsWhenTheDeferredServicesStart() throws Exception {
        Path file = home.resolve("connections.json");
        AppContext context = new AppContext(new AppDirs(home), ENV);
        try {
            Thread.sleep(300); // the save was queued while the context was built; unheld, it would be written by now
            assertFalse(Files.exists(file), "held while the window starts");
            context.startDeferredServices();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readString(file).contains("sandboxDefaultsAdded"));
        } finally {
            context.close();
        }
    }

    @Test
    void whatTheWindowStartsWaitsForTheDeferredServicesWhenTheAppHoldsIt() throws Exception {
        // the app holds background tasks while its first frames draw: the Connections section's secret reads probe
        // the keychain (decision 0200)
        AppContext context = new AppContext(new AppDirs(home), ENV);
        try {
            context.holdTasksUntilDeferredServices();
            java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
            dev.notionconsole.core.concurrent.BackgroundTask.of("Read the secrets", ctx -> {
                ran.countDown();
                return null;
            }).executeWith(context.tasks());
            assertFalse(ran.await(300, TimeUnit.MILLISECONDS), "held until the deferred services");
            context.startDeferredServices();
            assertTrue(ran.await(10, TimeUnit.SECONDS), "released with them");
        } finally {
            context.close();
        }
    }

    @Test
    void anAppClosedBeforeItsDeferredStartStillSavesThem() throws Exception {
        Path file = home.resolve("connections.json");
        AppContext context = new AppContext(new AppDirs(home), ENV);
        List<String> ids = ids(context);
        context.close();
        assertTrue(Files.exists(file), "written while closing");
        AppContext again = new AppContext(new AppDirs(home), ENV);
        try {
            assertFalse(ids.isEmpty());
            assertEquals(ids, ids(again), "the same connections on the next start, not new ones with new ids");
        } finally {
            again.close();
        }
    }

    private static List<String> ids(AppContext context) {
        return context.connections().list().stream().map(c -> c.id()).toList();
    }
}
