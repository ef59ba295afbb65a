package dev.notionconsole.ui.request;

import dev.notionconsole.ui.common.Icons;
import dev.notionconsole.ui.common.LazyTooltip;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.PopupWindow;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Request toolbar's More menu: cURL and saved requests, with their shortcuts shown. A MenuButton's menu opens
 * from its left edge, so at the toolbar's right end it spilled past the window (issue 16, item 11); this one
 * opens under the button with its right edge on the button's right edge. The shortcuts themselves are handled by
 * {@link RequestView} while the section is shown; the accelerators here only show them, and an accelerator left
 * in a scene the section is no longer in does nothing.
 */
final class MoreMenu {
    static final KeyCombination COPY_CURL = new KeyCodeCombination(javafx.scene.input.KeyCode.C,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination IMPORT_CURL = new KeyCodeCombination(javafx.scene.input.KeyCode.I,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination SAVE = new KeyCodeCombination(javafx.scene.input.KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private MoreMenu() {
    }

    static Button button(RequestViewModel vm) {
        Button more = new Button("More", Icons.of(Feather.CHEVRON_DOWN));
        more.setId("moreButton");
        more.setContentDisplay(ContentDisplay.RIGHT);
        LazyTooltip.install(more, "cURL, saved requests, support bundles");
        ContextMenu menu = new ContextMenu();
        menu.setId("moreMenu");
        menu.getItems().addAll(
                item(more, "Copy as cURL", "copyCurlItem", COPY_CURL, vm::copyAsCurl),
                item(more, "Copy as cURL with the token…", "copyCurlTokenItem", null, vm::copyAsCurlWithToken),
                item(more, "Import cURL command…", "importCurlItem", IMPORT_CURL, vm::importCurlFromPrompt),
                new SeparatorMenuItem(),
                item(more, "Save request…", "saveRequestItem", SAVE, vm::saveRequestAs),
                item(more, "Export saved requests…", "exportSavedItem", null, vm::exportSaved),
                item(more, "Import saved requests…", "importSavedItem", null, vm::importSaved));
        if (vm.hasBundleActions()) { // support bundles (issue 13), when the app wired them
            menu.getItems().addAll(new SeparatorMenuItem(),
                    item(more, "Create bundle from selected history…", "createBundleItem", null, vm::createBundle),
                    item(more, "Open bundle…", "openBundleItem", null, vm::openBundle));
        }
        menu.getItems().stream().filter(m -> "exportSavedItem".equals(m.getId())).findFirst()
                .ifPresent(m -> m.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.savedRequests())));
        // the anchor is the menu's top-right corner, put at the button's bottom-right: it opens inside the window
        menu.setAnchorLocation(PopupWindow.AnchorLocation.CONTENT_TOP_RIGHT);
        more.setOnAction(e -> {
            if (menu.isShowing()) {
                menu.hide();
                return;
            }
            Bounds b = more.localToScreen(more.getBoundsInLocal());
            if (b != null) {
                menu.show(more, b.getMaxX(), b.getMaxY());
            }
        });
        return more;
    }

    private static MenuItem item(Node owner, String text, String id, KeyCombination keys, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setAccelerator(keys);
        m.setOnAction(e -> {
            if (owner.getScene() != null && owner.isVisible()) {
                action.run();
            }
        });
        return m;
    }
}
