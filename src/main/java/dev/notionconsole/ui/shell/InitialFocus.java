package dev.notionconsole.ui.shell;

/**
 * A section view that says where the keyboard focus goes when it is shown: when the user opens the section,
 * and after a connection is chosen in the toolbar, so typing and the section's shortcuts work at once instead
 * of landing in the toolbar's connection box (issue 16, item 5).
 */
@FunctionalInterface
public interface InitialFocus {
    void focusInitial();
}
