package dev.notionconsole.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application; builds the composition root. (Skeleton: the shell comes with issue 2.) */
public class App extends Application {
    public static void launchGui(String[] args) {
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Notion Console");
        stage.setScene(new Scene(new Label("Notion Console"), 800, 600));
        stage.show();
    }
}
