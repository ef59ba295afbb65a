package dev.notionconsole.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.AppInfo;
import dev.notionconsole.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Bundle} as one JSON document (docs/bundle-format.md, docs/bundle.schema.json): {@code ncbundle} (the
 * format version), {@code manifest}, {@code connection}, {@code log} (HAR 1.2, so HAR viewers open the file as it
 * is), {@code diagnoses}, and optionally {@code map}.
 */
public final class BundleJson {
    public static final int FORMAT = 1;

    private BundleJson() {
    }

    public static ObjectNode write(Bundle b) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("ncbundle", FORMAT);
        o.set("manifest", b.manifest().toJson());
        o.set("connection", b.connection().toJson());
        ObjectNode log = o.putObject("log");
        log.put("version", Har.VERSION);
        log.putObject("creator").put("name", AppInfo.NAME).put("version", b.manifest().consoleVersion());
        var entries = log.putArray("entries");
        b.exchanges().forEach(x -> entries.add(Har.entry(x)));
        var d = o.putArray("diagnoses");
        b.diagnoses().forEach(d::add);
        if (b.map() != null) {
            o.set("map", b.map());
        }
        return o;
    }

    /** @throws IllegalArgumentException when {@code o} is not a bundle of this format */
    public static Bundle read(JsonNode o) {
        if (o == null || !o.isObject() || !o.has("ncbundle")) {
            throw new IllegalArgumentException("not a Notion Console bundle (no \"ncbundle\" field)");
        }
        if (o.path("ncbundle").asInt() != FORMAT) {
            throw new IllegalArgumentException("bundle format " + o.path("ncbundle").asText() + " is not supported; this console reads format " + FORMAT);
        }
        List<BundleExchange> exchanges = new ArrayList<>();
        o.path("log").path("entries").forEach(e -> exchanges.add(Har.read(e)));
        List<ObjectNode> diagnoses = new ArrayList<>();
        o.path("diagnoses").forEach(d -> {
            if (d instanceof ObjectNode od) {
                diagnoses.add(od);
            }
        });
        return new Bundle(Manifest.fromJson(o.path("manifest")), ConnectionProfile.fromJson(o.path("connection")),
                exchanges, diagnoses, o.get("map") instanceof ObjectNode m ? m : null);
    }
}
