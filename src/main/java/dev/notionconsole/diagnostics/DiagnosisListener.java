package dev.notionconsole.diagnostics;

/**
 * Hears a diagnosis while it runs, on the thread running it (a UI hops to its own thread; the TaskRunner's
 * progress callbacks already do). Cancel through the {@code CancellationToken} given to the engine.
 */
public interface DiagnosisListener {
    DiagnosisListener NONE = new DiagnosisListener() {
    };

    /** A stage starts ("Checking the token", "Asking witnesses"). */
    default void stage(String what) {
    }

    /** A follow-up call came back. {@code done} calls so far. */
    default void evidence(Evidence e, int done) {
    }
}
