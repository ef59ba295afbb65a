package dev.notionconsole.ui.connections;

import static dev.notionconsole.ui.connections.ConnectionsUi.statusIcon;

import atlantafx.base.theme.Styles;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.IdentityCheck;
import dev.notionconsole.connections.LearnedCapability;
import dev.notionconsole.ui.common.Icons;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The selected connection's last identity check (who the token acts as) and the capabilities seen so far. */
final class IdentityPane extends VBox {
    IdentityPane(ConnectionsViewModel vm) {
        super(6);
        Label heading = new Label("Identity");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label result = new Label();
        result.setId("checkResult");
        result.setWrapText(true);
        result.setMinHeight(Label.USE_PREF_SIZE);
        result.textProperty().bind(vm.test().lastCheckTextProperty());
        result.getStyleClass().add("check-result");
        vm.test().lastCheckProperty().addListener((o, was, now) -> styleCheck(result, now));
        styleCheck(result, vm.test().lastCheckProperty().get());
        VBox caps = new VBox(2);
        caps.getStyleClass().add("capabilities");
        Runnable showCaps = () -> {
            caps.getChildren().clear();
            Connection c = vm.selectedProperty().get();
            if (c == null || c.capabilities().isEmpty()) {
                return;
            }
            Label h = new Label("Capabilities seen (Notion has no call that lists them):");
            h.getStyleClass().add(Styles.TEXT_MUTED);
            caps.getChildren().add(h);
            for (LearnedCapability cap : c.capabilities()) {
                Label l = new Label(cap.capability().label() + ": " + (cap.present() ? "works" : "seems missing") + " — " + cap.evidence(),
                        Icons.of(cap.present() ? Feather.CHECK : Feather.MINUS_CIRCLE));
                l.setWrapText(true);
                l.getStyleClass().add(cap.present() ? "capability-present" : "capability-absent");
                caps.getChildren().add(l);
            }
        };
        vm.selectedProperty().addListener(o -> showCaps.run());
        showCaps.run();
        getChildren().addAll(heading, result, caps);
        visibleProperty().bind(vm.form().isNewProperty().not());
        managedProperty().bind(visibleProperty());
    }

    private static void styleCheck(Label result, IdentityCheck check) {
        result.getStyleClass().removeAll("check-ok", "check-warning", "check-error");
        result.setGraphic(statusIcon(check));
        if (check != null) {
            result.getStyleClass().add(switch (check.outcome()) {
                case OK -> "check-ok";
                case KIND_MISMATCH, NO_TOKEN -> "check-warning";
                default -> "check-error";
            });
        }
    }
}
