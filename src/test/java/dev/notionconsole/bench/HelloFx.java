package dev.notionconsole.bench;

import dev.notionconsole.ui.FirstFrameProbe;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The cold-start baseline: the smallest JavaFX app, launched the same way as the console (a plain launcher
 * class, JavaFX from the same shaded jar on the class path) and timed by the same first-frame probe.
 */
public class HelloFx extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Hello");
        stage.setScene(new Scene(new Label("Hello, JavaFX"), 1280, 820));
        FirstFrameProbe.install(stage);
        stage.show();
    }

    /** Entry point of the baseline jar; like {@code dev.notionconsole.Launcher}, not an Application. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(HelloFx.class, args);
        }
    }
}
