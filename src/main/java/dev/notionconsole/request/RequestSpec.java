package dev.notionconsole.request;

import dev.notionconsole.notion.ApiRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A composed request, independent of any connection: what the builder edits, history re-opens, saved
 * requests keep and cURL import/export reads and writes. It never holds a credential: the token comes from
 * the connection when the request is sent.
 *
 * @param path the concrete path under the base URL, e.g. {@code /v1/pages/59833787-...}, without query string
 * @param query query parameters in order
 * @param headers custom headers only; Authorization, Notion-Version and Content-Type are set by the sender
 * @param body the JSON body as typed, or "" for none
 * @param notionVersion a per-request Notion-Version override, or null for the connection's version
 * @param form multipart form fields in curl's {@code -F} spelling ({@code file=@/path/notes.pdf;type=...},
 *     {@code part_number=2}), sent instead of a JSON body; only file uploads take one ({@link FormFields})
 */
public record RequestSpec(String method, String path, List<NameValue> query, List<NameValue> headers, String body,
                          String notionVersion, List<NameValue> form) {
    public RequestSpec {
        form = form == null ? List.of() : List.copyOf(form);
        method = Objects.requireNonNull(method, "method").trim().toUpperCase(Locale.ROOT);
        path = Objects.requireNonNull(path, "path").trim();
        query = query == null ? List.of() : List.copyOf(query);
        headers = headers == null ? List.of() : List.copyOf(headers);
        body = body == null ? "" : body;
        notionVersion = notionVersion == null || notionVersion.isBlank() ? null : notionVersion.trim();
    }

    /** A request without form fields. */
    public RequestSpec(String method, String path, List<NameValue> query, List<NameValue> headers, String body, String notionVersion) {
        this(method, path, query, headers, body, notionVersion, List.of());
    }

    public static RequestSpec of(String method, String path) {
        return new RequestSpec(method, path, List.of(), List.of(), "", null);
    }

    public RequestSpec withBody(String newBody) {
        return new RequestSpec(method, path, query, headers, newBody, notionVersion, form);
    }

    public RequestSpec withQuery(List<NameValue> newQuery) {
        return new RequestSpec(method, path, newQuery, headers, body, notionVersion, form);
    }

    public RequestSpec withVersion(String version) {
        return new RequestSpec(method, path, query, headers, body, version, form);
    }

    public RequestSpec withHeaders(List<NameValue> newHeaders) {
        return new RequestSpec(method, path, query, newHeaders, body, notionVersion, form);
    }

    public RequestSpec withForm(List<NameValue> newForm) {
        return new RequestSpec(method, path, query, headers, body, notionVersion, newForm);
    }

    public boolean hasBody() {
        return !body.isBlank();
    }

    public boolean hasForm() {
        return !form.isEmpty();
    }

    /** The version this request is sent with, given the connection's default. */
    public String effectiveVersion(String connectionVersion) {
        return notionVersion != null ? notionVersion : connectionVersion;
    }

    /**
     * The request the client sends: the one place a composed request becomes an {@link ApiRequest}.
     *
     * @throws IllegalArgumentException for a header the HTTP client refuses (see {@link ApiRequest#checkHeader}),
     *     a malformed form field, or both a JSON body and form fields
     */
    public ApiRequest toApiRequest() {
        ApiRequest r = ApiRequest.method(method, path).body(hasBody() ? body : null).version(notionVersion);
        if (hasForm()) {
            r = r.form(FormFields.parts(form));
        }
        for (NameValue q : query) {
            r = r.query(q.name(), q.value());
        }
        for (NameValue h : headers) {
            r = r.header(h.name(), h.value());
        }
        return r;
    }

    /** "POST /v1/search": for titles, history and logs. */
    public String describe() {
        return method + " " + path;
    }
}
