package dev.notionconsole.bundle;

/**
 * One bundled call sent again to the rebuilt sandbox.
 *
 * @param status the replayed status, 0 when the call got no answer
 * @param code the replayed error code, or null
 * @param problem why it could not be sent (a body the client refuses), or null
 */
public record ReplayResult(BundleExchange original, int status, String code, String problem) {
    /** The same status and the same error code as in the bundle. */
    public boolean same() {
        return problem == null && status == original.status() && java.util.Objects.equals(code, original.code());
    }

    /** "404 object_not_found". */
    public String outcome() {
        return problem != null ? "not sent: " + problem : status == 0 ? "no answer" : code == null ? String.valueOf(status) : status + " " + code;
    }
}
