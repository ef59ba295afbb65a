package dev.notionconsole.ui.request;

import dev.notionconsole.ui.common.LazyTooltip;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Request section's top: method, path, Notion-Version override, the endpoint picker, Send/Cancel and the
 * More menu ({@link MoreMenu}), with the picked endpoint's summary and the connection below.
 */
final class RequestToolbar extends VBox {
    RequestToolbar(RequestViewModel vm, Runnable openPicker) {
        super(4);
        ComboBox<String> methodBox = new ComboBox<>();
        methodBox.setId("methodBox");
        methodBox.getItems().setAll(RequestViewModel.METHODS);
        methodBox.valueProperty().bindBidirectional(vm.methodProperty());
        TextField pathField = new TextField();
        pathField.setId("pathField");
        pathField.setPromptText("/v1/... (free-form path, or pick an endpoint with Ctrl+K)");
        pathField.setMinWidth(120);
        pathField.textProperty().bindBidirectional(vm.pathProperty());
        HBox.setHgrow(pathField, Priority.ALWAYS);
        ComboBox<String> versionBox = new ComboBox<>();
        versionBox.setId("versionBox");
        versionBox.setEditable(true);
        versionBox.getItems().setAll(vm.versions());
        versionBox.setPromptText("Version: default");
        versionBox.setPrefWidth(170);
        versionBox.setMinWidth(110);
        LazyTooltip.install(versionBox, "Override the connection's Notion-Version for this request; leave empty to use the connection's.");
        versionBox.valueProperty().bindBidirectional(vm.versionProperty());
        Button pick = new Button("Endpoints…");
        pick.setId("pickEndpointButton");
        LazyTooltip.install(pick, "Pick an endpoint from the catalog (Ctrl+K)");
        pick.setOnAction(e -> openPicker.run());
        Button send = new Button("Send");
        send.setId("sendButton");
        send.getStyleClass().add("accent");
        send.setDefaultButton(false);
        LazyTooltip.install(send, "Send (Ctrl+Enter)");
        send.setOnAction(e -> vm.send());
        send.disableProperty().bind(vm.sendingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelButton");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.sendingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Button more = MoreMenu.button(vm);
        for (javafx.scene.control.Control c : List.of(methodBox, pick, send, cancel, more)) {
            c.setMinWidth(Region.USE_PREF_SIZE); // the fields give way; a button's word is never cut
        }
        HBox bar = new HBox(6, methodBox, pathField, versionBox, pick, send, cancel, more);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setId("endpointSummary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(vm.endpointSummaryProperty());
        LazyTooltip.installWrapped(summary, vm.endpointSummaryProperty(), 520);
        Label conn = new Label();
        conn.setId("requestConnectionLabel");
        conn.getStyleClass().add("muted");
        conn.textProperty().bind(vm.connectionLabelProperty());
        LazyTooltip.install(conn, vm.connectionLabelProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox info = new HBox(8, summary, spacer, conn);
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summary, Priority.SOMETIMES);
        getChildren().addAll(bar, info);
        getStyleClass().add("request-top");
        setPadding(new Insets(8, 10, 6, 10));
    }

}
