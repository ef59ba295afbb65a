package dev.notionconsole.ui;

import dev.notionconsole.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.LoggerFactory;

/**
 * For the cold-start benchmark: with {@code -Dnotionconsole.firstFrameFile=PATH}, writes the wall-clock time
 * (epoch milliseconds) of the first pulse after the main window is shown, then exits if
 * {@code -Dnotionconsole.exitAfterFirstFrame=true}. Does nothing otherwise.
 */
public final class FirstFrameProbe {
    public static final String FILE_PROPERTY = "notionconsole.firstFrameFile";
    public static final String EXIT_PROPERTY = "notionconsole.exitAfterFirstFrame";

    private FirstFrameProbe() {
    }

    public static void install(Stage stage) {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null) {
            return;
        }
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, shown -> {
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                stage.getScene().removePostLayoutPulseListener(listener[0]);
                // runLater: after this pulse's rendering has been handed to the render thread
                Platform.runLater(() -> record(Path.of(file)));
            };
            stage.getScene().addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
        });
    }

    private static void record(Path file) {
        try {
            AtomicFiles.write(file, Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // looked up only here: the probe must not start logging in the hello-world baseline
            LoggerFactory.getLogger(FirstFrameProbe.class).error("Could not write the first-frame time to {}", file, e);
        }
        if (Boolean.getBoolean(EXIT_PROPERTY)) {
            Platform.exit();
        }
    }
}
