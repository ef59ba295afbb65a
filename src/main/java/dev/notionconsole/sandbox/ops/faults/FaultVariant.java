package dev.notionconsole.sandbox.ops.faults;

/** What a fault rule's answer looks like besides its status: the fixture's {@code body} field. */
public enum FaultVariant {
    /** A Notion JSON error envelope (the default). */
    NOTION("notion"),
    /**
     * The write is applied, then answered with 503 whose {@code additional_data} tells the client it was saved
     * ({@code retry_guidance}, {@code committed_resource_id}): notion-api.md 4.5.
     */
    SAVED_TIMEOUT("saved_timeout"),
    /** A Cloudflare-like HTML page with a {@code cf-ray} header and no Notion request id: notion-api.md 4.1. */
    EDGE_HTML("edge_html"),
    /** The status with an empty body and no content type. */
    EMPTY("empty");

    private final String wireName;

    FaultVariant(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static FaultVariant fromWire(String s) {
        for (FaultVariant v : values()) {
            if (v.wireName.equals(s)) {
                return v;
            }
        }
        return null;
    }
}
