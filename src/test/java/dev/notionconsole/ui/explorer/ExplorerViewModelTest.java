package dev.notionconsole.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.concurrent.InlineTaskRunner;
import dev.notionconsole.explorer.MapExport;
import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.explorer.SnapshotStore;
import dev.notionconsole.explorer.WorkspaceMap;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.ui.common.ObjectRef;
import dev.notionconsole.ui.common.RecordingDialogService;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Explorer's ViewModel without a toolkit (inline task runner), mapping the real sandbox over HTTP. */
class ExplorerViewModelTest {
    static SandboxServer sandbox;

    @TempDir
    Path home;
    ConnectionService service;
    RecordingDialogService dialogs;
    final List<RequestSpec> opened = new ArrayList<>();
    final List<ObjectRef> diagnosed = new ArrayList<>();
    final List<URI> browsed = new ArrayList<>();
    ExplorerViewModel vm;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.builder().port(0).rateLimitOff().build());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void setUp() {
        service = TestServices.connections(home, sandbox);
        use("Sandbox: Docs Sync");
        dialogs = new RecordingDialogService();
        vm = new ExplorerViewModel(service, new ConnectionCaller(service, null), new InlineTaskRunner(), dialogs,
                new SnapshotStore(home), browsed::add, Runnable::run, opened::add, diagnosed::add);
    }

    private void use(String name) {
        service.setCurrent(service.findByIdOrName(name).orElseThrow().id());
    }

    private String idOf(String title) {
        return vm.tree().nodes().stream().filter(n -> n.title().equals(title)).map(MapNode::id).findFirst()
                .orElseThrow(() -> new AssertionError("no node titled " + title + " in " + titles()));
    }

    private List<String> titles() {
        return vm.tree().nodes().stream().map(MapNode::title).sorted().toList();
    }

    @Test
    void mapsTheCurrentConnectionIntoTheTreeWithItsRootsAndTheDetailsOfASelection() {
        vm.map();
        WorkspaceMap m = vm.mapProperty().get();
        assertNotNull(m, vm.statusTextProperty().get());
        assertFalse(vm.mappingProperty().get());
        assertEquals(m.nodes().size(), vm.tree().size(), "every node of the finished map is in the tree");
        assertTrue(vm.statusTextProperty().get().contains("sharing root"), vm.statusTextProperty().get());
        // Docs Sync sees Engineering through one root (default fixture): in hierarchy the root sits under its placeholder
        String engineering = idOf("Engineering");
        assertTrue(vm.tree().node(engineering).isRoot());
        assertEquals(m.treeTops().stream().map(MapNode::id).toList(), vm.tree().children(ExplorerTree.TOP),
                "the tree's top is the map's: " + m.treeTops());
        String parent = vm.tree().parentKeyOf(engineering);
        assertTrue(parent.isEmpty() || vm.tree().node(parent).placeholder(), "a root is at the top or under an unreadable ancestor");

        vm.groupingProperty().set(ExplorerTree.Grouping.BY_ROOT);
        assertEquals(m.roots(), vm.tree().children(ExplorerTree.TOP), "grouped by root, the roots are the top");

        vm.selection().select(engineering);
        NodeDetails d = vm.selection().detailsProperty().get();
        assertEquals("Engineering", d.title());
        assertTrue(d.badges().contains(Badge.SHARING_ROOT));
        assertEquals("Page ID", d.ids().get(0).label());
        assertEquals(engineering, d.ids().get(0).value());
        assertTrue(d.why().contains("shared with the connection"), d.why());
        assertEquals(List.of("Engineering"), d.path());

        vm.selection().copyId(engineering);
        assertEquals(engineering, dialogs.clipboard);
        vm.selection().openInBrowser();
        assertEquals(List.of(URI.create(vm.tree().node(engineering).url())), browsed);
        vm.selection().openAsRequest();
        assertEquals(List.of(RequestSpec.of("GET", "/v1/pages/" + engineering)), opened);
        vm.selection().diagnoseAccess();
        assertEquals(engineering, diagnosed.get(0).id());
        assertEquals("page", diagnosed.get(0).kind());
        assertEquals(service.current().orElseThrow().id(), diagnosed.get(0).connectionId());

        vm.selection().loadRawJson();
        assertTrue(vm.selection().rawJsonProperty().get().startsWith("200 GET /v1/pages/" + engineering), vm.selection().rawJsonProperty().get());
        assertTrue(vm.selection().rawJsonProperty().get().contains("\"object\" : \"page\""));
    }

    @Test
    void theFilterShowsMatchesWithTheirAncestorsAndSaysItFiltersWhatIsLoaded() {
        vm.map();
        MapNode some = vm.tree().nodes().stream().filter(n -> !n.placeholder() && !n.isRoot() && !n.title().isBlank())
                .findFirst().orElseThrow();
        vm.filter().filterTextProperty().set(some.title().toUpperCase());
        assertTrue(vm.tree().filtered());
        assertTrue(vm.filter().summaryProperty().get().contains("loaded objects match"), vm.filter().summaryProperty().get());
        List<String> path = vm.tree().pathTo(some.id());
        assertTrue(path.size() > 1, "the match is below the top");
        String at = ExplorerTree.TOP;
        for (String step : path) {
            assertTrue(vm.tree().children(at).contains(step), "every ancestor stays visible: " + step);
            at = step;
        }
        vm.filter().filterTextProperty().set("no such title anywhere");
        assertTrue(vm.tree().children(ExplorerTree.TOP).isEmpty());
        assertTrue(vm.filter().summaryProperty().get().startsWith("0 of "), vm.filter().summaryProperty().get());
        vm.filter().filterTextProperty().set("");
        assertFalse(vm.tree().filtered());
        assertFalse(vm.tree().children(ExplorerTree.TOP).isEmpty());
    }

    @Test
    void searchNotionAsksTheApiAndShowsTheLoadedAnswersInTheTree() {
        vm.map();
        vm.filter().searchTextProperty().set("Roadmap");
        vm.filter().searchNotion();
        assertTrue(vm.tree().filtered());
        assertTrue(vm.filter().summaryProperty().get().startsWith("Notion's search (its index may lag):"), vm.filter().summaryProperty().get());
        String roadmap = idOf("Roadmap");
        assertTrue(vm.filter().resultProperty().get().matches().contains(roadmap), vm.filter().summaryProperty().get());
        String at = ExplorerTree.TOP;
        for (String step : vm.tree().pathTo(roadmap)) {
            assertTrue(vm.tree().children(at).contains(step));
            at = step;
        }
    }

    @Test
    void expandingAPageLoadsItsBlockChildrenOnce() {
        vm.map();
        String engineering = idOf("Engineering");
        int before = vm.tree().childCount(engineering);
        vm.expand(engineering);
        assertNull(vm.tree().lazy(engineering), "one page, no more to load: the loading row is gone");
        assertTrue(vm.tree().childCount(engineering) >= before, "children stay, blocks are added");
        int after = vm.tree().size();
        vm.expand(engineering);
        assertEquals(after, vm.tree().size(), "a second expand reads nothing again");
    }

    @Test
    void exportsTheMapAsCsvWithTheAuditColumnsAndRedactsTitlesWhenAsked() throws Exception {
        vm.map();
        Path csv = home.resolve("map.csv");
        dialogs.answerFile(csv);
        vm.outputs().exportMap(ExportFormat.CSV);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", MapExport.COLUMNS), lines.get(0));
        assertEquals(vm.mapProperty().get().nodes().size() + 1, lines.size());
        assertTrue(Files.readString(csv).contains("Engineering"));

        vm.outputs().redactTitlesProperty().set(true);
        Path json = home.resolve("map.json");
        dialogs.answerFile(json);
        vm.outputs().exportMap(ExportFormat.JSON);
        String text = Files.readString(json);
        assertTrue(text.contains("\"sharing_root_id\""), text.substring(0, Math.min(200, text.length())));
        assertFalse(text.contains("\"title\" : \"Engineering\""), "titles redacted");
        assertTrue(text.contains("[redacted]"));
    }

    @Test
    void mappingWithoutAConnectionSaysWhatToDo() {
        vm.dispose();
        service.setCurrent(null);
        vm = new ExplorerViewModel(service, new ConnectionCaller(service, null), new InlineTaskRunner(), dialogs,
                new SnapshotStore(home), browsed::add, Runnable::run, opened::add, diagnosed::add);
        vm.map();
        assertEquals("No connection", dialogs.shown.get(0).title());
        assertNull(vm.mapProperty().get());
    }
}
