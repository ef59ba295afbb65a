package dev.notionconsole.diagnostics;

/**
 * A write typed into Diagnostics and never sent: the engine does not send it (it never writes), but reads every ID the
 * request carries as the connection would need them, as the 404 ladder does.
 */
final class WriteCheck {
    private final Run run;

    WriteCheck(Run run) {
        this.run = run;
    }

    Verdict diagnose() {
        run.probes().note(run.connection.name(), "not sent: " + run.spec.describe() + " is a write, and diagnostics never writes");
        Verdict v = new NotFoundLadder(run).diagnose();
        if ("indirect_reference".equals(v.detail)) {
            return Verdict.of(Cause.NONE, Confidence.POSSIBLE, "Not sent (a write). Every ID it carries reads as the kind it wants as \""
                    + run.connection.name() + "\", so access is not what would stop it.")
                    .detail("not_sent").step("Send it from the Request workspace; if it fails, diagnose the answer.");
        }
        return v;
    }
}
