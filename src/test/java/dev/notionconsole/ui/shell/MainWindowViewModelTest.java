package dev.notionconsole.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.core.concurrent.ActivityTracker.Activity;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.InlineTaskRunner;
import dev.notionconsole.settings.AppSettings;
import dev.notionconsole.settings.ScreenArea;
import dev.notionconsole.settings.SettingsStore;
import dev.notionconsole.settings.Theme;
import dev.notionconsole.settings.WindowBounds;
import dev.notionconsole.testsupport.TestConnections;
import dev.notionconsole.ui.common.RecordingDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's ViewModel without a toolkit: tasks run inline, settings go to a real file. */
class MainWindowViewModelTest {
    @TempDir
    Path dir;

    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private SettingsStore store;
    private ConnectionService connections;

    private static final List<Section> FOUR = List.of(
            Section.placeholder(SectionSlot.CONNECTIONS),
            Section.placeholder(SectionSlot.REQUEST)
                    .withShortcuts(new Shortcut("Shortcut+Enter", "Send the request")),
            Section.placeholder(SectionSlot.EXPLORER),
            Section.placeholder(SectionSlot.DIAGNOSTICS));

    @BeforeEach
    void setUp() {
        store = new SettingsStore(dir.resolve("settings.json"));
        connections = openConnections();
    }

    private ConnectionService openConnections() {
        return TestConnections.open(dir);
    }

    private MainWindowViewModel viewModel() {
        return new MainWindowViewModel(FOUR, store.load(), store, connections, tasks, dialogs, Runnable::run);
    }

    @Test
    void startsOnTheFirstWorkspaceInTheLightTheme() {
        MainWindowViewModel vm = viewModel();
        assertEquals(SectionSlot.CONNECTIONS, vm.getSelected());
        assertEquals(Theme.LIGHT, vm.getTheme());
        assertFalse(vm.helpVisibleProperty().get());
        assertEquals("Ready", vm.activityStatusProperty().get());
    }

    @Test
    void shortcutsOneToFourOpenTheWorkspacesInOrder() {
        MainWindowViewModel vm = viewModel();
        List<SectionSlot> seen = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String keys = "Shortcut+" + i;
            vm.commands().stream().filter(c -> c.shortcut().keys().equals(keys)).findFirst().orElseThrow()
                    .action().run();
            seen.add(vm.getSelected());
        }
        assertEquals(List.of(SectionSlot.values()), seen);
    }

    @Test
    void theThemeToggleSwitchesAndIsWrittenToTheSettingsFile() throws Exception {
        MainWindowViewModel vm = viewModel();
        vm.toggleTheme();
        assertEquals(Theme.DARK, vm.getTheme());
        assertTrue(Files.readString(store.file()).contains("DARK"));
        assertEquals(Theme.DARK, viewModel().getTheme(), "a new start comes up dark");
        vm.toggleTheme();
        assertEquals(Theme.LIGHT, vm.getTheme());
    }

    @Test
    void theLastWorkspaceAndWindowPlacementAreRestoredAfterARestart() throws Exception {
        MainWindowViewModel vm = viewModel();
        vm.select(SectionSlot.EXPLORER);
        vm.windowClosing(new WindowBounds(30, 40, 1000, 700, false));
        vm.saveNow();

        MainWindowViewModel again = viewModel();
        assertEquals(SectionSlot.EXPLORER, again.getSelected());
        assertEquals(new WindowBounds(30, 40, 1000, 700, false),
                again.initialBounds(List.of(new ScreenArea(0, 0, 1920, 1080))));
    }

    @Test
    void anUnknownSavedWorkspaceFallsBackToTheFirst() throws Exception {
        store.save(AppSettings.defaults().withWorkspace("no-such-workspace"));
        assertEquals(SectionSlot.CONNECTIONS, viewModel().getSelected());
    }

    @Test
    void aDamagedSettingsFileIsReportedOnceTheWindowIsShown() throws Exception {
        Files.writeString(store.file(), "{ broken");
        MainWindowViewModel vm = viewModel();
        assertTrue(dialogs.shown.isEmpty(), "nothing is shown before there is a window");
        vm.windowShown();
        assertEquals(1, dialogs.ofKind("notify-warning").size());
        assertTrue(dialogs.shown.get(0).message().contains("set aside"), dialogs.shown.get(0).message());
    }

    @Test
    void aSettingsFileThatCannotBeWrittenIsReportedNotThrown() throws Exception {
        MainWindowViewModel vm = viewModel();
        // after loading (a directory found at start-up is set aside like a damaged file): a directory where the
        // file should be written, with something in it, so no rename can replace it
        Files.createDirectories(store.file());
        Files.writeString(store.file().resolve("keep"), "x");
        vm.toggleTheme();
        assertEquals(Theme.DARK, vm.getTheme(), "the theme still changes for this session");
        assertEquals(1, dialogs.ofKind("notify-warning").size());
    }

    @Test
    void theHelpOverlayTogglesAndListsGlobalAndWorkspaceShortcuts() {
        MainWindowViewModel vm = viewModel();
        vm.toggleHelp();
        assertTrue(vm.helpVisibleProperty().get());
        vm.hideHelp();
        assertFalse(vm.helpVisibleProperty().get());

        List<MainWindowViewModel.HelpSection> sections = vm.helpSections();
        assertEquals("Everywhere", sections.get(0).title());
        assertTrue(sections.get(0).shortcuts().stream().anyMatch(s -> s.keys().equals("F1")));
        assertTrue(sections.get(0).shortcuts().stream().anyMatch(s -> s.keys().equals("Shortcut+Shift+L")));
        assertEquals("Request", sections.get(1).title());
        assertEquals("Send the request", sections.get(1).shortcuts().get(0).description());
    }

    @Test
    void theStatusBarShowsRunningWorkWithItsProgress() {
        MainWindowViewModel vm = viewModel();
        List<String> during = new ArrayList<>();
        BackgroundTask.of("Load pages", ctx -> {
            during.add(vm.activityStatusProperty().get() + " " + vm.busyProperty().get()
                    + " " + vm.activityProgressProperty().get());
            ctx.progress(0.5, "Page 2 of 4");
            during.add(vm.activityStatusProperty().get() + " " + vm.activityProgressProperty().get());
            return null;
        }).onSuccess(v -> { }).executeWith(tasks);

        assertEquals(List.of("Load pages true -1.0", "Page 2 of 4 0.5"), during);
        assertEquals("Ready", vm.activityStatusProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void afterDisposeTheViewModelNoLongerFollowsTheTaskRunner() {
        MainWindowViewModel vm = viewModel();
        vm.dispose();
        List<String> during = new ArrayList<>();
        BackgroundTask.of("Late work", ctx -> {
            during.add(vm.activityStatusProperty().get());
            return null;
        }).onSuccess(v -> { }).executeWith(tasks);
        assertEquals(List.of("Ready"), during);
    }

    @Test
    void withoutConnectionsThePickerIsEmptyAndTheStatusBarSaysWhereToAddOne() {
        MainWindowViewModel vm = viewModel();
        assertTrue(vm.connections().isEmpty());
        assertEquals(null, vm.currentConnectionProperty().get());
        assertTrue(vm.connectionStatusProperty().get().contains("add one in Connections"));
    }

    @Test
    void listenersOnTheConnectionsAndActivitiesKeepHearingAfterAGarbageCollection() throws Exception {
        // the picker re-selects through a listener on connections(): a read-only view made per call listened to the
        // real list weakly, so the listener went deaf once that view was collected
        MainWindowViewModel vm = viewModel();
        java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
        vm.connections().addListener((javafx.collections.ListChangeListener<Connection>) c -> heard.incrementAndGet());
        vm.activities().addListener((javafx.collections.ListChangeListener<Activity>) c -> heard.addAndGet(100));
        dev.notionconsole.testsupport.Gc.collect();
        connections.add(Connection.builder(ConnectionKind.INTERNAL).name("Acme bot").baseUrl("https://api.notion.com").build(),
                Secret.of("ntn_11112222333344445555666677778888"), null);
        assertEquals(1, heard.get() % 100, "the connections' listener heard the new connection");
    }

    @Test
    void thePickerFollowsTheConnectionServiceAndChangesItsCurrentConnection() throws Exception {
        MainWindowViewModel vm = viewModel();
        Connection a = connections.add(Connection.builder(ConnectionKind.INTERNAL).name("Acme bot")
                .baseUrl("https://api.notion.com").build(), Secret.of("ntn_11112222333344445555666677778888"), null);
        Connection b = connections.add(Connection.builder(ConnectionKind.PERSONAL_ACCESS_TOKEN).name("My PAT")
                .baseUrl("http://127.0.0.1:9999").build(), Secret.of("ntn_99998888777766665555444433332222"), null);
        assertEquals(List.of("Acme bot", "My PAT"), vm.connections().stream().map(Connection::name).toList());

        vm.chooseConnection(vm.connections().get(1));
        assertEquals(b.id(), connections.current().orElseThrow().id(), "the choice goes to the service");
        assertEquals(b.id(), vm.currentConnectionProperty().get().id());
        assertEquals("My PAT · Personal access token · 127.0.0.1:9999", vm.connectionStatusProperty().get());
        String full = vm.rateLimit().textProperty().get();
        assertTrue(full.endsWith("can go at once · then 153/min (180/min plan)"), full);
        assertTrue(vm.rateLimit().settledProperty().get(), "a full bucket: the view runs no refresh timer");
        connections.rateLimiterFor(b).reserve(); // a request went out through this connection
        connections.rateLimiterFor(b).reserve();
        assertEquals(connections.rateLimiterFor(b).snapshot().describe(), vm.rateLimit().textProperty().get(),
                "the limiter's change listener refreshed the figure");
        assertTrue(!full.equals(vm.rateLimit().textProperty().get()), "the budget shrinks as requests go out");
        assertFalse(vm.rateLimit().settledProperty().get(), "refilling: the view refreshes it once a second");

        connections.setCurrent(a.id()); // changed elsewhere (the Connections workspace)
        assertEquals("Acme bot", vm.currentConnectionProperty().get().name());
        assertTrue(vm.rateLimit().settledProperty().get(), "Acme bot's bucket is full");
        String acme = vm.rateLimit().textProperty().get();
        connections.rateLimiterFor(b).reserve();
        assertEquals(acme, vm.rateLimit().textProperty().get(), "no longer listening to the other connection");

        connections.remove(a.id());
        assertEquals(List.of("My PAT"), vm.connections().stream().map(Connection::name).toList());
    }

    @Test
    void noticesFromLoadingTheConnectionsFileAreShownWithTheWindow() throws Exception {
        Files.writeString(dir.resolve("connections.json"), "{ not json");
        connections = openConnections();
        MainWindowViewModel vm = viewModel();
        vm.windowShown();
        assertEquals(connections.startupNotices().size(), dialogs.ofKind("notify-warning").size());
        assertTrue(!connections.startupNotices().isEmpty());
    }

    @Test
    void theCompactNavigationIsAToggleThatIsRemembered() {
        MainWindowViewModel vm = viewModel();
        assertFalse(vm.compactNavigationProperty().get());
        vm.commands().stream().filter(c -> c.shortcut().keys().equals("Shortcut+B")).findFirst().orElseThrow()
                .action().run();
        assertTrue(vm.compactNavigationProperty().get());
        assertTrue(viewModel().compactNavigationProperty().get(), "a new start keeps it");
    }
}
