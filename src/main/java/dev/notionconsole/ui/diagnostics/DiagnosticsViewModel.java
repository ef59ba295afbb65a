package dev.notionconsole.ui.diagnostics;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionsListener;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskHandle;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.diagnostics.Cause;
import dev.notionconsole.diagnostics.DiagnosedObject;
import dev.notionconsole.diagnostics.Diagnosis;
import dev.notionconsole.diagnostics.DiagnosisListener;
import dev.notionconsole.diagnostics.DiagnosisOptions;
import dev.notionconsole.diagnostics.DiagnosisRequest;
import dev.notionconsole.diagnostics.DiagnosticsEngine;
import dev.notionconsole.diagnostics.Evidence;
import dev.notionconsole.notion.NotionIds;
import dev.notionconsole.oauth.BrowserOpener;
import dev.notionconsole.request.history.HistoryEntries;
import dev.notionconsole.request.history.HistoryEntry;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.ObjectRef;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Diagnostics section: the failing call as input (handed over by Request, Explorer or history, or typed in),
 * the probes in the background with progress and cancel, then the verdict (cause, summary, confidence), the
 * numbered fix, the object with its links, the evidence, and which witnesses were asked. The access matrix is
 * {@link #matrix()}. No Node types: tested without a toolkit with an inline task runner against the sandbox.
 *
 * <p>Modelled on GCP's Policy Troubleshooter (docs/explorer-diagnostics.md §2): input, then a verdict with the
 * evidence behind it, saying plainly what the API cannot tell.
 *
 * <p>Over 400 lines, knowingly: about a fifth is property accessors; the verdict ({@link VerdictModel}) and the access
 * matrix ({@link AccessMatrixViewModel}) are already their own models.
 */
public final class DiagnosticsViewModel {
    /** The two pages of the section. */
    public enum Page { DIAGNOSIS, MATRIX }

    private final ConnectionService connections;
    private final DiagnosticsEngine engine;
    private final HistoryStore history;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Consumer<ObjectRef> openInExplorer;
    private final BrowserOpener browser;
    private final Consumer<Runnable> uiThread;
    private final CallInput input = new CallInput();
    private final AccessMatrixViewModel matrix;

    private final ObservableList<Connection> connectionChoices = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> recentFailures = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper origin = new ReadOnlyStringWrapper(this, "origin", "");
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.DIAGNOSIS);

    // --- run ---
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final AtomicInteger generation = new AtomicInteger();
    private TaskHandle handle;
    /** The call the shown diagnosis is of (what "Create bundle…" bundles). */
    private DiagnosisRequest diagnosed;
    private BiConsumer<DiagnosisRequest, Diagnosis> bundle = (r, d) -> { };
    private final ReadOnlyBooleanWrapper bundles = new ReadOnlyBooleanWrapper(this, "bundles");

    private final VerdictModel verdict = new VerdictModel();

    private final ConnectionsListener connectionsListener = new ConnectionsListener() {
        @Override
        public void connectionsChanged(List<Connection> list) {
            uiThread.accept(DiagnosticsViewModel.this::refreshConnections);
        }

        @Override
        public void currentChanged(Optional<Connection> current) {
            // every section follows the toolbar's connection (decision 0007); a handed-over call keeps its own
            uiThread.accept(() -> {
                if (!input.handedStillApplies() && !running.get()) {
                    current.flatMap(c -> connectionChoices.stream().filter(x -> x.id().equals(c.id())).findFirst())
                            .ifPresent(input.connectionProperty()::set);
                }
            });
        }
    };

    /**
     * @param history  where "recent failures" come from; null for none
     * @param openInExplorer where "Open in Explorer" goes (AppContext hands the object to the Explorer section)
     * @param browser  opens "Open in Notion"
     * @param uiThread how listener callbacks from services reach the UI thread ({@code Platform::runLater})
     */
    public DiagnosticsViewModel(ConnectionService connections, DiagnosticsEngine engine, HistoryStore history, TaskRunner tasks,
                                DialogService dialogs, Consumer<ObjectRef> openInExplorer, BrowserOpener browser, Consumer<Runnable> uiThread) {
        this.connections = connections;
        this.engine = engine;
        this.history = history;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.openInExplorer = openInExplorer == null ? o -> { } : openInExplorer;
        this.browser = browser == null ? BrowserOpener.NONE : browser;
        this.uiThread = uiThread;
        this.matrix = new AccessMatrixViewModel(engine, tasks, dialogs, input.connectionProperty()::get);
        refreshConnections();
        input.connectionProperty().set(connections.current().orElse(null));
        for (var p : List.of(input.methodProperty(), input.pathProperty(), input.bodyProperty(), input.versionProperty())) {
            p.addListener((o, a, b) -> edited());
        }
        input.connectionProperty().addListener((o, a, b) -> edited());
        connections.addListener(connectionsListener);
        refreshRecentFailures();
    }

    // ------------------------------------------------------------------ input

    /** The hand-over: shows the call as input and diagnoses it at once (Request's "Diagnose", Explorer, history). */
    public void diagnose(DiagnosisRequest request) {
        Optional<Connection> c = connections.find(request.connectionId());
        if (c.isEmpty()) {
            problem.set("The connection this call was sent as is no longer saved: choose another one and diagnose again.");
            return;
        }
        input.fill(request, c.get());
        origin.set(originText(request));
        page.set(Page.DIAGNOSIS);
        run();
    }

    /**
     * Explorer's "Diagnose access": can this connection read the object? A read of it as the connection, sent by the
     * engine; the access matrix is set to the same object.
     */
    public void diagnoseAccess(ObjectRef object) {
        matrix.objectIdProperty().set(object.id());
        diagnose(DiagnosisRequest.access(object.connectionId(), object.kind(), object.id()));
    }

    /** A failed call from the history, diagnosed with the answer it got (not sent again). */
    public void diagnose(HistoryEntry e) {
        if (e == null) {
            return;
        }
        diagnose(new DiagnosisRequest(e.connectionId(), e.request().withVersion(e.version()),
                HistoryEntries.answer(e).orElse(null), "history"));
    }

    private void edited() {
        if (input.handed() != null) {
            origin.set(input.handedStillApplies() ? originText(input.handed())
                    : "Edited: the call is sent again when diagnosed (reads only).");
        }
    }

    private static String originText(DiagnosisRequest r) {
        String answer = r.answer() == null ? "" : ", answered " + r.answer().status()
                + (r.answer().error() != null && r.answer().error().code() != null ? " " + r.answer().error().code() : "");
        return switch (r.origin() == null ? "" : r.origin()) {
            case "request" -> "From the Request section" + answer + ".";
            case "history" -> "From the history" + answer + ".";
            case "explorer" -> "From Explorer: can this connection read the object?";
            default -> "";
        };
    }

    /** Re-reads the failed calls in the history (newest first, at most 30). */
    public void refreshRecentFailures() {
        if (history == null) {
            return;
        }
        List<HistoryEntry> failed = new ArrayList<>();
        for (HistoryEntry e : history.entries()) {
            if (!e.ok() && e.status() != 0 && failed.size() < 30) {
                failed.add(e);
            }
        }
        recentFailures.setAll(failed);
    }

    private void refreshConnections() {
        Connection chosen = input.connectionProperty().get();
        connectionChoices.setAll(connections.list());
        if (chosen != null) {
            input.connectionProperty().set(connectionChoices.stream().filter(c -> c.id().equals(chosen.id())).findFirst().orElse(null));
        }
    }

    // ------------------------------------------------------------------ run

    /** Diagnoses the call in the input, in the background. */
    public void run() {
        DiagnosisRequest request;
        try {
            request = input.toRequest();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        cancel();
        int gen = generation.incrementAndGet();
        DiagnosisOptions options = input.witnessesProperty().get() ? DiagnosisOptions.defaults()
                : DiagnosisOptions.defaults().withoutWitnesses();
        verdict.clear();
        diagnosed = null;
        problem.set("");
        running.set(true);
        progressText.set("Starting…");
        Queue<Evidence> arrived = new ConcurrentLinkedQueue<>();
        handle = BackgroundTask.of("Diagnose " + request.request().describe(), ctx -> engine.diagnose(request, options,
                        ctx.cancellation(), new DiagnosisListener() {
                            private volatile String stage = "Probing";
                            private volatile int calls;

                            @Override
                            public void stage(String what) {
                                stage = what;
                                report();
                            }

                            @Override
                            public void evidence(Evidence e, int done) {
                                arrived.add(e);
                                calls = done;
                                report();
                            }

                            private void report() {
                                ctx.progress(-1, stage + "… (" + calls + (calls == 1 ? " call so far)" : " calls so far)"));
                            }
                        }))
                .onProgress(p -> {
                    if (gen == generation.get()) {
                        for (Evidence e; (e = arrived.poll()) != null; ) {
                            verdict.arrived(e); // the list grows while probes run
                        }
                        progressText.set(Redactor.redact(p.message()));
                    }
                })
                .onSuccess(d -> {
                    if (gen == generation.get()) {
                        diagnosed = request;
                        verdict.show(d);
                        progressText.set(d.evidence().size() + (d.evidence().size() == 1 ? " follow-up call." : " follow-up calls."));
                        refreshRecentFailures();
                    }
                })
                .onFailure(t -> {
                    if (gen == generation.get()) {
                        progressText.set("");
                        problem.set(failureText(t));
                    }
                })
                .onCancelled(() -> {
                    if (gen == generation.get()) {
                        progressText.set("Cancelled: the calls made so far are listed below.");
                    }
                })
                .onFinally(() -> {
                    if (gen == generation.get()) {
                        running.set(false);
                        handle = null;
                    }
                })
                .executeWith(tasks);
    }

    private static String failureText(Throwable t) {
        String m = Redactor.redact(String.valueOf(t.getMessage()));
        if (t instanceof DiagnosticsEngine.UnreachableException) {
            return "Nothing could be reached, so nothing could be diagnosed: " + m;
        }
        return t instanceof IllegalArgumentException ? m : "The diagnosis stopped: " + m;
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
        }
    }

    // ------------------------------------------------------------------ actions on the result

    /** Where "Create bundle…" goes (AppContext opens the support-bundle preview); shows the button. */
    public void bundleAction(BiConsumer<DiagnosisRequest, Diagnosis> action) {
        bundle = action;
        bundles.set(true);
    }

    /** A support bundle of the diagnosed call and its diagnosis (issue 13). */
    public void createBundle() {
        Diagnosis d = verdict.diagnosisProperty().get();
        if (d != null && diagnosed != null && !running.get()) {
            bundle.accept(diagnosed, d);
        }
    }

    public ReadOnlyBooleanProperty bundlesProperty() {
        return bundles.getReadOnlyProperty();
    }

    /** The diagnosis as plain text for a support reply (tokens masked). */
    public void copyAsText() {
        Diagnosis d = verdict.diagnosisProperty().get();
        if (d != null) {
            dialogs.copyToClipboard(d.toText());
            dialogs.notify(DialogService.NotificationKind.SUCCESS, "Diagnosis copied as text.");
        }
    }

    /** The object's link (the one an answer carried, else notion.so/<id>), or "" without an object. */
    public String objectUrl() {
        DiagnosedObject o = verdict.diagnosisProperty().get() == null ? null : verdict.diagnosisProperty().get().object();
        if (o == null) {
            return "";
        }
        return o.url() != null && !o.url().isBlank() ? o.url() : "https://www.notion.so/" + NotionIds.undashed(o.id());
    }

    public void openInNotion() {
        String url = objectUrl();
        if (url.isEmpty()) {
            return;
        }
        BackgroundTask.of("Open in Notion", ctx -> {
            browser.open(URI.create(url));
            return url;
        }).onFailure(t -> {
                    dialogs.copyToClipboard(url);
                    dialogs.notify(DialogService.NotificationKind.WARNING, "Could not open the browser; the link is copied instead.");
                })
                .executeWith(tasks);
    }

    /** Explorer at the object, as a connection that read it (a witness), else as the failing connection. */
    public void openInExplorer() {
        Diagnosis d = verdict.diagnosisProperty().get();
        if (d == null || d.object() == null) {
            return;
        }
        DiagnosedObject o = d.object();
        String undashed = NotionIds.undashed(o.id());
        String reader = d.evidence().stream()
                .filter(e -> e.status() >= 200 && e.status() < 300 && e.path() != null
                        && (e.path().contains(o.id()) || e.path().contains(undashed)))
                .map(Evidence::connection).findFirst().orElse(d.connection());
        Connection as = connections.list().stream().filter(c -> c.name().equals(reader)).findFirst()
                .orElse(input.connectionProperty().get());
        if (as != null) {
            openInExplorer.accept(new ObjectRef(as.id(), o.kind(), o.id(), o.title(), o.url()));
        }
    }

    /**
     * The access matrix for the object the call was about (its first ID: the path's, else the query's or the
     * body's as the engine reads them), else the diagnosis' object.
     */
    public void showAccessMatrix() {
        page.set(Page.MATRIX);
        Diagnosis d = verdict.diagnosisProperty().get();
        String id = callObjectId();
        if (id == null && d != null && d.object() != null) {
            id = d.object().id();
        }
        if (id != null) {
            matrix.check(id);
        }
    }

    /** The first ID in the call's path or query, or null. */
    private String callObjectId() {
        try {
            var spec = input.spec();
            List<String> parts = new ArrayList<>(List.of(spec.path().split("/")));
            spec.query().forEach(q -> parts.add(q.value()));
            for (String part : parts) {
                String id = NotionIds.parse(part).id();
                if (id != null && part.replace("-", "").length() == 32) {
                    return id;
                }
            }
        } catch (IllegalArgumentException notACall) {
            // the input is being edited into something else: fall back to the diagnosis' object
        }
        return null;
    }

    public void copyObjectId() {
        Diagnosis d = verdict.diagnosisProperty().get();
        if (d != null && d.object() != null) {
            dialogs.copyToClipboard(d.object().id());
            dialogs.notify(DialogService.NotificationKind.SUCCESS, "ID copied.");
        }
    }

    /** Stops listening to the connections (the section is closed). */
    public void dispose() {
        connections.removeListener(connectionsListener);
        cancel();
        matrix.cancel();
    }

    // ------------------------------------------------------------------ properties

    public CallInput input() {
        return input;
    }

    public AccessMatrixViewModel matrix() {
        return matrix;
    }

    public ObservableList<Connection> connectionChoices() {
        return connectionChoices;
    }

    public ObservableList<HistoryEntry> recentFailures() {
        return recentFailures;
    }

    /** Where the call in the input came from ("From the Request section, answered 404 object_not_found."), or "". */
    public ReadOnlyStringProperty originProperty() {
        return origin.getReadOnlyProperty();
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Why the input cannot be diagnosed or the diagnosis stopped; "" otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The verdict, fix, object, witnesses and evidence of the last diagnosis. */
    public VerdictModel verdict() {
        return verdict;
    }
}
