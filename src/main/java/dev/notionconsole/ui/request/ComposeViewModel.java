package dev.notionconsole.ui.request;

import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.notion.NotionVersion;
import dev.notionconsole.notion.catalog.Endpoint;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.notion.catalog.EndpointParam;
import dev.notionconsole.request.FormFields;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.request.json.HighlightSpans;
import dev.notionconsole.request.json.JsonCheck;
import dev.notionconsole.request.json.JsonLexer;
import dev.notionconsole.request.preflight.Finding;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.FileType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The request being composed: method, path with one ID field per placeholder, query, headers, multipart form,
 * Notion-Version and JSON body, the catalog route it matches, the pre-send findings, and a token pasted with a
 * cURL command (memory only). {@link #currentSpec()} is what a send sends.
 */
public final class ComposeViewModel {
    public static final List<String> METHODS = List.of("GET", "POST", "PATCH", "DELETE");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final EndpointCatalog catalog;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Consumer<Runnable> uiThread;

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
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper importNotes = new ReadOnlyStringWrapper(this, "importNotes", "");
    private final BooleanProperty usePastedToken = new SimpleBooleanProperty(this, "usePastedToken", false);
    private final ReadOnlyBooleanWrapper hasPastedToken = new ReadOnlyBooleanWrapper(this, "hasPastedToken", false);
    private Secret pastedToken;

    /** @param uiThread how ID fields post their checks back to the UI thread */
    public ComposeViewModel(EndpointCatalog catalog, TaskRunner tasks, DialogService dialogs, Consumer<Runnable> uiThread) {
        this.catalog = catalog;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.uiThread = uiThread;
        path.addListener((o, a, b) -> syncPathParams());
        method.addListener((o, a, b) -> syncEndpoint());
        syncPathParams();
    }

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
    public void lexBody(String text, Consumer<HighlightSpans> onDone) {
        BackgroundTask.of("Highlight body", ctx -> JsonLexer.lex(text, ctx::isCancelled))
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
        List<NameValue> q = filled(query);
        List<NameValue> h = headers.stream().filter(r -> !r.getName().isBlank())
                .map(r -> new NameValue(r.getName().trim(), r.getValue().trim())).toList();
        String b = method.get().equals("GET") || method.get().equals("DELETE") ? "" : body.get();
        return new RequestSpec(method.get(), p, q, h, b, version.get(), filled(form));
    }

    private static List<NameValue> filled(List<KeyValueRow> rows) {
        return rows.stream().filter(r -> !r.getName().isBlank() && !r.getValue().isBlank())
                .map(r -> new NameValue(r.getName().trim(), r.getValue().trim())).toList();
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
        query.setAll(rows(spec.query()));
        headers.setAll(rows(spec.headers()));
        form.setAll(rows(spec.form()));
        version.set(spec.notionVersion() == null ? "" : spec.notionVersion());
        body.set(spec.body());
        findings.clear();
        syncEndpoint();
    }

    private static List<KeyValueRow> rows(List<NameValue> values) {
        return values.stream().map(q -> new KeyValueRow(q.name(), q.value(), "")).toList();
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

    /** A token that came with an imported cURL command: kept in memory only, used when the user ticks the box. */
    void adoptPastedToken(Secret token, String notes) {
        pastedToken = token;
        hasPastedToken.set(token != null);
        usePastedToken.set(false);
        importNotes.set(notes);
    }

    /** The pasted token when the user chose to send with it, else null (the connection's own token). */
    Secret tokenOverride() {
        return usePastedToken.get() ? pastedToken : null;
    }

    public List<String> versions() {
        List<String> v = new ArrayList<>(NotionVersion.ALL);
        Collections.reverse(v);
        return v;
    }

    // ------------------------------------------------------------------ properties

    public StringProperty methodProperty() { return method; }
    public StringProperty pathProperty() { return path; }
    public StringProperty versionProperty() { return version; }
    public StringProperty bodyProperty() { return body; }
    public ObservableList<IdField> pathParams() { return pathParams; }
    public ObservableList<KeyValueRow> query() { return query; }
    public ObservableList<KeyValueRow> headers() { return headers; }
    public ObservableList<KeyValueRow> form() { return form; }

    /** True when the picked route takes a multipart form (file upload send): the view shows the Form tab. */
    public ReadOnlyBooleanProperty multipartProperty() { return multipart.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Endpoint> endpointProperty() { return endpoint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty endpointSummaryProperty() { return endpointSummary.getReadOnlyProperty(); }
    public ObservableList<Finding> findings() { return findings; }
    public ReadOnlyStringProperty importNotesProperty() { return importNotes.getReadOnlyProperty(); }
    public BooleanProperty usePastedTokenProperty() { return usePastedToken; }
    public ReadOnlyBooleanProperty hasPastedTokenProperty() { return hasPastedToken.getReadOnlyProperty(); }
}
