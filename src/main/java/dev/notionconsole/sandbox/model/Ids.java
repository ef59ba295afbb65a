package dev.notionconsole.sandbox.model;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Notion object IDs: UUIDs accepted dashed or as 32 hex, always emitted dashed and lowercase (docs/notion-api.md §3). */
public final class Ids {
    private static final Pattern DASHED = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

    private Ids() {
    }

    /** The canonical dashed lowercase form, or null when the text is not a UUID. The version nibble is not checked. */
    public static String canonical(String raw) {
        if (raw == null) {
            return null;
        }
        if (DASHED.matcher(raw).matches()) {
            return raw.toLowerCase(Locale.ROOT);
        }
        if (HEX32.matcher(raw).matches()) {
            String h = raw.toLowerCase(Locale.ROOT);
            return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
        }
        return null;
    }

    /**
     * A fixture key: a UUID stays as it is (canonicalised), any other key becomes a deterministic name-based UUID,
     * so fixtures can say {@code "parent": {"page": "engineering"}} and still serve real-looking IDs.
     */
    public static String fromKey(String key) {
        String c = canonical(key);
        return c != null ? c : UUID.nameUUIDFromBytes(("notion-console-sandbox/" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String undashed(String id) {
        return id.replace("-", "");
    }
}
