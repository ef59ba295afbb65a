package dev.notionconsole.ui.request;

import dev.notionconsole.notion.catalog.Endpoint;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The endpoint catalog over the Request section (Ctrl+K): search, arrows, Enter or a double-click to pick, Esc to close. */
final class EndpointPicker extends VBox {
    private final RequestViewModel vm;
    private final Runnable afterPick;
    private final TextField pickerSearch = new TextField();
    private final ListView<Endpoint> pickerList = new ListView<>();


    EndpointPicker(RequestViewModel vm, Runnable afterPick) {
        super(8);
        this.vm = vm;
        this.afterPick = afterPick;
        pickerSearch.setId("endpointSearchField");
        pickerSearch.setPromptText("Search endpoints: \"search\", \"append children\", \"data source query\"…");
        pickerList.setId("endpointList");
        pickerList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Endpoint e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.family() + " · " + e.name() + "\n" + e.method() + " " + e.path());
            }
        });
        pickerList.getItems().setAll(vm.searchCatalog(""));
        pickerSearch.textProperty().addListener((o, a, b) -> {
            pickerList.getItems().setAll(vm.searchCatalog(b));
            pickerList.getSelectionModel().selectFirst();
        });
        pickerSearch.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                pickerList.requestFocus();
                pickerList.getSelectionModel().selectNext();
                e.consume();
            }
        });
        pickerSearch.setOnAction(e -> pickSelected());
        pickerList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                pickSelected();
            }
        });
        pickerList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                pickSelected();
            }
        });
        Label title = new Label("Endpoints (" + vm.searchCatalog("").size() + ")  ·  Enter to pick, Esc to close");
        title.getStyleClass().add("section-title");
        getChildren().setAll(title, pickerSearch, pickerList);
        setId("endpointPicker");
        getStyleClass().add("endpoint-picker");
        setMaxSize(620, 460);
        setPadding(new Insets(12));
        setVisible(false);
        StackPane.setAlignment(this, Pos.TOP_CENTER);
        StackPane.setMargin(this, new Insets(60, 0, 0, 0));
    }

    void show() {
        setVisible(true);
        pickerSearch.clear();
        pickerList.getItems().setAll(vm.searchCatalog(""));
        pickerList.getSelectionModel().selectFirst();
        pickerSearch.requestFocus();
    }

    void hide() {
        setVisible(false);
    }

    /** Picks the highlighted endpoint (or the first), closes, then runs {@code afterPick}. */
    void pickSelected() {
        Endpoint e = pickerList.getSelectionModel().getSelectedItem();
        if (e == null && !pickerList.getItems().isEmpty()) {
            e = pickerList.getItems().get(0);
        }
        if (e != null) {
            vm.pick(e);
            hide();
            afterPick.run();
        }
    }

}
