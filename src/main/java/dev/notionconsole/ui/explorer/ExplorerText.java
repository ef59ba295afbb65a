package dev.notionconsole.ui.explorer;

import dev.notionconsole.explorer.MapNode;

/** How the Explorer names things in its rows, details and messages. */
final class ExplorerText {
    private ExplorerText() {
    }

    /** The title, or what stands in for a missing one. */
    static String title(MapNode n) {
        if (!n.title().isBlank()) {
            return n.title();
        }
        return n.placeholder() ? "Unreadable " + n.object().replace('_', ' ') + " " + n.id().substring(0, 8) : "Untitled";
    }

    static String count(int n, String one, String many) {
        return String.format("%,d %s", n, n == 1 ? one : many);
    }
}
