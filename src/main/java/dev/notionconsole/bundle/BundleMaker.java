package dev.notionconsole.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.core.AppInfo;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.diagnostics.Diagnosis;
import dev.notionconsole.diagnostics.DiagnosisListener;
import dev.notionconsole.diagnostics.DiagnosisOptions;
import dev.notionconsole.diagnostics.DiagnosisRequest;
import dev.notionconsole.diagnostics.DiagnosticsEngine;
import dev.notionconsole.diagnostics.Evidence;
import dev.notionconsole.explorer.MapJson;
import dev.notionconsole.explorer.WorkspaceMap;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.history.HistoryEntries;
import dev.notionconsole.request.history.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a bundle together from what the console already has: history entries (the exchanges; the Request workspace's
 * current exchange is the newest entry), their diagnoses, the connection and optionally its map. The result is not
 * yet redacted: {@link BundleFile#preview} is what leaves the machine.
 */
public final class BundleMaker {
    private BundleMaker() {
    }

    /**
     * @param diagnoses one per entry, in the same order, null where an entry has none (may be shorter)
     * @param map the connection's map, or null
     */
    public static Bundle make(Connection connection, List<HistoryEntry> entries, List<Diagnosis> diagnoses, WorkspaceMap map,
                              Instant now) {
        List<BundleExchange> exchanges = entries.stream().map(BundleMaker::exchange).toList();
        List<ObjectNode> ds = new ArrayList<>();
        for (int i = 0; i < Math.min(entries.size(), diagnoses.size()); i++) {
            if (diagnoses.get(i) != null) {
                ObjectNode d = Json.mapper().createObjectNode();
                d.put("entry", i);
                d.set("diagnosis", diagnoses.get(i).toJson());
                ds.add(d);
            }
        }
        ConnectionProfile profile = ConnectionProfile.of(connection, List.of());
        if (map != null) {
            profile = profile.withWorkspace(map.identity().workspaceName(), map.identity().workspaceId());
        }
        List<String> included = new ArrayList<>(List.of("connection", "exchanges"));
        if (!ds.isEmpty()) {
            included.add("diagnoses");
        }
        if (map != null) {
            included.add("map");
        }
        Manifest manifest = new Manifest(AppInfo.version(), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                now, included, null);
        return new Bundle(manifest, profile, exchanges, ds, map == null ? null : MapJson.write(map));
    }

    /**
     * Diagnoses the failed entries with the answers they recorded (nothing is sent again but the engine's read-only
     * follow-up calls); null for entries that succeeded or got no answer.
     */
    public static List<Diagnosis> diagnose(DiagnosticsEngine engine, String connectionId, List<HistoryEntry> entries,
                                           CancellationToken cancel) {
        List<Diagnosis> out = new ArrayList<>();
        for (HistoryEntry e : entries) {
            Optional<Exchange> answer = HistoryEntries.answer(e);
            out.add(answer.isPresent() && !e.ok()
                    ? engine.diagnose(new DiagnosisRequest(connectionId, e.request(), answer.get(), "bundle"),
                    DiagnosisOptions.defaults(), cancel, DiagnosisListener.NONE)
                    : null);
        }
        return out;
    }

    /**
     * The diagnosed call as a history entry (Diagnostics' "Create bundle…"): the answer the diagnosis was given, else
     * the engine's own send of the call (its first evidence); empty when the call was never answered (a write the
     * engine only checked).
     */
    public static Optional<HistoryEntry> diagnosedCall(Connection c, DiagnosisRequest request, Diagnosis diagnosis) {
        Exchange answer = request.answer();
        if (answer == null) {
            answer = diagnosis.evidence().stream()
                    .filter(e -> e.exchange() != null && Evidence.FAILING.equals(e.role())
                            && e.method().equalsIgnoreCase(request.request().method()))
                    .map(Evidence::exchange).findFirst().orElse(null);
        }
        if (answer == null) {
            return Optional.empty();
        }
        // redacted as the history stores it, so the call reads exactly like one picked from the history
        return Optional.of(HistoryEntries.of(answer, request.request(), c.id(), c.name(), c.baseUrl(), null, null, 1).redacted());
    }

    /** A history entry as a bundle exchange; the error body with its code put back (history masks "code" values). */
    static BundleExchange exchange(HistoryEntry e) {
        String body = HistoryEntries.answer(e).map(Exchange::text).orElse(e.responseBody());
        List<NameValue> query = e.request().query().stream().filter(q -> !q.value().isEmpty()).toList();
        String base = e.baseUrl() == null ? "" : e.baseUrl();
        return new BundleExchange(e.at(), e.durationMillis(), e.request().method(), base + e.request().path(), query,
                e.sentHeaders(), e.request().body(), e.version(), e.status(), e.errorCode(), e.responseHeaders(), body,
                e.requestId());
    }
}
