package dev.notionconsole.sandbox.ops.faults;

import java.util.Locale;

/** What kind of answer a fault rule gives besides its status. */
public enum FaultVariant {
    /** A Notion JSON error envelope (the default). */
    JSON,
    /**
     * The write is applied, then answered with 503 whose {@code additional_data} tells the client it was saved
     * ({@code retry_guidance}, {@code committed_resource_id}): notion-api.md 4.5.
     */
    SAVED_BUT_TIMED_OUT,
    /** A Cloudflare-like HTML page with a {@code cf-ray} header and no Notion request id: notion-api.md 4.1. */
    EDGE_HTML;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static FaultVariant fromWire(String s) {
        for (FaultVariant v : values()) {
            if (v.wireName().equals(s)) {
                return v;
            }
        }
        return null;
    }
}
