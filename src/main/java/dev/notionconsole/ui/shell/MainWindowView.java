package dev.notionconsole.ui.shell;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.core.concurrent.ActivityTracker.Activity;
import dev.notionconsole.settings.ScreenArea;
import dev.notionconsole.settings.Theme;
import dev.notionconsole.settings.WindowBounds;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.Icons;
import dev.notionconsole.ui.common.LazyTooltip;
import dev.notionconsole.ui.common.ThemeManager;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: toolbar (connection picker, theme, help), navigation between the sections, the current
 * section, and the status bar. Section views are built the first time they are opened and then kept.
 *
 * <p>Node ids (the TestFX contract): {@code #mainWindow}, {@code #navigation}, {@code #nav-<slot>},
 * {@code #sectionArea}, {@code #section-<slot>}, {@code #empty-<slot>}, {@code #connectionPicker},
 * {@code #themeToggle}, {@code #helpButton}, {@code #helpOverlay}, {@code #helpClose}, {@code #statusBar},
 * {@code #statusConnection}, {@code #statusRateLimit}, {@code #statusActivity}, {@code #statusProgress}.
 *
 * <p>Over 400 lines, knowingly: one method each builds the toolbar, navigation, status bar and help overlay over the
 * same few nodes, and the node-id contract above stays in one file.
 */
public final class MainWindowView extends StackPane {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindowView.class);
    private static final javafx.css.PseudoClass COMPACT = javafx.css.PseudoClass.getPseudoClass("compact");

    private final MainWindowViewModel viewModel;
    private final DialogService dialogs;
    private final StackPane sectionArea = new StackPane();
    private final Map<SectionSlot, Node> built = new EnumMap<>(SectionSlot.class);
    private final List<Disposable> toDispose = new java.util.ArrayList<>();
    private final ToggleGroup navGroup = new ToggleGroup();
    private final ComboBox<Connection> connectionPicker = new ComboBox<>();
    private boolean syncingPicker;
    private boolean pickedInPopup;
    private HelpOverlay helpOverlay;
    private WindowBounds normalBounds;

    /**
     * @param overlays nodes stacked over the window, such as the notification layer
     */
    public MainWindowView(MainWindowViewModel viewModel, DialogService dialogs, Node... overlays) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        setId("mainWindow");
        getStyleClass().add("main-window");

        BorderPane shell = new BorderPane();
        shell.setId("shell");
        shell.setTop(toolbar());
        shell.setLeft(navigation());
        sectionArea.setId("sectionArea");
        sectionArea.getStyleClass().add("section-area");
        shell.setCenter(sectionArea);
        shell.setBottom(statusBar());
        getChildren().add(shell);
        for (Node overlay : overlays) {
            StackPane.setAlignment(overlay, Pos.BOTTOM_RIGHT);
            getChildren().add(overlay);
        }

        viewModel.selectedProperty().addListener((obs, old, slot) -> showSection(slot));
        showSection(viewModel.getSelected());
        viewModel.helpVisibleProperty().addListener((obs, was, visible) -> showHelp(visible));
    }

    /** Puts the view in the stage: scene, theme, shortcuts, icons, remembered placement. */
    public void install(Stage stage) {
        Scene scene = new Scene(this);
        ThemeManager.style(scene);
        ThemeManager.apply(viewModel.getTheme());
        viewModel.themeProperty().addListener((obs, old, theme) -> ThemeManager.apply(theme));
        // A filter, not scene accelerators: accelerators only see keys the focused control lets through, and
        // under GTK a focused ComboBox swallowed Ctrl+2 after an earlier shortcut. Global means global.
        Map<KeyCombination, Runnable> global = new java.util.LinkedHashMap<>();
        for (MainWindowViewModel.Command c : viewModel.commands()) {
            global.put(KeyCombination.keyCombination(c.shortcut().keys()), c.action());
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && viewModel.helpVisibleProperty().get()) {
                viewModel.hideHelp();
                e.consume();
                return;
            }
            for (Map.Entry<KeyCombination, Runnable> g : global.entrySet()) {
                if (g.getKey().match(e)) {
                    g.getValue().run();
                    e.consume();
                    return;
                }
            }
        });
        stage.setScene(scene);
        stage.setTitle("Notion Console");
        stage.setMinWidth(WindowBounds.MIN_WIDTH);
        stage.setMinHeight(WindowBounds.MIN_HEIGHT);
        AppIcons.installOn(stage);

        WindowBounds b = viewModel.initialBounds(screens());
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        stage.setMaximized(b.maximized());
        normalBounds = b;
        // remember the restored bounds, not the maximised ones, so un-maximising next time works
        Runnable track = () -> {
            if (!stage.isMaximized() && !stage.isIconified()) {
                normalBounds = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
            viewModel.windowMoved(new WindowBounds(normalBounds.x(), normalBounds.y(), normalBounds.width(),
                    normalBounds.height(), stage.isMaximized()));
        };
        stage.xProperty().addListener(o -> track.run());
        stage.yProperty().addListener(o -> track.run());
        stage.widthProperty().addListener(o -> track.run());
        stage.heightProperty().addListener(o -> track.run());
        stage.maximizedProperty().addListener(o -> track.run());
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> viewModel.windowClosing(new WindowBounds(
                normalBounds.x(), normalBounds.y(), normalBounds.width(), normalBounds.height(), stage.isMaximized())));
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            viewModel.windowShown();
            focusSection(); // first start: the section, not the toolbar's connection box
        });
    }

    private Node toolbar() {
        Label brand = new Label("Notion Console");
        brand.setId("brand");
        brand.getStyleClass().add("brand");
        Image logo = AppIcons.logo();
        if (logo != null) {
            javafx.scene.image.ImageView view = new javafx.scene.image.ImageView(logo);
            view.setFitWidth(20);
            view.setFitHeight(20);
            brand.setGraphic(view);
        }

        connectionPicker.setId("connectionPicker");
        connectionPicker.setPromptText("No connections yet");
        connectionPicker.setPrefWidth(300);
        connectionPicker.setVisibleRowCount(14);
        LazyTooltip.install(connectionPicker, "The connection every section talks through");
        connectionPicker.setCellFactory(list -> new ConnectionPickerCell(true));
        connectionPicker.setButtonCell(new ConnectionPickerCell(false));
        connectionPicker.setItems(viewModel.connections());
        connectionPicker.disableProperty().bind(Bindings.isEmpty(viewModel.connections()));
        Runnable syncPicker = () -> {
            syncingPicker = true;
            try {
                connectionPicker.getSelectionModel().select(viewModel.currentConnectionProperty().get());
            } finally {
                syncingPicker = false;
            }
        };
        syncPicker.run();
        viewModel.currentConnectionProperty().addListener(o -> syncPicker.run());
        viewModel.connections().addListener((ListChangeListener<Connection>) c -> syncPicker.run());
        // the popup's list view, whose listeners run after ours, clears the picker when the list is replaced (a
        // connection learnt something while another section used it, e.g. a comparison): put the current one back
        connectionPicker.valueProperty().addListener((obs, old, now) -> {
            if (now == null && !syncingPicker && viewModel.currentConnectionProperty().get() != null) {
                javafx.application.Platform.runLater(syncPicker);
            }
        });
        connectionPicker.valueProperty().addListener((obs, old, picked) -> {
            if (!syncingPicker && picked != null) {
                viewModel.chooseConnection(picked);
                pickedInPopup = connectionPicker.isShowing();
            }
        });
        // once chosen, the keyboard goes back to the section (its shortcuts, its fields), not the toolbar
        connectionPicker.setOnHidden(e -> {
            if (pickedInPopup) {
                pickedInPopup = false;
                focusSection();
            }
        });
        Label pickerLabel = new Label("Connection");
        pickerLabel.getStyleClass().add("toolbar-label");
        pickerLabel.setLabelFor(connectionPicker);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button themeToggle = new Button();
        themeToggle.setId("themeToggle");
        themeToggle.getStyleClass().addAll("button-icon", "flat");
        themeToggle.setOnAction(e -> viewModel.toggleTheme());
        LazyTooltip.install(themeToggle, Bindings.createStringBinding(() -> (viewModel.getTheme() == Theme.DARK
                ? "Light theme" : "Dark theme") + " (" + HelpOverlay.displayText("Shortcut+Shift+L") + ")",
                viewModel.themeProperty()));
        Runnable themeIcon = () -> {
            boolean dark = viewModel.getTheme() == Theme.DARK;
            themeToggle.setGraphic(Icons.of(dark ? Feather.SUN : Feather.MOON));
            themeToggle.setAccessibleText(dark ? "Switch to light theme" : "Switch to dark theme");
        };
        themeIcon.run();
        viewModel.themeProperty().addListener(o -> themeIcon.run());
        themeToggle.setFocusTraversable(false); // Tab from the picker must not land here: a space flipped the theme

        Button help = new Button(null, Icons.of(Feather.HELP_CIRCLE));
        help.setId("helpButton");
        help.getStyleClass().addAll("button-icon", "flat");
        LazyTooltip.install(help, "Keyboard shortcuts (F1)");
        help.setAccessibleText("Keyboard shortcuts");
        help.setOnAction(e -> viewModel.toggleHelp());
        help.setFocusTraversable(false); // F1 opens it from anywhere

        ToolBar bar = new ToolBar(brand, new Separator(javafx.geometry.Orientation.VERTICAL), pickerLabel, connectionPicker, spacer, themeToggle, help);
        bar.setId("mainToolbar");
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private Node navigation() {
        VBox nav = new VBox();
        nav.setId("navigation");
        nav.getStyleClass().add("navigation");
        List<Section> sections = viewModel.sections();
        for (int i = 0; i < sections.size(); i++) {
            SectionSlot slot = sections.get(i).slot();
            ToggleButton b = new ToggleButton(slot.title(), Icons.of(slot.icon()));
            b.setId("nav-" + slot.id());
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(navGroup);
            b.setUserData(slot);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            LazyTooltip.install(b, slot.emptyHeading() + " (" + HelpOverlay.displayText("Shortcut+" + (i + 1)) + ")");
            // a toggle group lets the user "unselect"; in navigation, clicking the current entry keeps it
            b.setOnAction(e -> {
                viewModel.select(slot);
                b.setSelected(true);
            });
            b.contentDisplayProperty().bind(javafx.beans.binding.Bindings.when(viewModel.compactNavigationProperty())
                    .then(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY)
                    .otherwise(javafx.scene.control.ContentDisplay.LEFT));
            nav.getChildren().add(b);
        }
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        Button compact = new Button();
        compact.setId("navCompactToggle");
        compact.getStyleClass().addAll("button-icon", "flat", "nav-compact-toggle");
        compact.setOnAction(e -> viewModel.toggleCompactNavigation());
        LazyTooltip.install(compact, Bindings.createStringBinding(() -> (viewModel.compactNavigationProperty().get()
                ? "Show titles" : "Icons only") + " (" + HelpOverlay.displayText("Shortcut+B") + ")",
                viewModel.compactNavigationProperty()));
        Runnable compactLook = () -> {
            boolean on = viewModel.compactNavigationProperty().get();
            compact.setGraphic(Icons.of(on ? Feather.CHEVRONS_RIGHT : Feather.CHEVRONS_LEFT));
            compact.setAccessibleText(on ? "Show the navigation's titles" : "Show icons only");
            nav.pseudoClassStateChanged(COMPACT, on);
        };
        compactLook.run();
        viewModel.compactNavigationProperty().addListener(o -> compactLook.run());
        nav.getChildren().addAll(grow, compact);
        return nav;
    }

    private Node statusBar() {
        Label connection = new Label();
        connection.setId("statusConnection");
        connection.setGraphic(Icons.of(Feather.LINK));
        connection.textProperty().bind(viewModel.connectionStatusProperty());

        Label rateLimit = new Label();
        rateLimit.setId("statusRateLimit");
        rateLimit.setGraphic(Icons.of(Feather.CLOCK));
        rateLimit.textProperty().bind(viewModel.rateLimit().textProperty());
        rateLimit.visibleProperty().bind(viewModel.rateLimit().textProperty().isNotEmpty());
        rateLimit.managedProperty().bind(rateLimit.visibleProperty());
        LazyTooltip.install(rateLimit, ("Client-side pacing of the current connection: a burst of requests may go "
                + "out at once without waiting; after that the console sends them at 85 % of the plan's limit, so a "
                + "bulk run stays under Notion's per-minute budget"));
        // the bucket refills continuously: a one-second refresh only while it does (a running Timeline keeps
        // JavaFX pulsing at 60 Hz, which an idle window should not)
        Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.rateLimit().refresh()));
        refresh.setCycleCount(Animation.INDEFINITE);
        Runnable followBucket = () -> {
            if (viewModel.rateLimit().settledProperty().get()) {
                refresh.stop();
            } else {
                refresh.play();
            }
        };
        followBucket.run();
        viewModel.rateLimit().settledProperty().addListener(o -> followBucket.run());
        toDispose.add(refresh::stop);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        ProgressBar progress = new ProgressBar();
        progress.setId("statusProgress");
        progress.setPrefWidth(140);
        progress.progressProperty().bind(viewModel.activityProgressProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        Label activity = new Label();
        activity.setId("statusActivity");
        activity.textProperty().bind(viewModel.activityStatusProperty());
        LazyTooltip.install(activity, Bindings.createStringBinding(() -> viewModel.activities().isEmpty() ? "Nothing running"
                : viewModel.activities().stream().map(Activity::title).collect(Collectors.joining("\n")), viewModel.activities()));

        HBox bar = new HBox(connection, rateLimit, spacer, progress, activity);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void showSection(SectionSlot slot) {
        Node node = built.computeIfAbsent(slot, this::build);
        sectionArea.getChildren().setAll(node);
        for (var toggle : navGroup.getToggles()) {
            toggle.setSelected(toggle.getUserData() == slot);
        }
        focusSection();
    }

    /** The shown section's own first focus ({@link InitialFocus}), once the section is laid out. */
    private void focusSection() {
        if (sectionArea.getChildren().isEmpty()
                || !(sectionArea.getChildren().get(0) instanceof StackPane holder) || holder.getChildren().isEmpty()) {
            return;
        }
        if (holder.getChildren().get(0) instanceof InitialFocus f) {
            javafx.application.Platform.runLater(f::focusInitial);
        }
    }

    private Node build(SectionSlot slot) {
        Section w = viewModel.sections().stream().filter(x -> x.slot() == slot).findFirst().orElseThrow();
        Node node;
        if (w.isPlaceholder()) {
            node = new EmptyState(slot.icon(), slot.emptyHeading(), slot.emptyText());
            node.setId("empty-" + slot.id());
        } else {
            try {
                node = w.view().get();
                if (node instanceof Disposable d) {
                    toDispose.add(d);
                }
            } catch (RuntimeException e) {
                LOG.error("Could not build the {} section", slot.title(), e);
                dialogs.showError("Could not open " + slot.title(), null, e);
                node = new EmptyState(Feather.ALERT_OCTAGON, slot.title() + " could not be opened",
                        "The error has been logged. Details are in the error dialog.");
            }
        }
        StackPane holder = new StackPane(node);
        holder.setId("section-" + slot.id());
        holder.getStyleClass().add("section");
        return holder;
    }

    /**
     * Drops every section view built so far, and the window's own timers: each {@link Disposable} view is
     * disposed once. Call at app exit, on the JavaFX thread. Switching sections never disposes anything.
     */
    public void dispose() {
        List<Disposable> all = List.copyOf(toDispose);
        toDispose.clear();
        for (Disposable d : all) {
            try {
                d.dispose();
            } catch (RuntimeException e) {
                LOG.warn("A view failed to dispose", e); // the others still get theirs
            }
        }
    }

    private void showHelp(boolean visible) {
        if (visible) {
            helpOverlay = new HelpOverlay(viewModel.helpSections(), viewModel::hideHelp);
            getChildren().add(helpOverlay);
            helpOverlay.requestFocus();
        } else if (helpOverlay != null) {
            getChildren().remove(helpOverlay);
            helpOverlay = null;
        }
    }

    private static List<ScreenArea> screens() {
        Screen primary = Screen.getPrimary();
        List<Screen> all = new java.util.ArrayList<>(Screen.getScreens());
        all.remove(primary);
        all.add(0, primary);
        return all.stream().map(s -> {
            Rectangle2D r = s.getVisualBounds();
            return new ScreenArea(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
        }).toList();
    }
}
