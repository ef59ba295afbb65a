package dev.notionconsole.ui;

import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.logging.Logging;
import dev.notionconsole.ui.shell.MainWindowView;
import dev.notionconsole.ui.shell.MainWindowViewModel;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import dev.notionconsole.settings.Theme;
import dev.notionconsole.ui.common.ThemeManager;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.launch.RenderingMemo;
import javafx.application.Application;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import dev.notionconsole.ui.common.Pulses;
import dev.notionconsole.ui.common.StartupThread;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. {@code init()} builds the composition root off the JavaFX thread (it reads files),
 * {@code start()} shows the main window, {@code stop()} saves the window placement and shuts services down.
 * Started by {@link dev.notionconsole.Launcher} from the jar, or directly by {@code mvn javafx:run}.
 */
public class App extends Application {
    static {
        // javafx:run starts here rather than in Launcher: point the log at the app folder before any logger exists
        Logging.configure(AppDirs.fromEnvironment());
    }

    /**
     * The services, built on their own thread while the JavaFX toolkit starts (docs/decisions/0161): both take
     * hundreds of milliseconds, and {@code Application.launch} would otherwise do them one after the other.
     */
    private static volatile CompletableFuture<AppContext> early;
    /** Whether this start let JavaFX probe the GPU, so should remember what it found (docs/decisions/0196). */
    private static volatile boolean probesGpu = true;

    /**
     * Pulses after the window shows before the held background tasks, the keychain probe, the history read and the
     * held connection save start:
     * after the connection rows and the form's parts (~0.65 s on). At 14 they started beside the form's last parts,
     * and those pulses grew to 60-78 ms on two cores (docs/decisions/0199; 4 before 0198).
     */
    static final int DEFERRED_SERVICES_PULSES = 28;

    private AppContext context;
    private MainWindowViewModel mainWindow;
    private MainWindowView mainWindowView;
    private Thread shutdownHook;

    public static void launchGui(String[] args) {
        early = buildServicesEarly();
        Warmup.beforeToolkit();
        probesGpu = RenderingMemo.forThisUser().applyBeforeToolkit();
        Application.launch(App.class, args);
    }

    private static CompletableFuture<AppContext> buildServicesEarly() {
        CompletableFuture<AppContext> services = new CompletableFuture<>();
        StartupThread.start("build-services", () -> {
            try {
                log(); // the logging set-up comes first: AppContext's classes log
                services.complete(new AppContext(AppDirs.fromEnvironment(), System.getenv()));
            } catch (Throwable t) {
                services.completeExceptionally(t);
            }
        });
        return services;
    }

    /** Looked up when used, not in a static field: the first lookup configures Logback, off the launch path. */
    private static Logger log() {
        return LoggerFactory.getLogger(App.class);
    }

    public static void main(String[] args) {
        launchGui(args);
    }

    @Override
    public void init() {
        long t0 = System.nanoTime();
        context = early != null ? joinServices(early) : new AppContext(AppDirs.fromEnvironment(), System.getenv());
        context.uncaughtErrors().install();
        // Start-up overlap (docs/decisions/0008-startup.md, 0193): the JavaFX thread is idle while init() runs, so it
        // loads the theme's stylesheet now; the warm-up (icons, icon font, control classes) runs on its own thread.
        Theme theme = context.initialTheme();
        Warmup.awaitStylesheetRead(); // never two stylesheet reads at once (its javadoc)
        Platform.runLater(() -> ThemeManager.apply(theme));
        Warmup.start();
        log().info("Services ready {} ms after init() began", (System.nanoTime() - t0) / 1_000_000);
    }

    private static AppContext joinServices(CompletableFuture<AppContext> services) {
        try {
            return services.join();
        } catch (java.util.concurrent.CompletionException e) {
            // the cause as if it had been thrown here: a failing store stops the start the same way as before
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    @Override
    public void start(Stage stage) {
        long t0 = System.nanoTime();
        context.holdTasksUntilDeferredServices();
        mainWindow = context.mainWindowViewModel();
        MainWindowView view = new MainWindowView(mainWindow, context.dialogs(), context.notificationLayer());
        mainWindowView = view;
        view.install(stage);
        context.attach(stage);
        FirstFrameProbe probe = FirstFrameProbe.install(stage);
        if (probe != null) {
            probe.usefulWhen(() -> usefulFrameReady(stage.getScene()));
        }
        // what the first frames do not need starts once the connection list and the form are in, ~0.65 s on: on two
        // cores it slowed their paint past 100 ms between frames (docs/decisions/0097, 0194, 0198, 0199)
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN,
                shown -> Pulses.afterPulses(stage.getScene(), DEFERRED_SERVICES_PULSES, () -> {
                    context.startDeferredServices();
                    rememberRendering();
                }));
        // ended without closing the window (logout, kill): still keep the theme, workspace and placement
        shutdownHook = new Thread(this::saveSettings, "save-settings");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        // the render thread is idle while the window is shown: it warms up the first frame's paint (docs/decisions/0195)
        RenderWarmup.submit();
        stage.show();
        // no JVM uptime here: java.management's first use would run on this thread before the first frame
        log().info("Main window shown in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * What this start's GPU probe found, for the next one's renderer set-up (docs/decisions/0194, 0196); only the
     * hardware pipelines do 3D. Not when the probe was skipped or the user chose the pipeline: nothing was found.
     */
    private void rememberRendering() {
        if (!probesGpu) {
            return;
        }
        boolean software = !Platform.isSupported(ConditionalFeature.SCENE3D);
        BackgroundTask.of("Remembering how the window draws", ctx -> {
            RenderingMemo.forThisUser().remember(software);
            return null;
        }).executeWith(context.tasks());
    }

    /**
     * The first useful frame (for the benchmark): the connection list holding every connection, the picker showing
     * the current connection and the status bar naming it. Looked up by the node ids of the TestFX contract.
     */
    static boolean usefulFrameReady(Scene scene) {
        Node list = scene.lookup("#connectionsList");
        Node picker = scene.lookup("#connectionPicker");
        Node status = scene.lookup("#statusConnection");
        if (!(list instanceof ListView<?> l) || !(picker instanceof ComboBox<?> p) || !(status instanceof Labeled s)) {
            return false;
        }
        boolean anyConnection = !p.getItems().isEmpty();
        // every connection in the list, not the first rows it is filled with (docs/decisions/0198)
        return l.getItems().size() == p.getItems().size() && (!anyConnection || p.getValue() != null)
                && s.getText() != null && !s.getText().isBlank();
    }

    @Override
    public void stop() {
        if (mainWindowView != null) {
            mainWindowView.dispose(); // the section views stop listening to the services (issue 17)
        }
        if (mainWindow != null) {
            mainWindow.dispose();
            saveSettings(); // a few hundred bytes at exit; nothing is waiting on this thread any more
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway; saving twice is harmless
            }
        }
        if (context != null) {
            context.close();
        }
    }

    private void saveSettings() {
        try {
            mainWindow.saveNow();
        } catch (IOException e) {
            log().warn("Could not save the window settings", e);
        }
    }
}
