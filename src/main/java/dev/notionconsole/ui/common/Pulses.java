package dev.notionconsole.ui.common;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;

/** Work that waits for the scene's next pulse: staged first shows, and what may only start after a frame. */
public final class Pulses {
    private Pulses() {
    }

    /**
     * Runs {@code next} on the JavaFX thread after the coming pulse has laid out the scene and handed its
     * rendering to the render thread (not inside that pulse).
     */
    public static void afterNextPulse(Scene scene, Runnable next) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(next);
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** Runs {@code next} as {@link #afterNextPulse} does, after the {@code pulses}-th pulse from now (1: the next). */
    public static void afterPulses(Scene scene, int pulses, Runnable next) {
        afterNextPulse(scene, pulses <= 1 ? next : () -> afterPulses(scene, pulses - 1, next));
    }

    /** Runs {@code then} with the node's scene: at once if it has one, else when it is first put in one. */
    public static void whenInScene(Node node, Consumer<Scene> then) {
        if (node.getScene() != null) {
            then.accept(node.getScene());
            return;
        }
        node.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene was, Scene now) {
                if (now != null) {
                    node.sceneProperty().removeListener(this);
                    then.accept(now);
                }
            }
        });
    }
}
