package dev.notionconsole.ui.request;

import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.diagnostics.DiagnosisRequest;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.catalog.Endpoint;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.request.history.HistoryEntry;
import dev.notionconsole.request.json.HighlightSpans;
import dev.notionconsole.request.preflight.Finding;
import dev.notionconsole.request.render.BodyRenderer;
import dev.notionconsole.request.saved.SavedRequest;
import dev.notionconsole.request.saved.SavedRequestStore;
import dev.notionconsole.request.send.RequestSender;
import dev.notionconsole.ui.common.DialogService;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The request builder, wired from five small ViewModels: {@link ComposeViewModel} (method, path, IDs, query,
 * headers, body; {@link CurlViewModel} for cURL in and out), {@link RunViewModel} (send, pages, waits, cancel,
 * reopening history), {@link ResponseViewModel} (the answer on screen), {@link HistoryViewModel} and
 * {@link SavedRequestsViewModel}. Panes may bind to a part; the methods below only delegate, so the view and its
 * tests keep one object to talk to (docs/decisions/0130-request-view-model-parts.md). No Node types: tested
 * without a toolkit with an inline task runner.
 */
public final class RequestViewModel {
    public static final List<String> METHODS = ComposeViewModel.METHODS;

    private final ComposeViewModel compose;
    private final CurlViewModel curl;
    private final ResponseViewModel response;
    private final HistoryViewModel history;
    private final SavedRequestsViewModel saved;
    private final RunViewModel run;

    /**
     * @param uiThread how listener callbacks from services reach the UI thread ({@code Platform::runLater})
     * @param diagnose the hand-over to Diagnostics (docs/decisions/0105-diagnostics-hand-over.md): receives the failed
     *     call, its connection and its answer when the user presses "Diagnose"
     */
    public RequestViewModel(ConnectionService connections, RequestSender sender, SavedRequestStore savedStore, TaskRunner tasks,
                            DialogService dialogs, BodyRenderer renderer, Consumer<Runnable> uiThread, Consumer<DiagnosisRequest> diagnose) {
        compose = new ComposeViewModel(sender.catalog(), tasks, dialogs, uiThread);
        curl = new CurlViewModel(compose, connections, sender, tasks, dialogs);
        response = new ResponseViewModel(tasks, dialogs, renderer, diagnose);
        history = new HistoryViewModel(sender.history(), tasks, dialogs);
        saved = new SavedRequestsViewModel(savedStore, compose, tasks, dialogs);
        run = new RunViewModel(connections, sender, compose, response, history, tasks, dialogs, uiThread);
    }

    public ComposeViewModel compose() { return compose; }
    public CurlViewModel curlActions() { return curl; }
    public RunViewModel run() { return run; }
    public ResponseViewModel response() { return response; }
    public HistoryViewModel historyList() { return history; }
    public SavedRequestsViewModel saved() { return saved; }

    public void dispose() { run.dispose(); }

    // ---- compose ---------------------------------------------------------------------------------------------
    public void pick(Endpoint e) { compose.pick(e); }
    public void lexBody(String text, Consumer<HighlightSpans> onDone) { compose.lexBody(text, onDone); }
    public List<Endpoint> searchCatalog(String text) { return compose.searchCatalog(text); }
    public RequestSpec currentSpec() { return compose.currentSpec(); }
    public void load(RequestSpec spec) { compose.load(spec); }
    public void addHeader() { compose.addHeader(); }
    public void addQuery() { compose.addQuery(); }
    public void addFormField() { compose.addFormField(); }
    public void chooseFile(KeyValueRow row) { compose.chooseFile(row); }
    public void formatBody() { compose.formatBody(); }
    public List<String> versions() { return compose.versions(); }
    public StringProperty methodProperty() { return compose.methodProperty(); }
    public StringProperty pathProperty() { return compose.pathProperty(); }
    public StringProperty versionProperty() { return compose.versionProperty(); }
    public StringProperty bodyProperty() { return compose.bodyProperty(); }
    public ObservableList<IdField> pathParams() { return compose.pathParams(); }
    public ObservableList<KeyValueRow> query() { return compose.query(); }
    public ObservableList<KeyValueRow> form() { return compose.form(); }
    public ReadOnlyBooleanProperty multipartProperty() { return compose.multipartProperty(); }
    public ObservableList<KeyValueRow> headers() { return compose.headers(); }
    public ReadOnlyObjectProperty<Endpoint> endpointProperty() { return compose.endpointProperty(); }
    public ReadOnlyStringProperty endpointSummaryProperty() { return compose.endpointSummaryProperty(); }
    public ObservableList<Finding> findings() { return compose.findings(); }
    public ReadOnlyStringProperty importNotesProperty() { return compose.importNotesProperty(); }
    public BooleanProperty usePastedTokenProperty() { return compose.usePastedTokenProperty(); }
    public ReadOnlyBooleanProperty hasPastedTokenProperty() { return compose.hasPastedTokenProperty(); }

    // ---- cURL ------------------------------------------------------------------------------------------------
    public String curl() { return curl.curl(); }
    public void copyAsCurl() { curl.copyAsCurl(); }
    public void copyAsCurlWithToken() { curl.copyAsCurlWithToken(); }
    public void importCurl(String command) { curl.importCurl(command); }
    public void importCurlFromPrompt() { curl.importCurlFromPrompt(); }

    // ---- run -------------------------------------------------------------------------------------------------
    public void send() { run.send(); }
    public void sendAnyway() { run.sendAnyway(); }
    public void nextPage() { run.nextPage(); }
    public void fetchAll() { run.fetchAll(); }
    public void cancel() { run.cancel(); }
    public void reopen(HistoryEntry e) { run.reopen(e); }
    public ReadOnlyBooleanProperty sendingProperty() { return run.sendingProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return run.progressTextProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return run.progressProperty(); }
    public ReadOnlyLongProperty waitEndsAtProperty() { return run.waitEndsAtProperty(); }
    public ReadOnlyStringProperty waitReasonProperty() { return run.waitReasonProperty(); }
    public ReadOnlyStringProperty connectionLabelProperty() { return run.connectionLabelProperty(); }

    // ---- response --------------------------------------------------------------------------------------------
    public List<int[]> findInBody(String text) { return response.findInBody(text); }
    public void copyBody() { response.copyBody(); }
    public void copyRequestId() { response.copyRequestId(); }
    public void copyText(String text, String what) { response.copyText(text, what); }
    public void saveFullBody() { response.saveFullBody(); }
    public void diagnoseLastFailure() { response.diagnoseLastFailure(); }
    public ReadOnlyObjectProperty<Exchange> exchangeProperty() { return response.exchangeProperty(); }
    public ReadOnlyStringProperty statusTextProperty() { return response.statusTextProperty(); }
    public ReadOnlyStringProperty statusMeaningProperty() { return response.statusMeaningProperty(); }
    public ReadOnlyStringProperty statusKindProperty() { return response.statusKindProperty(); }
    public ReadOnlyStringProperty responseSourceProperty() { return response.responseSourceProperty(); }
    public ReadOnlyStringProperty timingProperty() { return response.timingProperty(); }
    public ReadOnlyStringProperty sizeProperty() { return response.sizeProperty(); }
    public ReadOnlyStringProperty requestIdProperty() { return response.requestIdProperty(); }
    public ReadOnlyStringProperty errorCodeProperty() { return response.errorCodeProperty(); }
    public ReadOnlyStringProperty errorMessageProperty() { return response.errorMessageProperty(); }
    public ReadOnlyStringProperty errorMeaningProperty() { return response.errorMeaningProperty(); }
    public ObservableList<NameValue> responseHeaders() { return response.responseHeaders(); }
    public ObservableList<NameValue> sentHeaders() { return response.sentHeaders(); }
    public ReadOnlyObjectProperty<BodyDocument> bodyDocumentProperty() { return response.bodyDocumentProperty(); }
    public ReadOnlyStringProperty bodyNoteProperty() { return response.bodyNoteProperty(); }
    public ReadOnlyBooleanProperty bodyTruncatedProperty() { return response.bodyTruncatedProperty(); }
    public ReadOnlyStringProperty wholeBodyHitsProperty() { return response.wholeBodyHitsProperty(); }
    public BooleanProperty prettyProperty() { return response.prettyProperty(); }
    public ReadOnlyBooleanProperty hasNextPageProperty() { return response.hasNextPageProperty(); }
    public ReadOnlyBooleanProperty canFetchAllProperty() { return response.canFetchAllProperty(); }
    public ReadOnlyObjectProperty<DiagnosisRequest> lastFailureProperty() { return response.lastFailureProperty(); }

    // ---- history and saved requests --------------------------------------------------------------------------
    public ObservableList<HistoryEntry> history() { return history.entries(); }
    public ObservableList<HistoryEntry> allHistory() { return history.allEntries(); }
    public StringProperty historyQueryProperty() { return history.queryProperty(); }
    public void clearHistory() { history.clear(); }
    public ObservableList<SavedRequest> savedRequests() { return saved.requests(); }
    public void saveRequestAs() { saved.saveAs(); }
    public void saveRequest(String name, String group) { saved.save(name, group); }
    public void openSaved(SavedRequest r) { saved.open(r); }
    public void deleteSaved(SavedRequest r) { saved.delete(r); }
    public void exportSaved() { saved.exportAll(); }
    public void importSaved() { saved.importFrom(); }
}
