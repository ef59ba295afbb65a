package dev.notionconsole.ui.common;

import dev.notionconsole.diagnostics.DiagnosisRequest;

/**
 * How one section hands something to another: an explicit value, never a holder somebody might read later
 * (docs/decisions/0105-diagnostics-hand-over.md). The composition root ({@code ui.AppContext}) implements it: it
 * gives the value to the target section's ViewModel and switches the main window to that section. Call from the
 * JavaFX thread (a ViewModel method or a task callback).
 *
 * <ul>
 *   <li>Request's "Diagnose" and Explorer's "Diagnose access" call {@link #diagnose}: a failed call with its
 *       answer ({@link DiagnosisRequest#of}), or a read of one object ({@link DiagnosisRequest#access}).</li>
 *   <li>Diagnostics' "Open in Explorer" calls {@link #openInExplorer}.</li>
 * </ul>
 */
public interface SectionLinks {
    /** Nothing is linked (tests of a single section, the command line). */
    SectionLinks NONE = new SectionLinks() {
        @Override
        public void diagnose(DiagnosisRequest request) {
        }

        @Override
        public void openInExplorer(String connectionId, String objectId) {
        }
    };

    /** Opens Diagnostics with this call and diagnoses it at once. */
    void diagnose(DiagnosisRequest request);

    /**
     * Opens Explorer at one object.
     *
     * @param connectionId the saved connection to browse as (one that can read the object, when one is known)
     * @param objectId     a page, database, data source or block ID, dashed or not
     */
    void openInExplorer(String connectionId, String objectId);
}
