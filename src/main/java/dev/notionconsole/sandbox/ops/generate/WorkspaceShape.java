package dev.notionconsole.sandbox.ops.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides the shape of a generated workspace for {@code --pages N}: which pages exist, under which parent, which
 * databases hold how many rows, and their titles. Deterministic for a seed: same N and seed, same workspace
 * (IDs included, see {@link #id}). It knows nothing about the sandbox's model; {@link Sink} receives the result
 * in creation order (every parent before its children).
 *
 * <p>Shape, modelled on real team workspaces (see docs/decisions/0032-generated-workspaces.md):
 * <ul>
 *   <li>About 40% of pages form the page tree and 60% are database rows.</li>
 *   <li>Tree: a few dozen top-level pages; a new page goes under the page just made one time in four (the
 *       long chains of nested notes), under an earlier page picked in proportion to its children about one
 *       time in three (hub pages such as "Meeting notes" with hundreds of children), and otherwise under any
 *       earlier page (depth growing like log N). Depth is capped at {@value #MAX_DEPTH}.</li>
 *   <li>Databases: one per 400 rows (at least 3), sizes Zipf-like (a few big ones, many small), each inline
 *       in a tree page or, one in five, at the top level.</li>
 * </ul>
 */
public final class WorkspaceShape {
    static final int MAX_DEPTH = 24;
    static final int MIN_PAGES = 10;
    static final int MAX_PAGES = 5_000_000;
    private static final double TREE_SHARE = 0.4;
    private static final double CHAIN_PROBABILITY = 0.25;
    private static final double HUB_PROBABILITY = 0.35;
    private static final int ROWS_PER_DATABASE = 400;

    private static final String[] TOPICS = {"Roadmap", "Onboarding", "Meeting notes", "Design review", "Retro",
        "Incident", "Hiring plan", "Q3 goals", "Launch checklist", "Customer call", "Research", "Spec",
        "Postmortem", "Budget", "Offsite", "Release notes", "Runbook", "Interview", "Weekly sync", "Brainstorm"};
    private static final String[] TEAMS = {"Engineering", "Design", "Marketing", "Sales", "Support", "Finance",
        "People", "Legal", "Product", "Data", "Security", "Operations"};
    private static final String[] DATABASES = {"Tasks", "Bugs", "Projects", "Docs", "Meetings", "Customers",
        "Content calendar", "OKRs", "Reading list", "Candidates", "Assets", "Vendors"};

    /** Receives the generated objects, parents first. Keys are the generated IDs (dashed UUIDs). */
    public interface Sink {
        /** A page in the tree; {@code parentId} null means the workspace's top level. */
        void page(String id, String parentId, String title, int depth);

        /** A database with one data source, inline in {@code parentPageId} or at the top level when null. */
        void database(String id, String dataSourceId, String parentPageId, String title);

        /** A row of a database's data source. */
        void row(String id, String dataSourceId, String title, String status, int estimate);
    }

    /** What was generated, for reports and tests. */
    public record Summary(int pages, int treePages, int rows, int databases, int topLevelPages, int maxDepth,
                          int maxFanOut, int largestDatabase) {
    }

    private final int pages;
    private final long seed;

    public WorkspaceShape(int pages, long seed) {
        if (pages < MIN_PAGES || pages > MAX_PAGES) {
            throw new IllegalArgumentException("--pages must be from " + MIN_PAGES + " to " + MAX_PAGES + ", not " + pages);
        }
        this.pages = pages;
        this.seed = seed;
    }

    /** A deterministic UUID (version 4 layout) for the n-th object of this seed. */
    String id(long n) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        long hi = (r.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(hi, lo).toString();
    }

    public Summary generate(Sink sink) {
        SplittableRandom random = new SplittableRandom(seed);
        long serial = 0;
        int treePages = Math.max(MIN_PAGES / 2, (int) Math.round(pages * TREE_SHARE));
        int rows = pages - treePages;
        int topLevel = Math.max(3, Math.min(60, (int) Math.sqrt(treePages) / 4));

        String[] ids = new String[treePages];
        int[] depth = new int[treePages];
        int[] fanOut = new int[treePages];
        // Every page once, plus once more per child: picking from it favours pages that already have many
        int[] byPopularity = new int[2 * treePages];
        int popular = 0;
        int maxDepth = 0;
        int maxFan = 0;
        for (int i = 0; i < treePages; i++) {
            ids[i] = id(serial++);
            int parent;
            double roll = random.nextDouble();
            if (i < topLevel) {
                parent = -1;
            } else if (roll < CHAIN_PROBABILITY) {
                parent = i - 1;
            } else if (roll < CHAIN_PROBABILITY + HUB_PROBABILITY) {
                parent = byPopularity[random.nextInt(popular)];
            } else {
                parent = random.nextInt(i);
            }
            while (parent >= 0 && depth[parent] >= MAX_DEPTH) {
                parent = random.nextInt(topLevel); // too deep: start again under a top-level page
            }
            depth[i] = parent < 0 ? 0 : depth[parent] + 1;
            maxDepth = Math.max(maxDepth, depth[i]);
            if (parent >= 0) {
                maxFan = Math.max(maxFan, ++fanOut[parent]);
                byPopularity[popular++] = parent;
            }
            byPopularity[popular++] = i;
            String title = parent < 0 ? TEAMS[i % TEAMS.length] + (i >= TEAMS.length ? " " + (i / TEAMS.length + 1) : "")
                    : TOPICS[random.nextInt(TOPICS.length)] + " " + (i + 1);
            sink.page(ids[i], parent < 0 ? null : ids[parent], title, depth[i]);
        }

        int databases = rows == 0 ? 0 : Math.max(3, rows / ROWS_PER_DATABASE);
        int[] sizes = zipfSizes(rows, databases, random);
        int largest = 0;
        for (int d = 0; d < databases; d++) {
            String dbId = id(serial++);
            String dsId = id(serial++);
            String parent = random.nextInt(5) == 0 ? null : ids[random.nextInt(treePages)];
            String name = DATABASES[d % DATABASES.length] + (d >= DATABASES.length ? " " + (d / DATABASES.length + 1) : "");
            sink.database(dbId, dsId, parent, name);
            largest = Math.max(largest, sizes[d]);
            for (int k = 0; k < sizes[d]; k++) {
                String status = switch (random.nextInt(4)) {
                    case 0 -> "Not started";
                    case 1, 2 -> "In progress";
                    default -> "Done";
                };
                sink.row(id(serial++), dsId, name.replaceAll("s( \\d+)?$", "") + " " + (k + 1), status,
                        1 + random.nextInt(13));
            }
        }
        return new Summary(pages, treePages, rows, databases, topLevel, maxDepth, maxFan, largest);
    }

    /** Splits {@code total} rows over {@code n} databases with Zipf-like weights 1/(k+1)^0.9, summing exactly. */
    static int[] zipfSizes(int total, int n, SplittableRandom random) {
        int[] sizes = new int[n];
        if (n == 0) {
            return sizes;
        }
        double[] w = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            w[k] = 1.0 / Math.pow(k + 1, 0.9);
            sum += w[k];
        }
        int given = 0;
        for (int k = 0; k < n; k++) {
            sizes[k] = (int) Math.floor(total * w[k] / sum);
            given += sizes[k];
        }
        for (int k = 0; given < total; k = (k + 1) % n) {
            sizes[k]++;
            given++;
        }
        // Shuffle so the biggest database is not always the first one created
        List<Integer> order = new ArrayList<>();
        for (int s : sizes) {
            order.add(s);
        }
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        for (int i = 0; i < n; i++) {
            sizes[i] = order.get(i);
        }
        return sizes;
    }
}
