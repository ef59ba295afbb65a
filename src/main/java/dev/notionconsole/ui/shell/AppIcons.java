package dev.notionconsole.ui.shell;

import java.util.List;
import java.util.Objects;
import javafx.scene.image.Image;

/**
 * The app's icon at the sizes window managers pick from (16-512 px PNGs), decoded once. {@link #decode()} may run off
 * the JavaFX thread ahead of the window ({@code ui.Warmup}, while the services start), so the eight PNGs are not
 * decoded on the way to the first frame (docs/decisions/0095, 0187); {@link #all()} decodes them then if nobody did.
 */
public final class AppIcons {
    private static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);
    private static volatile List<Image> decoded;

    private AppIcons() {
    }

    /** Decodes every size now and keeps them. */
    public static List<Image> decode() {
        List<Image> icons = SIZES.stream().map(AppIcons::of).filter(Objects::nonNull).toList();
        decoded = icons;
        return icons;
    }

    /** Every size, decoded ahead or now. */
    static List<Image> all() {
        List<Image> icons = decoded;
        return icons != null ? icons : decode();
    }

    /** One size (a new image), or null when the build holds none. */
    static Image of(int size) {
        var url = AppIcons.class.getResource("/dev/notionconsole/ui/icons/app-" + size + ".png");
        return url == null ? null : new Image(url.toExternalForm());
    }
}
