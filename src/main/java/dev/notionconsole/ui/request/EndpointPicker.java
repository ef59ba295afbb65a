package dev.notionconsole.ui.request;

import dev.notionconsole.notion.catalog.Endpoint;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
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
                setText(null);
                if (empty || e == null) {
                    setGraphic(null);
                    return;
                }
                // the method in its colour, as API tools show it (issue 16, item 8)
                Label method = new Label(e.method());
                method.getStyleClass().addAll("history-method", "method-" + e.method().toLowerCase(java.util.Locale.ROOT));
                method.setMinWidth(52);
                Label name = new Label(e.family() + " · " + e.name());
                Label path = new Label(e.path());
                path.getStyleClass().add("history-sub");
                setGraphic(new HBox(8, method, new VBox(1, name, path)));
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
        int all = vm.searchCatalog("").size();
        Label title = new Label("Endpoints (" + all + ")  ·  Enter to pick, Esc to close");
        title.setId("endpointPickerTitle");
        pickerList.getItems().addListener((javafx.collections.ListChangeListener<Endpoint>) c -> title.setText(
                "Endpoints (" + (pickerList.getItems().size() == all ? all : pickerList.getItems().size() + " of " + all)
                        + ")  ·  Enter to pick, Esc to close"));
        pickerList.setPlaceholder(new Label("No endpoint matches. Try a verb and an object: \"list users\", \"append children\"."));
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
