package dev.notionconsole.ui.oauth;

import atlantafx.base.theme.Styles;
import dev.notionconsole.connections.Installation;
import dev.notionconsole.ui.common.Icons;
import dev.notionconsole.ui.common.LazyTooltip;
import dev.notionconsole.ui.common.ThemeManager;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * The OAuth flow dialog: a view over {@link OAuthFlowViewModel}, nothing more. Keyboard: Escape cancels (or
 * closes when done), Ctrl+Shift+C copies the authorize URL, Enter in the paste field uses the address.
 * Stable node ids for tests: {@code #oauthRedirectUri}, {@code #oauthCopyRedirect}, {@code #oauthStatus},
 * {@code #oauthTimeLeft}, {@code #oauthAuthorizeUrl}, {@code #oauthCopyUrl}, {@code #oauthOpenBrowser},
 * {@code #oauthPaste}, {@code #oauthPasteSubmit}, {@code #oauthPasteError}, {@code #oauthOutcomeTitle},
 * {@code #oauthOutcomeDetail}, {@code #oauthRetry}, {@code #oauthCancel}.
 */
public final class OAuthFlowDialog {
    private static final String STYLESHEET = java.util.Objects.requireNonNull(
            OAuthFlowDialog.class.getResource("/dev/notionconsole/ui/oauth/oauth.css")).toExternalForm();
    private final OAuthFlowViewModel vm;
    private final Stage stage = new Stage();
    private final Timeline ticker;

    public OAuthFlowDialog(OAuthFlowViewModel vm, Window owner) {
        this.vm = vm;
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(vm.title());
        Scene scene = new Scene(build(), 640, Region.USE_COMPUTED_SIZE);
        ThemeManager.style(scene);
        scene.getStylesheets().add(STYLESHEET);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                vm::copyAuthorizeUrl);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                closeOrCancel();
                e.consume();
            }
        });
        stage.setScene(scene);
        // sections appear and disappear, and messages change length: fit the window to what is shown
        for (javafx.beans.Observable o : java.util.List.of(vm.phaseProperty(), vm.statusProperty(), vm.pasteErrorProperty(),
                vm.outcomeDetailProperty())) {
            o.addListener(x -> Platform.runLater(stage::sizeToScene));
        }
        stage.setOnCloseRequest(e -> vm.cancel());
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        stage.setOnHidden(e -> ticker.stop());
    }

    /**
     * The "Authorize in a workspace…" action of the Connections workspace: runs the flow in the dialog with the
     * system browser and the default 5-minute limit, and reports a new installation in a notification.
     */
    public static Optional<Installation> open(dev.notionconsole.oauth.OAuthService oauth, dev.notionconsole.connections.Connection c,
                                              dev.notionconsole.core.concurrent.TaskRunner tasks,
                                              dev.notionconsole.ui.common.DialogService dialogs, Window owner) {
        OAuthFlowViewModel vm = new OAuthFlowViewModel(oauth, c, tasks, dialogs, new dev.notionconsole.oauth.SystemBrowserOpener(),
                dev.notionconsole.oauth.AuthorizationFlow.DEFAULT_TIMEOUT, Platform::runLater, java.time.Clock.systemUTC());
        Optional<Installation> result = new OAuthFlowDialog(vm, owner).showAndWait();
        result.ifPresent(i -> dialogs.notify(dev.notionconsole.ui.common.DialogService.NotificationKind.SUCCESS,
                "\"" + c.name() + "\" installed in " + i.displayName()));
        return result;
    }

    /** Shows the dialog, starts the flow, and waits until it is closed; the installation if one was made. */
    public Optional<Installation> showAndWait() {
        ticker.play();
        vm.start();
        stage.showAndWait();
        return Optional.ofNullable(vm.installationProperty().get());
    }

    /** Shows without waiting (for tests and screenshots). */
    public void show() {
        ticker.play();
        vm.start();
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    private void closeOrCancel() {
        if (vm.runningProperty().get()) {
            vm.cancel();
        } else {
            stage.close();
        }
    }

    private VBox build() {
        Node key = Icons.of(Feather.KEY);
        key.getStyleClass().add("title-icon");
        Label title = new Label(vm.title(), key);
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = muted("Sign in to Notion in your browser, pick the pages to share and allow access. The console "
                + "catches Notion's answer on this machine.");

        // redirect URI, to register
        TextField redirect = readOnly("oauthRedirectUri");
        redirect.textProperty().bind(vm.redirectUriProperty());
        Button copyRedirect = iconButton("oauthCopyRedirect", Feather.COPY, "Copy the redirect URI");
        copyRedirect.setOnAction(e -> vm.copyRedirectUri());
        Label registerHint = muted("Register exactly this URI, character for character, under OAuth Domain & URIs in "
                + "the connection's settings in Notion. Otherwise Notion shows \"Missing or invalid redirect_uri\".");

        // progress
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.runningProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label status = new Label();
        status.setId("oauthStatus");
        wrapping(status);
        status.textProperty().bind(vm.statusProperty());
        Label timeLeft = muted("");
        timeLeft.setId("oauthTimeLeft");
        timeLeft.setWrapText(false);
        timeLeft.setMinWidth(Region.USE_PREF_SIZE);
        timeLeft.textProperty().bind(vm.timeLeftProperty());
        HBox progress = new HBox(8, spinner, grow(status), timeLeft);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        // authorize URL, for a browser elsewhere
        TextField url = readOnly("oauthAuthorizeUrl");
        url.textProperty().bind(vm.authorizeUrlProperty());
        Button copyUrl = iconButton("oauthCopyUrl", Feather.COPY, "Copy the authorize URL (Ctrl+Shift+C)");
        copyUrl.setOnAction(e -> vm.copyAuthorizeUrl());
        Button openBrowser = new Button("Open browser", Icons.of(Feather.EXTERNAL_LINK));
        openBrowser.setId("oauthOpenBrowser");
        openBrowser.setOnAction(e -> vm.openBrowserAgain());
        VBox urlSection = section("Authorize URL", row(url, copyUrl, openBrowser),
                muted("Using a browser on another machine? Open this URL there, then paste where it ends below."));

        // paste fallback
        TextField paste = new TextField();
        paste.setId("oauthPaste");
        paste.getStyleClass().add("monospace");
        paste.setPromptText(vm.redirectUriProperty().get() + "?code=…&state=…");
        paste.textProperty().bindBidirectional(vm.pasteTextProperty());
        paste.setOnAction(e -> vm.submitPaste());
        Button use = new Button("Use");
        use.setId("oauthPasteSubmit");
        use.setOnAction(e -> vm.submitPaste());
        use.disableProperty().bind(vm.pasteTextProperty().isEmpty());
        Label pasteError = new Label();
        pasteError.setId("oauthPasteError");
        pasteError.getStyleClass().add(Styles.DANGER);
        wrapping(pasteError);
        pasteError.textProperty().bind(vm.pasteErrorProperty());
        pasteError.visibleProperty().bind(vm.pasteErrorProperty().isNotEmpty());
        pasteError.managedProperty().bind(pasteError.visibleProperty());
        VBox pasteSection = section("Paste the redirected address", row(paste, use), pasteError);

        VBox waiting = new VBox(14, urlSection, pasteSection);
        waiting.visibleProperty().bind(vm.phaseProperty().isEqualTo(OAuthFlowViewModel.Phase.WAITING));
        waiting.managedProperty().bind(waiting.visibleProperty());

        // outcome
        Label outcomeTitle = new Label();
        outcomeTitle.setId("oauthOutcomeTitle");
        outcomeTitle.getStyleClass().add(Styles.TITLE_4);
        outcomeTitle.textProperty().bind(vm.outcomeTitleProperty());
        outcomeTitle.graphicProperty().bind(Bindings.createObjectBinding(() -> switch (vm.phaseProperty().get()) {
            case SUCCEEDED -> outcomeIcon(Feather.CHECK_CIRCLE);
            case FAILED -> outcomeIcon(Feather.ALERT_CIRCLE);
            case CANCELLED -> outcomeIcon(Feather.X_CIRCLE);
            default -> null;
        }, vm.phaseProperty()));
        Label outcomeDetail = new Label();
        outcomeDetail.setId("oauthOutcomeDetail");
        wrapping(outcomeDetail);
        outcomeDetail.textProperty().bind(vm.outcomeDetailProperty());
        VBox outcome = new VBox(6, outcomeTitle, outcomeDetail);
        outcome.getStyleClass().add("oauth-outcome");
        vm.phaseProperty().addListener((o, was, now) -> {
            outcome.getStyleClass().removeAll("success", "failure", "cancelled");
            switch (now) {
                case SUCCEEDED -> outcome.getStyleClass().add("success");
                case FAILED -> outcome.getStyleClass().add("failure");
                case CANCELLED -> outcome.getStyleClass().add("cancelled");
                default -> { }
            }
        });
        outcome.visibleProperty().bind(vm.outcomeTitleProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());

        // buttons
        Button retry = new Button("Try again", Icons.of(Feather.REFRESH_CW));
        retry.setId("oauthRetry");
        retry.setOnAction(e -> vm.start());
        retry.visibleProperty().bind(vm.phaseProperty().isEqualTo(OAuthFlowViewModel.Phase.FAILED)
                .or(vm.phaseProperty().isEqualTo(OAuthFlowViewModel.Phase.CANCELLED)));
        retry.managedProperty().bind(retry.visibleProperty());
        Button cancel = new Button();
        cancel.setId("oauthCancel");
        cancel.textProperty().bind(Bindings.when(vm.runningProperty()).then("Cancel").otherwise("Close"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> closeOrCancel());
        cancel.defaultButtonProperty().bind(vm.phaseProperty().isEqualTo(OAuthFlowViewModel.Phase.SUCCEEDED));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, retry, cancel);

        // focus the main action, not the first text field (which would select the redirect URI)
        cancel.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                Platform.runLater(cancel::requestFocus);
            }
        });
        VBox root = new VBox(14, new VBox(4, title, intro),
                section("Redirect URI", row(redirect, copyRedirect), registerHint),
                progress, waiting, outcome, buttons);
        root.setPadding(new Insets(20));
        root.getStyleClass().add("oauth-flow");
        return root;
    }

    /** Coloured by oauth.css through the outcome box's phase class, so it follows light and dark. */
    private static Node outcomeIcon(Feather glyph) {
        Node icon = Icons.of(glyph);
        icon.getStyleClass().add("outcome-icon");
        return icon;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return wrapping(l);
    }

    /** Wraps and never shrinks below its text (no ellipsis); the window grows instead. */
    private static Label wrapping(Label l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField readOnly(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setEditable(false);
        f.getStyleClass().add("monospace");
        return f;
    }

    private static Button iconButton(String id, Feather icon, String tooltip) {
        Button b = new Button(null, Icons.of(icon));
        b.setId(id);
        b.getStyleClass().add(Styles.BUTTON_ICON);
        LazyTooltip.install(b, tooltip);
        b.setAccessibleText(tooltip);
        return b;
    }

    private static HBox row(Node field, Node... buttons) {
        HBox h = new HBox(6);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getChildren().add(grow(field));
        h.getChildren().addAll(buttons);
        return h;
    }

    private static <T extends Node> T grow(T n) {
        HBox.setHgrow(n, Priority.ALWAYS);
        if (n instanceof Region r) {
            r.setMaxWidth(Double.MAX_VALUE);
        }
        return n;
    }

    private static VBox section(String heading, Node... content) {
        Label h = new Label(heading.toUpperCase(java.util.Locale.ROOT));
        h.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, Styles.TEXT_BOLD);
        VBox v = new VBox(6, h);
        v.getChildren().addAll(content);
        return v;
    }
}
