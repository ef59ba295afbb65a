package dev.notionconsole.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.explorer.MapJson;
import dev.notionconsole.explorer.WorkspaceMap;
import java.util.List;

/**
 * A support bundle as read from (or about to be written to) an {@code .ncbundle} file: see docs/bundle-format.md.
 *
 * @param diagnoses each {@code {"entry": index into exchanges, "diagnosis": Diagnosis.toJson()}}
 * @param map the connection's map in {@link MapJson}'s format, or null
 */
public record Bundle(Manifest manifest, ConnectionProfile connection, List<BundleExchange> exchanges,
                     List<ObjectNode> diagnoses, ObjectNode map) {
    public Bundle {
        exchanges = List.copyOf(exchanges);
        diagnoses = List.copyOf(diagnoses);
    }

    public boolean hasMap() {
        return map != null;
    }

    /** The map as the explorer reads it, or null when the bundle has none. */
    public WorkspaceMap workspaceMap() {
        return map == null ? null : MapJson.read(map);
    }

    /** The diagnosis of exchange {@code index}, or null. */
    public JsonNode diagnosisOf(int index) {
        return diagnoses.stream().filter(d -> d.path("entry").asInt(-1) == index).map(d -> d.get("diagnosis"))
                .findFirst().orElse(null);
    }
}
