package dev.notionconsole.ui.request;

import dev.notionconsole.ui.shell.Disposable;
import dev.notionconsole.ui.shell.InitialFocus;
import dev.notionconsole.ui.shell.SectionKeys;
import dev.notionconsole.ui.shell.Shortcut;
import java.util.Objects;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The Request section: {@link RequestSidebar} (history, saved) | {@link RequestEditor} | {@link ResponsePane},
 * under the {@link RequestToolbar}, with the {@link EndpointPicker} over them. Thin: every gesture goes to
 * {@link RequestViewModel}; this class composes the panes and owns the section's shortcuts and lifecycle.
 * Node ids are the TestFX contract (#sendButton, #pathField, #responseBody...).
 */
public final class RequestView extends StackPane implements Disposable, InitialFocus {
    public static final Shortcut[] SHORTCUTS = {
            new Shortcut("Shortcut+Enter", "Send the request (in the endpoint picker: pick)"),
            new Shortcut("Shortcut+K", "Pick an endpoint from the catalog"),
            new Shortcut("Shortcut+F", "Search in the response body"),
            new Shortcut("Shortcut+Shift+F", "Format the JSON body"),
            new Shortcut("Shortcut+S", "Save the request (group and name)"),
            new Shortcut("Shortcut+Shift+C", "Copy the request as cURL (token masked)"),
            new Shortcut("Shortcut+Shift+I", "Import a cURL command"),
            new Shortcut("Escape", "Close the endpoint picker / cancel the request")};
    private static final KeyCombination SEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PICK = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FORMAT = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final RequestViewModel vm;
    private final ResponsePane response;
    private final EndpointPicker picker;

    public RequestView(RequestViewModel vm) {
        this.vm = vm;
        getStyleClass().add("request-view");
        getStylesheets().add(Objects.requireNonNull(RequestView.class.getResource("request.css")).toExternalForm());
        picker = new EndpointPicker(vm, this::focusAfterPick);
        BorderPane main = new BorderPane();
        main.setTop(new RequestToolbar(vm, this::showPicker));
        Region sidebar = new RequestSidebar(vm);
        Region editor = new RequestEditor(vm);
        response = new ResponsePane(vm);
        // Explicit bounds, so content (long history rows, a response) cannot move the dividers; the response pane
        // keeps room for its toolbar, and the sidebar keeps its width when the window grows.
        // The minimums add up to what fits beside the navigation at 1024x700 (issue 16, item 2).
        sidebar.setMinWidth(170);
        editor.setMinWidth(230);
        response.setMinWidth(300);
        sidebar.setMaxWidth(420);
        sidebar.setPrefWidth(230); // not the widest history row: the first layout would keep that width
        editor.setPrefWidth(380);
        response.setPrefWidth(560);
        editor.setMaxWidth(Double.MAX_VALUE);
        response.setMaxWidth(Double.MAX_VALUE); // a computed maximum would hand the response's room to the sidebar
        SplitPane.setResizableWithParent(sidebar, false);
        SplitPane split = new SplitPane(sidebar, editor, response);
        split.setId("requestSplit");
        split.setDividerPositions(0.18, 0.5);
        main.setCenter(split);
        getChildren().addAll(main, picker);
        SectionKeys.whileShown(this, this::onKey); // wherever the focus is in the window (issue 16, item 5)
        // the response viewer's first-time work happens while this view opens, not on the first answer
        sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene a, Scene b) {
                if (b != null) {
                    sceneProperty().removeListener(this);
                    response.prime();
                }
            }
        });
    }

    /** The path field: type a path, or Ctrl+K for the catalog. */
    @Override
    public void focusInitial() {
        if (!picker.isVisible()) {
            lookup("#pathField").requestFocus();
        }
    }

    /** Called by the shell when the view is really dropped (app exit): stops listening and cancels a send. */
    @Override
    public void dispose() {
        response.dispose();
        vm.dispose();
    }

    public void showPicker() {
        picker.show();
    }

    /** The first ID the picked route still needs, else the path (issue 16, item 5). */
    private void focusAfterPick() {
        Node target = vm.pathParams().stream().filter(f -> f.valueProperty().get().isBlank()).findFirst()
                .map(f -> lookup("#param-" + f.name())).orElse(null);
        (target != null ? target : lookup("#pathField")).requestFocus();
    }

    private void onKey(KeyEvent e) {
        if (e.isConsumed()) {
            return; // a window-wide shortcut already took it
        }
        if (SEND.match(e)) {
            if (picker.isVisible()) {
                picker.pickSelected(); // choose, never send the request behind the picker
            } else {
                vm.send();
            }
            e.consume();
        } else if (PICK.match(e)) {
            showPicker();
            e.consume();
        } else if (FORMAT.match(e)) {
            vm.formatBody();
            e.consume();
        } else if (MoreMenu.SAVE.match(e)) {
            vm.saveRequestAs();
            e.consume();
        } else if (MoreMenu.COPY_CURL.match(e)) {
            vm.copyAsCurl();
            e.consume();
        } else if (MoreMenu.IMPORT_CURL.match(e)) {
            vm.importCurlFromPrompt();
            e.consume();
        } else if (FIND.match(e)) {
            response.focusSearch();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            if (picker.isVisible()) {
                picker.hide();
                e.consume();
            } else if (vm.sendingProperty().get()) {
                vm.cancel();
                e.consume();
            }
        }
    }

    public RequestViewModel viewModel() {
        return vm;
    }
}
