package dev.notionconsole.diagnostics;

/**
 * How a diagnosis may probe.
 *
 * @param witnesses ask the user's other saved connections on the same API base URL (on by default)
 * @param budget    follow-up calls as the failing connection (about ten); witnesses get a few each on top
 */
public record DiagnosisOptions(boolean witnesses, int budget) {
    public static final int DEFAULT_BUDGET = 10;

    public static DiagnosisOptions defaults() {
        return new DiagnosisOptions(true, DEFAULT_BUDGET);
    }

    public DiagnosisOptions withoutWitnesses() {
        return new DiagnosisOptions(false, budget);
    }
}
