package dev.notionconsole.ui.shell;

/**
 * A section's view that holds on to longer-lived objects (service listeners, timers, running tasks). The shell
 * owns the lifecycle (docs/decisions/0085-shell-owns-view-lifecycles.md): it builds a section's view once,
 * keeps it while the user switches sections, and calls {@link #dispose()} exactly once when the view is really
 * dropped, that is when the main window is disposed at app exit.
 *
 * <p>A view must not dispose itself when it leaves the scene: the shell takes it out of the scene graph on every
 * section switch, and puts it back when the user returns.
 */
@FunctionalInterface
public interface Disposable {
    void dispose();
}
