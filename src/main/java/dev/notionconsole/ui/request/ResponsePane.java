package dev.notionconsole.ui.request;

import dev.notionconsole.ui.common.LazyTooltip;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Request section's right: status, timing, size, where the answer came from and its request id; Notion's
 * error explained; the body (pretty or raw, find, copy, save, next page, fetch all), headers and what was sent.
 */
final class ResponsePane extends VBox {
    private final RequestViewModel vm;
    private final BodyViewer responseBody = new BodyViewer();
    private final TextField bodySearch = new TextField();
    private final Label waitLabel = new Label();
    private final Timeline waitTicker = new Timeline(new KeyFrame(Duration.millis(250), e -> updateWait()));
    private List<int[]> hits = List.of();
    private int hitIndex = -1;


    ResponsePane(RequestViewModel vm) {
        super(6);
        this.vm = vm;
        Label status = RequestNodes.label("statusLabel", vm.statusTextProperty());
        status.getStyleClass().add("status");
        vm.statusKindProperty().addListener((o, a, b) -> status.getStyleClass().setAll("label", "status", "status-" + b));
        Label meaning = RequestNodes.label("statusMeaning", vm.statusMeaningProperty());
        meaning.getStyleClass().add("muted");
        meaning.setWrapText(true);
        Label timing = RequestNodes.label("timingLabel", vm.timingProperty());
        Label size = RequestNodes.label("sizeLabel", vm.sizeProperty());
        Label rid = RequestNodes.label("requestIdLabel", vm.requestIdProperty());
        rid.getStyleClass().add("mono");
        // "Copy ID" was ambiguous next to page and block ids: it is the request id Notion support asks for (item 9).
        // A row of its own, the id giving way (ellipsis, full text in the tooltip) so Copy stays in the pane.
        Button copyRid = new Button("Copy");
        LazyTooltip.install(copyRid, "Copy the request ID of this answer (x-notion-request-id), for Notion support");
        copyRid.setId("copyRequestIdButton");
        copyRid.setOnAction(e -> vm.copyRequestId());
        copyRid.setMinWidth(Region.USE_PREF_SIZE);
        LazyTooltip.install(rid, vm.requestIdProperty());
        rid.setMinWidth(0);
        for (Label l : List.of(status, timing, size)) {
            l.setMinWidth(Region.USE_PREF_SIZE); // "200 OK" is never elided; the row wraps instead
        }
        Label source = RequestNodes.label("responseSourceLabel", vm.responseSourceProperty());
        source.getStyleClass().add("muted");
        Label ridName = new Label("Request ID");
        ridName.getStyleClass().add("muted");
        ridName.setMinWidth(Region.USE_PREF_SIZE);
        HBox ridRow = new HBox(8, ridName, rid, copyRid);
        ridRow.setId("requestIdRow");
        ridRow.setAlignment(Pos.CENTER_LEFT);
        ridRow.visibleProperty().bind(vm.requestIdProperty().isNotEmpty());
        ridRow.managedProperty().bind(ridRow.visibleProperty());
        FlowPane statusRow = new FlowPane(10, 4, status, timing, size, source);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        statusRow.visibleProperty().bind(vm.statusTextProperty().isNotEmpty());
        statusRow.managedProperty().bind(statusRow.visibleProperty());
        meaning.visibleProperty().bind(vm.statusMeaningProperty().isNotEmpty());
        meaning.managedProperty().bind(meaning.visibleProperty());

        Label code = RequestNodes.label("errorCodeLabel", vm.errorCodeProperty());
        code.getStyleClass().add("error-code");
        Label message = RequestNodes.label("errorMessageLabel", vm.errorMessageProperty());
        message.setWrapText(true);
        Label errMeaning = RequestNodes.label("errorMeaningLabel", vm.errorMeaningProperty());
        errMeaning.setWrapText(true);
        errMeaning.getStyleClass().add("muted");
        Button diagnose = new Button("Diagnose");
        diagnose.setId("diagnoseButton");
        LazyTooltip.install(diagnose, "Open this failed call in Diagnostics");
        diagnose.setOnAction(e -> vm.diagnoseLastFailure());
        for (Label l : List.of(message, errMeaning, meaning)) {
            l.setMinHeight(Region.USE_PREF_SIZE); // the whole explanation, never "…": the body below gives way
        }
        VBox errorBox = new VBox(4, new HBox(8, code, diagnose), message, errMeaning);
        errorBox.setId("errorBox");
        errorBox.getStyleClass().add("error-box");
        errorBox.visibleProperty().bind(vm.errorCodeProperty().isNotEmpty());
        errorBox.managedProperty().bind(errorBox.visibleProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label progress = RequestNodes.label("progressLabel", vm.progressTextProperty());
        waitLabel.setId("waitLabel");
        HBox progressRow = new HBox(8, spinner, progress, waitLabel);
        progressRow.setId("progressBox");
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.visibleProperty().bind(vm.sendingProperty());
        progressRow.managedProperty().bind(progressRow.visibleProperty());

        ToggleButton prettyToggle = new ToggleButton("Pretty");
        prettyToggle.setId("prettyToggle");
        LazyTooltip.install(prettyToggle, "Formatted and highlighted, or the body as received");
        prettyToggle.selectedProperty().bindBidirectional(vm.prettyProperty());
        bodySearch.setId("bodySearchField");
        bodySearch.setPromptText("Find in body (Ctrl+F, Enter for next)");
        bodySearch.setOnAction(e -> nextHit());
        bodySearch.textProperty().addListener((o, a, b) -> {
            hits = vm.findInBody(b);
            hitIndex = -1;
            nextHit();
        });
        HBox.setHgrow(bodySearch, Priority.ALWAYS);
        Label hitCount = new Label();
        hitCount.setId("searchHits");
        bodySearch.textProperty().addListener((o, a, b) -> hitCount.setText(b.isEmpty() ? ""
                : hits.size() + (vm.bodyTruncatedProperty().get() ? " in the part shown" : " found")));
        Button copy = new Button("Copy");
        copy.setId("copyBodyButton");
        copy.setOnAction(e -> vm.copyBody());
        Button save = new Button("Save full body…");
        save.setId("saveBodyButton");
        save.setOnAction(e -> vm.saveFullBody());
        save.disableProperty().bind(vm.exchangeProperty().isNull());
        Button next = new Button("Next page");
        next.setId("nextPageButton");
        next.setOnAction(e -> vm.nextPage());
        next.disableProperty().bind(vm.hasNextPageProperty().not().or(vm.sendingProperty()));
        Button all = new Button("Fetch all");
        all.setId("fetchAllButton");
        all.setOnAction(e -> vm.fetchAll());
        all.disableProperty().bind(vm.canFetchAllProperty().not().or(vm.sendingProperty()));
        for (javafx.scene.control.Control c : List.of(prettyToggle, copy, save, next, all)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        bodySearch.setMinWidth(120);
        // wraps onto a second line in a narrow pane instead of pushing Next page off the edge (issue 16, item 2)
        FlowPane pageBar = new FlowPane(6, 4, prettyToggle, copy, save, next, all);
        pageBar.setAlignment(Pos.CENTER_LEFT);
        hitCount.setMinWidth(Region.USE_PREF_SIZE);
        Label wholeHits = RequestNodes.label("wholeBodyHits", vm.wholeBodyHitsProperty());
        wholeHits.getStyleClass().add("muted");
        wholeHits.setWrapText(true);
        wholeHits.visibleProperty().bind(vm.wholeBodyHitsProperty().isNotEmpty());
        wholeHits.managedProperty().bind(wholeHits.visibleProperty());
        HBox searchBar = new HBox(6, bodySearch, hitCount);
        searchBar.setAlignment(Pos.CENTER_LEFT);
        VBox bodyBar = new VBox(6, pageBar, searchBar, wholeHits);
        Label note = RequestNodes.label("bodyNote", vm.bodyNoteProperty());
        note.setWrapText(true);
        note.getStyleClass().add("note");
        note.visibleProperty().bind(vm.bodyNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        responseBody.setId("responseBody");
        vm.bodyDocumentProperty().addListener((o, a, b) -> responseBody.show(b));
        VBox.setVgrow(responseBody, Priority.ALWAYS);
        VBox bodyBox = new VBox(6, bodyBar, note, responseBody);
        bodyBox.setPadding(new Insets(6, 0, 0, 0));

        HeaderLines headers = new HeaderLines("responseHeadersText", vm.responseHeaders(), false, "Response headers", vm::copyText);
        HeaderLines sent = new HeaderLines("sentHeadersText", vm.sentHeaders(), true, "Request line and headers sent", vm::copyText);
        TabPane tabs = new TabPane(RequestNodes.tab("Body", bodyBox, "responseBodyTab"), RequestNodes.tab("Headers", headers, "responseHeadersTab"),
                RequestNodes.tab("Sent", sent, "sentTab"));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        // while the viewer primes (BodyViewer.prime) the tabs are laid out but unseen and take no clicks
        tabs.visibleProperty().bind(vm.exchangeProperty().isNotNull().or(responseBody.primingProperty()));
        tabs.managedProperty().bind(tabs.visibleProperty());
        tabs.opacityProperty().bind(Bindings.when(responseBody.primingProperty()).then(0.0).otherwise(1.0));
        tabs.mouseTransparentProperty().bind(responseBody.primingProperty());

        Label empty = new Label("Send a request (Ctrl+Enter) to see the answer here.");
        empty.setId("responseEmpty");
        empty.getStyleClass().add("muted");
        empty.visibleProperty().bind(vm.exchangeProperty().isNull().and(vm.statusTextProperty().isEmpty()).and(vm.sendingProperty().not()));
        empty.managedProperty().bind(empty.visibleProperty());

        getChildren().addAll(empty, progressRow, statusRow, ridRow, meaning, errorBox, tabs);
        setPadding(new Insets(8));
        getStyleClass().add("response-pane");
        waitTicker.setCycleCount(Timeline.INDEFINITE);
        vm.waitEndsAtProperty().addListener((o, a, b) -> {
            if (b.longValue() > 0) {
                waitTicker.play();
            } else {
                waitTicker.stop();
            }
            updateWait();
        });
    }

    /** Ctrl+F: the find field, its text selected. */
    void focusSearch() {
        bodySearch.requestFocus();
        bodySearch.selectAll();
    }

    /** The viewer's one-time work, done while the section opens rather than on the first answer. */
    void prime() {
        responseBody.prime(() -> { });
    }

    void dispose() {
        waitTicker.stop();
    }

    private void nextHit() {
        if (hits.isEmpty()) {
            return;
        }
        hitIndex = (hitIndex + 1) % hits.size();
        int[] h = hits.get(hitIndex);
        responseBody.select(h[0], h[1]);
    }

    private void updateWait() {
        long end = vm.waitEndsAtProperty().get();
        if (end <= 0) {
            waitLabel.setText("");
            return;
        }
        long left = Math.max(0, (end - System.currentTimeMillis() + 999) / 1000);
        waitLabel.setText("— " + left + " s left");
    }

}
