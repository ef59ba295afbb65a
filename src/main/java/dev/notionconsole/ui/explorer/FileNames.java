package dev.notionconsole.ui.explorer;

/** File names suggested for exports. */
final class FileNames {
    private FileNames() {
    }

    /** "Sandbox: Docs Sync" becomes "sandbox-docs-sync". */
    static String safe(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "connection" : s;
    }
}
