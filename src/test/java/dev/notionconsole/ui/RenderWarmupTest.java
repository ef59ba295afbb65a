package dev.notionconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The render warm-up (docs/decisions/0195) uses JavaFX's internal classes. The tests run the software pipeline
 * ({@code -Dprism.order=sw}, as on machines without a GPU), where it must paint: if a JavaFX update changes what it
 * uses, it fails here instead of silently doing nothing.
 */
@ExtendWith(ApplicationExtension.class)
class RenderWarmupTest {
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane(new Button("Save"));
        root.setStyle("-fx-background-color: white;");
        stage.setScene(new Scene(root, 200, 80));
        stage.show();
    }

    @Test
    void paintsOnTheSoftwarePipelineWithoutTouchingTheWindow() throws Exception {
        Image before = OnFx.call(() -> root.snapshot(null, null), 20);

        assertEquals(RenderWarmup.Outcome.PAINTED, RenderWarmup.submit().get(20, TimeUnit.SECONDS));

        // the warm-up painted into a texture of its own: the window draws exactly as before
        Image after = OnFx.call(() -> root.snapshot(null, null), 20);
        assertTrue(samePixels(before, after), "the window's pixels changed after the warm-up");
        assertTrue(hasInk(after), "the snapshot shows the button");
    }

    @Test
    void canRunAgainWhileTheWindowIsShowing() throws Exception {
        assertEquals(RenderWarmup.Outcome.PAINTED, RenderWarmup.submit().get(20, TimeUnit.SECONDS));
        assertEquals(RenderWarmup.Outcome.PAINTED, RenderWarmup.submit().get(20, TimeUnit.SECONDS));
    }

    private static boolean samePixels(Image a, Image b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean hasInk(Image image) {
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                if (!r.getColor(x, y).equals(Color.WHITE)) {
                    return true;
                }
            }
        }
        return false;
    }
}
