package dev.notionconsole.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.concurrent.InlineTaskRunner;
import dev.notionconsole.explorer.ConnectionComparison;
import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.explorer.SnapshotStore;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.ui.common.RecordingDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Compare tab's ViewModel without a toolkit: two sandbox connections mapped over HTTP and compared; two snapshots. */
class CompareViewModelTest {
    static SandboxServer sandbox;

    @TempDir
    Path home;
    ConnectionService service;
    RecordingDialogService dialogs;
    SnapshotStore snapshots;
    CompareViewModel vm;

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
        dialogs = new RecordingDialogService();
        snapshots = new SnapshotStore(home);
        vm = new CompareViewModel(service, new ConnectionCaller(service, null), new InlineTaskRunner(), dialogs, snapshots, Runnable::run);
    }

    private void pick(String a, String b) {
        vm.leftProperty().set(service.findByIdOrName(a).orElseThrow());
        vm.rightProperty().set(service.findByIdOrName(b).orElseThrow());
    }

    @Test
    void aBotAgainstAPersonalTokenShowsWhatTheBotLacksAndWhereToAddIt() throws Exception {
        pick("Sandbox: Docs Sync", "Sandbox: Alice's token");
        vm.compareConnections();
        ConnectionComparison c = vm.comparison();
        assertFalse(c.onlyB().isEmpty(), "Alice sees more than the bot");
        List<CompareRow> rows = vm.rowsProperty().get();
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).label().startsWith("Only Sandbox: Alice's token (B) sees (" + String.format("%,d", c.onlyB().size()) + ")"),
                rows.get(0).label());
        CompareRow firstAdd = rows.get(0).children().get(0);
        assertTrue(firstAdd.label().startsWith("Add Sandbox: Docs Sync at '"), firstAdd.label());
        assertEquals(CompareRow.count(rows.get(2).children()), c.both().size());
        assertTrue(vm.summaryProperty().get().contains("only B"), vm.summaryProperty().get());

        Path csv = home.resolve("cmp.csv");
        dialogs.answerFile(csv);
        vm.export(ExportFormat.CSV);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).endsWith(",side,add_a_here"), lines.get(0));
        assertEquals(c.both().size() + c.onlyA().size() + c.onlyB().size() + 1, lines.size());

        vm.redactTitlesProperty().set(true);
        Path json = home.resolve("cmp.json");
        dialogs.answerFile(json);
        vm.export(ExportFormat.JSON);
        String text = Files.readString(json);
        assertTrue(text.contains("\"only_b\""));
        MapNode some = c.onlyB().stream().filter(n -> !n.title().isBlank()).findFirst().orElseThrow();
        assertFalse(text.contains("\"" + some.title() + "\""), "titles redacted");
    }

    @Test
    void twoSnapshotsOfOneConnectionAreComparedOverTime() throws Exception {
        pick("Sandbox: Docs Sync", "Sandbox: Alice's token");
        vm.compareConnections();
        // Docs Sync's map, then the same map a minute later without one of its leaves (as if access to it was lost)
        dev.notionconsole.explorer.WorkspaceMap m = vm.comparison().a();
        MapNode leaf = m.all().stream().filter(n -> !n.placeholder() && !n.isRoot() && m.children(n.id()).isEmpty())
                .findFirst().orElseThrow();
        snapshots.save(m);
        snapshots.save(withLaterStampWithout(m, leaf.id()));
        vm.refreshSnapshots();
        assertEquals(2, vm.snapshotChoices().size());
        vm.compareSnapshots();
        assertTrue(vm.summaryProperty().get().contains("0 newly visible, 1 no longer visible, 0 moved"), vm.summaryProperty().get());
        CompareRow gone = vm.rowsProperty().get().get(1);
        assertEquals("No longer visible (1)", gone.label());
        assertEquals(leaf.id(), gone.children().get(0).nodeId());
    }

    @Test
    void comparingAConnectionWithItselfIsRefused() {
        pick("Sandbox: Docs Sync", "Sandbox: Docs Sync");
        vm.compareConnections();
        assertEquals("Pick two connections", dialogs.shown.get(0).title());
    }

    private static dev.notionconsole.explorer.WorkspaceMap withLaterStampWithout(dev.notionconsole.explorer.WorkspaceMap m, String id) {
        Map<String, MapNode> nodes = new java.util.LinkedHashMap<>(m.nodes());
        nodes.remove(id);
        return new dev.notionconsole.explorer.WorkspaceMap(m.connection(), m.identity(), m.notionVersion(), nodes, m.roots(),
                m.placeholders(), m.notes(), m.requests(), m.watermark(), m.finishedAt().plusSeconds(60), m.lost());
    }
}
