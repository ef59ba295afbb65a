package dev.notionconsole.ui;

import dev.notionconsole.diagnostics.DiagnosisRequest;
import dev.notionconsole.diagnostics.DiagnosticsEngine;
import dev.notionconsole.oauth.SystemBrowserOpener;
import dev.notionconsole.ui.common.SectionLinks;
import dev.notionconsole.ui.diagnostics.DiagnosticsView;
import dev.notionconsole.ui.diagnostics.DiagnosticsViewModel;
import dev.notionconsole.request.RequestSender;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.request.render.BodyRenderer;
import dev.notionconsole.request.saved.SavedRequestStore;
import dev.notionconsole.ui.request.RequestView;
import dev.notionconsole.ui.request.RequestViewModel;
import java.util.function.Consumer;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.oauth.OAuthService;
import dev.notionconsole.sandbox.ops.SandboxRuntime;
import dev.notionconsole.ui.oauth.OAuthFlowDialog;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.ui.connections.ConnectionsView;
import dev.notionconsole.core.concurrent.SerialExecutor;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.settings.SettingsStore;
import dev.notionconsole.settings.Theme;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.FxDialogService;
import dev.notionconsole.ui.common.FxTaskRunner;
import dev.notionconsole.ui.common.UncaughtErrors;
import dev.notionconsole.ui.shell.MainWindowViewModel;
import dev.notionconsole.ui.shell.Section;
import dev.notionconsole.ui.shell.SectionSlot;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Window;

/**
 * The composition root (docs/decisions/0007-composition-root.md): builds every service once and hands them to
 * ViewModels through their constructors. No container, no statics: a test can build its own.
 *
 * <p>Built in {@code Application.init()}, off the JavaFX thread, so services may read their files here.
 * Features add their services as fields below and put their view into their slot in {@link #sections()}.
 */
public final class AppContext implements AutoCloseable {
    private final AppDirs dirs;
    private final FxDialogService dialogs = new FxDialogService();
    private final UncaughtErrors uncaughtErrors = new UncaughtErrors(() -> dialogs);
    private final FxTaskRunner tasks = new FxTaskRunner(uncaughtErrors::taskFailed);
    private final SettingsStore settingsStore;
    private final SettingsStore.Loaded settings;

    // --- sandbox (issue 3): started on first use of a sandbox connection, stopped in close() ---
    private final SandboxRuntime sandbox = new SandboxRuntime();

    // --- connections (issue 4) ---
    private final ConnectionService connections;

    // --- oauth (issue 5) ---
    private final OAuthService oauth;
    private Window mainWindow;

    // --- request (issue 6) ---
    private final HistoryStore history;
    private final SavedRequestStore savedRequests;
    private final ConnectionCaller caller;
    private final RequestSender requestSender;
    private volatile Consumer<SectionSlot> navigator = slot -> { };

    // --- diagnostics (issue 11) ---
    private final DiagnosticsEngine diagnostics;
    private DiagnosticsViewModel diagnosticsViewModel; // made on first use (a hand-over or the view), on the JavaFX thread
    /** The hand-overs between sections (docs/decisions/0105-diagnostics-hand-over.md): a value, then a switch. */
    private final SectionLinks links = new SectionLinks() {
        @Override
        public void diagnose(DiagnosisRequest request) {
            navigator.accept(SectionSlot.DIAGNOSTICS);
            diagnosticsViewModel().diagnose(request);
        }

        @Override
        public void openInExplorer(String connectionId, String objectId) {
            // the Explorer section (issue 10) takes the object here once it is built; until then, it opens
            navigator.accept(SectionSlot.EXPLORER);
        }
    };

    /** Blocking: reads settings and connections. Call off the JavaFX thread. */
    public AppContext(AppDirs dirs, Map<String, String> env) {
        this.dirs = dirs;
        this.settingsStore = new SettingsStore(dirs.resolve(SettingsStore.FILE_NAME));
        this.settings = settingsStore.load();
        this.connections = ConnectionServices.open(dirs, env, sandbox,
                new SerialExecutor(tasks, "Saving connections"));
        this.oauth = new OAuthService(connections);
        connections.setRevoker(oauth); // deleting an installation offers to revoke it at Notion first
        // history and saved requests are read here, off the JavaFX thread; a corrupt file is set aside, never fatal
        this.history = HistoryStore.open(dirs.config());
        this.savedRequests = SavedRequestStore.open(dirs.config());
        // the one way every workspace calls as a connection: a 401 on a public connection is renewed once (issue 5)
        this.caller = new ConnectionCaller(connections, oauth);
        this.requestSender = new RequestSender(caller, EndpointCatalog.builtIn(), history);
        this.diagnostics = new DiagnosticsEngine(caller, EndpointCatalog.builtIn());
        // the keychain probe blocks (and may prompt): once, now, in the background (docs/decisions/0040)
        BackgroundTask.of("Looking for the system keychain", ctx -> connections.secretStorage().select()).executeWith(tasks);
    }

    /**
     * The main window's sections, in navigation order. Each feature replaces its placeholder in its own
     * method below with {@code Section.of(slot, () -> new XxxView(new XxxViewModel(...)))}.
     */
    public List<Section> sections() {
        return List.of(connectionsSection(), requestSection(), explorerSection(), diagnosticsSection());
    }

    private Section connectionsSection() {
        return Section.of(SectionSlot.CONNECTIONS, () -> ConnectionsView.create(connections, tasks, dialogs,
                c -> OAuthFlowDialog.open(oauth, c, tasks, dialogs, mainWindow)))
                .withShortcuts(ConnectionsView.SHORTCUTS);
    }

    private Section requestSection() {
        return Section.of(SectionSlot.REQUEST, () -> new RequestView(new RequestViewModel(connections, requestSender,
                        savedRequests, tasks, dialogs, new BodyRenderer(), Platform::runLater, links::diagnose)))
                .withShortcuts(RequestView.SHORTCUTS);
    }

    private Section explorerSection() {
        return Section.placeholder(SectionSlot.EXPLORER);
    }

    private Section diagnosticsSection() {
        return Section.of(SectionSlot.DIAGNOSTICS, () -> new DiagnosticsView(diagnosticsViewModel()))
                .withShortcuts(DiagnosticsView.SHORTCUTS);
    }

    private DiagnosticsViewModel diagnosticsViewModel() {
        if (diagnosticsViewModel == null) {
            diagnosticsViewModel = new DiagnosticsViewModel(connections, diagnostics, history, tasks, dialogs, links,
                    new SystemBrowserOpener(), Platform::runLater);
        }
        return diagnosticsViewModel;
    }

    public MainWindowViewModel mainWindowViewModel() {
        MainWindowViewModel vm = new MainWindowViewModel(sections(), settings, settingsStore, connections, tasks, dialogs,
                Platform::runLater);
        navigator = vm::select;
        return vm;
    }

    /** Call once the main window exists: dialogs are owned by it. */
    public void attach(Window mainWindow) {
        this.mainWindow = mainWindow;
        dialogs.attach(mainWindow);
    }

    /** Stacked over the main window by the shell. */
    public Node notificationLayer() {
        return dialogs.notificationLayer();
    }

    /** The theme the user chose last, so the app can apply it before the window is built. */
    public Theme initialTheme() {
        return settings.settings().theme();
    }

    public AppDirs dirs() {
        return dirs;
    }

    /** The one way to call the API as a saved connection (pacing, token renewal, capability learning). */
    public ConnectionCaller caller() {
        return caller;
    }

    /** OAuth for public connections; it renews tokens for {@link ConnectionCaller} (refresh on 401). */
    public OAuthService oauth() {
        return oauth;
    }

    public ConnectionService connections() {
        return connections;
    }

    /** How sections hand things to each other (Request → Diagnostics, Diagnostics → Explorer). */
    public SectionLinks links() {
        return links;
    }

    /** Access diagnostics (issue 11). */
    public DiagnosticsEngine diagnostics() {
        return diagnostics;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public UncaughtErrors uncaughtErrors() {
        return uncaughtErrors;
    }

    /** Stops background work and the built-in sandbox (saving nothing: the app sandbox has no state file). Called from {@code App.stop()}. */
    @Override
    public void close() {
        tasks.close();
        sandbox.stop();
    }
}
