package dev.notionconsole.ui.diagnostics;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.diagnostics.DiagnosisRequest;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The call to diagnose, as the Diagnostics section's input shows it: connection, method, path, body, version. It
 * comes handed over (from Request's "Diagnose", from history, from Explorer) with the answer the call got, or is
 * typed in. Editing a handed-over call makes it a typed one: the answer no longer belongs to it, so the engine
 * sends the edited call itself (reads only, docs/decisions/0106-diagnostics-input.md). Whether it was edited is
 * decided by comparing the calls, not by watching the controls (an editable combo box rewrites "" as null).
 */
public final class CallInput {
    public static final List<String> METHODS = List.of("GET", "POST", "PATCH", "DELETE");

    private final ObjectProperty<Connection> connection = new SimpleObjectProperty<>(this, "connection");
    private final StringProperty method = new SimpleStringProperty(this, "method", "GET");
    private final StringProperty path = new SimpleStringProperty(this, "path", "");
    private final StringProperty body = new SimpleStringProperty(this, "body", "");
    /** "" = the connection's own Notion-Version. */
    private final StringProperty version = new SimpleStringProperty(this, "version", "");
    private final BooleanProperty witnesses = new SimpleBooleanProperty(this, "witnesses", true);
    private DiagnosisRequest handed;

    /** Fills the input from a hand-over and remembers its answer while the input stays as handed. */
    void fill(DiagnosisRequest r, Connection c) {
        RequestSpec s = r.request();
        handed = null;
        connection.set(c);
        method.set(s.method());
        path.set(pathWithQuery(s));
        body.set(s.body());
        version.set(s.notionVersion() == null ? "" : s.notionVersion());
        handed = r;
    }

    /**
     * What to give the engine: the handed-over request while the input is unchanged, else a typed call.
     *
     * @throws IllegalArgumentException with a message for the user when the input cannot be a call
     */
    DiagnosisRequest toRequest() {
        Connection c = connection.get();
        if (c == null) {
            throw new IllegalArgumentException("Choose the connection the call was sent as.");
        }
        RequestSpec spec = spec();
        if (handed != null && handed.connectionId().equals(c.id()) && sameCall(handed.request(), spec)) {
            return handed;
        }
        return DiagnosisRequest.typed(c.id(), spec);
    }

    /** The call as typed. */
    RequestSpec spec() {
        String m = method.get() == null ? "" : method.get().strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw new IllegalArgumentException("The method should be GET, POST, PATCH or DELETE, not \"" + method.get() + "\".");
        }
        String p = path.get() == null ? "" : path.get().strip();
        if (p.regionMatches(true, 0, "http://", 0, 7) || p.regionMatches(true, 0, "https://", 0, 8)) {
            try {
                URI u = URI.create(p); // a pasted https://api.notion.com/v1/... keeps only its path and query
                p = u.getRawPath() + (u.getRawQuery() != null ? "?" + u.getRawQuery() : "");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The path is not a URL the console can read: " + e.getMessage());
            }
        }
        if (!p.startsWith("/v1/")) {
            throw new IllegalArgumentException("The path should start with /v1/, e.g. /v1/pages/<id>.");
        }
        List<NameValue> query = new ArrayList<>();
        int q = p.indexOf('?');
        if (q >= 0) {
            for (String pair : p.substring(q + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    query.add(new NameValue(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1))));
                }
            }
            p = p.substring(0, q);
        }
        String v = version.get() == null || version.get().isBlank() ? null : version.get().strip();
        return new RequestSpec(m, p, query, List.of(), body.get() == null ? "" : body.get(), v);
    }

    /** Where the input came from, for the caption above it ("" when typed). */
    String origin() {
        return handed == null ? "" : Objects.requireNonNullElse(handed.origin(), "");
    }

    /** True while the input is still the handed-over call (the same connection and call, however a control spells it). */
    boolean handedStillApplies() {
        try {
            return handed != null && toRequest() == handed;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    DiagnosisRequest handed() {
        return handed;
    }

    private static boolean sameCall(RequestSpec a, RequestSpec b) {
        // a query may sit in the path ("?block_id=…") or in the query list: compare them written out
        return a.method().equals(b.method()) && pathWithQuery(a).equals(pathWithQuery(b))
                && a.body().strip().equals(b.body().strip()) && Objects.equals(a.notionVersion(), b.notionVersion());
    }

    private static String pathWithQuery(RequestSpec s) {
        StringBuilder sb = new StringBuilder(s.path());
        char sep = s.path().contains("?") ? '&' : '?';
        for (NameValue q : s.query()) {
            if (!q.value().isEmpty()) {
                sb.append(sep).append(encode(q.name())).append('=').append(encode(q.value()));
                sep = '&';
            }
        }
        return sb.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public ObjectProperty<Connection> connectionProperty() {
        return connection;
    }

    public StringProperty methodProperty() {
        return method;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public StringProperty versionProperty() {
        return version;
    }

    public BooleanProperty witnessesProperty() {
        return witnesses;
    }
}
