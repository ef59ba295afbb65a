package dev.notionconsole.ui.diagnostics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The evidence as an expandable list: one collapsed row per follow-up call (status, request line, as whom, what it
 * showed); expanding a row shows the raw exchange, built only then. Node ids: {@code #evidence-N} (the row, a
 * {@link TitledPane}), {@code #evidenceRaw-N} (its raw text), N from 1.
 */
final class EvidenceList extends VBox {
    private final ObservableList<EvidenceItem> items;

    EvidenceList(ObservableList<EvidenceItem> items) {
        super(4);
        this.items = items;
        setId("evidenceList");
        getStyleClass().add("evidence-list");
        items.addListener((ListChangeListener<EvidenceItem>) c -> rebuild());
        rebuild();
    }

    /** Expands every row, or collapses them all when every row is open already. */
    void toggleAll() {
        List<TitledPane> rows = rows();
        boolean open = !rows.isEmpty() && rows.stream().allMatch(TitledPane::isExpanded);
        rows.forEach(r -> r.setExpanded(!open));
    }

    private List<TitledPane> rows() {
        return getChildren().stream().filter(TitledPane.class::isInstance).map(TitledPane.class::cast).toList();
    }

    /** Rebuilt on every change (a diagnosis has a dozen rows at most); open rows stay open while probes add more. */
    private void rebuild() {
        Set<Integer> open = new HashSet<>();
        for (TitledPane r : rows()) {
            if (r.isExpanded()) {
                open.add((Integer) r.getUserData());
            }
        }
        getChildren().clear();
        for (EvidenceItem item : items) {
            TitledPane row = row(item);
            row.setExpanded(open.contains(item.index()));
            getChildren().add(row);
        }
    }

    private static TitledPane row(EvidenceItem item) {
        Label number = new Label(item.index() + ".");
        number.getStyleClass().add("evidence-number");
        Label status = new Label(item.status());
        status.getStyleClass().addAll("evidence-status", "status-" + item.statusKind());
        status.setMinWidth(Region.USE_PREF_SIZE);
        Label line = new Label(item.requestLine());
        line.getStyleClass().add("mono");
        Label who = new Label(item.asWho());
        who.getStyleClass().add(item.witness() ? "evidence-witness" : "muted");
        line.setMinWidth(0);
        HBox head = new HBox(8, number, status, line, who);
        head.setAlignment(Pos.CENTER_LEFT);
        Label finding = new Label(item.finding());
        finding.setWrapText(true);
        finding.getStyleClass().add("evidence-finding");
        VBox header = new VBox(2, head, finding);
        header.setMaxWidth(Double.MAX_VALUE);

        TextArea raw = new TextArea();
        raw.setId("evidenceRaw-" + item.index());
        raw.setEditable(false);
        raw.setWrapText(false);
        raw.getStyleClass().add("mono");
        raw.setPrefRowCount(14);
        TitledPane pane = new TitledPane(null, raw);
        pane.setId("evidence-" + item.index());
        pane.setUserData(item.index());
        pane.setGraphic(header);
        pane.getStyleClass().add("evidence-row");
        pane.setAnimated(false);
        pane.setExpanded(false); // a TitledPane starts open; rows start closed
        pane.setMaxWidth(Double.MAX_VALUE);
        // the raw exchange is pretty-printed only when someone looks at it
        pane.expandedProperty().addListener((o, a, b) -> {
            if (b && raw.getText().isEmpty()) {
                raw.setText(item.raw());
            }
        });
        // the header graphic takes the row's width, so long findings wrap instead of running off
        header.prefWidthProperty().bind(pane.widthProperty().subtract(40));
        return pane;
    }
}
