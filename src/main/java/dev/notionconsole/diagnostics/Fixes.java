package dev.notionconsole.diagnostics;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.notion.Capability;
import dev.notionconsole.notion.NotionVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Fix steps in Notion's own 2026 UI words (docs/explorer-diagnostics.md §3.7), per connection kind: an internal
 * connection is added to pages in Notion or in the Developer portal; a public (OAuth) install's user re-runs the
 * authorization and ticks pages in the page picker; a personal access token sees what its user sees, so the user
 * needs access instead. Where menus drifted, the older wording is named too.
 */
final class Fixes {
    static final String PORTAL = "the Developer portal (notion.so/developers/connections)";

    private Fixes() {
    }

    static List<String> share(Connection c, DiagnosedObject target, String user, String notionName) {
        String n = notionName != null && !notionName.isBlank() ? notionName : c.name();
        String page = target == null ? "the page (or a parent page)" : target.name();
        List<String> steps = new ArrayList<>();
        switch (c.kind()) {
            case INTERNAL -> {
                steps.add("In Notion, open " + page + ": adding the connection there covers everything below it.");
                steps.add("Click ••• (top right) → Connections → Connect to (older menus: + Add connections), search for \""
                        + n + "\" and confirm.");
                steps.add("Or in " + PORTAL + ": open \"" + n + "\" → Content access tab → Edit access → Manage page access → tick "
                        + page + " → Save.");
                steps.add("If \"" + n + "\" is not in the list, a workspace owner may restrict who can add connections: ask an owner "
                        + "(Settings → Connections).");
            }
            case PUBLIC_OAUTH -> {
                String who = user != null ? user : "The user who installed it";
                steps.add(who + " authorizes \"" + c.name() + "\" again (Connections → \"" + c.name()
                        + "\" → Authorize in a workspace…, or 'notion-console oauth login -c \"" + c.name() + "\"').");
                steps.add("In Notion's page picker, tick " + page + " (a parent page covers its children; new top-level pages are "
                        + "not added by themselves), then Allow access.");
                steps.add("Or in Notion, " + (user != null ? user : "that user") + " opens " + page + " → ••• → Connections → Connect to → \""
                        + n + "\".");
            }
            case PERSONAL_ACCESS_TOKEN -> steps.addAll(userAccess(c, target, user, List.of()));
        }
        return steps;
    }

    /**
     * A hole (docs/explorer-diagnostics.md §3.3 C3): the connection reads {@code parent} but was removed on
     * {@code target}. Add it there; sharing the parent again does not re-grant what was removed below it.
     */
    static List<String> hole(Connection c, DiagnosedObject target, DiagnosedObject parent, String notionName) {
        List<String> steps = new ArrayList<>();
        String n = notionName != null && !notionName.isBlank() ? notionName : c.name();
        steps.add("Add \"" + n + "\" on " + target.name() + " itself: re-sharing the parent " + (parent == null ? "" : parent.name() + " ")
                + "does not re-grant it, because the connection was removed on " + target.name() + " (or its permissions were edited there).");
        steps.addAll(share(c, target, null, notionName));
        return steps;
    }

    static List<String> userAccess(Connection c, DiagnosedObject target, String user, List<String> readers) {
        String page = target == null ? "the page" : target.name();
        String who = user != null ? user : "the token's user";
        List<String> steps = new ArrayList<>();
        if (c.kind() == ConnectionKind.PERSONAL_ACCESS_TOKEN) {
            steps.add("Adding a connection cannot help: a personal access token sees exactly what its user, " + who + ", sees.");
        } else {
            steps.add("The page picker only offers pages " + who + " has full access to, so " + who + " needs access first.");
        }
        steps.add("Ask the owner of " + page + " (or a workspace owner) to give " + who + " access: open it → Share → invite "
                + who + ", or add " + who + " to the teamspace that holds it.");
        if (c.kind() == ConnectionKind.PUBLIC_OAUTH) {
            steps.add("Then " + who + " authorizes \"" + c.name() + "\" again and ticks " + page + " in the page picker.");
        }
        if (!readers.isEmpty()) {
            steps.add("Or send the call as a connection that can read it: " + String.join(", ", readers) + ".");
        }
        return steps;
    }

    static List<String> unknownObject(Connection c, String id, String user) {
        List<String> steps = new ArrayList<>();
        steps.add("Check the ID " + id + " is current: copy the link again in Notion (••• → Copy link); a deleted page (trash "
                + "emptied) or one in another workspace gives the same 404.");
        if (c.kind() == ConnectionKind.PERSONAL_ACCESS_TOKEN) {
            steps.addAll(userAccess(c, null, user, List.of()));
        } else {
            steps.addAll(share(c, null, user, null));
        }
        steps.add("Save a personal access token of someone who can see the page (notion.so/developers/tokens) and diagnose again: "
                + "it lets the console tell \"not shared\" from \"does not exist\".");
        return steps;
    }

    static List<String> wrongWorkspace(Connection c, String objectWorkspace, String connectionWorkspace) {
        String ws = objectWorkspace != null ? "\"" + objectWorkspace + "\"" : "the other workspace";
        List<String> steps = new ArrayList<>();
        steps.add("\"" + c.name() + "\" belongs to " + (connectionWorkspace != null ? "\"" + connectionWorkspace + "\"" : "another workspace")
                + "; the object is in " + ws + ". Tokens never reach across workspaces.");
        switch (c.kind()) {
            case INTERNAL -> steps.add("Use a connection made for " + ws + ": " + PORTAL + " → + New connection → Installable in: " + ws
                    + ", then add it to the page (••• → Connections → Connect to).");
            case PUBLIC_OAUTH -> steps.add("Authorize \"" + c.name() + "\" in " + ws + " (Connections → Authorize in a workspace…, pick "
                    + ws + " at the top of Notion's consent screen) and make that installation active.");
            case PERSONAL_ACCESS_TOKEN -> steps.add("Create a personal access token in " + ws
                    + ": notion.so/developers/tokens → New token → Workspace: " + ws + ".");
        }
        return steps;
    }

    static List<String> capability(Connection c, Capability cap, String notionName) {
        String n = notionName != null ? notionName : c.name();
        List<String> steps = new ArrayList<>();
        String label = cap.label();
        String section = switch (cap) {
            case READ_COMMENTS, INSERT_COMMENTS -> "Capabilities → Comment capabilities";
            case USER_INFO, USER_EMAIL -> "Capabilities → User capabilities";
            default -> "Capabilities → Content capabilities";
        };
        switch (c.kind()) {
            case INTERNAL, PUBLIC_OAUTH -> {
                steps.add("In " + PORTAL + ", open \"" + n + "\" → Configuration tab → " + section + " → tick " + label
                        + (cap == Capability.USER_INFO ? " (\"Read user information without email addresses\" is enough)" : "") + " → Save.");
                if (c.kind() == ConnectionKind.PUBLIC_OAUTH) {
                    steps.add("Every user who installed \"" + n + "\" authorizes it again: capabilities reach an install only then.");
                } else {
                    steps.add("The token stays the same; send the call again.");
                }
            }
            case PERSONAL_ACCESS_TOKEN -> {
                steps.add("A personal access token's capabilities are set when it is made: create a new one at notion.so/developers/tokens "
                        + "with the Notion API capability ticked, and replace the token of \"" + c.name() + "\".");
                steps.add("A token never exceeds its user: if its user can only view the page, writes fail too; ask for edit access.");
            }
        }
        steps.add("This is not about sharing: an unshared page answers 404, never 403.");
        return steps;
    }

    static List<String> token(Connection c, boolean restricted) {
        List<String> steps = new ArrayList<>();
        if (restricted) {
            steps.add("The workspace no longer lets this account use the API (guests and restricted members cannot): ask a workspace owner "
                    + "(Settings → Connections) to allow it, or use another member's token.");
            return steps;
        }
        switch (c.kind()) {
            case INTERNAL -> {
                steps.add("In " + PORTAL + ", open \"" + c.name() + "\" → Configuration tab → Access token → copy it (an owner may have "
                        + "regenerated it; if the connection is gone from the list, it was deleted).");
                steps.add("Paste it into the console: Connections → \"" + c.name() + "\" → Edit → Token (or 'notion-console connections "
                        + "edit'); copy the whole token, without spaces or a second \"Bearer\".");
            }
            case PUBLIC_OAUTH -> {
                steps.add("The installation's access token was refused and could not be refreshed (the user disconnected \"" + c.name()
                        + "\", the app revoked it, or the refresh token was already used).");
                steps.add("Authorize again: Connections → \"" + c.name() + "\" → Authorize in a workspace… (or 'notion-console oauth login -c \""
                        + c.name() + "\"'); the page picker opens again.");
            }
            case PERSONAL_ACCESS_TOKEN -> {
                steps.add("Personal access tokens expire (7, 30, 90, 180 days or a year) and admins can revoke them: create a new one at "
                        + "notion.so/developers/tokens.");
                steps.add("Paste it into the console: Connections → \"" + c.name() + "\" → Edit → Token.");
            }
        }
        return steps;
    }

    static List<String> version(String sent, String needed) {
        List<String> steps = new ArrayList<>();
        steps.add("Send Notion-Version " + (needed != null ? needed + " or later" : NotionVersion.LATEST)
                + (sent != null ? " instead of " + sent : "") + ": set it on the connection (Connections → Edit → Notion-Version) or for "
                + "this call (--version " + (needed != null ? needed : NotionVersion.LATEST) + ").");
        steps.add("Accepted versions: " + String.join(", ", NotionVersion.ALL) + ".");
        return steps;
    }
}
