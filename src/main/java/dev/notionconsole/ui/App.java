package dev.notionconsole.ui;

import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.logging.Logging;
import dev.notionconsole.ui.shell.MainWindowView;
import dev.notionconsole.ui.shell.MainWindowViewModel;
import java.io.IOException;
import javafx.application.Application;
import javafx.stage.Stage;
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

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private AppContext context;
    private MainWindowViewModel mainWindow;

    public static void launchGui(String[] args) {
        Application.launch(App.class, args);
    }

    public static void main(String[] args) {
        launchGui(args);
    }

    @Override
    public void init() {
        context = new AppContext(AppDirs.fromEnvironment(), System.getenv());
        context.uncaughtErrors().install();
    }

    @Override
    public void start(Stage stage) {
        mainWindow = context.mainWindowViewModel();
        MainWindowView view = new MainWindowView(mainWindow, context.dialogs(), context.notificationLayer());
        view.install(stage);
        context.attach(stage);
        FirstFrameProbe.install(stage);
        stage.show();
        LOG.info("Main window shown");
    }

    @Override
    public void stop() {
        if (mainWindow != null) {
            mainWindow.dispose();
            try {
                mainWindow.saveNow(); // a few hundred bytes at exit; nothing is waiting on this thread any more
            } catch (IOException e) {
                LOG.warn("Could not save the window settings", e);
            }
        }
        if (context != null) {
            context.close();
        }
    }
}
