package dev.notionconsole.ui.explorer;

import dev.notionconsole.ui.common.LazyTooltip;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected node: kind and title, badges, IDs and URL with copy, path from its root, why it is visible, the
 * actions (open as request, diagnose access, open in browser) and its raw JSON, read on demand.
 */
final class DetailsPane extends VBox {
    private final SelectedNodeViewModel vm;
    private final Label heading = new Label();
    private final Label kind = new Label();
    private final FlowPane badges = new FlowPane(4, 4);
    private final GridPane ids = new GridPane();
    private final Label url = new Label();
    private final Label path = new Label();
    private final Label why = new Label();
    private final TextArea json = new TextArea();
    private final VBox body = new VBox(10);
    private final Label none = new Label("Select an object in the tree to see its IDs, where its access comes from, and its JSON.");

    DetailsPane(SelectedNodeViewModel vm) {
        this.vm = vm;
        setId("detailsPane");
        getStyleClass().add("details-pane");
        setPadding(new Insets(10));
        setSpacing(8);
        heading.setId("detailsTitle");
        heading.getStyleClass().add("details-title");
        heading.setWrapText(true);
        kind.getStyleClass().add("muted");
        ids.setHgap(8);
        ids.setVgap(4);
        ids.setId("detailsIds");
        url.setId("detailsUrl");
        url.getStyleClass().add("mono");
        url.setWrapText(true);
        Button copyUrl = new Button("Copy");
        copyUrl.setId("copyUrlButton");
        copyUrl.setOnAction(e -> vm.copyUrl());
        Button openUrl = new Button("Open in browser");
        openUrl.setId("openInBrowserButton");
        openUrl.setOnAction(e -> vm.openInBrowser());
        HBox urlBox = new HBox(6, copyUrl, openUrl);
        path.setId("detailsPath");
        path.setWrapText(true);
        why.setId("detailsWhy");
        why.setWrapText(true);
        why.getStyleClass().add("why");
        Button open = new Button("Open as request");
        open.setId("openAsRequestButton");
        open.getStyleClass().add("accent");
        LazyTooltip.install(open, "The Request section with this object's read filled in (Ctrl+Enter)");
        open.setOnAction(e -> vm.openAsRequest());
        Button diagnose = new Button("Diagnose access");
        diagnose.setId("diagnoseAccessButton");
        LazyTooltip.install(diagnose, "Why this connection can or cannot read it, in Diagnostics (Ctrl+D)");
        diagnose.setOnAction(e -> vm.diagnoseAccess());
        HBox actions = new HBox(6, open, diagnose);
        Hyperlink loadJson = new Hyperlink("Read its JSON");
        loadJson.setId("loadJsonLink");
        loadJson.setOnAction(e -> vm.loadRawJson());
        json.setId("detailsJson");
        json.setEditable(false);
        json.getStyleClass().add("mono");
        json.setPrefRowCount(12);
        json.textProperty().bind(vm.rawJsonProperty());
        VBox.setVgrow(json, Priority.ALWAYS);
        body.getChildren().addAll(new VBox(2, kind, heading), badges, actions, section("IDs"), ids, section("URL"), url, urlBox,
                section("Path from its root"), path, section("Why it is visible"), why,
                new HBox(8, section("Raw JSON"), loadJson), json);
        ((HBox) body.getChildren().get(body.getChildren().size() - 2)).setAlignment(Pos.BASELINE_LEFT);
        none.getStyleClass().add("muted");
        none.setWrapText(true);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().setAll(none);
        vm.detailsProperty().addListener((o, a, d) -> {
            show(d);
            getChildren().setAll(d == null ? none : scroll);
        });
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private void show(NodeDetails d) {
        if (d == null) {
            return;
        }
        heading.setText(d.title());
        kind.setText(d.kindLabel());
        badges.getChildren().clear();
        for (Badge b : d.badges()) {
            Label l = new Label(b.label());
            l.getStyleClass().addAll("badge", "badge-" + b.style());
            LazyTooltip.install(l, b.meaning());
            badges.getChildren().add(l);
        }
        ids.getChildren().clear();
        int row = 0;
        for (NodeDetails.Id id : d.ids()) {
            Label name = new Label(id.label());
            name.getStyleClass().add("muted");
            Label value = new Label(id.value());
            value.getStyleClass().add("mono");
            value.setMinWidth(Region.USE_PREF_SIZE); // an ID is never cut
            Button copy = new Button("Copy");
            copy.setMinWidth(Region.USE_PREF_SIZE);
            copy.setId("copyId" + (row / 2));
            copy.getStyleClass().add("small");
            copy.setOnAction(e -> vm.copyId(id.value()));
            // the name above its ID, not beside it: a name and a 36-character ID in one row are wider than the
            // pane at its usual width, which then scrolled sideways and cut the wrapped texts below it
            ids.add(name, 0, row++, 2, 1);
            ids.addRow(row++, value, copy);
        }
        String u = d.node().url();
        url.setText(u == null ? "(none: " + (d.node().placeholder() ? "not readable" : "Notion gave no URL") + ")" : u);
        if (d.node().publicUrl() != null) {
            url.setText(url.getText() + "\npublic: " + d.node().publicUrl());
        }
        path.setText(String.join("  ›  ", d.path()));
        why.setText(d.why());
    }
}
