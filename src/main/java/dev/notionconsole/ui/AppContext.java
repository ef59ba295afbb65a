package dev.notionconsole.ui;

import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.SerialExecutor;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.diagnostics.DiagnosisRequest;
import dev.notionconsole.diagnostics.DiagnosticsEngine;
import dev.notionconsole.oauth.SystemBrowserOpener;
import dev.notionconsole.ui.bundle.BundleViewModel;
import dev.notionconsole.ui.bundle.BundleWindow;
import dev.notionconsole.ui.common.HandOver;
import dev.notionconsole.ui.common.ObjectRef;
import dev.notionconsole.ui.diagnostics.DiagnosticsView;
import dev.notionconsole.ui.diagnostics.DiagnosticsViewModel;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.oauth.OAuthService;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.request.render.BodyRenderer;
import dev.notionconsole.request.saved.SavedRequestStore;
import dev.notionconsole.request.send.RequestSender;
import dev.notionconsole.oauth.SystemBrowserOpener;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.ui.common.HandOver;
import dev.notionconsole.ui.common.ObjectRef;
import dev.notionconsole.explorer.SnapshotStore;
import dev.notionconsole.ui.explorer.ExplorerView;
import dev.notionconsole.ui.request.RequestView;
import dev.notionconsole.ui.request.RequestViewModel;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.oauth.OAuthService;
import dev.notionconsole.sandbox.ops.SandboxRuntime;
import dev.notionconsole.settings.SettingsStore;
import dev.notionconsole.settings.Theme;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.FxDialogService;
import dev.notionconsole.ui.common.FxTaskRunner;
import dev.notionconsole.ui.common.UncaughtErrors;
import dev.notionconsole.ui.connections.ConnectionsView;
import dev.notionconsole.ui.oauth.OAuthFlowDialog;
import dev.notionconsole.ui.request.RequestView;
import dev.notionconsole.ui.request.RequestViewModel;
import dev.notionconsole.ui.shell.MainWindowViewModel;
import dev.notionconsole.ui.shell.Section;
import dev.notionconsole.ui.shell.SectionSlot;
import dev.notionconsole.wiring.SandboxServerAccess;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root (docs/decisions/0007-composition-root-and-workspaces.md): builds every service once and hands them to
 * ViewModels through their constructors. No container, no statics: a test can build its own.
 *
 * <p>Built in {@code Application.init()}, off the JavaFX thread, so services may read their files here.
 * Features add their services as fields below and put their view into their slot in {@link #sections()}.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);
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
    /** Where the connections file is written, one snapshot after another; held while the window starts. */
    private final SerialExecutor connectionSaves = new SerialExecutor(tasks, "Saving connections");

    // --- oauth (issue 5) ---
    private final OAuthService oauth;
    private Window mainWindow;

    /** The one way every workspace calls the API as a connection. */
    private final ConnectionCaller caller;

    // --- request (issue 6): read after the first frame (docs/decisions/0097-first-frame-path.md) ---
    private final CompletableFuture<RequestServices> requestServices = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean deferredStarted = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile Consumer<SectionSlot> navigator = slot -> { };

    // --- hand-overs between sections: offered by one, taken by the other once it is built (ui.common.HandOver,
    //     docs/decisions/0101-section-hand-overs.md, 0105); AppContext wires offer + navigate ---
    /** Explorer's "Open as request": the route and ID filled in. */
    private final HandOver<RequestSpec> toRequest = new HandOver<>();
    /** Request's "Diagnose": the failed call, its connection and its answer. */
    private final HandOver<DiagnosisRequest> failedCalls = new HandOver<>();
    /** Explorer's "Diagnose access" on a node. */
    private final HandOver<ObjectRef> toDiagnostics = new HandOver<>();
    /** Diagnostics' "Open in Explorer" on the verdict's object; the Explorer section takes it once it is built. */
    private final HandOver<ObjectRef> toExplorer = new HandOver<>();
    /** The Explorer section's view model once it is built (JavaFX thread only): its map goes into bundles. */
    private dev.notionconsole.ui.explorer.ExplorerViewModel explorer;

    // --- diagnostics (issue 11): the engine is made on first use (it reads the endpoint catalog) ---
    private DiagnosticsEngine diagnostics;

    /** Blocking: reads settings and connections. Call off the JavaFX thread. */
    public AppContext(AppDirs dirs, Map<String, String> env) {
        this.dirs = dirs;
        this.settingsStore = new SettingsStore(dirs.resolve(SettingsStore.FILE_NAME));
        this.settings = settingsStore.load();
        // a first start saves the sandbox's connections at once; held until the first frames are in, that cold write
        // (~0.3 s of processor time) no longer shares the two cores with the window being built (docs/decisions/0199)
        connectionSaves.hold();
        this.connections = ConnectionServices.open(dirs, env, SandboxServerAccess.of(sandbox), connectionSaves);
        this.oauth = new OAuthService(connections);
        connections.setRevoker(oauth); // deleting an installation offers to revoke it at Notion first
        // the one way every workspace calls as a connection: a 401 on a public connection is renewed once (issue 5)
        this.caller = new ConnectionCaller(connections, oauth);
    }

    /** What only the Request workspace needs: its files and the endpoint catalog. */
    private record RequestServices(SavedRequestStore savedRequests, RequestSender sender) {
    }

    /**
     * Starts, in the background and one after another, what the first frames do not need
     * (docs/decisions/0097-first-frame-path.md): the Request workspace's history, saved requests and endpoint catalog,
     * the keychain probe (it blocks and may prompt; docs/decisions/0040), and the held connection save. The app
     * calls it once the main window has drawn its first frames and built its first section (docs/decisions/0199).
     */
    public void startDeferredServices() {
        if (!deferredStarted.compareAndSet(false, true)) {
            return;
        }
        tasks.release(); // what the sections started meanwhile goes first: the form's secrets, the storage banner
        // one after another, not side by side: the three at once beside the window's pulses stalled one of them for
        // 139 ms on two cores (docs/decisions/0199). The history first (the Request workspace may be waiting for it),
        // then the keychain probe (it may block on a prompt), then the held save.
        // A corrupt history or saved-requests file is set aside, never fatal. The future is completed on the
        // worker itself, not in a JavaFX-thread callback: the JavaFX thread may be the one waiting for it.
        BackgroundTask.of("Reading the request history", ctx -> {
            try {
                HistoryStore history = HistoryStore.open(dirs.config());
                RequestSender sender = new RequestSender(caller, EndpointCatalog.builtIn(), history);
                return requestServices.complete(new RequestServices(SavedRequestStore.open(dirs.config()), sender));
            } catch (RuntimeException | Error e) {
                requestServices.completeExceptionally(e);
                throw e;
            }
        }).onFinally(() -> BackgroundTask.of("Looking for the system keychain", ctx -> connections.secretStorage().select())
                .onFinally(() -> connectionSaves.release(false))
                .executeWith(tasks)).executeWith(tasks);
    }

    /**
     * Until {@link #startDeferredServices}, background tasks wait: the app calls this before it builds the window, so
     * that what its first section starts (reading the selected connection's secrets and the secret storage's status,
     * which probe the system keychain: a D-Bus session, libsecret, maybe an unlock prompt) does not run beside the first
     * frames (docs/decisions/0200). Tests that build windows on a context of their own leave tasks running at once.
     */
    public void holdTasksUntilDeferredServices() {
        tasks.hold();
    }

    /** Ready long before anyone can open the Request workspace; waits (off the critical path) if asked sooner. */
    private RequestServices requestServices() {
        startDeferredServices(); // a test (or a caller) that opens Request before any frame
        if (!requestServices.isDone()) {
            LOG.info("The Request workspace was opened before its files were read; waiting for them");
        }
        return requestServices.join();
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
                c -> OAuthFlowDialog.open(oauth, c, tasks, dialogs, mainWindow), object -> {
                    toExplorer.offer(object); // an installation's template copy
                    navigator.accept(SectionSlot.EXPLORER);
                }))
                .withShortcuts(ConnectionsView.SHORTCUTS);
    }

    private Section requestSection() {
        return Section.of(SectionSlot.REQUEST, () -> {
                    RequestViewModel vm = new RequestViewModel(connections, requestServices().sender(),
                            requestServices().savedRequests(), tasks, dialogs, new BodyRenderer(), Platform::runLater, failed -> {
                                failedCalls.offer(failed);
                                navigator.accept(SectionSlot.DIAGNOSTICS);
                            });
                    toRequest.subscribe(vm::load); // Explorer's "Open as request"
                    vm.bundleActions(() -> BundleWindow.create(bundleViewModel(), List.copyOf(vm.selectedHistory()), mainWindow),
                            () -> BundleWindow.open(bundleViewModel(), dialogs, mainWindow));
                    return new RequestView(vm);
                })
                .withShortcuts(RequestView.SHORTCUTS);
    }

    /** A bundle's map without a snapshot comes from the Explorer's map in memory, when it is that connection's. */
    private BundleViewModel bundleViewModel() {
        return new BundleViewModel(connections, diagnostics(), new SnapshotStore(dirs.config()), tasks, dialogs,
                id -> explorer == null ? null : explorer.outputs().mapOf(id));
    }

    private Section explorerSection() {
        return Section.of(SectionSlot.EXPLORER, () -> {
                    ExplorerView view = ExplorerView.create(connections, caller, tasks, dialogs,
                            new SnapshotStore(dirs.config()), new SystemBrowserOpener(), Platform::runLater, spec -> {
                                toRequest.offer(spec);
                                navigator.accept(SectionSlot.REQUEST);
                            }, object -> {
                                toDiagnostics.offer(object);
                                navigator.accept(SectionSlot.DIAGNOSTICS);
                            });
                    toExplorer.subscribe(view::show); // Diagnostics' "Open in Explorer"
                    explorer = view.viewModel();
                    explorer.outputs().bundleAction((c, map) -> {
                        BundleViewModel bundle = bundleViewModel();
                        BundleWindow.preview(bundle, mainWindow, () -> bundle.createFromMap(c, map, requestServices().sender().history().entries()));
                    });
                    return view;
                })
                .withShortcuts(ExplorerView.SHORTCUTS);
    }

    private Section diagnosticsSection() {
        return Section.of(SectionSlot.DIAGNOSTICS, () -> {
                    // "Recent failures" reads the Request section's history (ready long before anyone opens Diagnostics)
                    DiagnosticsViewModel vm = new DiagnosticsViewModel(connections, diagnostics(),
                            requestServices().sender().history(), tasks, dialogs, object -> {
                                toExplorer.offer(object);
                                navigator.accept(SectionSlot.EXPLORER);
                            }, new SystemBrowserOpener(), Platform::runLater);
                    failedCalls.subscribe(vm::diagnose);
                    vm.bundleAction((request, diagnosis) -> {
                        BundleViewModel bundle = bundleViewModel();
                        BundleWindow.preview(bundle, mainWindow, () -> bundle.createFromDiagnosis(request, diagnosis));
                    });
                    toDiagnostics.subscribe(vm::diagnoseAccess);
                    return new DiagnosticsView(vm);
                })
                .withShortcuts(DiagnosticsView.SHORTCUTS);
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

    /** Objects handed to Diagnostics ("Diagnose access" in the Explorer); the Diagnostics section subscribes. */
    public HandOver<ObjectRef> toDiagnostics() {
        return toDiagnostics;
    }

    /** Access diagnostics (issue 11); made on first use (it reads the endpoint catalog). */
    public synchronized DiagnosticsEngine diagnostics() {
        if (diagnostics == null) {
            diagnostics = new DiagnosticsEngine(caller, EndpointCatalog.builtIn());
        }
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
        connectionSaves.release(true); // closed before the deferred start: what was held is written now, not lost
        tasks.close();
        sandbox.stop();
    }
}
