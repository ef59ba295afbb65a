package dev.notionconsole.ui.request;

import dev.notionconsole.core.ByteSizes;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskHandle;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.core.io.AtomicFiles;
import dev.notionconsole.diagnostics.DiagnosisRequest;
import dev.notionconsole.diagnostics.ErrorAdvice;
import dev.notionconsole.notion.BodyKind;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionError;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.Pagination;
import dev.notionconsole.request.render.BodyRenderer;
import dev.notionconsole.request.render.BodySearch;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.FileType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The answer on screen: status and what it means, Notion's error code and what usually fixes it, timing, size,
 * headers received and sent, the body rendered off the JavaFX thread (pretty or raw, searchable, savable whole),
 * whether there is a next page, and the last failure "Diagnose" hands to Diagnostics.
 */
public final class ResponseViewModel {
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final BodyRenderer renderer;
    private final Consumer<DiagnosisRequest> diagnose;

    private final ReadOnlyObjectWrapper<Exchange> exchange = new ReadOnlyObjectWrapper<>(this, "exchange");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper statusMeaning = new ReadOnlyStringWrapper(this, "statusMeaning", "");
    private final ReadOnlyStringWrapper statusKind = new ReadOnlyStringWrapper(this, "statusKind", "none");
    private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper(this, "timing", "");
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper(this, "size", "");
    private final ReadOnlyStringWrapper requestId = new ReadOnlyStringWrapper(this, "requestId", "");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "responseSource", "");
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
    private final BooleanProperty pretty = new SimpleBooleanProperty(this, "pretty", true);
    private final ReadOnlyBooleanWrapper hasNextPage = new ReadOnlyBooleanWrapper(this, "hasNextPage", false);
    private final ReadOnlyBooleanWrapper canFetchAll = new ReadOnlyBooleanWrapper(this, "canFetchAll", false);
    /** The last failed call with its answer and connection: what "Diagnose" hands to Diagnostics. */
    private final ReadOnlyObjectWrapper<DiagnosisRequest> lastFailure = new ReadOnlyObjectWrapper<>(this, "lastFailure");
    private byte[] shownBody = new byte[0];
    private boolean shownJson;
    private int findGeneration;
    private TaskHandle counting;

    /** @param diagnose the hand-over to Diagnostics (docs/decisions/0105-diagnostics-hand-over.md) */
    public ResponseViewModel(TaskRunner tasks, DialogService dialogs, BodyRenderer renderer, Consumer<DiagnosisRequest> diagnose) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.renderer = renderer;
        this.diagnose = diagnose;
        pretty.addListener((o, a, b) -> rerender());
    }

    /** Renders a body as the pretty/raw switch says; for workers. */
    BodyDocument render(byte[] body, boolean json, BooleanSupplier cancelled) {
        BodyRenderer.Mode mode = pretty.get() ? BodyRenderer.Mode.PRETTY : BodyRenderer.Mode.RAW;
        return BodyDocument.build(renderer.render(body, json, mode, cancelled), cancelled);
    }

    /** Shows an answer whose body is already rendered; {@code combined}: the pages of a "Fetch all" in one list. */
    void show(Exchange x, BodyDocument doc, boolean combined, String from) {
        exchange.set(x);
        int s = x.status();
        statusText.set(s + " " + HttpStatus.reason(s));
        statusKind.set(HttpStatus.kind(s));
        statusMeaning.set(HttpStatus.meaning(s));
        NotionError err = x.error();
        errorCode.set(err == null || err.code() == null ? "" : err.code());
        errorMessage.set(err == null || err.message() == null ? "" : err.message());
        errorMeaning.set(err == null ? "" : ErrorAdvice.describe(err.code()));
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
        showBody(doc);
        hasNextPage.set(!combined && x.ok() && Pagination.nextCursor(x.json()).isPresent());
        canFetchAll.set(hasNextPage.get());
        source.set(from);
    }

    /** No answer to show: why, in the status line. */
    void showNoAnswer(String status, String meaning, String from) {
        clear();
        statusKind.set("failed");
        statusText.set(status);
        statusMeaning.set(meaning);
        source.set(from);
    }

    /** Puts a note before the body's own (e.g. how many pages were combined). */
    void prependNote(String note) {
        bodyNote.set(note + (bodyNote.get().isEmpty() ? "" : " " + bodyNote.get()));
    }

    void failed(DiagnosisRequest failure) {
        lastFailure.set(failure);
    }

    void clear() {
        exchange.set(null);
        source.set("");
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
        showBody(BodyDocument.EMPTY);
        wholeBodyHits.set("");
        hasNextPage.set(false);
        canFetchAll.set(false);
    }

    private void showBody(BodyDocument doc) {
        bodyDocument.set(doc);
        bodyNote.set(doc.body().note() == null ? "" : doc.body().note());
        bodyTruncated.set(doc.body().truncated());
    }

    /** Pretty/raw switched: render the same body again on a worker; dropped if another body is shown by then. */
    private void rerender() {
        byte[] b = shownBody;
        boolean json = shownJson;
        if (b.length == 0) {
            return;
        }
        BackgroundTask.of("Render response", ctx -> render(b, json, ctx::isCancelled))
                .onSuccess(doc -> {
                    if (b == shownBody) {
                        showBody(doc);
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

    public void copyBody() {
        if (shownBody.length > 0) {
            dialogs.copyToClipboard(new String(shownBody, StandardCharsets.UTF_8));
        }
    }

    /** Copies text the response pane shows (headers as received or sent; tokens there are masked already). */
    public void copyText(String text, String what) {
        if (text != null && !text.isEmpty()) {
            dialogs.copyToClipboard(text);
            dialogs.notify(DialogService.NotificationKind.SUCCESS, what + " copied.");
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
            AtomicFiles.write(p, b); // a failed save never leaves half a file behind
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

    // ------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<Exchange> exchangeProperty() { return exchange.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusTextProperty() { return statusText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusMeaningProperty() { return statusMeaning.getReadOnlyProperty(); }

    /** none, ok, client, server, failed: for the status colour. */
    public ReadOnlyStringProperty statusKindProperty() { return statusKind.getReadOnlyProperty(); }

    /** Which connection the shown response came from ("via Docs Sync", or from history with its time). */
    public ReadOnlyStringProperty responseSourceProperty() { return source.getReadOnlyProperty(); }

    public ReadOnlyStringProperty timingProperty() { return timing.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sizeProperty() { return size.getReadOnlyProperty(); }
    public ReadOnlyStringProperty requestIdProperty() { return requestId.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorCodeProperty() { return errorCode.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorMessageProperty() { return errorMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorMeaningProperty() { return errorMeaning.getReadOnlyProperty(); }
    public ObservableList<NameValue> responseHeaders() { return responseHeaders; }

    /** The request line and headers as sent (Authorization masked). */
    public ObservableList<NameValue> sentHeaders() { return sentHeaders; }

    public ReadOnlyObjectProperty<BodyDocument> bodyDocumentProperty() { return bodyDocument.getReadOnlyProperty(); }
    public ReadOnlyStringProperty bodyNoteProperty() { return bodyNote.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty bodyTruncatedProperty() { return bodyTruncated.getReadOnlyProperty(); }
    public ReadOnlyStringProperty wholeBodyHitsProperty() { return wholeBodyHits.getReadOnlyProperty(); }
    public BooleanProperty prettyProperty() { return pretty; }
    public ReadOnlyBooleanProperty hasNextPageProperty() { return hasNextPage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canFetchAllProperty() { return canFetchAll.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<DiagnosisRequest> lastFailureProperty() { return lastFailure.getReadOnlyProperty(); }
}
