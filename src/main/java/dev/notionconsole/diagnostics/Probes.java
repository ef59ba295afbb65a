package dev.notionconsole.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionVersion;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The follow-up calls of one diagnosis: only reads, only through {@link ConnectionCaller} (each connection's pacing,
 * token renewal, capability learning), cached per (connection, request), counted against a budget per connection,
 * every one recorded as {@link Evidence}. Probes are sent with the newest Notion-Version, so that every kind route
 * (data sources, views) exists; the version of the call diagnosed is judged separately.
 */
final class Probes {
    /** A probe's answer, or none (budget spent, no token, no network). */
    record Answer(Exchange exchange, int index) {
        int status() {
            return exchange.status();
        }

        boolean ok() {
            return exchange.ok();
        }

        JsonNode json() {
            return exchange.json();
        }

        String code() {
            return exchange.error() == null ? null : exchange.error().code();
        }

        String message() {
            return exchange.error() == null ? "" : exchange.error().message();
        }
    }

    private final ConnectionCaller caller;
    private final CancellationToken cancel;
    private final DiagnosisListener listener;
    private final Map<String, Integer> spent = new HashMap<>();
    private final Map<String, Answer> cache = new HashMap<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    Probes(ConnectionCaller caller, CancellationToken cancel, DiagnosisListener listener) {
        this.caller = caller;
        this.cancel = cancel == null ? CancellationToken.none() : cancel;
        this.listener = listener == null ? DiagnosisListener.NONE : listener;
    }

    Optional<Answer> get(Connection c, String role, int budget, String path) {
        return send(c, role, budget, ApiRequest.get(path));
    }

    /** A read-only POST (search, a query). */
    Optional<Answer> post(Connection c, String role, int budget, String path, String body) {
        return send(c, role, budget, ApiRequest.post(path, body));
    }

    /** The diagnosed call itself, sent as typed (its own version), when it came without an answer. */
    Optional<Answer> original(Connection c, ApiRequest request) {
        return call(c, Evidence.FAILING, Integer.MAX_VALUE, request, "the call itself");
    }

    private Optional<Answer> send(Connection c, String role, int budget, ApiRequest request) {
        return call(c, role, budget, request.version(NotionVersion.LATEST), null);
    }

    private Optional<Answer> call(Connection c, String role, int budget, ApiRequest request, String finding) {
        cancel.throwIfCancelled();
        String key = c.id() + " " + request.method() + " " + request.path() + " " + request.bodyText().orElse("");
        Answer cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        int used = spent.getOrDefault(c.id(), 0);
        if (used >= budget) {
            return Optional.empty();
        }
        spent.put(c.id(), used + 1);
        Exchange x;
        try {
            x = caller.send(c, request, cancel, CallObserver.NONE).exchange();
        } catch (IOException | SecretStoreException | RuntimeException e) {
            if (e instanceof java.util.concurrent.CancellationException ce) {
                throw ce;
            }
            cancel.throwIfCancelled();
            problems.add(c.name() + ": " + e.getMessage());
            evidence.add(new Evidence(c.name(), role, request.method(), request.path(), 0, null,
                    "no answer: " + dev.notionconsole.core.Redactor.redact(String.valueOf(e.getMessage())), null));
            return Optional.empty();
        }
        Answer a = new Answer(x, evidence.size());
        evidence.add(new Evidence(c.name(), role, request.method(), pathOf(x, request), x.status(),
                x.error() == null ? null : x.error().code(), finding != null ? finding : defaultFinding(x), x));
        cache.put(key, a);
        listener.evidence(evidence.get(a.index()), evidence.size());
        return Optional.of(a);
    }

    /** Says what an answer showed, replacing the default line. */
    void explain(Answer a, String finding) {
        Evidence e = evidence.get(a.index());
        evidence.set(a.index(), new Evidence(e.connection(), e.role(), e.method(), e.path(), e.status(), e.code(), finding,
                e.exchange()));
    }

    /** Evidence that was not a call (the saved connection's definition, a preflight rule). */
    void note(String connection, String finding) {
        evidence.add(new Evidence(connection, Evidence.FAILING, "-", "-", 0, null, finding, null));
    }

    void stage(String what) {
        listener.stage(what);
    }

    List<Evidence> evidence() {
        return List.copyOf(evidence);
    }

    /** Calls that got no answer at all (transport, keychain). */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Calls that got an HTTP answer. */
    long answered() {
        return evidence.stream().filter(e -> e.status() > 0).count();
    }

    private static String pathOf(Exchange x, ApiRequest request) {
        try {
            java.net.URI u = java.net.URI.create(x.request().url());
            return u.getRawPath() + (u.getRawQuery() != null ? "?" + u.getRawQuery() : "");
        } catch (IllegalArgumentException e) {
            return request.path();
        }
    }

    private static String defaultFinding(Exchange x) {
        if (x.ok()) {
            JsonNode j = x.json();
            String object = j == null ? "" : j.path("object").asText("");
            return "readable" + (object.isEmpty() ? "" : " (" + object + ")");
        }
        return x.error() == null ? "HTTP " + x.status() : x.error().message();
    }
}
