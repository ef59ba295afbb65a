package dev.notionconsole.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.model.SearchCursorExpiry;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.sandbox.ops.generate.GeneratedFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cursor expiry, cancel, streaming and progress, lazy children, linked views, re-map: over HTTP against the sandbox. */
class MapperBehaviourTest {
    static final String DOCS_SYNC = "ntn_sandbox_docs_sync_FAKE_TOKEN_0000000000000001";
    static final String ALICE = "ntn_sandbox_alice_pat_FAKE_TOKEN_0000000000007";

    @Test
    void anExpiredCursorMidMapRestartsAndCompletes() throws Exception {
        SandboxOptions.Builder o = SandboxOptions.builder().generatedPages(1000, 3).rateLimitOff()
                .searchCursorExpiry(SearchCursorExpiry.parse("results=450,times=1"));
        try (ExplorerSandbox sb = new ExplorerSandbox(o)) {
            List<MapNote> notes = new CopyOnWriteArrayList<>();
            WorkspaceMap m = sb.mapper("Bench", GeneratedFixture.BENCH_TOKEN, TokenKind.INTERNAL).map(new MapListener() {
                @Override
                public void onNote(MapNote note) {
                    notes.add(note);
                }
            }, CancellationToken.none());
            RequestFloor floor = RequestFloor.of(sb.server.model(), GeneratedFixture.BENCH_TOKEN);
            assertEquals(floor.v(), m.all().stream().filter(n -> n.object().equals("page") || n.object().equals("data_source")).count());
            assertTrue(m.complete(), m.notes()::toString);
            assertEquals(1, m.notes().stream().filter(n -> n.kind() == MapNote.Kind.CURSOR_RESTART).count(), m.notes()::toString);
            assertEquals(m.notes(), notes, "notes are streamed as they happen");
        }
    }

    @Test
    void aCursorThatKeepsExpiringGivesUpAfterThreeRestartsKeepingWhatItHad() throws Exception {
        SandboxOptions.Builder o = SandboxOptions.builder().generatedPages(1000, 3).rateLimitOff()
                .searchCursorExpiry(SearchCursorExpiry.parse("results=300"));
        try (ExplorerSandbox sb = new ExplorerSandbox(o)) {
            WorkspaceMap m = sb.mapper("Bench", GeneratedFixture.BENCH_TOKEN, TokenKind.INTERNAL).map(MapListener.NONE, CancellationToken.none());
            assertFalse(m.complete());
            assertEquals(3, m.notes().stream().filter(n -> n.kind() == MapNote.Kind.CURSOR_RESTART).count(), m.notes()::toString);
            assertTrue(m.notes().stream().anyMatch(n -> n.kind() == MapNote.Kind.SEARCH_INCOMPLETE && n.detail().contains("kept the")));
            long pages = m.all().stream().filter(n -> n.object().equals("page") && n.foundBy() == FoundBy.SEARCH).count();
            assertTrue(pages >= 300 && pages < 1000, "partial results kept: " + pages);
        }
    }

    @Test
    void cancelStopsWithinOneRequest() throws Exception {
        try (ExplorerSandbox sb = new ExplorerSandbox(SandboxOptions.builder().generatedPages(3000, 5).rateLimitOff())) {
            CancellationToken cancel = new CancellationToken();
            int cancelAt = 6;
            AtomicInteger arrived = new AtomicInteger();
            sb.onArrival(auth -> {
                if (arrived.incrementAndGet() == cancelAt) {
                    cancel.cancel(); // while the client waits for this answer
                }
            });
            Mapper mapper = sb.mapper("Bench", GeneratedFixture.BENCH_TOKEN, TokenKind.INTERNAL);
            assertThrows(CancellationException.class, () -> mapper.map(MapListener.NONE, cancel));
            // the second thread (early probes) may have had its own request in flight when the cancel came
            assertTrue(arrived.get() <= cancelAt + 1, "no request after the cancelled one: " + arrived.get());
        }
    }

    /**
     * Block probes go out on the second thread while the page pass runs (docs/decisions/0150), and the map is the one
     * the serial placing loop makes, with the same requests. Search requests are held (until a block probe has
     * arrived, at most 1 s each) so that the overlap happens whatever the machine's timing.
     */
    @Test
    void blockProbesGoOutDuringThePagePassAndTheMapIsTheSerialOne() throws Exception {
        try (ExplorerSandbox sb = new ExplorerSandbox(SandboxOptions.builder().generatedPages(2000, 7).rateLimitOff())) {
            WorkspaceMap serial = sb.mapper("Bench", GeneratedFixture.BENCH_TOKEN, TokenKind.INTERNAL).serialProbes()
                    .map(MapListener.NONE, CancellationToken.none());
            List<String> arrived = new CopyOnWriteArrayList<>();
            java.util.concurrent.CountDownLatch aBlock = new java.util.concurrent.CountDownLatch(1);
            sb.onArrivalPath(path -> {
                arrived.add(path);
                if (path.startsWith("/v1/blocks/")) {
                    aBlock.countDown();
                } else if (path.equals("/v1/search") && arrived.size() > 4) {
                    try {
                        aBlock.await(1, java.util.concurrent.TimeUnit.SECONDS); // under the test server's 3 s request limit
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            WorkspaceMap early = sb.mapper("Bench", GeneratedFixture.BENCH_TOKEN, TokenKind.INTERNAL)
                    .map(MapListener.NONE, CancellationToken.none());
            int lastSearch = arrived.lastIndexOf("/v1/search");
            assertTrue(arrived.subList(0, lastSearch).stream().anyMatch(p -> p.startsWith("/v1/blocks/")),
                    "a block probe before the last search page");
            assertEquals(serial.requests(), early.requests(), "no request more or less");
            assertEquals(arrived.size(), early.requests());
            assertEquals(new ArrayList<>(serial.all()), new ArrayList<>(early.all()), "the same nodes, in the same order");
            assertEquals(serial.roots(), early.roots());
            assertEquals(serial.placeholders(), early.placeholders());
            assertEquals(serial.notes(), early.notes());
        }
    }

    /** With probes on a second thread, a cancel still stops the run: nothing leaves after it but what was in flight. */
    @Test
    void cancelWhileProbingStopsBothThreads() throws Exception {
        try (ExplorerSandbox sb = new ExplorerSandbox(SandboxOptions.builder().generatedPages(3000, 5).rateLimitOff())) {
            CancellationToken cancel = new CancellationToken();
            AtomicInteger blocks = new AtomicInteger();
            AtomicInteger after = new AtomicInteger();
            sb.onArrivalPath(path -> {
                if (cancel.isCancelled()) {
                    after.incrementAndGet();
                } else if (path.startsWith("/v1/blocks/") && blocks.incrementAndGet() == 20) {
                    cancel.cancel();
                }
            });
            Mapper mapper = sb.mapper("Bench", GeneratedFixture.BENCH_TOKEN, TokenKind.INTERNAL);
            assertThrows(CancellationException.class, () -> mapper.map(MapListener.NONE, cancel));
            assertTrue(after.get() <= 1, "at most the other thread's request in flight arrives after the cancel: " + after.get());
        }
    }

    @Test
    void nodesStreamAndProgressCountsRequests() throws Exception {
        try (ExplorerSandbox sb = ExplorerSandbox.defaultFixture()) {
            List<MapNode> streamed = new ArrayList<>();
            List<MapProgress> progress = new ArrayList<>();
            WorkspaceMap m = sb.mapper("Alice", ALICE, TokenKind.PERSONAL).map(new MapListener() {
                @Override
                public void onNodes(List<MapNode> nodes) {
                    streamed.addAll(nodes);
                }

                @Override
                public void onProgress(MapProgress p) {
                    progress.add(p);
                }
            }, CancellationToken.none());
            assertEquals(m.nodes().keySet(), streamed.stream().map(MapNode::id).collect(java.util.stream.Collectors.toSet()));
            MapProgress last = progress.get(progress.size() - 1);
            assertEquals(MapProgress.Phase.DONE, last.phase());
            assertEquals(m.requests(), last.requestsDone());
            assertEquals(last.requestsDone(), last.requestsEstimated());
            assertEquals(m.visibleCount(), last.objectsFound(), "the kept count is the map's");
            for (MapProgress p : progress) {
                assertTrue(p.requestsDone() <= p.requestsEstimated(), p::describe);
            }
        }
    }

    @Test
    void childrenLoadLazilyAndALinkedViewIsMarked() throws Exception {
        try (ExplorerSandbox sb = ExplorerSandbox.defaultFixture()) {
            WorkspaceMap m = sb.mapper("Docs Sync", DOCS_SYNC, TokenKind.INTERNAL).map(MapListener.NONE, CancellationToken.none());
            int before = sb.served(DOCS_SYNC, m.requests());
            ChildrenLoader loader = new ChildrenLoader(sb.calls(DOCS_SYNC), m, m.notionVersion());
            ChildrenLoader.ChildPage page = loader.blockChildren(Ids.fromKey("engineering"), CancellationToken.none());
            assertEquals(null, page.failure());
            MapNode linked = page.children().stream().filter(n -> n.has(NodeFlag.LINKED_VIEW)).findFirst()
                    .orElseThrow(() -> new AssertionError("no linked view among " + page.children()));
            assertEquals("linked view", linked.kindLabel());
            assertEquals(FoundBy.CHILDREN, linked.foundBy());
            assertTrue(page.children().stream().anyMatch(n -> n.id().equals(Ids.fromKey("handbook")) && n.foundBy() == FoundBy.SEARCH),
                    "known objects come back as mapped");
            assertEquals(before + page.requests(), sb.served(DOCS_SYNC, before + page.requests()));

            MapNode roadmap = m.all().stream().filter(n -> n.object().equals("data_source") && n.title().equals("Roadmap")).findFirst().orElseThrow();
            ChildrenLoader.ChildPage rows = loader.rows(roadmap.id(), CancellationToken.none());
            assertEquals(m.children(roadmap.id()).size(), rows.children().size());
        }
    }

    @Test
    void loadMoreFollowsHasMore() throws Exception {
        try (ExplorerSandbox sb = new ExplorerSandbox(SandboxOptions.builder().generatedPages(3000, 2).rateLimitOff())) {
            WorkspaceMap m = sb.mapper("Bench", GeneratedFixture.BENCH_TOKEN, TokenKind.INTERNAL).map(MapListener.NONE, CancellationToken.none());
            MapNode big = m.all().stream().filter(n -> n.object().equals("data_source"))
                    .max(java.util.Comparator.comparingInt(n -> m.children(n.id()).size())).orElseThrow();
            ChildrenLoader loader = new ChildrenLoader(sb.calls(GeneratedFixture.BENCH_TOKEN), m, m.notionVersion());
            ChildrenLoader.ChildPage p = loader.rows(big.id(), CancellationToken.none());
            int total = p.children().size();
            assertTrue(p.hasMore(), "a big data source has more than one page");
            while (p.hasMore()) {
                p = loader.more(p, true, CancellationToken.none());
                total += p.children().size();
            }
            assertEquals(m.children(big.id()).size(), total);
        }
    }

    @Test
    void aRemapReusesThePreviousMapAndNamesWhatWasLost() throws Exception {
        try (ExplorerSandbox sb = ExplorerSandbox.defaultFixture()) {
            Mapper mapper = sb.mapper("Docs Sync", DOCS_SYNC, TokenKind.INTERNAL);
            WorkspaceMap first = mapper.map(MapListener.NONE, CancellationToken.none());
            // trash a page through the API, as a user would
            var client = sb.client(DOCS_SYNC, dev.notionconsole.notion.NotionVersion.LATEST, dev.notionconsole.notion.RateLimiter.unlimited());
            String postmortems = Ids.fromKey("postmortems");
            assertEquals(200, client.send(dev.notionconsole.notion.ApiRequest.patch("/v1/pages/" + postmortems, "{\"in_trash\": true}")).status());
            int before = sb.served(DOCS_SYNC, first.requests() + 1);
            WorkspaceMap second = mapper.remap(first, MapListener.NONE, CancellationToken.none());
            int remapCost = sb.served(DOCS_SYNC, before + second.requests()) - before;
            assertEquals(second.requests(), remapCost);
            assertEquals(WorkspaceMap.LostVerdict.TRASHED, second.lost().get(postmortems), second.lost()::toString);
            assertTrue(second.node(postmortems).isEmpty());
            assertTrue(second.node(Ids.fromKey("handbook")).isPresent(), "unchanged objects are carried over");
            assertTrue(remapCost < first.requests(), "a re-map costs less than the map: " + remapCost + " vs " + first.requests());
            MapDiff diff = MapDiff.between(first, second);
            assertTrue(diff.noLongerVisible().keySet().stream().anyMatch(n -> n.id().equals(postmortems)));
        }
    }

    @Test
    void beforeTheDataSourceSplitSearchListsDatabasesAndRowsHangFromThem() throws Exception {
        try (ExplorerSandbox sb = ExplorerSandbox.defaultFixture()) {
            String old = "2022-06-28";
            Mapper mapper = new Mapper(sb.calls(DOCS_SYNC, old), "Docs Sync", TokenKind.INTERNAL, old);
            assertEquals("database", mapper.containerValue());
            WorkspaceMap m = mapper.map(MapListener.NONE, CancellationToken.none());
            MapNode roadmap = m.node(Ids.fromKey("roadmap")).orElseThrow();
            assertEquals("database", roadmap.object());
            assertEquals(FoundBy.SEARCH, roadmap.foundBy());
            assertTrue(m.children(roadmap.id()).stream().allMatch(n -> n.has(NodeFlag.ROW) && "database_id".equals(n.parentType())));
            assertFalse(m.children(roadmap.id()).isEmpty());
            assertTrue(m.all().stream().noneMatch(n -> n.object().equals("data_source")));
            assertEquals(List.of(Ids.fromKey("engineering")), m.roots());
        }
    }
}
