package dev.notionconsole.ui.request;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionsListener;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskContext;
import dev.notionconsole.core.concurrent.TaskHandle;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.diagnostics.DiagnosisRequest;
import dev.notionconsole.notion.BodyKind;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionTransportException;
import dev.notionconsole.notion.Wait;
import dev.notionconsole.notion.catalog.Endpoint;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.Pagination;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.request.history.HistoryEntries;
import dev.notionconsole.request.history.HistoryEntry;
import dev.notionconsole.request.preflight.Finding;
import dev.notionconsole.request.send.RequestSender;
import dev.notionconsole.secrets.SecretStoreException;
import dev.notionconsole.ui.common.DialogService;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Sending the composed request as the current connection: check first, send (or next page, or every page) in the
 * background with progress, paced waits and cancel, then hand the answer to the response and the exchange to the
 * history. Reopening a history entry is here too: it replaces what the last run showed. A generation number makes
 * a late answer to an older run harmless.
 */
public final class RunViewModel {
    private static final DateTimeFormatter HISTORY_TIME =
            DateTimeFormatter.ofPattern("MMM d HH:mm:ss").withZone(ZoneId.systemDefault());

    /** A paced wait before the next attempt: when it ends (epoch ms) and why; typed, never a string parsed back. */
    record PacedWait(long endsAtMillis, String reason) {
    }

    private record Result(Exchange exchange, BodyDocument doc, HistoryEntry entry, String historyProblem, String note) {
    }

    private final ConnectionService connections;
    private final RequestSender sender;
    private final ComposeViewModel compose;
    private final ResponseViewModel response;
    private final HistoryViewModel history;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Consumer<Runnable> uiThread;

    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending", false);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyLongWrapper waitEndsAt = new ReadOnlyLongWrapper(this, "waitEndsAt", 0);
    private final ReadOnlyStringWrapper waitReason = new ReadOnlyStringWrapper(this, "waitReason", "");
    private final ReadOnlyStringWrapper connectionLabel = new ReadOnlyStringWrapper(this, "connectionLabel", "");
    private final AtomicInteger generation = new AtomicInteger();
    private TaskHandle running;
    /** What the shown answer answers: the next page continues it. */
    private RequestSpec lastSent;
    private Endpoint lastEndpoint;

    private final ConnectionsListener connectionsListener = new ConnectionsListener() {
        @Override
        public void currentChanged(Optional<Connection> current) {
            uiThread.accept(RunViewModel.this::refreshConnection);
        }
    };

    /** @param uiThread how listener callbacks and paced waits reach the UI thread ({@code Platform::runLater}) */
    public RunViewModel(ConnectionService connections, RequestSender sender, ComposeViewModel compose, ResponseViewModel response,
                        HistoryViewModel history, TaskRunner tasks, DialogService dialogs, Consumer<Runnable> uiThread) {
        this.connections = connections;
        this.sender = sender;
        this.compose = compose;
        this.response = response;
        this.history = history;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.uiThread = uiThread;
        connections.addListener(connectionsListener);
        refreshConnection();
    }

    /** Checks, then sends unless the check found an error. */
    public void send() {
        send(false);
    }

    /** Sends even when the check found errors (e.g. to see Notion's own invalid_json). */
    public void sendAnyway() {
        send(true);
    }

    private void send(boolean force) {
        if (sending.get()) {
            return;
        }
        Optional<Connection> current = connections.current();
        if (current.isEmpty()) {
            dialogs.notify(DialogService.NotificationKind.WARNING, "Choose a connection first (toolbar, or the Connections workspace).");
            return;
        }
        Connection c = current.get();
        RequestSpec spec = compose.currentSpec();
        List<Finding> found = sender.preflight(c, spec);
        compose.findings().setAll(found);
        if (!force && found.stream().anyMatch(Finding::blocking)) {
            return;
        }
        start("Send " + spec.describe(), c, spec, sender.endpointFor(spec), false);
    }

    /** Sends the previous request again with {@code start_cursor} = the answer's {@code next_cursor}. */
    public void nextPage() {
        Exchange x = response.exchangeProperty().get();
        if (x == null || lastSent == null || sending.get()) {
            return;
        }
        Optional<String> cursor = Pagination.nextCursor(x.json());
        if (cursor.isEmpty()) {
            return;
        }
        RequestSpec next = Pagination.withCursor(lastSent, lastEndpoint, cursor.get());
        compose.load(next);
        connections.current().ifPresent(c -> start("Next page of " + next.describe(), c, next, lastEndpoint, false));
    }

    /** Follows every cursor and shows the combined list, with progress and cancel. */
    public void fetchAll() {
        if (sending.get()) {
            return;
        }
        Optional<Connection> c = connections.current();
        if (c.isEmpty()) {
            return;
        }
        RequestSpec spec = compose.currentSpec();
        spec = spec.withQuery(spec.query().stream().filter(nv -> !nv.name().equals("start_cursor")).toList());
        start("Fetch all " + spec.describe(), c.get(), spec, sender.endpointFor(spec), true);
    }

    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    private void start(String title, Connection c, RequestSpec spec, Endpoint e, boolean all) {
        int gen = generation.incrementAndGet();
        sending.set(true);
        progress.set(-1);
        progressText.set(all ? "Fetching page 1…" : "Sending…");
        endWait();
        Secret override = compose.tokenOverride();
        RequestSpec toSend = override == null ? spec : spec.withHeaders(appendAuth(spec.headers(), override));
        running = BackgroundTask.of(title, ctx -> {
            CallObserver observer = new CallObserver() {
                @Override
                public void onWait(Wait w) {
                    // typed, straight to the UI thread; the status bar gets the words
                    PacedWait wait = new PacedWait(System.currentTimeMillis() + w.duration().toMillis(), w.describe());
                    uiThread.accept(() -> {
                        if (gen == generation.get() && sending.get()) {
                            showWait(wait);
                        }
                    });
                    ctx.progress(-1, w.describe());
                }
            };
            return all ? fetchAll(c, toSend, ctx, observer) : sendOne(c, toSend, ctx, observer);
        }).onProgress(p -> {
            if (gen != generation.get()) {
                return;
            }
            if (waitEndsAt.get() > 0 && Objects.equals(p.message(), waitReason.get())) {
                return; // the wait's own words, already shown by showWait
            }
            endWait();
            progressText.set(p.message());
        }).onSuccess(r -> {
            if (gen != generation.get()) {
                return;
            }
            lastSent = spec;
            lastEndpoint = e;
            response.show(r.exchange(), r.doc(), all, "via " + c.name());
            progressText.set("");
            if (r.exchange().error() != null) {
                response.failed(DiagnosisRequest.of(c.id(), spec, r.exchange()));
            }
            if (r.note() != null) {
                response.prependNote(r.note());
            }
            if (r.entry() != null) {
                history.record(r.entry());
            }
            if (r.historyProblem() != null) {
                dialogs.notify(DialogService.NotificationKind.WARNING, r.historyProblem());
            }
        }).onFailure(t -> {
            if (gen != generation.get()) {
                return;
            }
            if (t instanceof NotionTransportException) {
                response.showNoAnswer("No answer", "Could not connect: " + Redactor.redact(t.getMessage()), "");
            } else if (t instanceof SecretStoreException) {
                response.showNoAnswer("No token", Redactor.redact(t.getMessage()), "");
            } else if (t instanceof IllegalArgumentException) {
                response.showNoAnswer("Not sent", Redactor.redact(t.getMessage()), "");
            } else {
                response.showNoAnswer("Failed", Redactor.redact(String.valueOf(t.getMessage())), "");
            }
            history.reload();
        }).onCancelled(() -> {
            if (gen == generation.get()) {
                progressText.set("Cancelled.");
                dialogs.notify(DialogService.NotificationKind.INFO, "Request cancelled.");
                history.reload();
            }
        }).onFinally(() -> {
            if (gen == generation.get()) {
                sending.set(false);
                endWait();
                running = null;
            }
        }).executeWith(tasks);
    }

    private Result sendOne(Connection c, RequestSpec spec, TaskContext ctx, CallObserver observer) throws Exception {
        RequestSender.Outcome o = sender.send(c, spec, ctx.cancellation(), observer);
        Exchange x = o.exchange();
        return new Result(x, response.render(x.body(), x.bodyKind() == BodyKind.JSON, ctx::isCancelled), o.entry(),
                o.historyProblem(), o.reauthorization());
    }

    private Result fetchAll(Connection c, RequestSpec spec, TaskContext ctx, CallObserver observer) throws Exception {
        AtomicInteger pages = new AtomicInteger();
        AtomicInteger items = new AtomicInteger();
        RequestSender.AllPages r = sender.fetchAll(c, spec, ctx.cancellation(), observer, x -> {
            int n = pages.incrementAndGet();
            items.addAndGet(x.json() == null ? 0 : x.json().path("results").size());
            ctx.progress(-1, "Fetched " + n + (n == 1 ? " page" : " pages") + " (" + items.get() + " results)…");
        });
        boolean failed = r.result().failure() != null;
        Exchange last = failed ? r.result().failure() : r.result().lastPage();
        byte[] shown = failed ? last.body() : r.combinedBody();
        String note = failed
                ? "Stopped at page " + r.result().pages() + ": the error below. " + r.result().results().size() + " results came before it."
                : r.result().results().size() + " results in " + r.result().pages() + " pages, combined"
                + (r.result().stopNote() != null ? " (" + r.result().stopNote() + ")" : "")
                + (r.result().truncated() ? " (Notion truncated the query: request_status incomplete)" : "") + ".";
        Exchange forView = new Exchange(last.request(), last.status(), last.headers(), shown,
                failed ? last.json() : null, failed ? last.bodyKind() : BodyKind.JSON,
                last.error(), last.requestId(), last.startedAt(), r.result().total(), last.timeToFirstByte(), shown.length,
                last.attempts(), last.waits());
        return new Result(forView, response.render(shown, true, ctx::isCancelled), r.entry(), null, note);
    }

    /**
     * Loads the entry's request and shows the answer it got then, never the answer to another request
     * (issue 16, item 6). An entry without an answer (could not connect, cancelled) clears the response.
     */
    public void reopen(HistoryEntry e) {
        if (e == null || sending.get()) {
            return;
        }
        compose.load(e.request());
        int gen = generation.incrementAndGet();
        response.clear();
        lastSent = e.request();
        lastEndpoint = sender.endpointFor(e.request());
        String source = "From history · " + e.connectionName() + " · " + HISTORY_TIME.format(e.at());
        Exchange x = HistoryEntries.answer(e).orElse(null); // the one rebuild of a recorded answer
        if (x == null) {
            response.showNoAnswer("No answer", e.outcome() == null ? "" : Redactor.redact(e.outcome()), source);
            return;
        }
        BackgroundTask.of("Show a response from history", ctx -> response.render(x.body(), x.bodyKind() == BodyKind.JSON, ctx::isCancelled))
                .onSuccess(doc -> {
                    if (gen != generation.get()) {
                        return;
                    }
                    response.show(x, doc, e.pages() > 1, source);
                    progressText.set("");
                    if (e.responseTruncated()) {
                        response.prependNote("History keeps the first " + HistoryEntry.BODY_LIMIT / 1024 + " KB of each answer; send "
                                + "again for all of it.");
                    }
                }).onFailure(t -> dialogs.showError("Could not show the answer", String.valueOf(t.getMessage()), t))
                .executeWith(tasks);
    }

    private void showWait(PacedWait w) {
        waitEndsAt.set(w.endsAtMillis());
        waitReason.set(w.reason());
        progressText.set(w.reason());
    }

    private void endWait() {
        waitEndsAt.set(0);
        waitReason.set("");
    }

    private static List<NameValue> appendAuth(List<NameValue> headers, Secret token) {
        List<NameValue> out = new ArrayList<>(headers);
        out.add(new NameValue("Authorization", "Bearer " + token.reveal()));
        return out;
    }

    private void refreshConnection() {
        Connection c = connections.current().orElse(null);
        connectionLabel.set(c == null ? "No connection" : c.name() + " · Notion-Version " + c.notionVersion());
    }

    public void dispose() {
        connections.removeListener(connectionsListener);
        cancel();
    }

    public ReadOnlyBooleanProperty sendingProperty() { return sending.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    /** Epoch millis when the current wait (pacing, Retry-After) ends, or 0: the view counts down. */
    public ReadOnlyLongProperty waitEndsAtProperty() { return waitEndsAt.getReadOnlyProperty(); }

    public ReadOnlyStringProperty waitReasonProperty() { return waitReason.getReadOnlyProperty(); }
    public ReadOnlyStringProperty connectionLabelProperty() { return connectionLabel.getReadOnlyProperty(); }
}
