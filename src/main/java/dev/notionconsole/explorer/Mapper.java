package dev.notionconsole.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import dev.notionconsole.notion.NotionVersion;
import dev.notionconsole.notion.Wait;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps what one connection can see (explorer-diagnostics.md §1.3, §1.4, §1.7; docs/decisions/0070): users/me, a
 * data-source pass and a page pass of {@code POST /v1/search} ({@link SearchWalk}), then every object placed under
 * its parent in memory; a parent the walk did not list is probed once by ID (memoized): 404 makes the child a
 * sharing root and the parent a placeholder, 200 adds it ("not in search"); {@code block_id} parents are walked
 * with {@code GET /v1/blocks/{id}} up to {@value #MAX_HOPS} hops. Block children and rows are never read here
 * ({@link ChildrenLoader} does that when a node is expanded). Cost: {@code ceil(V/100) + U + B} plus users/me and at
 * most one short page per pass.
 *
 * <p>Blocking; one run at a time per instance is not required (runs share nothing but the {@link ApiCalls}).
 * Cancel through the token: the run stops before its next request, and an in-flight one is aborted.
 *
 * <p>Just over 400 lines, knowingly: one run's steps (passes, placing, probes, re-map, naming multi-source
 * databases) share the run's builder, progress and request counter; the parts that stand alone already live
 * elsewhere ({@link SearchWalk}, {@link EarlyProbes}, {@link MapBuilder}).
 */
public final class Mapper {
    static final int MAX_HOPS = 8;

    private final ApiCalls calls;
    private final String connectionName;
    private final TokenKind tokenKind;
    private final String notionVersion;
    private boolean earlyProbes = true;

    /**
     * @param tokenKind     the connection's kind (users/me cannot tell a PAT from an OAuth install); null: guess from users/me
     * @param notionVersion the Notion-Version the calls go out with (decides "database" or "data_source" in search)
     */
    public Mapper(ApiCalls calls, String connectionName, TokenKind tokenKind, String notionVersion) {
        this.calls = Objects.requireNonNull(calls);
        this.connectionName = connectionName;
        this.tokenKind = tokenKind;
        this.notionVersion = notionVersion == null ? NotionVersion.LATEST : notionVersion;
    }

    /** A full map. Nodes stream to the listener as pages of search results arrive. */
    public WorkspaceMap map(MapListener listener, CancellationToken cancel) throws IOException, SecretStoreException, MapException {
        return new Run(listener, cancel).full();
    }

    /**
     * A re-map that reuses {@code previous} (docs/decisions/0070 "Re-map"): search newest first down to the previous
     * watermark for what changed, a trash pass for what was trashed, a re-probe of the previous sharing roots for lost
     * access and moves, and probes only for parents the previous map did not know. Never stores or reuses a cursor.
     */
    public WorkspaceMap remap(WorkspaceMap previous, MapListener listener, CancellationToken cancel)
            throws IOException, SecretStoreException, MapException {
        return new Run(listener, cancel).incremental(previous);
    }

    /** Every probe sent in the placing loop, one at a time (for tests and the benchmark: the map must be the same). */
    Mapper serialProbes() {
        earlyProbes = false;
        return this;
    }

    /** The search filter value for databases on this version: "data_source" from 2025-09-03, "database" before. */
    String containerValue() {
        return NotionVersion.atLeast(notionVersion, NotionVersion.DATA_SOURCES) ? "data_source" : "database";
    }

    private final class Run implements CallObserver {
        final MapListener listener;
        final CancellationToken cancel;
        final MapBuilder b = new MapBuilder();
        final Map<String, List<String>> relations = new LinkedHashMap<>();
        final Map<String, Integer> hops = new HashMap<>();
        volatile MapProgress.Phase phase = MapProgress.Phase.IDENTITY;
        volatile int restarts;
        volatile int estimate = 3; // shown in progress only
        MapIdentity identity;
        /** Probes sent early on a second thread (a full map only), or null. */
        EarlyProbes early;
        final Thread runThread = Thread.currentThread();
        volatile int found;
        private final Object counting = new Object();

        Run(MapListener listener, CancellationToken cancel) {
            this.listener = new SerializedListener(listener == null ? MapListener.NONE : listener);
            this.cancel = cancel == null ? CancellationToken.none() : cancel;
        }

        WorkspaceMap full() throws IOException, SecretStoreException, MapException {
            identity();
            SearchWalk walk = new SearchWalk(this::send, this::note);
            try (EarlyProbes early = earlyProbes ? new EarlyProbes(this::send, connectionName) : null) {
                this.early = early; // only a full map: a re-map carries blocks over, so probing them early could be waste
                pass(walk, MapProgress.Phase.SEARCH_DATA_SOURCES, containerValue(), null);
                pass(walk, MapProgress.Phase.SEARCH_PAGES, "page", null);
                place();
            } finally {
                early = null;
            }
            nameMultiSourceDatabases(id -> true);
            return finish(Map.of());
        }

        WorkspaceMap incremental(WorkspaceMap prev) throws IOException, SecretStoreException, MapException {
            estimate = 4 + prev.roots().size();
            identity();
            SearchWalk walk = new SearchWalk(this::send, this::note);
            pass(walk, MapProgress.Phase.SEARCH_DATA_SOURCES, containerValue(), prev.watermark());
            pass(walk, MapProgress.Phase.SEARCH_PAGES, "page", prev.watermark());
            Map<String, MapNode> changed = new LinkedHashMap<>();
            b.drafts.forEach((id, d) -> changed.put(id, d.freeze(null)));
            // what did not change is carried over, placeholders included (their 404 stands until a full map)
            for (MapNode n : prev.all()) {
                if (!b.has(n.id())) {
                    b.put(MapBuilder.Draft.of(n));
                }
            }
            Map<String, WorkspaceMap.LostVerdict> lost = new LinkedHashMap<>();
            phase = MapProgress.Phase.TRASH;
            walk.run(null, true, prev.watermark(), r -> {
                String id = r.path("id").asText();
                if (b.has(id) && !changed.containsKey(id)) {
                    b.remove(id);
                    lost.put(id, WorkspaceMap.LostVerdict.TRASHED);
                }
            }, this::progress);
            dropDescendants(prev, changed, lost);
            reprobeRoots(prev, changed, lost);
            place();
            nameMultiSourceDatabases(changed::containsKey); // the others keep the title the previous map read
            return finish(lost);
        }

        /** What was under a trashed object is in the trash too (search lists it, but with its own older time). */
        private void dropDescendants(WorkspaceMap prev, Map<String, MapNode> changed, Map<String, WorkspaceMap.LostVerdict> lost) {
            if (lost.isEmpty()) {
                return;
            }
            for (MapNode n : prev.all()) {
                if (lost.containsKey(n.id()) || changed.containsKey(n.id())) {
                    continue;
                }
                for (MapNode up : prev.path(n.id())) {
                    WorkspaceMap.LostVerdict v = lost.get(up.id());
                    if (v != null) {
                        b.remove(n.id());
                        lost.put(n.id(), v);
                        break;
                    }
                }
            }
        }

        /** Each previous root once: gone (404), trashed, or moved; a verdict on a root holds for its unchanged subtree. */
        private void reprobeRoots(WorkspaceMap prev, Map<String, MapNode> changed, Map<String, WorkspaceMap.LostVerdict> lost)
                throws IOException, SecretStoreException {
            phase = MapProgress.Phase.REPROBING;
            for (String rootId : prev.roots()) {
                MapNode root = prev.node(rootId).orElseThrow();
                if (changed.containsKey(rootId) || lost.containsKey(rootId) || "block".equals(root.object())) {
                    continue;
                }
                Exchange x = send(ApiRequest.get("/v1/" + endpoint(root.object()) + "/" + rootId));
                WorkspaceMap.LostVerdict verdict = null;
                if (x.ok()) {
                    MapBuilder.Draft now = NotionObjects.draft(x.json(), root.foundBy());
                    if (now != null && now.inTrash) {
                        verdict = WorkspaceMap.LostVerdict.TRASHED;
                    } else if (now != null && !Objects.equals(now.parent.id(), root.parentId())) {
                        b.get(rootId).parent = now.parent; // still readable: placed anew below
                    }
                } else if (x.status() == 404) {
                    verdict = WorkspaceMap.LostVerdict.LOST_ACCESS;
                }
                if (verdict != null) {
                    for (MapNode n : prev.all()) {
                        if (rootId.equals(n.sharingRoot()) && !changed.containsKey(n.id())) {
                            b.remove(n.id());
                            lost.put(n.id(), verdict);
                        }
                    }
                }
            }
        }

        private void identity() throws IOException, SecretStoreException, MapException {
            Exchange me = send(ApiRequest.get("/v1/users/me"));
            if (!me.ok()) {
                throw new MapException("users/me failed for " + connectionName + ": " + me.status()
                        + (me.error() == null ? "" : " " + me.error().code() + ": " + me.error().message()), me);
            }
            JsonNode j = me.json();
            JsonNode bot = j.path("bot");
            String ownerType = bot.path("owner").path("type").asText("");
            String userName = "user".equals(ownerType) ? bot.path("owner").path("user").path("name").asText(null)
                    : "person".equals(j.path("type").asText()) ? j.path("name").asText(null) : null;
            TokenKind kind = tokenKind != null ? tokenKind
                    : "person".equals(j.path("type").asText()) ? TokenKind.PERSONAL
                    : "user".equals(ownerType) ? TokenKind.PUBLIC : TokenKind.INTERNAL;
            identity = new MapIdentity(kind, j.path("name").asText(null), kind.actsForUser() ? userName : null,
                    bot.path("workspace_id").asText(null), bot.path("workspace_name").asText(null));
            listener.onIdentity(identity);
        }

        private void pass(SearchWalk walk, MapProgress.Phase p, String value, String stopBefore) throws IOException, SecretStoreException {
            phase = p;
            List<MapNode> fresh = new ArrayList<>();
            SearchWalk.Outcome o = walk.run(value, false, stopBefore, r -> addFromSearch(r, fresh), () -> {
                if (!fresh.isEmpty()) {
                    listener.onNodes(List.copyOf(fresh));
                    fresh.clear();
                }
                progress();
            });
            restarts += o.restarts();
        }

        private void addFromSearch(JsonNode r, List<MapNode> fresh) {
            MapBuilder.Draft d = NotionObjects.draft(r, FoundBy.SEARCH);
            if (d == null) {
                return;
            }
            if ("data_source".equals(d.object)) {
                String dbId = "data_source_id".equals(d.parent.type()) ? r.path("parent").path("database_id").asText(null) : d.parent.id();
                if (dbId != null) {
                    MapBuilder.Draft container = b.get(dbId);
                    if (container == null || container.placeholder()) {
                        container = new MapBuilder.Draft(dbId, "database", d.title, NotionObjects.parent(r.get("database_parent")), FoundBy.SEARCH);
                        container.url = d.url;
                        container.publicUrl = d.publicUrl;
                        container.lastEdited = d.lastEdited;
                        container.inTrash = d.inTrash;
                        b.put(container);
                        fresh.add(container.freeze(null));
                    }
                    if (d.flags.contains(NodeFlag.WIKI)) {
                        container.flags.add(NodeFlag.WIKI);
                    }
                    container.related.add(d.id);
                    if (container.related.size() > 1 && container.foundBy == FoundBy.SEARCH) {
                        // search does not give a database's own title: a multi-source one is named by its sources
                        container.title = container.title + " / " + d.title;
                    }
                    d.parent = new NotionObjects.Parent("database_id", dbId);
                    d.related.add(dbId);
                }
            }
            if ("data_source".equals(d.object) || "database".equals(d.object)) {
                List<String> targets = NotionObjects.relationTargets(r.path("properties"));
                if (!targets.isEmpty()) {
                    relations.put(d.id, targets);
                }
            }
            MapBuilder.Draft existing = b.get(d.id);
            if (existing != null && "database".equals(existing.object) && !existing.related.isEmpty()) {
                return; // old-era listing of a container already derived from its data source
            }
            b.put(d);
            fresh.add(d.freeze(null));
            if (early != null && "blocks".equals(d.parent.probeKind()) && d.parent.id() != null) {
                early.offer("/v1/blocks/" + d.parent.id(), 1); // blocks never come from search: placing probes it anyway
            }
        }

        /** Probes every distinct missing parent once, until every object hangs from a known node or a placeholder. */
        private void place() throws IOException, SecretStoreException {
            phase = MapProgress.Phase.PLACING;
            Deque<MapBuilder.Draft> queue = new ArrayDeque<>(b.drafts.values());
            java.util.Set<String> missing = b.missingParentProbes();
            estimate = requests() + missing.size();
            if (early != null) {
                missing.forEach(path -> early.offer(path, 0));
            }
            while (!queue.isEmpty()) {
                MapBuilder.Draft d = queue.poll();
                NotionObjects.Parent p = d.parent;
                String kind = p.probeKind();
                if (d.placeholder() || p.id() == null || kind == null || b.has(p.id())) {
                    continue;
                }
                int depth = "block".equals(d.object) ? hops.getOrDefault(d.id, 1) : 0;
                if ("blocks".equals(kind) && depth >= MAX_HOPS) {
                    note(new MapNote(MapNote.Kind.HOP_LIMIT, d.id, "more than " + MAX_HOPS + " nested blocks above '"
                            + d.title + "': placed as a root"));
                    continue;
                }
                String path = "/v1/" + kind + "/" + p.id();
                Exchange x = early != null ? early.answer(path) : send(ApiRequest.get(path));
                MapBuilder.Draft found = x.ok() ? NotionObjects.draft(x.json(), FoundBy.PROBE) : null;
                if (found != null) {
                    if ("database".equals(found.object)) {
                        for (JsonNode s : x.json().path("data_sources")) {
                            found.related.add(s.path("id").asText());
                        }
                    }
                    if ("blocks".equals(kind)) {
                        hops.put(found.id, depth + 1);
                    }
                    b.put(found);
                    listener.onNodes(List.of(found.freeze(null)));
                    queue.add(found);
                    estimate++;
                } else {
                    MapBuilder.Draft ph = b.placeholder(p.id(), p.type());
                    if (x.status() != 404 && x.status() != 403) {
                        note(new MapNote(MapNote.Kind.PROBE_FAILED, p.id(), "could not read the parent " + p.id() + " of '"
                                + d.title + "': " + x.status() + (x.error() == null ? "" : " " + x.error().code())));
                    }
                    listener.onNodes(List.of(ph.freeze(null)));
                }
                progress();
            }
            relationNotes();
        }

        /**
         * Search gives data sources, never their database's own title: a container with several sources is read once
         * (the "D" term of explorer-diagnostics.md §1.5) so the map names it as Notion does, not after its sources.
         */
        private void nameMultiSourceDatabases(java.util.function.Predicate<String> found) throws IOException, SecretStoreException {
            for (MapBuilder.Draft d : List.copyOf(b.drafts.values())) {
                if (!"database".equals(d.object) || d.foundBy != FoundBy.SEARCH || d.related.size() < 2 || !found.test(d.id)) {
                    continue;
                }
                Exchange x = send(ApiRequest.get("/v1/databases/" + d.id));
                MapBuilder.Draft read = x.ok() ? NotionObjects.draft(x.json(), FoundBy.PROBE) : null;
                if (read != null && read.title != null) {
                    d.title = read.title;
                    listener.onNodes(List.of(d.freeze(null)));
                }
                progress();
            }
        }

        private void relationNotes() {
            relations.forEach((source, targets) -> {
                for (String t : targets) {
                    if (!b.has(t)) {
                        MapBuilder.Draft d = b.get(source);
                        if (d != null) {
                            d.flags.add(NodeFlag.PARTIAL);
                            note(new MapNote(MapNote.Kind.RELATION_TO_INVISIBLE, source, "'" + d.title
                                    + "' has a relation to the data source " + t + ", which this connection cannot see"));
                        }
                    }
                }
            });
        }

        private WorkspaceMap finish(Map<String, WorkspaceMap.LostVerdict> lost) {
            phase = MapProgress.Phase.DONE;
            estimate = requests();
            progress();
            return b.freeze(connectionName, identity, notionVersion, lost);
        }

        private Exchange send(ApiRequest request) throws IOException, SecretStoreException {
            cancel.throwIfCancelled();
            Exchange x = calls.send(request, cancel, this);
            synchronized (counting) { // the early probes' thread counts here too
                b.requests += Math.max(1, x.attempts());
            }
            return x;
        }

        private int requests() {
            synchronized (counting) {
                return b.requests;
            }
        }

        private void note(MapNote n) {
            b.notes.add(n);
            listener.onNote(n);
        }

        private void progress() {
            progress(null);
        }

        private void progress(Wait w) {
            // the early probes' thread reports its waits too: it reads the count of objects the run's thread last made
            if (Thread.currentThread() == runThread) {
                found = b.visibleCount();
            }
            synchronized (counting) {
                int done = b.requests;
                int pending = switch (phase) {
                    case IDENTITY -> 3;
                    case SEARCH_DATA_SOURCES -> 2;
                    case SEARCH_PAGES, TRASH, REPROBING -> 1;
                    default -> 0;
                };
                estimate = Math.max(estimate, done + pending);
                listener.onProgress(new MapProgress(phase, done, estimate, found, restarts, w));
            }
        }

        @Override
        public void onWait(Wait wait) {
            progress(wait);
        }
    }

    static String endpoint(String object) {
        return switch (object) {
            case "page" -> "pages";
            case "database" -> "databases";
            case "data_source" -> "data_sources";
            default -> "blocks";
        };
    }
}
