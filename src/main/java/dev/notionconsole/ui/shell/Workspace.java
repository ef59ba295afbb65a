package dev.notionconsole.ui.shell;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * What a feature plugs into one of the main window's slots: a view built lazily the first time the user opens
 * the workspace (so start-up stays fast), and the shortcuts it adds, for the help overlay. Register in
 * {@link dev.notionconsole.ui.AppContext#workspaces()}, e.g.
 * <pre>{@code
 * Workspace.of(WorkspaceSlot.REQUEST, () -> new RequestView(new RequestViewModel(...)))
 *     .withShortcuts(new Shortcut("Shortcut+Enter", "Send the request"))
 * }</pre>
 * The view's root gets the id {@code workspace-<slot id>}; the view is built on the JavaFX thread.
 *
 * @param view builds the view; null shows the slot's empty state
 */
public record Workspace(WorkspaceSlot slot, Supplier<? extends Node> view, List<Shortcut> shortcuts) {
    public Workspace {
        Objects.requireNonNull(slot);
        shortcuts = List.copyOf(shortcuts);
    }

    public static Workspace of(WorkspaceSlot slot, Supplier<? extends Node> view) {
        return new Workspace(slot, Objects.requireNonNull(view), List.of());
    }

    /** The slot's empty state, until its feature is built. */
    public static Workspace placeholder(WorkspaceSlot slot) {
        return new Workspace(slot, null, List.of());
    }

    public Workspace withShortcuts(Shortcut... more) {
        return new Workspace(slot, view, List.of(more));
    }

    public boolean isPlaceholder() {
        return view == null;
    }
}
