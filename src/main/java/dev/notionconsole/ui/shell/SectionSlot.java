package dev.notionconsole.ui.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/**
 * The main window's four sections, in navigation order (Ctrl+1..4). A section is a screen of this app; it was
 * called a "workspace" until Notion workspaces appeared in the Explorer. Each describes itself for the
 * navigation and for the empty state shown until its feature provides a view.
 */
public enum SectionSlot {
    CONNECTIONS("connections", "Connections", Feather.LINK,
            "Your Notion connections",
            "Add internal integrations, public (OAuth) integrations and personal access tokens, check who each "
                    + "token acts as, and pick the one the console talks through. Tokens stay in the system keychain."),
    REQUEST("request", "Request", Feather.SEND,
            "Send any request to the Notion API",
            "Pick an endpoint from the catalog or paste a cURL command, edit the JSON body, send it, and read the "
                    + "response with timings, headers and Notion's error explained. History and saved requests live here."),
    EXPLORER("explorer", "Explorer", Feather.COMPASS,
            "Browse what a connection can see",
            "Walk the pages, databases and data sources shared with the current connection, follow relations and "
                    + "open any object as a request. Coming in a later release."),
    DIAGNOSTICS("diagnostics", "Diagnostics", Feather.ACTIVITY,
            "Find out why a call fails",
            "Say why a call failed, prove it with read-only calls (and your other connections as witnesses), and "
                    + "give the exact fix in Notion's words; see who can read an object in the access matrix.");

    private final String id;
    private final String title;
    private final Ikon icon;
    private final String emptyHeading;
    private final String emptyText;

    SectionSlot(String id, String title, Ikon icon, String emptyHeading, String emptyText) {
        this.id = id;
        this.title = title;
        this.icon = icon;
        this.emptyHeading = emptyHeading;
        this.emptyText = emptyText;
    }

    /** Stable id: saved in settings and used for node ids ({@code #nav-request}, {@code #section-request}). */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }

    public String emptyHeading() {
        return emptyHeading;
    }

    public String emptyText() {
        return emptyText;
    }

    public static SectionSlot byId(String id) {
        for (SectionSlot s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        return null;
    }
}
