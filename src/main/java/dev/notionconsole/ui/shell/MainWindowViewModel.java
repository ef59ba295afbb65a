package dev.notionconsole.ui.shell;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionsListener;
import dev.notionconsole.core.concurrent.ActivityTracker.Activity;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.settings.AppSettings;
import dev.notionconsole.settings.ScreenArea;
import dev.notionconsole.settings.SettingsStore;
import dev.notionconsole.settings.Theme;
import dev.notionconsole.settings.WindowBounds;
import dev.notionconsole.settings.WindowPlacement;
import dev.notionconsole.ui.common.DialogService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the main window: which section is shown, the theme, the help overlay, the status
 * bar and the remembered window placement. Knows no nodes; the view binds to it.
 */
public final class MainWindowViewModel {
    /** A global shortcut and what it does. */
    public record Command(Shortcut shortcut, Runnable action) {
    }

    /** A group of shortcuts in the help overlay. */
    public record HelpSection(String title, List<Shortcut> shortcuts) {
    }

    private final List<Section> sections;
    private final SettingsStore store;
    private final ConnectionService connectionService;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final String settingsProblem;
    private final Runnable stopListening;
    private final ConnectionsListener connectionsListener;
    private final Object saveLock = new Object();
    private volatile AppSettings settings;

    // Properties
    private final ReadOnlyObjectWrapper<SectionSlot> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper helpVisible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper compactNavigation = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper connectionStatus = new ReadOnlyStringWrapper("No connection selected");
    private final RateLimitStatus rateLimit;
    private final ReadOnlyStringWrapper activityStatus = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyDoubleWrapper activityProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Activity> activities = FXCollections.observableArrayList();
    private final ObservableList<Connection> connections = FXCollections.observableArrayList();
    // the read-only views, made once: a view listens weakly, so listeners added to one made per call (the picker's)
    // went deaf once it was collected
    private final ObservableList<Activity> activitiesView = FXCollections.unmodifiableObservableList(activities);
    private final ObservableList<Connection> connectionsView = FXCollections.unmodifiableObservableList(connections);
    private final ReadOnlyObjectWrapper<Connection> currentConnection = new ReadOnlyObjectWrapper<>();

    /**
     * @param uiThread where changes from other threads are applied (Platform::runLater; Runnable::run in tests)
     */
    public MainWindowViewModel(List<Section> sections, SettingsStore.Loaded loaded, SettingsStore store,
            ConnectionService connectionService, TaskRunner tasks, DialogService dialogs, Executor uiThread) {
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("no sections");
        }
        this.sections = List.copyOf(sections);
        this.store = store;
        this.connectionService = connectionService;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = loaded.settings();
        this.settingsProblem = loaded.problem();
        theme.set(settings.theme());
        compactNavigation.set(settings.compactNavigation());
        SectionSlot last = SectionSlot.byId(settings.workspace());
        selected.set(last != null && slots().contains(last) ? last : sections.get(0).slot());
        this.rateLimit = new RateLimitStatus(uiThread);
        this.stopListening = tasks.activity().addListener(list -> uiThread.execute(() -> showActivity(list)));
        showActivity(tasks.activity().snapshot());

        this.connectionsListener = new ConnectionsListener() {
            @Override
            public void connectionsChanged(List<Connection> list) {
                uiThread.execute(() -> showConnections(list, connectionService.current()));
            }

            @Override
            public void currentChanged(Optional<Connection> current) {
                uiThread.execute(() -> showConnections(connectionService.list(), current));
            }
        };
        connectionService.addListener(connectionsListener);
        showConnections(connectionService.list(), connectionService.current());
    }

    // Commands

    public void select(SectionSlot slot) {
        if (slots().contains(slot)) {
            selected.set(slot);
            settings = settings.withWorkspace(slot.id());
        }
    }

    /** Selects the n-th section (0-based), as Ctrl+1..4 do. */
    public void selectIndex(int index) {
        if (index >= 0 && index < sections.size()) {
            select(sections.get(index).slot());
        }
    }

    /** The user picked a connection in the toolbar; every section follows (through the service). */
    public void chooseConnection(Connection c) {
        if (c == null || (currentConnection.get() != null && currentConnection.get().id().equals(c.id()))) {
            return;
        }
        try {
            connectionService.setCurrent(c.id()); // memory only; the file is written in the background
        } catch (IllegalArgumentException gone) {
            // removed meanwhile: the listener brings the picker up to date
            dialogs.notify(DialogService.NotificationKind.WARNING, "\"" + c.name() + "\" no longer exists.");
        }
    }

    public void toggleTheme() {
        theme.set(theme.get().toggled());
        settings = settings.withTheme(theme.get());
        saveInBackground();
    }

    /** Icons only in the navigation (more room for the section), or icons and titles. Saved. */
    public void toggleCompactNavigation() {
        compactNavigation.set(!compactNavigation.get());
        settings = settings.withCompactNavigation(compactNavigation.get());
        saveInBackground();
    }

    public void showHelp() {
        helpVisible.set(true);
    }

    public void hideHelp() {
        helpVisible.set(false);
    }

    public void toggleHelp() {
        helpVisible.set(!helpVisible.get());
    }

    /** The shortcuts the main window binds, in the order the help overlay lists them. */
    public List<Command> commands() {
        List<Command> list = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            int index = i;
            list.add(new Command(new Shortcut("Shortcut+" + (i + 1), "Open " + sections.get(i).slot().title()),
                    () -> selectIndex(index)));
        }
        list.add(new Command(new Shortcut("Shortcut+Shift+L", "Switch between light and dark theme"), this::toggleTheme));
        list.add(new Command(new Shortcut("Shortcut+B", "Show or hide the navigation's titles"),
                this::toggleCompactNavigation));
        list.add(new Command(new Shortcut("F1", "Show or hide this list of shortcuts"), this::toggleHelp));
        list.add(new Command(new Shortcut("Shortcut+Slash", "Show or hide this list of shortcuts"), this::toggleHelp));
        return list;
    }

    /** Global shortcuts first, then each section's own. */
    public List<HelpSection> helpSections() {
        List<HelpSection> help = new ArrayList<>();
        List<Shortcut> global = new ArrayList<>();
        for (Command c : commands()) {
            global.add(c.shortcut());
        }
        global.add(new Shortcut("Esc", "Close this overlay or a dialog"));
        help.add(new HelpSection("Everywhere", global));
        for (Section w : sections) {
            if (!w.shortcuts().isEmpty()) {
                help.add(new HelpSection(w.slot().title(), w.shortcuts()));
            }
        }
        return help;
    }

    /** Call once the window is on screen: tells what start-up had to repair (settings, connections file). */
    public void windowShown() {
        if (settingsProblem != null) {
            dialogs.notify(DialogService.NotificationKind.WARNING, settingsProblem);
        }
        for (String notice : connectionService.startupNotices()) {
            dialogs.notify(DialogService.NotificationKind.WARNING, notice);
        }
    }

    /** Where to open the window, given the screens there are now. */
    public WindowBounds initialBounds(List<ScreenArea> screens) {
        return WindowPlacement.place(settings.window(), screens);
    }

    /**
     * Remembers where the window is (its restored bounds and whether it is maximised); memory only, written
     * when the app stops, or by the shutdown hook if the process is ended without closing the window.
     */
    public void windowMoved(WindowBounds bounds) {
        windowClosing(bounds);
    }

    /** Remembers where the window is; the settings are written when the app stops. */
    public void windowClosing(WindowBounds bounds) {
        if (bounds.isUsable()) {
            settings = settings.withWindow(bounds);
        }
    }

    /**
     * Writes the settings now, on the calling thread; the app calls it from {@code stop()}, when nothing is
     * waiting on the JavaFX thread any more.
     */
    public void saveNow() throws IOException {
        synchronized (saveLock) {
            store.save(settings);
        }
    }

    public AppSettings settings() {
        return settings;
    }

    /** Stops listening to shared services. */
    public void dispose() {
        stopListening.run();
        connectionService.removeListener(connectionsListener);
        rateLimit.dispose();
    }

    private void saveInBackground() {
        BackgroundTask.of("Save settings", ctx -> {
            saveNow(); // under the lock, the newest settings win whatever order the saves run in
            return null;
        }).onFailure(e -> dialogs.notify(DialogService.NotificationKind.WARNING,
                "Could not save settings to " + store.file() + ": " + e.getMessage()))
                .executeWith(tasks);
    }

    private void showConnections(List<Connection> list, Optional<Connection> current) {
        if (!connections.equals(list)) {
            connections.setAll(list);
        }
        currentConnection.set(current.orElse(null));
        connectionStatus.set(current.map(MainWindowViewModel::describe).orElse(
                list.isEmpty() ? "No connections yet: add one in Connections" : "No connection selected"));
        rateLimit.follow(current.map(connectionService::rateLimiterFor).orElse(null));
    }

    /** "Acme bot · Internal connection · sandbox" */
    static String describe(Connection c) {
        String where = c.isSandbox() ? "sandbox" : c.baseUrl().replaceFirst("^https?://", "");
        return c.name() + " · " + c.kind().label() + " · " + where;
    }

    private void showActivity(List<Activity> list) {
        activities.setAll(list);
        busy.set(!list.isEmpty());
        if (list.isEmpty()) {
            activityStatus.set("Ready");
            activityProgress.set(0);
            return;
        }
        Activity first = list.get(0);
        String what = first.progress() != null && first.progress().message() != null
                && !first.progress().message().isBlank() ? first.progress().message() : first.title();
        activityStatus.set(list.size() == 1 ? what : what + " (+" + (list.size() - 1) + " more)");
        activityProgress.set(list.size() == 1 && first.progress() != null && !first.progress().indeterminate()
                ? first.progress().fraction() : -1);
    }

    private List<SectionSlot> slots() {
        return sections.stream().map(Section::slot).toList();
    }

    // Property accessors

    public List<Section> sections() {
        return sections;
    }

    public ReadOnlyObjectProperty<SectionSlot> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public SectionSlot getSelected() {
        return selected.get();
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public Theme getTheme() {
        return theme.get();
    }

    public ReadOnlyBooleanProperty compactNavigationProperty() {
        return compactNavigation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty helpVisibleProperty() {
        return helpVisible.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionStatusProperty() {
        return connectionStatus.getReadOnlyProperty();
    }

    /** The current connection's rate-limit budget, for the status bar. */
    public RateLimitStatus rateLimit() {
        return rateLimit;
    }

    public ReadOnlyStringProperty activityStatusProperty() {
        return activityStatus.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the amount of work is unknown. */
    public ReadOnlyDoubleProperty activityProgressProperty() {
        return activityProgress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The saved connections, for the toolbar's picker. */
    public ObservableList<Connection> connections() {
        return connectionsView;
    }

    public ReadOnlyObjectProperty<Connection> currentConnectionProperty() {
        return currentConnection.getReadOnlyProperty();
    }

    /** The running tasks, for the status bar's tooltip. */
    public ObservableList<Activity> activities() {
        return activitiesView;
    }

}
