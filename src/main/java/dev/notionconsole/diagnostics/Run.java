package dev.notionconsole.diagnostics;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionError;
import dev.notionconsole.notion.catalog.Endpoint;
import dev.notionconsole.request.RequestSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One diagnosis in progress: the call, its answer, the probes made and the witnesses asked. */
final class Run {
    final Connection connection;
    final RequestSpec spec;
    final Endpoint endpoint;
    final Exchange answer;
    final String version;
    final DiagnosisOptions options;
    final Investigation look;
    final Set<String> witnessesUsed = new LinkedHashSet<>();

    Run(Connection connection, RequestSpec spec, Endpoint endpoint, Exchange answer, DiagnosisOptions options, Investigation look) {
        this.connection = connection;
        this.spec = spec;
        this.endpoint = endpoint;
        this.answer = answer;
        this.version = answer != null && answer.request().notionVersion() != null ? answer.request().notionVersion()
                : spec.effectiveVersion(connection.notionVersion());
        this.options = options;
        this.look = look;
    }

    NotionError error() {
        return answer == null ? null : answer.error();
    }

    String message() {
        return error() == null || error().message() == null ? "" : error().message();
    }

    Probes probes() {
        return look.probes;
    }

    /** The budget of calls as the failing connection. */
    int budget() {
        return options.budget();
    }

    /** A read: GET, or a POST that only reads (search, queries). Only reads are ever sent again. */
    boolean isRead() {
        if (spec.method().equals("GET")) {
            return true;
        }
        if (endpoint == null || !spec.method().equals("POST")) {
            return false;
        }
        String id = endpoint.id();
        return id.equals("search") || id.endsWith(".query") || id.equals("databases.query.legacy") || id.equals("blocks.meeting_notes.query");
    }

    Diagnosis finish(Verdict v) {
        List<Evidence> ev = new ArrayList<>(look.probes.evidence());
        return new Diagnosis(v.cause, v.detail, v.summary, v.confidence, v.fix, ev, v.object, v.capability, connection.name(),
                spec.describe(), List.copyOf(witnessesUsed), !options.witnesses(), v.alternatives);
    }
}
