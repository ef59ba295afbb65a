package dev.notionconsole.diagnostics;

import java.util.Locale;

/** How sure a diagnosis is (docs/decisions/0075-diagnostics-probe-ladder.md). */
public enum Confidence {
    /** A probe proved it. */
    CONFIRMED,
    /** The evidence is consistent with it, but no probe could prove it. */
    LIKELY,
    /** One of several explanations the API cannot tell apart. */
    POSSIBLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
