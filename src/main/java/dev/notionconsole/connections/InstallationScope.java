package dev.notionconsole.connections;

/**
 * Which workspaces may install a public connection, chosen when it is created in Notion and fixed from then on
 * (docs/notion-api.md §2.10 "Installation scope"). The API does not report it, so the console records what the
 * user says; null on a connection means not recorded.
 */
public enum InstallationScope {
    ANY_WORKSPACE("Any workspace", "Any Notion workspace may install it (and it may be listed on the Marketplace)."),
    SELECTED_WORKSPACES("Selected workspaces only", "Only the workspaces chosen when it was created may install it; "
            + "people of other workspaces are refused when they authorize.");

    private final String label;
    private final String meaning;

    InstallationScope(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    /** What to do when Notion refused to install the connection in a workspace (decision 0120). */
    public static String adviceWhenRefused(String connectionName, InstallationScope recorded) {
        String fix = "The scope cannot be changed after creation: to install it there, create a new public connection in "
                + "Notion's Developer portal with \"Any workspace\" (or one that selects that workspace) and add it here.";
        if (recorded == SELECTED_WORKSPACES) {
            return "\"" + connectionName + "\" is installable in selected workspaces only, and the workspace you authorized "
                    + "from is not one of them. " + fix;
        }
        return "If \"" + connectionName + "\" was created for selected workspaces only, the workspace you authorized from "
                + "is not one of them. " + fix;
    }

    @Override
    public String toString() {
        return label;
    }
}
