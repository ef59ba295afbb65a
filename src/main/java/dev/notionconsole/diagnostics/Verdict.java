package dev.notionconsole.diagnostics;

import dev.notionconsole.notion.Capability;
import java.util.ArrayList;
import java.util.List;

/** A diagnosis being assembled by the ladder; {@link Run#finish} turns it into a {@link Diagnosis}. */
final class Verdict {
    final Cause cause;
    final Confidence confidence;
    final String summary;
    String detail;
    List<String> fix = new ArrayList<>();
    DiagnosedObject object;
    Capability capability;
    List<Cause> alternatives = new ArrayList<>();

    private Verdict(Cause cause, Confidence confidence, String summary) {
        this.cause = cause;
        this.confidence = confidence;
        this.summary = summary;
    }

    static Verdict of(Cause cause, Confidence confidence, String summary) {
        return new Verdict(cause, confidence, summary);
    }

    Verdict detail(String d) {
        detail = d;
        return this;
    }

    Verdict fix(List<String> steps) {
        fix.addAll(steps);
        return this;
    }

    Verdict step(String s) {
        fix.add(s);
        return this;
    }

    Verdict object(DiagnosedObject o) {
        object = o;
        return this;
    }

    Verdict capability(Capability c) {
        capability = c;
        return this;
    }

    Verdict alternatives(Cause... causes) {
        alternatives.addAll(List.of(causes));
        return this;
    }
}
