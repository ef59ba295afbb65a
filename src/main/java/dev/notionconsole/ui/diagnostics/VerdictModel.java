package dev.notionconsole.ui.diagnostics;

import dev.notionconsole.core.Redactor;
import dev.notionconsole.diagnostics.Cause;
import dev.notionconsole.diagnostics.DiagnosedObject;
import dev.notionconsole.diagnostics.Diagnosis;
import dev.notionconsole.diagnostics.Evidence;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Diagnostics page shows of one diagnosis, as plain strings and lists for the view: the verdict (cause,
 * summary, confidence), the fix, the object, the capability, the witnesses and the evidence. Written only by
 * {@link DiagnosticsViewModel} on the UI thread. Every text passes through {@link Redactor}.
 */
public final class VerdictModel {
    private final ReadOnlyObjectWrapper<Diagnosis> diagnosis = new ReadOnlyObjectWrapper<>(this, "diagnosis");
    private final ReadOnlyStringWrapper causeCode = new ReadOnlyStringWrapper(this, "causeCode", "");
    private final ReadOnlyStringWrapper causeLabel = new ReadOnlyStringWrapper(this, "causeLabel", "");
    private final ReadOnlyStringWrapper confidence = new ReadOnlyStringWrapper(this, "confidence", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyStringWrapper callLine = new ReadOnlyStringWrapper(this, "callLine", "");
    private final ReadOnlyStringWrapper objectTitle = new ReadOnlyStringWrapper(this, "objectTitle", "");
    private final ReadOnlyStringWrapper objectLine = new ReadOnlyStringWrapper(this, "objectLine", "");
    private final ReadOnlyStringWrapper capability = new ReadOnlyStringWrapper(this, "capability", "");
    private final ReadOnlyStringWrapper witnessesText = new ReadOnlyStringWrapper(this, "witnessesText", "");
    private final ReadOnlyStringWrapper alternatives = new ReadOnlyStringWrapper(this, "alternatives", "");
    private final ObservableList<String> fix = FXCollections.observableArrayList();
    private final ObservableList<EvidenceItem> evidence = FXCollections.observableArrayList();

    void clear() {
        diagnosis.set(null);
        for (ReadOnlyStringWrapper s : List.of(causeCode, causeLabel, confidence, summary, detail, callLine, objectTitle,
                objectLine, capability, witnessesText, alternatives)) {
            s.set("");
        }
        fix.clear();
        evidence.clear();
    }

    /** A follow-up call that came back while the probes still run. */
    void arrived(Evidence e) {
        evidence.add(new EvidenceItem(evidence.size() + 1, e));
    }

    void show(Diagnosis d) {
        diagnosis.set(d);
        causeCode.set(d.cause().code());
        causeLabel.set(d.cause().label());
        confidence.set(d.confidence().code());
        summary.set(Redactor.redact(d.summary()));
        detail.set(d.detail() == null ? "" : d.detail());
        callLine.set(Redactor.redact(d.request() + " as " + d.connection()));
        fix.setAll(d.fix().stream().map(Redactor::redact).toList());
        DiagnosedObject o = d.object();
        objectTitle.set(o == null ? "" : o.title() != null && !o.title().isBlank() ? o.title() : "(title not readable)");
        objectLine.set(o == null ? "" : o.kind().replace('_', ' ') + " · " + o.id());
        capability.set(d.capability() == null ? "" : d.capability().label());
        witnessesText.set(d.witnessesOff() ? "Witnesses were off: only the failing connection was asked."
                : d.witnesses().isEmpty() ? "No witness: no other saved connection on this API base URL."
                : "Witnesses asked: " + String.join(", ", d.witnesses()) + ".");
        alternatives.set(d.alternatives().isEmpty() ? "" : "The API cannot tell these apart: "
                + String.join(", ", d.alternatives().stream().map(Cause::code).toList()) + ".");
        List<EvidenceItem> items = new ArrayList<>();
        for (Evidence e : d.evidence()) {
            items.add(new EvidenceItem(items.size() + 1, e));
        }
        evidence.setAll(items);
    }

    public ReadOnlyObjectProperty<Diagnosis> diagnosisProperty() {
        return diagnosis.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty causeCodeProperty() {
        return causeCode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty causeLabelProperty() {
        return causeLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty confidenceProperty() {
        return confidence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** "GET /v1/pages/… as Docs Sync". */
    public ReadOnlyStringProperty callLineProperty() {
        return callLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty objectTitleProperty() {
        return objectTitle.getReadOnlyProperty();
    }

    /** "page · 0c5f…". */
    public ReadOnlyStringProperty objectLineProperty() {
        return objectLine.getReadOnlyProperty();
    }

    /** The capability to add, in Notion's words, or "". */
    public ReadOnlyStringProperty capabilityProperty() {
        return capability.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty witnessesTextProperty() {
        return witnessesText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty alternativesProperty() {
        return alternatives.getReadOnlyProperty();
    }

    /** The fix, one step per item, without numbers (the view numbers them). */
    public ObservableList<String> fix() {
        return fix;
    }

    public ObservableList<EvidenceItem> evidence() {
        return evidence;
    }
}
