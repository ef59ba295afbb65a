package dev.notionconsole.sandbox.ops.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.notionconsole.sandbox.fixture.FixtureException;
import dev.notionconsole.sandbox.fixture.FixtureLoader;
import dev.notionconsole.sandbox.model.SandboxModel;
import java.time.Clock;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link WorkspaceShape} into a fixture document (docs/sandbox-fixtures.md), so a generated workspace is
 * loaded, validated and served exactly like a hand-written one: one way to build a sandbox model.
 *
 * <p>The workspace is on the Business plan and has four connections: "Bench Bot" (internal, every capability,
 * shared at the top level: sees everything), "Team Bot" (internal, shared with the first top-level page only),
 * "Scoped Bot" (internal, shared with pages at several depths: roots under unshared parents, holes between them)
 * and the owner's personal access token. Their fake tokens are fixed, so scripts can rely on them.
 *
 * <p>For the explorer (docs/decisions/0071), deterministically by position: one sub-page in {@value #TOGGLE_EVERY}
 * sits in a toggle of its parent and one (another) in a column of a two-column layout; one page in
 * {@value #LINKED_VIEW_EVERY} holds a linked view of a database; Scoped Bot is shared with one page in
 * {@value #SCOPED_EVERY} at depth 2 or more. Holes (explorer-diagnostics.md §1.4): Team Bot and Scoped Bot are
 * removed from one page in {@value #HOLE_EVERY} of those they would otherwise read below their shares (the 4th, then
 * every {@value #HOLE_EVERY}th, in creation order), so each such page and what is below it give them 404 while its
 * parent still lists it ({@code removed_from}).
 */
public final class GeneratedFixture {
    public static final String WORKSPACE = "generated";
    public static final String BENCH_TOKEN = "ntn_sandbox_generated_bench_bot_FAKE_TOKEN_0001";
    public static final String TEAM_TOKEN = "ntn_sandbox_generated_team_bot_FAKE_TOKEN_00002";
    public static final String OWNER_PAT = "ntn_sandbox_generated_owner_pat_FAKE_TOKEN_0003";
    public static final String SCOPED_TOKEN = "ntn_sandbox_generated_scoped_bot_FAKE_TOKEN_04";
    static final int TOGGLE_EVERY = 16;
    static final int LINKED_VIEW_EVERY = 50;
    static final int SCOPED_EVERY = 37;
    static final int HOLE_EVERY = 19;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private GeneratedFixture() {
    }

    /**
     * The fixture and what was generated.
     *
     * @param teamHoles   pages Team Bot was removed from below its share
     * @param scopedHoles pages Scoped Bot was removed from below its shares
     */
    public record Generated(ObjectNode fixture, WorkspaceShape.Summary summary, int teamHoles, int scopedHoles) {
        public int holes() {
            return teamHoles + scopedHoles;
        }
    }

    /** Generates and loads a workspace of {@code pages} pages for {@code --pages N --seed S}. */
    public static SandboxModel load(int pages, long seed, Clock clock) {
        Generated g = generate(pages, seed);
        try {
            return FixtureLoader.load(g.fixture(), "(generated: " + pages + " pages, seed " + seed + ")", clock);
        } catch (FixtureException e) {
            throw new IllegalStateException("The generated workspace does not load (a bug): " + e.getMessage(), e);
        }
    }

    private static ArrayNode content(ObjectNode page) {
        return page.has("content") ? (ArrayNode) page.get("content") : page.putArray("content");
    }

    public static Generated generate(int pages, long seed) {
        ObjectNode root = F.objectNode();
        root.put("fixture_version", 1);
        root.put("description", "Generated workspace: " + pages + " pages, seed " + seed + " (notion-console sandbox --pages)");
        ObjectNode ws = root.putArray("workspaces").addObject();
        ws.put("id", WORKSPACE);
        ws.put("name", "Generated Workspace");
        ws.put("plan", "business");
        ArrayNode users = root.putArray("users");
        String[][] people = {{"owner", "Olivia Owner", "owner"}, {"member-1", "Max Member", "member"},
            {"member-2", "Mia Member", "member"}, {"member-3", "Milo Member", "member"}};
        for (String[] p : people) {
            ObjectNode u = users.addObject();
            u.put("id", p[0]);
            u.put("name", p[1]);
            u.put("email", p[0] + "@generated.example");
            u.put("workspace", WORKSPACE);
            u.put("role", p[2]);
        }
        ArrayNode pageArray = root.putArray("pages");
        ArrayNode databases = root.putArray("databases");
        ArrayNode benchShares = F.arrayNode();
        ArrayNode scopedShares = F.arrayNode();
        ArrayNode teamRemoved = F.arrayNode();
        ArrayNode scopedRemoved = F.arrayNode();
        // per tree page: whether Team Bot / Scoped Bot read it (its nearest share or removal above is a share)
        java.util.Map<String, Boolean> teamReads = new java.util.HashMap<>();
        java.util.Map<String, Boolean> scopedReads = new java.util.HashMap<>();
        String[] firstTop = {null};
        java.util.Map<String, ObjectNode> pageById = new java.util.HashMap<>();
        java.util.List<ObjectNode> treePages = new java.util.ArrayList<>();
        java.util.List<String> databaseIds = new java.util.ArrayList<>();

        WorkspaceShape.Summary summary = new WorkspaceShape(pages, seed).generate(new WorkspaceShape.Sink() {
            private int made;
            /** Pages below a share each bot would read so far: every {@value #HOLE_EVERY}th, from the 4th, is a hole. */
            private int teamBelow;
            private int scopedBelow;

            @Override
            public void page(String id, String parentId, String title, int depth) {
                boolean teamRoot = parentId == null && firstTop[0] == null;
                boolean scopedRoot = depth >= 2 && made % SCOPED_EVERY == 5;
                boolean team = teamRoot || Boolean.TRUE.equals(teamReads.get(parentId));
                if (team && !teamRoot && teamBelow++ % HOLE_EVERY == 3) {
                    teamRemoved.add(id);
                    team = false;
                }
                teamReads.put(id, team);
                boolean scoped = scopedRoot || Boolean.TRUE.equals(scopedReads.get(parentId));
                if (scoped && !scopedRoot && scopedBelow++ % HOLE_EVERY == 3) {
                    scopedRemoved.add(id);
                    scoped = false;
                }
                scopedReads.put(id, scoped);
                ObjectNode p = pageArray.addObject();
                p.put("id", id);
                p.put("title", title);
                if (parentId == null) {
                    p.putObject("parent").put("workspace", WORKSPACE);
                    benchShares.add(id);
                    if (firstTop[0] == null) {
                        firstTop[0] = id;
                    }
                } else if (made % TOGGLE_EVERY == 3) {
                    // in a toggle of its parent (explorer-diagnostics.md §0.6: importers lose these)
                    ObjectNode toggle = content(pageById.get(parentId)).addObject();
                    toggle.put("type", "toggle");
                    toggle.put("id", id + "/toggle");
                    toggle.put("text", "More");
                    p.putObject("parent").put("block", id + "/toggle");
                } else if (made % TOGGLE_EVERY == 11) {
                    // in the first column of a two-column layout: two blocks above it
                    ObjectNode columns = content(pageById.get(parentId)).addObject();
                    columns.put("type", "column_list");
                    columns.put("id", id + "/columns");
                    ArrayNode cols = columns.putArray("children");
                    ObjectNode left = cols.addObject();
                    left.put("type", "column");
                    left.put("id", id + "/column");
                    left.putArray("children").addObject().put("type", "paragraph").put("text", "Left");
                    ObjectNode right = cols.addObject();
                    right.put("type", "column");
                    right.putArray("children").addObject().put("type", "paragraph").put("text", "Right");
                    p.putObject("parent").put("block", id + "/column");
                } else {
                    p.putObject("parent").put("page", parentId);
                }
                if (scopedRoot) {
                    scopedShares.add(id);
                }
                // Some text on one page in four: block listings have something to list, memory stays modest.
                if (made++ % 4 == 0) {
                    ObjectNode block = content(p).addObject();
                    block.put("type", "paragraph");
                    block.put("text", "Notes for " + title + ".");
                }
                pageById.put(id, p);
                treePages.add(p);
            }

            @Override
            public void database(String id, String dataSourceId, String parentPageId, String title) {
                databaseIds.add(id);
                ObjectNode d = databases.addObject();
                d.put("id", id);
                d.put("title", title);
                if (parentPageId == null) {
                    d.putObject("parent").put("workspace", WORKSPACE);
                    benchShares.add(id);
                } else {
                    d.putObject("parent").put("page", parentPageId);
                    d.put("inline", true);
                }
                ObjectNode ds = d.putArray("data_sources").addObject();
                ds.put("id", dataSourceId);
                ds.put("title", title);
                ObjectNode props = ds.putObject("properties");
                props.put("Name", "title");
                ObjectNode status = props.putObject("Status");
                status.put("type", "status");
                status.putArray("options").add("Not started").add("In progress").add("Done");
                props.put("Estimate", "number");
            }

            @Override
            public void row(String id, String dataSourceId, String title, String status, int estimate) {
                ObjectNode r = pageArray.addObject();
                r.put("id", id);
                r.putObject("parent").put("data_source", dataSourceId);
                r.put("title", title);
                ObjectNode values = r.putObject("properties");
                values.put("Status", status);
                values.put("Estimate", estimate);
            }
        });

        // linked views: a child_database block showing another page's database, never a database itself
        for (int i = 7; i < treePages.size() && !databaseIds.isEmpty(); i += LINKED_VIEW_EVERY) {
            ObjectNode view = content(treePages.get(i)).addObject();
            view.put("type", "linked_database");
            view.put("id", treePages.get(i).path("id").asText() + "/linked-view");
            view.put("source", databaseIds.get(i % databaseIds.size()));
            view.put("title", "Linked view");
        }
        ArrayNode connections = root.putArray("connections");
        ObjectNode bench = connections.addObject();
        bench.put("kind", "internal");
        bench.put("id", "bench-bot");
        bench.put("name", "Bench Bot");
        bench.put("workspace", WORKSPACE);
        bench.put("token", BENCH_TOKEN);
        bench.put("user_info", "with_email");
        bench.set("shares", benchShares);
        bench.put("description", "Internal, every capability, shared at the top level: sees all " + pages + " pages.");
        ObjectNode team = connections.addObject();
        team.put("kind", "internal");
        team.put("id", "team-bot");
        team.put("name", "Team Bot");
        team.put("workspace", WORKSPACE);
        team.put("token", TEAM_TOKEN);
        team.putArray("shares").add(firstTop[0]);
        team.set("removed_from", teamRemoved);
        team.put("description", "Internal, shared with the first top-level page only: the rest gives 404; removed from "
                + teamRemoved.size() + " pages below it (holes).");
        ObjectNode scoped = connections.addObject();
        scoped.put("kind", "internal");
        scoped.put("id", "scoped-bot");
        scoped.put("name", "Scoped Bot");
        scoped.put("workspace", WORKSPACE);
        scoped.put("token", SCOPED_TOKEN);
        scoped.set("shares", scopedShares);
        scoped.set("removed_from", scopedRemoved);
        scoped.put("description", "Internal, shared with " + scopedShares.size()
                + " pages at several depths: each is a sharing root under an unshared parent; removed from "
                + scopedRemoved.size() + " pages below them (holes).");
        ObjectNode pat = connections.addObject();
        pat.put("kind", "personal");
        pat.put("id", "owner-pat");
        pat.put("name", "Olivia's token");
        pat.put("workspace", WORKSPACE);
        pat.put("creator", "owner");
        pat.put("token", OWNER_PAT);
        pat.put("description", "The owner's personal access token: sees what she sees (everything).");
        return new Generated(root, summary, teamRemoved.size(), scopedRemoved.size());
    }
}
