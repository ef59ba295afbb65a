package dev.notionconsole.ui.connections;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.ui.common.ObjectRef;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.shell.Disposable;
import dev.notionconsole.ui.shell.InitialFocus;
import dev.notionconsole.ui.shell.SectionKeys;
import dev.notionconsole.ui.shell.Shortcut;
import dev.notionconsole.ui.common.Pulses;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Scene;
import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The Connections section: {@link ConnectionListPane} on the left; on the right the {@link StorageBanner}, the
 * {@link ConnectionFormPane}, {@link IdentityPane} and {@link InstallationsPane} scrolling above a pinned
 * {@link FormActionsBar}. Thin: layout, bindings and gestures only; every decision is in {@link ConnectionsViewModel}.
 *
 * <p>Node ids (the TestFX contract): {@code #connectionsList}, {@code #addConnectionButton} (menu items
 * {@code #addInternal}, {@code #addPublic}, {@code #addPat}), {@code #duplicateConnectionButton},
 * {@code #deleteConnectionButton}, {@code #importConnectionsButton}, {@code #exportConnectionsButton},
 * {@code #formTitle}, {@code #currentBadge}, {@code #useConnectionButton},
 * {@code #nameField}, {@code #kindChoice}, {@code #baseUrlField}, {@code #notionVersionChoice},
 * {@code #ratePlanChoice}, {@code #tokenField}, {@code #tokenRevealField}, {@code #revealTokenToggle},
 * {@code #copyTokenButton}, {@code #clientIdField}, {@code #clientSecretField}, {@code #redirectUriField},
 * {@code #notesArea}, {@code #saveConnectionButton}, {@code #revertConnectionButton},
 * {@code #testConnectionButton}, {@code #cancelTestButton}, {@code #testProgress}, {@code #checkResult},
 * {@code #installationsList}, {@code #secretStorageBanner}, {@code #useSecretsFileButton}; field messages
 * {@code #<field>Message}.
 */
public final class ConnectionsView extends SplitPane implements Disposable, InitialFocus {
    private static final String STYLESHEET = Objects.requireNonNull(
            ConnectionsView.class.getResource("connections.css")).toExternalForm();

    /** The shortcuts this section adds, for the help overlay. */
    public static final Shortcut[] SHORTCUTS = {
        new Shortcut("Shortcut+N", "New internal connection"),
        new Shortcut("Shortcut+S", "Save the connection"),
        new Shortcut("Shortcut+T", "Test the connection (GET /v1/users/me)"),
        new Shortcut("Enter", "Use the selected connection (in the list; or double-click)"),
        new Shortcut("Delete", "Delete the selected connection (asks first)"),
    };

    private final ConnectionsViewModel vm;
    private final ConnectionListPane list;
    private final BorderPane detail = new BorderPane();
    private final ReadOnlyBooleanWrapper detailBuilt = new ReadOnlyBooleanWrapper(this, "detailBuilt");
    private boolean disposed;

    public ConnectionsView(ConnectionsViewModel vm) {
        this.vm = vm;
        this.list = new ConnectionListPane(vm);
        setId("connectionsView");
        getStyleClass().add("connections-view");
        getStylesheets().add(STYLESHEET);
        detail.setMinWidth(0);
        getItems().addAll(list, detail);
        SplitPane.setResizableWithParent(list, false);
        setDividerPositions(0.3);
        installShortcuts();
        buildAfterFirstFrame();
    }

    /**
     * True once the list's rows and the detail pane (form, identity, installations) are in: they are added after the
     * view's first frame, a part per pulse, so that no pulse pays for the whole list's or form's first CSS pass and
     * paint (docs/decisions/0165-connections-detail-after-the-first-frame.md, 0198). Tests that look up rows or form
     * fields wait for this.
     */
    public ReadOnlyBooleanProperty detailBuiltProperty() {
        return detailBuilt.getReadOnlyProperty();
    }

    /** The section as the app composes it: ViewModel started, import prompts owned by this view. */
    public static ConnectionsView create(ConnectionService service, TaskRunner tasks, DialogService dialogs) {
        return create(service, tasks, dialogs, null);
    }

    /**
     * @param authorize starts an OAuth authorization for a public connection (the OAuth feature's flow); null
     *     hides the "Authorize in a workspace…" button
     */
    public static ConnectionsView create(ConnectionService service, TaskRunner tasks, DialogService dialogs,
                                         java.util.function.Consumer<Connection> authorize) {
        return create(service, tasks, dialogs, authorize, null);
    }

    /** As above; {@code openInExplorer} takes an installation's template copy to the Explorer (null: no button). */
    public static ConnectionsView create(ConnectionService service, TaskRunner tasks, DialogService dialogs,
                                         java.util.function.Consumer<Connection> authorize,
                                         java.util.function.Consumer<ObjectRef> openInExplorer) {
        SecretPrompt[] prompt = new SecretPrompt[1];
        ConnectionsViewModel vm = new ConnectionsViewModel(service, tasks, dialogs,
                (title, message, label) -> prompt[0].ask(title, message, label), Platform::runLater);
        ConnectionsView view = new ConnectionsView(vm);
        prompt[0] = new SecretPromptDialog(view);
        vm.installations().setAuthorizeAction(authorize);
        vm.installations().setOpenInExplorerAction(openInExplorer);
        vm.start();
        return view;
    }

    /** The list: arrows to look through the connections, Enter to use one. */
    @Override
    public void focusInitial() {
        lookup("#connectionsList").requestFocus();
    }

    /** Called by the shell when the view is really dropped; never on a section switch (issue 17). */
    @Override
    public void dispose() {
        disposed = true;
        vm.dispose();
    }

    /**
     * The list's rows, then the detail pane, in steps, each after the previous one's pulse: the first row, all
     * rows; the scroll pane, the actions bar, the storage banner, the form's header, the form's rows in groups,
     * the identity check, the installations. Each step's nodes get their CSS, layout and paint in the pulse that
     * follows it, so every pulse pays for one part. The first row costs the most: everything a row holds is styled
     * and laid out there for the first time (0198).
     */
    private void buildAfterFirstFrame() {
        VBox content = new VBox(16);
        content.getStyleClass().add("detail-pane");
        content.setPadding(new Insets(16, 20, 20, 20));
        ConnectionFormPane[] form = new ConnectionFormPane[1]; // built in the first step, not before the first frame
        List<Runnable> steps = new ArrayList<>(list.buildSteps());
        steps.add(() -> {
            ScrollPane scroll = new ScrollPane(content);
            scroll.setFitToWidth(true);
            scroll.getStyleClass().add("edge-to-edge");
            detail.setCenter(scroll);
        });
        steps.add(() -> detail.setBottom(new FormActionsBar(vm)));
        steps.add(() -> content.getChildren().add(new StorageBanner(vm)));
        steps.add(() -> {
            form[0] = new ConnectionFormPane(vm);
            content.getChildren().add(form[0]);
        });
        for (int i = 0; i < ConnectionFormPane.ROW_GROUPS; i++) {
            int group = i;
            steps.add(() -> form[0].rowGroups().get(group).run());
        }
        steps.add(() -> content.getChildren().add(new IdentityPane(vm)));
        steps.add(() -> content.getChildren().add(new InstallationsPane(vm)));
        // the first step waits two pulses more: the pulse after the first frame waits for that frame's paint, so work
        // queued behind it lengthened the gap to the next frame beyond 100 ms (docs/decisions/0194)
        Pulses.whenInScene(this, scene -> Pulses.afterPulses(scene, 2, () -> runAfterPulses(scene, steps.iterator())));
    }

    private void runAfterPulses(Scene scene, Iterator<Runnable> steps) {
        Pulses.afterNextPulse(scene, () -> {
            if (disposed) {
                return;
            }
            steps.next().run();
            if (steps.hasNext()) {
                runAfterPulses(scene, steps);
            } else {
                detailBuilt.set(true);
            }
        });
    }

    private void installShortcuts() {
        KeyCombination save = KeyCombination.valueOf("Shortcut+S");
        KeyCombination newOne = KeyCombination.valueOf("Shortcut+N");
        KeyCombination test = KeyCombination.valueOf("Shortcut+T");
        SectionKeys.whileShown(this, e -> {
            if (e.isConsumed()) {
                return;
            }
            if (save.match(e)) {
                if (vm.canSaveProperty().get()) {
                    vm.save();
                }
                e.consume();
            } else if (newOne.match(e)) {
                vm.newConnection(ConnectionKind.INTERNAL);
                e.consume();
            } else if (test.match(e)) {
                vm.test().testConnection();
                e.consume();
            }
        });
    }
}
