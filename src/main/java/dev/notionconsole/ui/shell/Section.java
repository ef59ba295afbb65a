package dev.notionconsole.ui.shell;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * What a feature plugs into one of the main window's slots: a view built lazily the first time the user opens
 * the section (so start-up stays fast), and the shortcuts it adds, for the help overlay. Register in
 * {@link dev.notionconsole.ui.AppContext#sections()}, e.g.
 * <pre>{@code
 * Section.of(SectionSlot.REQUEST, () -> new RequestView(new RequestViewModel(...)))
 *     .withShortcuts(new Shortcut("Shortcut+Enter", "Send the request"))
 * }</pre>
 * The view's root gets the id {@code section-<slot id>}; the view is built on the JavaFX thread.
 *
 * @param view builds the view; null shows the slot's empty state
 */
public record Section(SectionSlot slot, Supplier<? extends Node> view, List<Shortcut> shortcuts) {
    public Section {
        Objects.requireNonNull(slot);
        shortcuts = List.copyOf(shortcuts);
    }

    public static Section of(SectionSlot slot, Supplier<? extends Node> view) {
        return new Section(slot, Objects.requireNonNull(view), List.of());
    }

    /** The slot's empty state, until its feature is built. */
    public static Section placeholder(SectionSlot slot) {
        return new Section(slot, null, List.of());
    }

    public Section withShortcuts(Shortcut... more) {
        return new Section(slot, view, List.of(more));
    }

    public boolean isPlaceholder() {
        return view == null;
    }
}
