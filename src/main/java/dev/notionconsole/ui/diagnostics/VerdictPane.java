package dev.notionconsole.ui.diagnostics;

import dev.notionconsole.ui.common.LazyTooltip;
import static dev.notionconsole.ui.diagnostics.DiagnosticsView.button;
import static dev.notionconsole.ui.diagnostics.DiagnosticsView.hideWhenEmpty;
import static dev.notionconsole.ui.diagnostics.DiagnosticsView.label;
import static dev.notionconsole.ui.diagnostics.DiagnosticsView.title;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The verdict card, the numbered fix, the object with its links and the capability, and the witnesses line of the
 * Diagnostics page (node ids listed on {@link DiagnosticsView}).
 */
final class VerdictPane extends VBox {
    private final DiagnosticsViewModel vm;
    private final VerdictModel v;

    VerdictPane(DiagnosticsViewModel vm) {
        super(14);
        this.vm = vm;
        this.v = vm.verdict();
        getChildren().addAll(buildVerdict(), buildFix(), buildObject(), buildWitnesses());
    }

    private Node buildVerdict() {
        Label cause = label("causeLabel", v.causeLabelProperty(), "cause-title");
        Label code = label("causeCode", v.causeCodeProperty(), "cause-code");
        Label confidence = label("confidenceLabel", v.confidenceProperty(), "confidence");
        v.confidenceProperty().addListener((o, a, b) -> {
            confidence.getStyleClass().removeAll("confidence-confirmed", "confidence-likely", "confidence-possible");
            if (!b.isEmpty()) {
                confidence.getStyleClass().add("confidence-" + b);
            }
        });
        LazyTooltip.install(confidence, "confirmed: a probe proved it · likely: the evidence fits, no probe could prove it · "
                + "possible: one of several explanations the API cannot tell apart");
        Button copy = new Button("Copy as text");
        copy.setId("copyDiagnosisButton");
        LazyTooltip.install(copy, "The verdict, fix and evidence as plain text for a support reply (Ctrl+Shift+C)");
        copy.setOnAction(e -> vm.copyAsText());
        copy.disableProperty().bind(v.diagnosisProperty().isNull());
        Button bundle = new Button("Create bundle…");
        bundle.setId("createBundleButton");
        LazyTooltip.install(bundle, "A support bundle of this call and its diagnosis with its evidence, redacted, previewed before saving");
        bundle.setOnAction(e -> vm.createBundle());
        bundle.disableProperty().bind(v.diagnosisProperty().isNull().or(vm.runningProperty()));
        bundle.visibleProperty().bind(vm.bundlesProperty());
        bundle.managedProperty().bind(bundle.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(10, cause, code, confidence, spacer, bundle, copy);
        head.setAlignment(Pos.CENTER_LEFT);
        Label summary = label("summaryLabel", v.summaryProperty(), "summary");
        summary.setWrapText(true);
        Label call = label("callLine", v.callLineProperty(), "muted");
        call.getStyleClass().add("mono");
        Label detail = label("detailLabel", Bindings.when(v.detailProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("detail: ", v.detailProperty())), "muted");
        Label alternatives = label("alternativesLabel", v.alternativesProperty(), "alternatives");
        alternatives.setWrapText(true);
        VBox box = new VBox(6, head, summary, call, detail, alternatives);
        box.setId("verdictBox");
        box.getStyleClass().add("verdict");
        v.causeCodeProperty().addListener((o, a, b) -> {
            box.getStyleClass().removeAll("verdict-none", "verdict-problem");
            if (!b.isEmpty()) {
                box.getStyleClass().add(b.equals("none") ? "verdict-none" : "verdict-problem");
            }
        });
        hideWhenEmpty(box, v.causeCodeProperty());
        return box;
    }

    private Node buildFix() {
        VBox steps = new VBox(6);
        steps.setId("fixList");
        v.fix().addListener((ListChangeListener<String>) c -> fillSteps(steps));
        fillSteps(steps);
        VBox box = new VBox(6, title("Fix"), steps);
        box.setId("fixBox");
        box.visibleProperty().bind(Bindings.isNotEmpty(v.fix()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void fillSteps(VBox steps) {
        steps.getChildren().clear();
        for (int i = 0; i < v.fix().size(); i++) {
            Label n = new Label(String.valueOf(i + 1));
            n.getStyleClass().add("step-number");
            n.setMinWidth(Region.USE_PREF_SIZE);
            Label text = new Label(v.fix().get(i));
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox step = new HBox(10, n, text);
            step.setId("fixStep-" + (i + 1));
            step.setAlignment(Pos.TOP_LEFT);
            steps.getChildren().add(step);
        }
    }

    private Node buildObject() {
        Label title = label("objectTitle", v.objectTitleProperty(), "object-title");
        Label line = label("objectLine", v.objectLineProperty(), "mono");
        line.getStyleClass().add("muted");
        Label capability = label("capabilityLabel", Bindings.when(v.capabilityProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("Capability to add: ", v.capabilityProperty())), "capability");
        Button notion = button("Open in Notion", "openInNotionButton", vm::openInNotion);
        LazyTooltip.install(notion, "Open the object in the browser, to share it or look at it");
        Button explorer = button("Open in Explorer", "openInExplorerButton", vm::openInExplorer);
        LazyTooltip.install(explorer, "Browse to the object in Explorer, as a connection that reads it");
        Button matrix = button("Access matrix", "accessMatrixButton", vm::showAccessMatrix);
        LazyTooltip.install(matrix, "Which of your connections can read it, and why the others cannot (Ctrl+M)");
        Button copy = button("Copy ID", "copyObjectIdButton", vm::copyObjectId);
        HBox actions = new HBox(6, notion, explorer, matrix, copy);
        VBox object = new VBox(4, title("Object"), title, line, actions);
        hideWhenEmpty(object, v.objectLineProperty());
        VBox box = new VBox(8, object, capability);
        box.setId("objectBox");
        box.visibleProperty().bind(v.objectLineProperty().isNotEmpty().or(v.capabilityProperty().isNotEmpty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node buildWitnesses() {
        Label w = label("witnessesLabel", v.witnessesTextProperty(), "muted");
        w.setWrapText(true);
        return w;
    }
}
