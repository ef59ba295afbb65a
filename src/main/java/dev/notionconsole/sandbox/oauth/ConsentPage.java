package dev.notionconsole.sandbox.oauth;

import static dev.notionconsole.core.Html.escape;

import dev.notionconsole.sandbox.fixture.FixtureTemplate;
import dev.notionconsole.sandbox.model.Capability;
import dev.notionconsole.sandbox.model.Connection;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.SandboxModel;
import dev.notionconsole.sandbox.model.User;
import dev.notionconsole.sandbox.model.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The sandbox's stand-in for Notion's consent screen (the form contract is in TEAM.md): what the connection may
 * do, who is authorizing (the sandbox has no sign-in, so a picker), the pages that person can access, and
 * Allow / Cancel. Everything from the model or the request is escaped.
 */
final class ConsentPage {
    /** The picker shows at most this many pages; deeper or later ones can still be picked by id. */
    static final int MAX_PAGES = 300;
    private static final int MAX_DEPTH = 3;

    /** The authorize request as received, carried through the form in hidden fields. */
    record Request(String clientId, String redirectUri, String state, String responseType, String owner) {
    }

    /** What the form had chosen: the picked pages, or the template (offered only when the connection has one). */
    record Choice(Set<String> pages, boolean template) {
    }

    /** A page or database in the picker, with its depth among listed items. */
    record Item(Node node, int depth) {
    }

    private ConsentPage() {
    }

    /** People who can authorize: every non-bot user of every workspace, members first. */
    static List<User> people(SandboxModel model) {
        List<User> out = new ArrayList<>();
        model.workspaces().forEach(w -> w.users().stream().filter(u -> !u.isBot() && !u.isGuest()).forEach(out::add));
        model.workspaces().forEach(w -> w.users().stream().filter(u -> !u.isBot() && u.isGuest()).forEach(out::add));
        return out;
    }

    /** Pages and databases the user can access, in tree order (docs/notion-api.md §5.2: picking a parent covers its children). */
    static List<Item> pagesFor(SandboxModel model, User user) {
        List<Item> out = new ArrayList<>();
        for (Node top : user.workspace().topLevel()) {
            walk(model, user, top, 0, out);
        }
        return out;
    }

    private static void walk(SandboxModel model, User user, Node node, int depth, List<Item> out) {
        if (out.size() >= MAX_PAGES || node.inTrash()) {
            return;
        }
        boolean listable = node.kind() == Node.Kind.PAGE || node.kind() == Node.Kind.DATABASE;
        boolean listed = listable && model.visibility().userCanSee(user, node);
        if (listed) {
            out.add(new Item(node, depth));
        }
        // database rows are covered by picking the database; do not list them
        if (node.kind() == Node.Kind.DATABASE || depth + (listed ? 1 : 0) > MAX_DEPTH) {
            return;
        }
        for (Node child : node.children()) {
            walk(model, user, child, depth + (listed ? 1 : 0), out);
        }
    }

    static String render(Connection connection, Request request, List<User> people, User selected, List<Item> pages,
                         Choice choice, String problem) {
        Set<String> checked = choice.pages();
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(connection.name())).append(" wants to connect · Notion sandbox</title>")
                .append("<style>").append(STYLE).append("</style></head><body><main class=\"card\">")
                .append("<div class=\"badge\">Notion sandbox · no sign-in: pick who is authorizing</div>")
                .append("<h1><span class=\"name\">").append(escape(connection.name())).append("</span> wants to access your Notion workspace</h1>");
        if (connection.description() != null && !connection.description().isBlank()) {
            sb.append("<p class=\"muted\">").append(escape(connection.description())).append("</p>");
        }
        if (problem != null) {
            sb.append("<p class=\"problem\" role=\"alert\">").append(escape(problem)).append("</p>");
        }
        sb.append("<h2>It will be able to</h2><ul class=\"caps\">");
        for (String cap : capabilityLines(connection)) {
            sb.append("<li>").append(escape(cap)).append("</li>");
        }
        sb.append("</ul>");

        sb.append("<form method=\"post\" action=\"/v1/oauth/authorize\">");
        hidden(sb, "client_id", request.clientId());
        hidden(sb, "redirect_uri", request.redirectUri());
        hidden(sb, "state", request.state());
        hidden(sb, "response_type", request.responseType());
        hidden(sb, "owner", request.owner());

        sb.append("<h2><label for=\"user_id\">Authorizing as</label></h2><div class=\"row\">")
                .append("<select id=\"user_id\" name=\"user_id\">");
        for (User u : people) {
            sb.append("<option value=\"").append(escape(u.id())).append('"').append(u == selected ? " selected" : "").append('>')
                    .append(escape(u.name())).append(u.email() == null ? "" : " &lt;" + escape(u.email()) + "&gt;")
                    .append(" · ").append(escape(u.workspace().name())).append(u.isGuest() ? " (guest)" : "")
                    .append("</option>");
        }
        sb.append("</select><button type=\"submit\" name=\"decision\" value=\"switch_user\" class=\"secondary\">")
                .append("Show this person's pages</button></div>");

        if (connection.template() != null) {
            // docs/notion-api.md §2.10: with a template, the user chooses "duplicate template" or "select pages"
            sb.append("<h2>Access</h2><div class=\"choice\">");
            radio(sb, "template", choice.template(), "Duplicate template",
                    "Copies “" + FixtureTemplate.title(connection.template()) + "” into your workspace as a private page of yours; "
                            + "the connection gets access to the copy only.");
            radio(sb, "pages", !choice.template(), "Select pages", "Pick existing pages below.");
            sb.append("</div>");
        }
        sb.append("<h2>Pages it can access</h2><p class=\"muted\">Only the pages you pick, and everything inside them. ")
                .append("Pages ").append(selected == null ? "" : escape(selected.name()) + " ").append("can access in ")
                .append(selected == null ? "" : escape(selected.workspace().name())).append(":</p><div class=\"pages\">");
        if (pages.isEmpty()) {
            sb.append("<p class=\"muted\">This person cannot access any page.</p>");
        }
        for (Item item : pages) {
            String id = item.node().id();
            String title = item.node().plainTitle() == null || item.node().plainTitle().isBlank() ? "Untitled" : item.node().plainTitle();
            sb.append("<label class=\"page\" style=\"margin-left:").append(item.depth() * 1.4).append("em\">")
                    .append("<input type=\"checkbox\" name=\"page_id\" value=\"").append(escape(id)).append('"')
                    .append(checked.contains(id) ? " checked" : "").append('>')
                    .append("<span class=\"kind\">").append(item.node().kind() == Node.Kind.DATABASE ? "▦" : "▤").append("</span>")
                    .append(escape(title)).append("</label>");
        }
        if (pages.size() >= MAX_PAGES) {
            sb.append("<p class=\"muted\">Showing the first ").append(MAX_PAGES).append(" pages.</p>");
        }
        sb.append("</div><div class=\"actions\">")
                .append("<button type=\"submit\" name=\"decision\" value=\"cancel\" class=\"secondary\">Cancel</button>")
                .append("<button type=\"submit\" name=\"decision\" value=\"allow\" class=\"primary\">Allow access</button>")
                .append("</div></form><p class=\"muted small\">You will be sent back to ").append(escape(request.redirectUri()))
                .append("</p></main></body></html>\n");
        return sb.toString();
    }

    private static void radio(StringBuilder sb, String value, boolean on, String label, String detail) {
        sb.append("<label class=\"option\"><input type=\"radio\" name=\"access\" id=\"access_").append(value).append("\" value=\"")
                .append(value).append('"').append(on ? " checked" : "").append("><span><strong>").append(escape(label))
                .append("</strong><br><span class=\"muted\">").append(escape(detail)).append("</span></span></label>");
    }

    private static void hidden(StringBuilder sb, String name, String value) {
        sb.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(value == null ? "" : value)).append("\">");
    }

    static List<String> capabilityLines(Connection c) {
        List<String> out = new ArrayList<>();
        Set<Capability> caps = c.capabilities();
        if (caps.contains(Capability.READ_CONTENT)) {
            out.add("View pages and databases you share with it");
        }
        if (caps.contains(Capability.UPDATE_CONTENT)) {
            out.add("Edit pages and databases you share with it");
        }
        if (caps.contains(Capability.INSERT_CONTENT)) {
            out.add("Create pages and content in pages you share with it");
        }
        if (caps.contains(Capability.READ_COMMENTS)) {
            out.add("View comments");
        }
        if (caps.contains(Capability.INSERT_COMMENTS)) {
            out.add("Add comments");
        }
        UserInfo info = c.userInfo();
        if (info == UserInfo.WITH_EMAIL) {
            out.add("View workspace users, including their email addresses");
        } else if (info == UserInfo.WITHOUT_EMAIL) {
            out.add("View workspace users (without email addresses)");
        }
        if (out.isEmpty()) {
            out.add("Nothing beyond knowing it is installed");
        }
        return out;
    }

    /** The page Notion shows instead of redirecting when the redirect URI or client is wrong (docs/notion-api.md §2.10). */
    static String error(String title, String detail) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " · Notion sandbox</title><style>" + STYLE + "</style></head><body><main class=\"card\">"
                + "<div class=\"badge\">Notion sandbox</div><h1>" + escape(title) + "</h1><p>" + escape(detail)
                + "</p></main></body></html>\n";
    }

    private static final String STYLE = """
            :root{color-scheme:light dark;--bg:#f7f6f3;--card:#fff;--fg:#37352f;--muted:#787774;--border:#e9e9e7;\
            --accent:#2383e2;--bad:#eb5757}
            @media (prefers-color-scheme: dark){:root{--bg:#191919;--card:#202020;--fg:#e6e6e5;--muted:#9b9a97;\
            --border:#373737;--accent:#2383e2;--bad:#ff7369}}
            body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif}
            .card{max-width:36rem;margin:2.5rem auto;padding:1.5rem 2rem;background:var(--card);border:1px solid var(--border);border-radius:10px}
            .badge{display:inline-block;font-size:12px;padding:2px 8px;border-radius:10px;background:#fbf3db;color:#89632a;margin-bottom:.75rem}
            h1{font-size:20px;margin:.25rem 0 .5rem}h2{font-size:13px;margin:1.25rem 0 .4rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
            .muted{color:var(--muted)}.small{font-size:12px}.problem{color:var(--bad);font-weight:600}
            .caps{margin:0;padding-left:1.2rem}.row{display:flex;gap:.5rem}.row button{white-space:nowrap}select{flex:1;padding:.35rem;font:inherit}
            .pages{max-height:18rem;overflow:auto;border:1px solid var(--border);border-radius:6px;padding:.4rem .6rem}
            .page{display:block;padding:.15rem 0;overflow-wrap:anywhere}.page input{margin-right:.5rem}.kind{margin-right:.35rem;color:var(--muted)}
            .choice{display:grid;gap:.4rem}.option{display:flex;gap:.6rem;align-items:flex-start;padding:.5rem .6rem;\
            border:1px solid var(--border);border-radius:6px;cursor:pointer}.option:has(input:checked){border-color:var(--accent)}
            form:has(#access_template:checked) .pages{opacity:.45}
            .actions{display:flex;justify-content:flex-end;gap:.5rem;margin-top:1.25rem}
            button{font:inherit;padding:.45rem .9rem;border-radius:6px;border:1px solid var(--border);background:var(--card);color:var(--fg);cursor:pointer}
            button.primary{background:var(--accent);border-color:var(--accent);color:#fff}
            """;
}
