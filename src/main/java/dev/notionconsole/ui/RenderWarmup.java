package dev.notionconsole.ui;

import com.sun.javafx.font.FontResource;
import com.sun.javafx.font.FontStrike;
import com.sun.javafx.font.PGFont;
import com.sun.javafx.geom.transform.BaseTransform;
import com.sun.javafx.scene.text.FontHelper;
import com.sun.javafx.scene.text.GlyphList;
import com.sun.javafx.scene.text.TextLayout;
import com.sun.javafx.sg.prism.NGRegion;
import com.sun.javafx.tk.RenderJob;
import com.sun.javafx.tk.Toolkit;
import com.sun.prism.Graphics;
import com.sun.prism.GraphicsPipeline;
import com.sun.prism.RTTexture;
import com.sun.prism.Texture;
import com.sun.prism.sw.SWPipeline;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Insets;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Paints a few rounded backgrounds, borders and lines of text into an off-screen texture on the render thread
 * while the main window is being shown, so that the first frame's paint runs compiled code and finds the body
 * text's glyphs rasterized (docs/decisions/0195). In software rendering (no GPU, a VM, remote X) the first
 * frame's paint ran the rasterizer interpreted: ~60 ms, and the next frame waited for it (the benchmark's pulse
 * gap: median 97 ms, up to 138). With this warm-up ~35-40 ms and median 75 ms, for ~100 ms of processor time
 * that the window's showing leaves free on the render thread.
 *
 * <p>JavaFX has no public API for this, so it uses the toolkit's own classes (the only class of the app that
 * does, ArchitectureTest): a JavaFX update that changes them makes the warm-up do nothing, never the start fail.
 * {@code RenderWarmupTest} fails when that happens. Hardware pipelines draw differently and are left alone.
 */
final class RenderWarmup {
    /** Enough for the rasterizer's loops and the region code to be compiled by the client compiler (measured). */
    static final int ROUNDS = 10;
    /** The theme's body size (AtlantaFX: {@code .root { -fx-font-size: 14px }}), regular and bold (names, titles). */
    private static final double BODY_SIZE = 14;
    private static final String SAMPLE = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,:;()/-+·…";

    /** What a warm-up did: painted (regions and text), skipped (not the software pipeline), or failed, and why. */
    enum Outcome { PAINTED, SKIPPED, FAILED }

    private RenderWarmup() {
    }

    /** Queues the warm-up on the render thread and returns at once; the future completes when it has run. */
    static CompletableFuture<Outcome> submit() {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        try {
            Toolkit.getToolkit().addRenderJob(new RenderJob(() -> done.complete(paint())));
        } catch (RuntimeException | LinkageError e) {
            done.complete(Outcome.FAILED);
        }
        return done;
    }

    /** On the render thread. Never throws: a throwing render job would be logged by the toolkit as its own error. */
    private static Outcome paint() {
        RTTexture target = null;
        try {
            if (!(GraphicsPipeline.getPipeline() instanceof SWPipeline)) {
                return Outcome.SKIPPED;
            }
            target = GraphicsPipeline.getDefaultResourceFactory().createRTTexture(240, 40, Texture.WrapMode.CLAMP_NOT_NEEDED);
            if (target == null) {
                return Outcome.FAILED;
            }
            NGRegion[] regions = {
                // a control's small radius: JavaFX draws radii of 1-4 px as paths (the slow way), all others as shapes
                region(new CornerRadii(4), Color.web("#f6f8fa"), Color.web("#d0d7de")),
                region(new CornerRadii(10), Color.web("#ddf4ff"), null), // a badge
                region(CornerRadii.EMPTY, Color.WHITE, Color.web("#d0d7de")), // panes and lists
                region(new CornerRadii(4, 0, 0, 4, false), Color.web("#0969da"), Color.web("#0969da")), // split buttons
            };
            PGFont[] fonts = {nativeFont(Font.font(BODY_SIZE)), nativeFont(Font.font(null, FontWeight.BOLD, BODY_SIZE))};
            GlyphList[][] lines = new GlyphList[fonts.length][];
            FontStrike[] strikes = new FontStrike[fonts.length];
            for (int i = 0; i < fonts.length; i++) {
                TextLayout layout = Toolkit.getToolkit().getTextLayoutFactory().createLayout();
                layout.setContent(SAMPLE, fonts[i]);
                lines[i] = layout.getRuns();
                // a Text node's default smoothing is grey; the software pipeline has no LCD text
                strikes[i] = fonts[i].getStrike(BaseTransform.IDENTITY_TRANSFORM, FontResource.AA_GREYSCALE);
            }
            for (int round = 0; round < ROUNDS; round++) {
                Graphics g = target.createGraphics();
                for (NGRegion region : regions) {
                    region.render(g);
                }
                g.setPaint(com.sun.prism.paint.Color.BLACK);
                for (int i = 0; i < lines.length; i++) {
                    for (GlyphList run : lines[i]) {
                        g.drawString(run, strikes[i], 2, 20, null, 0, 0);
                    }
                }
            }
            return Outcome.PAINTED;
        } catch (RuntimeException | LinkageError | AssertionError e) { // internal classes after a JavaFX update: only time is lost
            return Outcome.FAILED;
        } finally {
            if (target != null) {
                target.dispose();
            }
        }
    }

    private static PGFont nativeFont(Font font) {
        return (PGFont) FontHelper.getNativeFont(font);
    }

    private static NGRegion region(CornerRadii radii, Color fill, Color stroke) {
        NGRegion region = new NGRegion();
        region.updateBackground(new Background(new BackgroundFill(fill, radii, Insets.EMPTY)));
        if (stroke != null) {
            region.updateBorder(new Border(new BorderStroke(stroke, BorderStrokeStyle.SOLID, radii, BorderWidths.DEFAULT)));
        }
        region.setSize(200, 28);
        return region;
    }
}
