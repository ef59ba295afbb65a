package dev.notionconsole.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.concurrent.InlineTaskRunner;
import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.explorer.SnapshotStore;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.ui.common.RecordingDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holes and a lagging leaf in the Explorer's tree (decision 0191), over HTTP against acceptance/hollow.json: the
 * map pass knows neither; expanding the readable parent puts each hole under it with the "hole ⊘" badge and the
 * leaf with "not in search".
 */
class ExplorerHolesViewModelTest {
    static SandboxServer sandbox;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Path fixture = dir.resolve("hollow.json");
        try (var in = ExplorerHolesViewModelTest.class.getResourceAsStream("/dev/notionconsole/acceptance/hollow.json")) {
            Files.copy(in, fixture);
        }
        sandbox = SandboxServer.start(SandboxOptions.builder().port(0).rateLimitOff().fixture(fixture).build());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String idOf(ExplorerViewModel vm, String title) {
        return vm.tree().nodes().stream().filter(n -> n.title().equals(title)).map(MapNode::id).findFirst()
                .orElseThrow(() -> new AssertionError("no node titled " + title));
    }

    @Test
    void expandingTheSharedPageShowsItsHolesAndTheLeafSearchMissed(@TempDir Path home) {
        ConnectionService service = TestServices.connections(home, sandbox);
        service.setCurrent(service.findByIdOrName("Sandbox: Hole Bot").orElseThrow().id());
        ExplorerViewModel vm = new ExplorerViewModel(service, new ConnectionCaller(service, null), new InlineTaskRunner(),
                new RecordingDialogService(), new SnapshotStore(home), u -> { }, Runnable::run, r -> { }, r -> { });
        vm.map();
        assertNotNull(vm.mapProperty().get(), vm.statusTextProperty().get());
        String team = idOf(vm, "Team Space");
        String salaries = Ids.fromKey("salaries"); // an unreadable placeholder has no title until its parent lists it
        assertTrue(vm.tree().node(salaries).placeholder(), "before expanding, only an unreadable parent");
        assertFalse(Badge.of(vm.tree().node(salaries)).contains(Badge.HOLE));

        vm.expand(team);
        MapNode hole = vm.tree().node(salaries);
        assertEquals("Salaries", hole.title(), "the title the parent's child_page block carries");
        assertTrue(Badge.of(hole).contains(Badge.HOLE), Badge.of(hole)::toString);
        assertEquals(team, vm.tree().parentKeyOf(salaries), "the hole moved under its readable parent: " + hole);
        assertEquals(salaries, vm.tree().parentKeyOf(idOf(vm, "Public Pay Policy")), "the page shared again stays below it");
        assertTrue(Badge.of(vm.tree().node(idOf(vm, "Contracts"))).contains(Badge.HOLE), "a database it was removed from");
        assertFalse(ExplorerViewModel.loadsChildren(hole), "nothing below a hole can be listed");
        vm.selection().select(salaries);
        assertTrue(vm.selection().detailsProperty().get().why().contains("re-sharing the parent does not re-grant it"), vm.selection().detailsProperty().get().why());

        vm.expand(idOf(vm, "Archive"));
        MapNode leaf = vm.tree().node(idOf(vm, "Old Meeting Notes"));
        assertTrue(Badge.of(leaf).contains(Badge.NOT_IN_SEARCH), Badge.of(leaf)::toString);
    }
}
