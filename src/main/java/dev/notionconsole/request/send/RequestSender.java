package dev.notionconsole.request.send;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionClients;
import dev.notionconsole.connections.LearnedCapability;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.Capability;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.PageResult;
import dev.notionconsole.notion.catalog.Endpoint;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.Pagination;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.request.history.HistoryEntries;
import dev.notionconsole.request.history.HistoryEntry;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.request.preflight.Finding;
import dev.notionconsole.request.preflight.Preflight;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends composed requests as a connection, for the builder and the command line alike: picks the client
 * (bearer token, or the client credentials for the OAuth routes), records every exchange in the history,
 * and learns from a 403 that the connection lacks a capability so the next preflight can warn. Blocking:
 * call it from a background task.
 */
public final class RequestSender {
    private static final Logger LOG = LoggerFactory.getLogger(RequestSender.class);

    /** One call's answer and what the history kept of it ({@code historyProblem} when it could not be written). */
    /**
     * @param reauthorization what to tell the user when a public connection's token was refused and could not be
     *                        refreshed (authorize again), or null
     */
    public record Outcome(Exchange exchange, Endpoint endpoint, HistoryEntry entry, String historyProblem,
                          String reauthorization) {
    }

    /** "Fetch all": the combined result as a list envelope, and the history entry for it. */
    public record AllPages(PageResult result, byte[] combinedBody, Endpoint endpoint, HistoryEntry entry) {
    }

    private final ConnectionCaller caller;
    private final ConnectionClients clients;
    private final EndpointCatalog catalog;
    private final HistoryStore history;
    private final Preflight preflight;

    /**
     * @param caller  how calls are made as a connection (token renewal, pacing, capability learning)
     * @param history where exchanges are recorded, or null for none
     */
    public RequestSender(ConnectionCaller caller, EndpointCatalog catalog, HistoryStore history) {
        this.caller = caller;
        this.clients = caller.connections().clients();
        this.catalog = catalog;
        this.history = history;
        this.preflight = new Preflight(catalog);
    }

    public ConnectionCaller caller() {
        return caller;
    }

    public EndpointCatalog catalog() {
        return catalog;
    }

    public HistoryStore history() {
        return history;
    }

    public Endpoint endpointFor(RequestSpec spec) {
        return catalog.lookup(spec.method(), spec.path()).orElse(null);
    }

    /** Capabilities the connection is known to lack, from earlier answers (connections' learned capabilities). */
    public static Set<Capability> lacking(Connection c) {
        Set<Capability> out = EnumSet.noneOf(Capability.class);
        if (c == null) {
            return out;
        }
        for (LearnedCapability l : c.capabilities()) {
            if (!l.present()) {
                out.add(l.capability());
            }
        }
        return out;
    }

    public List<Finding> preflight(Connection c, RequestSpec spec) {
        String version = spec.effectiveVersion(c == null ? null : c.notionVersion());
        List<Finding> findings = new java.util.ArrayList<>(preflight.check(spec, version, lacking(c)));
        Endpoint e = endpointFor(spec);
        if (c != null && e != null && e.auth() == Endpoint.Auth.BASIC && c.kind() != ConnectionKind.PUBLIC_OAUTH) {
            findings.add(Finding.error("oauth-needs-public", e.name() + " authenticates with a public connection's client ID "
                    + "and secret; \"" + c.name() + "\" is not a public connection."));
        }
        for (NameValue h : spec.headers()) {
            dev.notionconsole.notion.ApiRequest.checkHeader(h.name(), h.value())
                    .ifPresent(p -> findings.add(Finding.error("header", p)));
        }
        return findings;
    }

    public Outcome send(Connection c, RequestSpec spec, CancellationToken cancel, CallObserver observer)
            throws IOException, SecretStoreException {
        Endpoint endpoint = endpointFor(spec);
        String base = baseUrl(c);
        long t0 = System.nanoTime();
        ConnectionCaller.Reply reply;
        try {
            reply = usesClientCredentials(endpoint)
                    ? caller.sendWithClientCredentials(c, spec.toApiRequest(), cancel, observer)
                    : caller.send(c, spec.toApiRequest(), cancel, observer);
        } catch (IOException | CancellationException | SecretStoreException e) {
            recordFailure(c, spec, endpoint, base, e, t0);
            throw e;
        }
        Exchange x = reply.exchange();
        HistoryEntry entry = HistoryEntries.of(x, spec, c.id(), c.name(), base, endpoint == null ? null : endpoint.id(), null, 1);
        return new Outcome(x, endpoint, entry, record(entry), reply.reauthorization());
    }

    public AllPages fetchAll(Connection c, RequestSpec spec, CancellationToken cancel, CallObserver observer,
                             Consumer<Exchange> onPage) throws IOException, SecretStoreException {
        Endpoint endpoint = endpointFor(spec);
        String base = baseUrl(c);
        long t0 = System.nanoTime();
        PageResult r;
        try {
            r = caller.paginate(c, spec.toApiRequest(), Pagination.placement(spec, endpoint), cancel, observer, onPage).result();
        } catch (IOException | CancellationException | SecretStoreException e) {
            recordFailure(c, spec, endpoint, base, e, t0);
            throw e;
        }
        Exchange last = r.failure() != null ? r.failure() : r.lastPage();
        byte[] combined = Json.pretty(r.asListJson()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HistoryEntry entry = null;
        if (last != null) {
            entry = HistoryEntries.of(last, spec, c.id(), c.name(), base, endpoint == null ? null : endpoint.id(),
                    r.failure() != null ? last.body() : combined, r.pages());
            record(entry);
        }
        return new AllPages(r, combined, endpoint, entry);
    }

    private static boolean usesClientCredentials(Endpoint endpoint) {
        return endpoint != null && endpoint.auth() == Endpoint.Auth.BASIC;
    }

    private String baseUrl(Connection c) {
        try {
            return clients.resolveBaseUrl(c);
        } catch (IOException e) {
            return c.baseUrl();
        }
    }

    private void recordFailure(Connection c, RequestSpec spec, Endpoint endpoint, String base, Exception e, long t0) {
        String outcome = e instanceof CancellationException ? "Cancelled" : Redactor.redact(String.valueOf(e.getMessage()));
        record(HistoryEntries.failed(spec, spec.effectiveVersion(c.notionVersion()), c.id(), c.name(), base,
                endpoint == null ? null : endpoint.id(), outcome, (System.nanoTime() - t0) / 1_000_000));
    }

    private String record(HistoryEntry entry) {
        if (history == null) {
            return null;
        }
        try {
            history.add(entry);
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write the history: {}", e.toString());
            return "The history could not be written: " + e.getMessage();
        }
    }
}
