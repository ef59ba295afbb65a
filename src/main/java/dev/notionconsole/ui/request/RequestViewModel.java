package dev.notionconsole.ui.request;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionsListener;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.ByteSizes;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskHandle;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.diagnostics.DiagnosisRequest;
import dev.notionconsole.notion.BodyKind;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionError;
import dev.notionconsole.notion.NotionTransportException;
import dev.notionconsole.notion.NotionVersion;
import dev.notionconsole.notion.Wait;
import dev.notionconsole.request.FormFields;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.Pagination;
import dev.notionconsole.request.send.RequestSender;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.notion.catalog.Endpoint;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.notion.catalog.EndpointParam;
import dev.notionconsole.request.curl.CurlExporter;
import dev.notionconsole.request.curl.CurlImport;
import dev.notionconsole.request.curl.CurlImporter;
import dev.notionconsole.request.history.HistoryEntry;
import dev.notionconsole.request.history.HistoryQuery;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.request.json.JsonCheck;
import dev.notionconsole.request.preflight.Finding;
import dev.notionconsole.request.render.BodyRenderer;
import dev.notionconsole.request.render.BodySearch;
import dev.notionconsole.request.render.RenderedBody;
import dev.notionconsole.request.saved.SavedRequest;
import dev.notionconsole.request.saved.SavedRequestStore;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.FileType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The request builder: compose (catalog, ID fields, query, headers, version, JSON body), check before sending,
 * send in the background with progress, waits and cancel, and read the answer (status and its meaning, error
 * code and what it means, headers, the body rendered off the JavaFX thread), page through it, keep it in the
 * history, save and share it as cURL. No Node types: tested without a toolkit with an inline task runner.
 *
 * <p>Over 400 lines, knowingly: compose, run, response, history and saved requests still share this class. The cut
 * into one small ViewModel each is planned (docs/decisions/0089-history-answers-and-request-view-split.md); the
 * view side is already split into panes.
 */
public final class RequestViewModel {
    public static final List<String> METHODS = List.of("GET", "POST", "PATCH", "DELETE");
    private static final java.time.format.DateTimeFormatter HISTORY_TIME =
            java.time.format.DateTimeFormatter.ofPattern("MMM d HH:mm:ss").withZone(java.time.ZoneId.systemDefault());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final ConnectionService connections;
    private final RequestSender sender;
    private final EndpointCatalog catalog;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final SavedRequestStore saved;
    private final BodyRenderer renderer;
    private final Consumer<DiagnosisRequest> diagnose;

    // --- compose ---
    private final StringProperty method = new SimpleStringProperty(this, "method", "GET");
    private final StringProperty path = new SimpleStringProperty(this, "path", "/v1/users/me");
    private final StringProperty version = new SimpleStringProperty(this, "version", "");
    private final StringProperty body = new SimpleStringProperty(this, "body", "");
    private final ObservableList<IdField> pathParams = FXCollections.observableArrayList();
    private final ObservableList<KeyValueRow> query = FXCollections.observableArrayList();
    private final ObservableList<KeyValueRow> headers = FXCollections.observableArrayList();
    /** Multipart form fields in curl's -F spelling (file uploads only, see {@link FormFields}). */
    private final ObservableList<KeyValueRow> form = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper multipart = new ReadOnlyBooleanWrapper(this, "multipart");
    private final ReadOnlyObjectWrapper<Endpoint> endpoint = new ReadOnlyObjectWrapper<>(this, "endpoint");
    private final ReadOnlyStringWrapper endpointSummary = new ReadOnlyStringWrapper(this, "endpointSummary", "");
    private final ReadOnlyStringWrapper connectionLabel = new ReadOnlyStringWrapper(this, "connectionLabel", "");
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper importNotes = new ReadOnlyStringWrapper(this, "importNotes", "");
    private final BooleanProperty usePastedToken = new SimpleBooleanProperty(this, "usePastedToken", false);
    private final ReadOnlyBooleanWrapper hasPastedToken = new ReadOnlyBooleanWrapper(this, "hasPastedToken", false);
    private Secret pastedToken;

    // --- send ---
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending", false);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyLongWrapper waitEndsAt = new ReadOnlyLongWrapper(this, "waitEndsAt", 0);
    private final ReadOnlyStringWrapper waitReason = new ReadOnlyStringWrapper(this, "waitReason", "");
    private TaskHandle running;
    private final AtomicInteger generation = new AtomicInteger();

    // --- response ---
    private final ReadOnlyObjectWrapper<Exchange> exchange = new ReadOnlyObjectWrapper<>(this, "exchange");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper statusMeaning = new ReadOnlyStringWrapper(this, "statusMeaning", "");
    private final ReadOnlyStringWrapper statusKind = new ReadOnlyStringWrapper(this, "statusKind", "none");
    private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper(this, "timing", "");
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper(this, "size", "");
    private final ReadOnlyStringWrapper requestId = new ReadOnlyStringWrapper(this, "requestId", "");
    private final ReadOnlyStringWrapper responseSource = new ReadOnlyStringWrapper(this, "responseSource", "");
    private final ReadOnlyStringWrapper errorCode = new ReadOnlyStringWrapper(this, "errorCode", "");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper errorMeaning = new ReadOnlyStringWrapper(this, "errorMeaning", "");
    private final ObservableList<NameValue> responseHeaders = FXCollections.observableArrayList();
    private final ObservableList<NameValue> sentHeaders = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BodyDocument> bodyDocument = new ReadOnlyObjectWrapper<>(this, "bodyDocument", BodyDocument.EMPTY);
    private final ReadOnlyStringWrapper bodyNote = new ReadOnlyStringWrapper(this, "bodyNote", "");
    private final ReadOnlyBooleanWrapper bodyTruncated = new ReadOnlyBooleanWrapper(this, "bodyTruncated", false);
    /** Matches in the whole body when only a prefix is shown, counted on a worker; "" otherwise. */
    private final ReadOnlyStringWrapper wholeBodyHits = new ReadOnlyStringWrapper(this, "wholeBodyHits", "");
    private int findGeneration;
    private TaskHandle counting;
    private final BooleanProperty pretty = new SimpleBooleanProperty(this, "pretty", true);
    private final ReadOnlyBooleanWrapper hasNextPage = new ReadOnlyBooleanWrapper(this, "hasNextPage", false);
    private final ReadOnlyBooleanWrapper canFetchAll = new ReadOnlyBooleanWrapper(this, "canFetchAll", false);
    /** The last failed call with its answer and connection: what "Diagnose" hands to Diagnostics. */
    private final ReadOnlyObjectWrapper<DiagnosisRequest> lastFailure = new ReadOnlyObjectWrapper<>(this, "lastFailure");
    private byte[] shownBody = new byte[0];
    private boolean shownJson;
    private RequestSpec lastSent;
    private Endpoint lastEndpoint;

    // --- history and saved ---
    private final ObservableList<HistoryEntry> historyAll = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final StringProperty historyQuery = new SimpleStringProperty(this, "historyQuery", "");
    private final ObservableList<SavedRequest> savedRequests = FXCollections.observableArrayList();

    private final ConnectionsListener connectionsListener = new ConnectionsListener() {
        @Override
        public void currentChanged(Optional<Connection> current) {
            runOnUi(RequestViewModel.this::refreshConnection);
        }
    };
    private final Consumer<Runnable> uiThread;

    /** History entries selected in the sidebar (several with Shift/Ctrl): what "Create bundle…" bundles. */
    private final javafx.collections.ObservableList<HistoryEntry> selectedHistory = javafx.collections.FXCollections.observableArrayList();
    private Runnable createBundle;
    private Runnable openBundle;

    /**
     * @param uiThread how listener callbacks from services reach the UI thread ({@code Platform::runLater})
     * @param diagnose the hand-over to Diagnostics (docs/decisions/0105-diagnostics-hand-over.md): receives the failed
     *     call, its connection and its answer when the user presses "Diagnose"
     */
    public RequestViewModel(ConnectionService connections, RequestSender sender, SavedRequestStore saved, TaskRunner tasks,
                            DialogService dialogs, BodyRenderer renderer, Consumer<Runnable> uiThread, Consumer<DiagnosisRequest> diagnose) {
        this.connections = connections;
        this.sender = sender;
        this.catalog = sender.catalog();
        this.saved = saved;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.renderer = renderer;
        this.uiThread = uiThread;
        this.diagnose = diagnose;
        path.addListener((o, a, b) -> syncPathParams());
        method.addListener((o, a, b) -> syncEndpoint());
        historyQuery.addListener((o, a, b) -> filterHistory());
        pretty.addListener((o, a, b) -> rerender());
        connections.addListener(connectionsListener);
        refreshConnection();
        syncPathParams();
        loadStores();
    }

    // ------------------------------------------------------------------ compose

    /** Fills the builder from a catalog route: method, path template, ID fields, query rows and body template. */
    public void pick(Endpoint e) {
        method.set(e.method());
        path.set(e.path());
        query.setAll(e.queryParams().stream().map(p -> new KeyValueRow(p.name(), "", p.description())).toList());
        body.set(e.bodyTemplate());
        if (e.bodyKind() == Endpoint.BodyKind.MULTIPART) {
            // docs/notion-api.md §2.9: the file, and part_number only for multi-part uploads (left empty: not sent)
            form.setAll(new KeyValueRow("file", "", "@/path/to/file, or File…"),
                    new KeyValueRow("part_number", "", "multi-part uploads only: 1, 2, …"));
        } else {
            form.clear();
        }
        findings.clear();
        importNotes.set("");
        syncEndpoint();
    }

    /** Lexes the body being edited on a worker; the view applies the spans if the text is still the same. */
    public void lexBody(String text, Consumer<dev.notionconsole.request.json.HighlightSpans> onDone) {
        BackgroundTask.of("Highlight body", ctx -> dev.notionconsole.request.json.JsonLexer.lex(text, ctx::isCancelled))
                .onSuccess(onDone).onFailure(t -> { }).executeWith(tasks);
    }

    public List<Endpoint> searchCatalog(String text) {
        return catalog.search(text);
    }

    /** Keeps one ID field per placeholder of the path, keeping values already typed. */
    private void syncPathParams() {
        Matcher m = PLACEHOLDER.matcher(path.get() == null ? "" : path.get());
        List<IdField> next = new ArrayList<>();
        Endpoint guess = catalog.all().stream().filter(e -> e.path().equals(path.get())).findFirst().orElse(null);
        while (m.find()) {
            String name = m.group(1);
            IdField existing = pathParams.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
            if (existing != null) {
                next.add(existing);
                continue;
            }
            EndpointParam p = guess == null ? null : guess.pathParams().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            next.add(new IdField(name, p != null ? p.description() : "ID", p == null ? name.endsWith("_id") : p.isId(), uiThread));
        }
        if (!next.equals(pathParams)) {
            pathParams.setAll(next);
        }
        syncEndpoint();
    }

    private void syncEndpoint() {
        String p = path.get() == null ? "" : path.get();
        Endpoint e = catalog.all().stream().filter(x -> x.path().equals(p) && x.method().equals(method.get())).findFirst()
                .orElseGet(() -> catalog.lookup(method.get(), p).orElse(null));
        endpoint.set(e);
        multipart.set(e != null && e.bodyKind() == Endpoint.BodyKind.MULTIPART);
        endpointSummary.set(e == null ? "Free-form request: not in the catalog." : summary(e));
    }

    static String summary(Endpoint e) {
        StringBuilder sb = new StringBuilder(e.name()).append(" · needs ").append(e.requirementLabel());
        if (e.since() != null) {
            sb.append(" · from ").append(e.since());
        }
        if (e.until() != null) {
            sb.append(" · before ").append(e.until());
        }
        if (e.paginated()) {
            sb.append(" · paginated");
        }
        return sb.append(" · ").append(e.summary()).toString();
    }

    /** The request as composed: placeholders filled, empty query rows left out. */
    public RequestSpec currentSpec() {
        String p = path.get() == null ? "" : path.get().trim();
        for (IdField f : pathParams) {
            if (!f.getValue().isBlank()) {
                p = p.replace("{" + f.name() + "}", f.normalisedValue());
            }
        }
        List<NameValue> q = query.stream().filter(r -> !r.getName().isBlank() && !r.getValue().isBlank())
                .map(r -> new NameValue(r.getName().trim(), r.getValue().trim())).toList();
        List<NameValue> h = headers.stream().filter(r -> !r.getName().isBlank())
                .map(r -> new NameValue(r.getName().trim(), r.getValue().trim())).toList();
        String b = method.get().equals("GET") || method.get().equals("DELETE") ? "" : body.get();
        List<NameValue> f = form.stream().filter(r -> !r.getName().isBlank() && !r.getValue().isBlank())
                .map(r -> new NameValue(r.getName().trim(), r.getValue().trim())).toList();
        return new RequestSpec(method.get(), p, q, h, b, version.get(), f);
    }

    /** Loads a request into the builder (history, saved requests, cURL import). */
    public void load(RequestSpec spec) {
        method.set(spec.method());
        // a concrete path matching a catalog route is shown as its template with the IDs in their fields
        Endpoint e = catalog.lookup(spec.method(), spec.path()).orElse(null);
        List<String> values = e == null ? null : e.extract(spec.path());
        if (values != null && !e.placeholders().isEmpty()) {
            path.set(e.path());
            List<String> names = e.placeholders();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                String v = values.get(i);
                pathParams.stream().filter(f -> f.name().equals(name)).findFirst().ifPresent(f -> f.setValue(v));
            }
        } else {
            path.set(spec.path());
        }
        query.setAll(spec.query().stream().map(q -> new KeyValueRow(q.name(), q.value(), "")).toList());
        headers.setAll(spec.headers().stream().map(q -> new KeyValueRow(q.name(), q.value(), "")).toList());
        form.setAll(spec.form().stream().map(q -> new KeyValueRow(q.name(), q.value(), "")).toList());
        version.set(spec.notionVersion() == null ? "" : spec.notionVersion());
        body.set(spec.body());
        findings.clear();
        syncEndpoint();
    }

    public void addHeader() {
        headers.add(new KeyValueRow("", "", ""));
    }

    public void addQuery() {
        query.add(new KeyValueRow("", "", ""));
    }

    public void addFormField() {
        form.add(new KeyValueRow("", "", ""));
    }

    /** Puts a chosen file into a form row ({@code @/absolute/path}), naming the row "file" if it had no name. */
    public void chooseFile(KeyValueRow row) {
        dialogs.chooseFileToOpen("Choose the file to upload", List.of(FileType.ALL)).ifPresent(p -> {
            if (row.getName().isBlank()) {
                row.nameProperty().set("file");
            }
            row.valueProperty().set(FormFields.file(row.getName(), p).value());
        });
    }

    /** Pretty-prints the body; an invalid body stays as typed and the mistake is shown. */
    public void formatBody() {
        JsonCheck.Result r = JsonCheck.check(body.get());
        if (r.ok()) {
            body.set(JsonCheck.format(body.get()));
            findings.removeIf(f -> f.code().equals("invalid-json"));
        } else {
            JsonCheck.Problem p = r.problem();
            findings.setAll(List.of(new Finding(Finding.Severity.ERROR, "invalid-json", p.describe(), p.line(), p.column())));
        }
    }

    // ------------------------------------------------------------------ send

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
        RequestSpec spec = currentSpec();
        List<Finding> found = sender.preflight(c, spec);
        findings.setAll(found);
        if (!force && found.stream().anyMatch(Finding::blocking)) {
            return;
        }
        Endpoint e = sender.endpointFor(spec);
        start("Send " + spec.describe(), c, spec, e, false);
    }

    /** Sends the previous request again with {@code start_cursor} = the answer's {@code next_cursor}. */
    public void nextPage() {
        Exchange x = exchange.get();
        if (x == null || lastSent == null || sending.get()) {
            return;
        }
        Optional<String> cursor = Pagination.nextCursor(x.json());
        if (cursor.isEmpty()) {
            return;
        }
        RequestSpec next = Pagination.withCursor(lastSent, lastEndpoint, cursor.get());
        load(next);
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
        RequestSpec spec = withoutCursor(currentSpec());
        start("Fetch all " + spec.describe(), c.get(), spec, sender.endpointFor(spec), true);
    }

    private RequestSpec withoutCursor(RequestSpec spec) {
        List<NameValue> q = spec.query().stream().filter(nv -> !nv.name().equals("start_cursor")).toList();
        return spec.withQuery(q);
    }

    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    private record Result(Exchange exchange, BodyDocument doc, HistoryEntry entry, String historyProblem, String note) {
    }

    private void start(String title, Connection c, RequestSpec spec, Endpoint e, boolean all) {
        int gen = generation.incrementAndGet();
        sending.set(true);
        progress.set(-1);
        progressText.set(all ? "Fetching page 1…" : "Sending…");
        waitEndsAt.set(0);
        waitReason.set("");
        Secret override = usePastedToken.get() ? pastedToken : null;
        RequestSpec toSend = override == null ? spec
                : spec.withHeaders(appendAuth(spec.headers(), override));
        running = BackgroundTask.of(title, ctx -> {
            CallObserver observer = new CallObserver() {
                @Override
                public void onWait(Wait w) {
                    // typed, straight to the UI thread; the status bar gets the words (no "wait:<ms>:" strings)
                    PacedWait wait = new PacedWait(System.currentTimeMillis() + w.duration().toMillis(), w.describe());
                    runOnUi(() -> {
                        if (gen == generation.get() && sending.get()) {
                            showWait(wait);
                        }
                    });
                    ctx.progress(-1, w.describe());
                }
            };
            if (all) {
                AtomicInteger pages = new AtomicInteger();
                AtomicInteger items = new AtomicInteger();
                RequestSender.AllPages r = sender.fetchAll(c, toSend, ctx.cancellation(), observer, x -> {
                    int n = pages.incrementAndGet();
                    items.addAndGet(x.json() == null ? 0 : x.json().path("results").size());
                    ctx.progress(-1, "Fetched " + n + (n == 1 ? " page" : " pages") + " (" + items.get() + " results)…");
                });
                Exchange last = r.result().failure() != null ? r.result().failure() : r.result().lastPage();
                byte[] shown = r.result().failure() != null ? last.body() : r.combinedBody();
                String note = r.result().failure() != null
                        ? "Stopped at page " + r.result().pages() + ": the error below. " + r.result().results().size() + " results came before it."
                        : r.result().results().size() + " results in " + r.result().pages() + " pages, combined"
                        + (r.result().stopNote() != null ? " (" + r.result().stopNote() + ")" : "")
                        + (r.result().truncated() ? " (Notion truncated the query: request_status incomplete)" : "") + ".";
                RenderedBody rb = renderer.render(shown, true, pretty.get() ? BodyRenderer.Mode.PRETTY : BodyRenderer.Mode.RAW, ctx::isCancelled);
                Exchange forView = new Exchange(last.request(), last.status(), last.headers(), shown,
                        r.result().failure() != null ? last.json() : null, r.result().failure() != null ? last.bodyKind() : BodyKind.JSON,
                        last.error(), last.requestId(), last.startedAt(), r.result().total(), last.timeToFirstByte(), shown.length,
                        last.attempts(), last.waits());
                return new Result(forView, BodyDocument.build(rb, ctx::isCancelled), r.entry(), null, note);
            }
            RequestSender.Outcome o = sender.send(c, toSend, ctx.cancellation(), observer);
            Exchange x = o.exchange();
            RenderedBody rb = renderer.render(x.body(), x.bodyKind() == BodyKind.JSON,
                    pretty.get() ? BodyRenderer.Mode.PRETTY : BodyRenderer.Mode.RAW, ctx::isCancelled);
            return new Result(x, BodyDocument.build(rb, ctx::isCancelled), o.entry(), o.historyProblem(), o.reauthorization());
        }).onProgress(p -> {
            if (gen != generation.get()) {
                return;
            }
            if (waitEndsAt.get() > 0 && Objects.equals(p.message(), waitReason.get())) {
                return; // the wait's own words, already shown by showWait
            }
            waitEndsAt.set(0);
            waitReason.set("");
            progressText.set(p.message());
        }).onSuccess(r -> {
            if (gen != generation.get()) {
                return;
            }
            lastSent = spec;
            lastEndpoint = e;
            show(r.exchange(), r.doc(), all);
            if (r.exchange().error() != null) {
                lastFailure.set(DiagnosisRequest.of(c.id(), spec, r.exchange()));
            }
            responseSource.set("via " + c.name());
            if (r.note() != null) {
                bodyNote.set(r.note() + (bodyNote.get().isEmpty() ? "" : " " + bodyNote.get()));
            }
            if (r.entry() != null) {
                historyAll.add(0, r.entry().redacted());
                filterHistory();
            }
            if (r.historyProblem() != null) {
                dialogs.notify(DialogService.NotificationKind.WARNING, r.historyProblem());
            }
        }).onFailure(t -> {
            if (gen != generation.get()) {
                return;
            }
            clearResponse();
            statusKind.set("failed");
            if (t instanceof NotionTransportException) {
                statusText.set("No answer");
                statusMeaning.set("Could not connect: " + Redactor.redact(t.getMessage()));
            } else if (t instanceof dev.notionconsole.secrets.SecretStoreException) {
                statusText.set("No token");
                statusMeaning.set(Redactor.redact(t.getMessage()));
            } else if (t instanceof IllegalArgumentException) {
                statusText.set("Not sent");
                statusMeaning.set(Redactor.redact(t.getMessage()));
            } else {
                statusText.set("Failed");
                statusMeaning.set(Redactor.redact(String.valueOf(t.getMessage())));
            }
            reloadHistorySoon();
        }).onCancelled(() -> {
            if (gen == generation.get()) {
                progressText.set("Cancelled.");
                dialogs.notify(DialogService.NotificationKind.INFO, "Request cancelled.");
                reloadHistorySoon();
            }
        }).onFinally(() -> {
            if (gen == generation.get()) {
                sending.set(false);
                waitEndsAt.set(0);
                waitReason.set("");
                running = null;
            }
        }).executeWith(tasks);
    }

    /** A paced wait before the next attempt: when it ends (epoch ms) and why. */
    record PacedWait(long endsAtMillis, String reason) {
    }

    private void showWait(PacedWait w) {
        waitEndsAt.set(w.endsAtMillis());
        waitReason.set(w.reason());
        progressText.set(w.reason());
    }

    private static List<NameValue> appendAuth(List<NameValue> headers, Secret token) {
        List<NameValue> out = new ArrayList<>(headers);
        out.add(new NameValue("Authorization", "Bearer " + token.reveal()));
        return out;
    }

    private void show(Exchange x, BodyDocument doc, boolean combined) {
        exchange.set(x);
        int s = x.status();
        statusText.set(s + " " + HttpStatus.reason(s));
        statusKind.set(HttpStatus.kind(s));
        NotionError err = x.error();
        if (err != null) {
            errorCode.set(err.code() == null ? "" : err.code());
            errorMessage.set(err.message() == null ? "" : err.message());
            errorMeaning.set(dev.notionconsole.diagnostics.ErrorAdvice.describe(err.code()));
            statusMeaning.set(HttpStatus.meaning(s));
        } else {
            errorCode.set("");
            errorMessage.set("");
            errorMeaning.set("");
            statusMeaning.set(HttpStatus.meaning(s));
        }
        timing.set(x.total() == null ? "" : x.total().toMillis() + " ms" + (x.attempts() > 1 ? " · " + x.attempts() + " attempts" : "")
                + (x.waits().isEmpty() ? "" : " · waited " + x.waits().stream().mapToLong(w -> w.duration().toMillis()).sum() + " ms"));
        size.set(ByteSizes.human(x.size()));
        requestId.set(x.requestId() == null ? "" : x.requestId());
        List<NameValue> hs = new ArrayList<>();
        for (Map.Entry<String, List<String>> h : x.headers().entrySet()) {
            h.getValue().forEach(v -> hs.add(new NameValue(h.getKey(), v)));
        }
        responseHeaders.setAll(hs);
        // what went out, as the client recorded it: the token is already masked there
        List<NameValue> sent = new ArrayList<>();
        sent.add(new NameValue(x.request().method(), x.request().url()));
        x.request().headers().forEach((k, v) -> sent.add(new NameValue(k, v)));
        sentHeaders.setAll(sent);
        shownBody = x.body();
        shownJson = combined || x.bodyKind() == BodyKind.JSON;
        bodyDocument.set(doc);
        bodyNote.set(doc.body().note() == null ? "" : doc.body().note());
        bodyTruncated.set(doc.body().truncated());
        hasNextPage.set(!combined && x.ok() && Pagination.nextCursor(x.json()).isPresent());
        canFetchAll.set(hasNextPage.get());
        progressText.set("");
    }

    private void clearResponse() {
        exchange.set(null);
        responseSource.set("");
        statusText.set("");
        statusMeaning.set("");
        errorCode.set("");
        errorMessage.set("");
        errorMeaning.set("");
        timing.set("");
        size.set("");
        requestId.set("");
        responseHeaders.clear();
        sentHeaders.clear();
        shownBody = new byte[0];
        bodyDocument.set(BodyDocument.EMPTY);
        bodyNote.set("");
        bodyTruncated.set(false);
        wholeBodyHits.set("");
        hasNextPage.set(false);
        canFetchAll.set(false);
    }

    /** Pretty/raw switched: render the same body again on a worker. */
    private void rerender() {
        byte[] b = shownBody;
        boolean json = shownJson;
        if (b.length == 0) {
            return;
        }
        BodyRenderer.Mode mode = pretty.get() ? BodyRenderer.Mode.PRETTY : BodyRenderer.Mode.RAW;
        int gen = generation.get();
        BackgroundTask.of("Render response", ctx -> BodyDocument.build(renderer.render(b, json, mode, ctx::isCancelled), ctx::isCancelled))
                .onSuccess(doc -> {
                    if (gen == generation.get() && b == shownBody) {
                        bodyDocument.set(doc);
                        bodyNote.set(doc.body().note() == null ? "" : doc.body().note());
                        bodyTruncated.set(doc.body().truncated());
                    }
                }).onFailure(t -> dialogs.showError("Could not show the body", String.valueOf(t.getMessage()), t))
                .executeWith(tasks);
    }

    /** Offsets of every match of {@code text} in the shown body (case-insensitive), for search. */
    public List<int[]> findInBody(String text) {
        List<int[]> hits = new ArrayList<>();
        countInWholeBody(text);
        if (text == null || text.isEmpty()) {
            return hits;
        }
        String hay = bodyDocument.get().text().toLowerCase(Locale.ROOT);
        String needle = text.toLowerCase(Locale.ROOT);
        for (int i = hay.indexOf(needle); i >= 0 && hits.size() < 10_000; i = hay.indexOf(needle, i + needle.length())) {
            hits.add(new int[] {i, i + needle.length()});
        }
        return hits;
    }

    /** When the viewer shows a prefix, counts the matches in the whole body as received, off the JavaFX thread. */
    private void countInWholeBody(String text) {
        int gen = ++findGeneration;
        if (counting != null) {
            counting.cancel(); // the user typed on: stop scanning for the old text
            counting = null;
        }
        wholeBodyHits.set("");
        byte[] b = shownBody;
        if (text == null || text.isEmpty() || !bodyTruncated.get()) {
            return;
        }
        wholeBodyHits.set("Counting in the whole body…");
        counting = BackgroundTask.of("Search the whole body", ctx -> BodySearch.countIgnoreCase(b, text, ctx::isCancelled))
                .onSuccess(n -> {
                    if (gen == findGeneration) {
                        wholeBodyHits.set(String.format(Locale.ROOT, "%,d in the whole body as received: Save full body… to read them all", n));
                    }
                }).onFailure(t -> {
                    if (gen == findGeneration) {
                        wholeBodyHits.set("");
                    }
                }).executeWith(tasks);
    }

    public ReadOnlyStringProperty wholeBodyHitsProperty() {
        return wholeBodyHits.getReadOnlyProperty();
    }

    public void copyBody() {
        if (shownBody.length > 0) {
            dialogs.copyToClipboard(new String(shownBody, StandardCharsets.UTF_8));
        }
    }

    public void copyRequestId() {
        if (!requestId.get().isEmpty()) {
            dialogs.copyToClipboard(requestId.get());
            dialogs.notify(DialogService.NotificationKind.SUCCESS, "Request ID copied.");
        }
    }

    /** Writes the whole body (not just the shown prefix) to a file the user picks, in the background. */
    public void saveFullBody() {
        byte[] b = shownBody;
        if (b.length == 0) {
            return;
        }
        Optional<Path> target = dialogs.chooseFileToSave("Save full body", "response.json", List.of(FileType.JSON));
        target.ifPresent(p -> BackgroundTask.of("Save body", ctx -> {
            dev.notionconsole.core.io.AtomicFiles.write(p, b); // a failed save never leaves half a file behind
            return p;
        }).onSuccess(saved -> dialogs.notify(DialogService.NotificationKind.SUCCESS, "Saved " + ByteSizes.human(b.length) + " to " + saved.getFileName()))
                .onFailure(t -> dialogs.showError("Could not save the body", Redactor.redact(String.valueOf(t.getMessage())), t))
                .executeWith(tasks));
    }

    /** Hands the last failed call to Diagnostics, which shows it and diagnoses it. */
    public void diagnoseLastFailure() {
        if (lastFailure.get() != null) {
            diagnose.accept(lastFailure.get());
        }
    }

    // ------------------------------------------------------------------ cURL

    /** The request as a cURL command with {@code $NOTION_TOKEN}: safe to paste into a ticket. */
    public String curl() {
        Connection c = connections.current().orElse(null);
        RequestSpec spec = currentSpec();
        Endpoint e = sender.endpointFor(spec);
        String base = c == null || c.isSandbox() ? baseUrlOrSandbox(c) : c.baseUrl();
        CurlExporter.Credential cred = e != null && e.auth() == Endpoint.Auth.BASIC
                ? new CurlExporter.Credential.ClientVariables() : new CurlExporter.Credential.TokenVariable();
        return CurlExporter.export(spec, base, spec.effectiveVersion(c == null ? NotionVersion.LATEST : c.notionVersion()), cred);
    }

    private String baseUrlOrSandbox(Connection c) {
        if (c == null) {
            return "https://api.notion.com";
        }
        return connections.list().isEmpty() ? c.baseUrl() : resolveQuietly(c);
    }

    private String resolveQuietly(Connection c) {
        try {
            return connections.resolveBaseUrl(c);
        } catch (java.io.IOException e) {
            return c.baseUrl();
        }
    }

    public void copyAsCurl() {
        dialogs.copyToClipboard(curl());
        dialogs.notify(DialogService.NotificationKind.SUCCESS, "Copied as cURL (token as $NOTION_TOKEN).");
    }

    /** With the real token, after the user confirms; the clipboard is cleared after a minute. */
    public void copyAsCurlWithToken() {
        Optional<Connection> c = connections.current();
        if (c.isEmpty() || !dialogs.confirm("Copy with the token?", "The command will contain " + c.get().name()
                + "'s token in clear. Anyone who sees it can act as this connection. The clipboard is cleared after 60 seconds.", "Copy with token")) {
            return;
        }
        RequestSpec spec = currentSpec();
        BackgroundTask.of("Read token", ctx -> connections.token(c.get()).orElseThrow(() -> new IllegalStateException("No token stored.")))
                .onSuccess(token -> dialogs.copyToClipboard(CurlExporter.export(spec, resolveQuietly(c.get()),
                        spec.effectiveVersion(c.get().notionVersion()), new CurlExporter.Credential.RevealedToken(token)), Duration.ofSeconds(60)))
                .onFailure(t -> dialogs.showError("Could not read the token", Redactor.redact(String.valueOf(t.getMessage()))))
                .executeWith(tasks);
    }

    /** Reads a pasted cURL command into the builder; {@code -d @file} is read in the background. */
    public void importCurl(String command) {
        BackgroundTask.of("Import cURL", ctx -> CurlImporter.parse(command, f -> Files.readString(Path.of(f), StandardCharsets.UTF_8)))
                .onSuccess(this::applyImport)
                .onFailure(t -> dialogs.showError("Could not read the cURL command", Redactor.redact(String.valueOf(t.getMessage()))))
                .executeWith(tasks);
    }

    private void applyImport(CurlImport imp) {
        load(imp.request());
        pastedToken = imp.bearerToken();
        hasPastedToken.set(pastedToken != null);
        usePastedToken.set(false);
        List<String> notes = new ArrayList<>(imp.notes());
        Connection c = connections.current().orElse(null);
        if (c != null && !imp.baseUrl().equals(resolveQuietly(c))) {
            notes.add("The command targets " + imp.baseUrl() + "; it will be sent to " + c.name() + " (" + resolveQuietly(c) + ").");
        }
        importNotes.set(String.join(" ", notes));
    }

    // ------------------------------------------------------------------ history and saved

    private void loadStores() {
        HistoryStore h = sender.history();
        if (h == null) {
            return;
        }
        BackgroundTask.of("Load history", ctx -> h.entries()).onSuccess(list -> {
            historyAll.setAll(list);
            filterHistory();
            if (h.loadProblem() != null) {
                dialogs.notify(DialogService.NotificationKind.WARNING, h.loadProblem());
            }
        }).onFailure(t -> dialogs.notify(DialogService.NotificationKind.WARNING, "History could not be read: " + t.getMessage()))
                .executeWith(tasks);
        if (saved != null) {
            BackgroundTask.of("Load saved requests", ctx -> saved.all()).onSuccess(list -> {
                savedRequests.setAll(list);
                if (saved.loadProblem() != null) {
                    dialogs.notify(DialogService.NotificationKind.WARNING, saved.loadProblem());
                }
            }).executeWith(tasks);
        }
    }

    private void reloadHistorySoon() {
        HistoryStore h = sender.history();
        if (h != null) {
            BackgroundTask.of("Load history", ctx -> h.entries()).onSuccess(list -> {
                historyAll.setAll(list);
                filterHistory();
            }).executeWith(tasks);
        }
    }

    private void filterHistory() {
        history.setAll(HistoryQuery.parse(historyQuery.get()).filter(historyAll));
    }

    /**
     * Loads the entry's request and shows the answer it got then, never the answer to another request
     * (issue 16, item 6). An entry without an answer (could not connect, cancelled) clears the response.
     */
    public void reopen(HistoryEntry e) {
        if (e == null || sending.get()) {
            return;
        }
        load(e.request());
        int gen = generation.incrementAndGet();
        clearResponse();
        lastSent = e.request();
        lastEndpoint = sender.endpointFor(e.request());
        String source = "From history · " + e.connectionName() + " · " + HISTORY_TIME.format(e.at());
        Exchange x = dev.notionconsole.request.history.HistoryEntries.answer(e).orElse(null); // the one rebuild of a recorded answer
        if (x == null) {
            statusKind.set("failed");
            statusText.set("No answer");
            statusMeaning.set(e.outcome() == null ? "" : Redactor.redact(e.outcome()));
            responseSource.set(source);
            return;
        }
        BodyRenderer.Mode mode = pretty.get() ? BodyRenderer.Mode.PRETTY : BodyRenderer.Mode.RAW;
        BackgroundTask.of("Show a response from history", ctx -> BodyDocument.build(
                renderer.render(x.body(), x.bodyKind() == BodyKind.JSON, mode, ctx::isCancelled), ctx::isCancelled))
                .onSuccess(doc -> {
                    if (gen != generation.get()) {
                        return;
                    }
                    show(x, doc, e.pages() > 1);
                    responseSource.set(source);
                    if (e.responseTruncated()) {
                        bodyNote.set("History keeps the first " + HistoryEntry.BODY_LIMIT / 1024 + " KB of each answer; send "
                                + "again for all of it." + (bodyNote.get().isEmpty() ? "" : " " + bodyNote.get()));
                    }
                }).onFailure(t -> dialogs.showError("Could not show the answer", String.valueOf(t.getMessage()), t))
                .executeWith(tasks);
    }

    public void clearHistory() {
        HistoryStore h = sender.history();
        if (h == null || !dialogs.confirm("Clear the history?", "All " + historyAll.size() + " recorded exchanges will be deleted.", "Clear")) {
            return;
        }
        BackgroundTask.of("Clear history", ctx -> {
            h.clear();
            return true;
        }).onSuccess(ok -> {
            historyAll.clear();
            filterHistory();
        }).onFailure(t -> dialogs.showError("Could not clear the history", String.valueOf(t.getMessage()), t)).executeWith(tasks);
    }

    /** More ▸ Import cURL command…: asks for the command through the dialog service, then imports it. */
    public void importCurlFromPrompt() {
        dialogs.askText("Import cURL command",
                "Paste a cURL command (multi-line with \\ is fine). A token in it is kept in memory only, never saved.", "")
                .ifPresent(this::importCurl);
    }

    /** More ▸ Save request…: a name and a group chosen from the existing ones (or a new one), then saved. */
    public void saveRequestAs() {
        if (saved == null) {
            return;
        }
        List<String> groups = savedRequests.stream().map(SavedRequest::group).distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        dialogs.askNameInGroup("Save request", "Name the request and choose its group.", currentSpec().describe(), groups,
                groups.isEmpty() ? null : groups.get(0))
                .ifPresent(n -> saveRequest(n.name(), n.group()));
    }

    public void saveRequest(String name, String group) {
        if (saved == null) {
            return;
        }
        RequestSpec spec = currentSpec();
        Endpoint e = endpoint.get();
        BackgroundTask.of("Save request", ctx -> saved.save(name, group, e == null ? null : e.id(), spec))
                .onSuccess(r -> {
                    savedRequests.setAll(saved.all());
                    dialogs.notify(DialogService.NotificationKind.SUCCESS, "Saved \"" + r.name() + "\" in " + r.group() + ".");
                }).onFailure(t -> dialogs.showError("Could not save the request", String.valueOf(t.getMessage()), t)).executeWith(tasks);
    }

    public void openSaved(SavedRequest r) {
        if (r != null) {
            load(r.request());
        }
    }

    public void deleteSaved(SavedRequest r) {
        if (saved == null || r == null) {
            return;
        }
        BackgroundTask.of("Delete saved request", ctx -> {
            saved.delete(r.id());
            return saved.all();
        }).onSuccess(savedRequests::setAll).executeWith(tasks);
    }

    public void exportSaved() {
        if (saved == null) {
            return;
        }
        dialogs.chooseFileToSave("Export saved requests", "notion-requests.json", List.of(FileType.JSON)).ifPresent(p ->
                BackgroundTask.of("Export saved requests", ctx -> {
                    saved.export(p, null);
                    return p;
                }).onSuccess(x -> dialogs.notify(DialogService.NotificationKind.SUCCESS, "Exported to " + x.getFileName()))
                        .onFailure(t -> dialogs.showError("Could not export", String.valueOf(t.getMessage()), t)).executeWith(tasks));
    }

    public void importSaved() {
        if (saved == null) {
            return;
        }
        dialogs.chooseFileToOpen("Import saved requests", List.of(FileType.JSON)).ifPresent(p ->
                BackgroundTask.of("Import saved requests", ctx -> saved.importFrom(p))
                        .onSuccess(n -> {
                            savedRequests.setAll(saved.all());
                            dialogs.notify(DialogService.NotificationKind.SUCCESS, "Imported " + n + " requests.");
                        }).onFailure(t -> dialogs.showError("Could not import", String.valueOf(t.getMessage()), t)).executeWith(tasks));
    }

    // ------------------------------------------------------------------ connection

    private void refreshConnection() {
        Connection c = connections.current().orElse(null);
        connectionLabel.set(c == null ? "No connection" : c.name() + " · Notion-Version " + c.notionVersion());
    }

    private void runOnUi(Runnable r) {
        uiThread.accept(r);
    }

    public void dispose() {
        connections.removeListener(connectionsListener);
        cancel();
    }

    // ------------------------------------------------------------------ properties

    public StringProperty methodProperty() {
        return method;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public StringProperty versionProperty() {
        return version;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public ObservableList<IdField> pathParams() {
        return pathParams;
    }

    public ObservableList<KeyValueRow> query() {
        return query;
    }

    public ObservableList<KeyValueRow> form() {
        return form;
    }

    /** True when the picked route takes a multipart form (file upload send): the view shows the Form tab. */
    public ReadOnlyBooleanProperty multipartProperty() {
        return multipart.getReadOnlyProperty();
    }

    public ObservableList<KeyValueRow> headers() {
        return headers;
    }

    public ReadOnlyObjectProperty<Endpoint> endpointProperty() {
        return endpoint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty endpointSummaryProperty() {
        return endpointSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionLabelProperty() {
        return connectionLabel.getReadOnlyProperty();
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public ReadOnlyStringProperty importNotesProperty() {
        return importNotes.getReadOnlyProperty();
    }

    public BooleanProperty usePastedTokenProperty() {
        return usePastedToken;
    }

    public ReadOnlyBooleanProperty hasPastedTokenProperty() {
        return hasPastedToken.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Epoch millis when the current wait (pacing, Retry-After) ends, or 0: the view counts down. */
    public ReadOnlyLongProperty waitEndsAtProperty() {
        return waitEndsAt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty waitReasonProperty() {
        return waitReason.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Exchange> exchangeProperty() {
        return exchange.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusMeaningProperty() {
        return statusMeaning.getReadOnlyProperty();
    }

    /** none, ok, client, server, failed: for the status colour. */
    public ReadOnlyStringProperty statusKindProperty() {
        return statusKind.getReadOnlyProperty();
    }

    /** Which connection the shown response came from ("via Docs Sync", or from history with its time). */
    public ReadOnlyStringProperty responseSourceProperty() {
        return responseSource.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timingProperty() {
        return timing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty requestIdProperty() {
        return requestId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorCodeProperty() {
        return errorCode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMeaningProperty() {
        return errorMeaning.getReadOnlyProperty();
    }

    public ObservableList<NameValue> responseHeaders() {
        return responseHeaders;
    }

    /** The request line and headers as sent (Authorization masked). */
    public ObservableList<NameValue> sentHeaders() {
        return sentHeaders;
    }

    public ReadOnlyObjectProperty<BodyDocument> bodyDocumentProperty() {
        return bodyDocument.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bodyNoteProperty() {
        return bodyNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty bodyTruncatedProperty() {
        return bodyTruncated.getReadOnlyProperty();
    }

    public BooleanProperty prettyProperty() {
        return pretty;
    }

    public ReadOnlyBooleanProperty hasNextPageProperty() {
        return hasNextPage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canFetchAllProperty() {
        return canFetchAll.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DiagnosisRequest> lastFailureProperty() {
        return lastFailure.getReadOnlyProperty();
    }

    public ObservableList<HistoryEntry> history() {
        return history;
    }

    public StringProperty historyQueryProperty() {
        return historyQuery;
    }

    public ObservableList<SavedRequest> savedRequests() {
        return savedRequests;
    }

    public List<String> versions() {
        List<String> v = new ArrayList<>(NotionVersion.ALL);
        java.util.Collections.reverse(v);
        return v;
    }

    public javafx.collections.ObservableList<HistoryEntry> selectedHistory() {
        return selectedHistory;
    }

    /**
     * Support bundles (issue 13), wired by the app: {@code create} bundles {@link #selectedHistory()}, {@code open}
     * opens a file. Without them the menu items are not shown.
     */
    public void bundleActions(Runnable create, Runnable open) {
        this.createBundle = create;
        this.openBundle = open;
    }

    public boolean hasBundleActions() {
        return createBundle != null;
    }

    public void createBundle() {
        if (createBundle != null) {
            createBundle.run();
        }
    }

    public void openBundle() {
        if (openBundle != null) {
            openBundle.run();
        }
    }
}
