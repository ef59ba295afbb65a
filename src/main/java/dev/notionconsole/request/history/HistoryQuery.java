package dev.notionconsole.request.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** A parsed history search (see {@link HistoryStore#search(String)}); every term must match. */
public final class HistoryQuery {
    private final List<Predicate<HistoryEntry>> terms;

    private HistoryQuery(List<Predicate<HistoryEntry>> terms) {
        this.terms = terms;
    }

    public static HistoryQuery parse(String query) {
        List<Predicate<HistoryEntry>> terms = new ArrayList<>();
        if (query != null) {
            for (String raw : query.trim().split("\\s+")) {
                if (!raw.isEmpty()) {
                    terms.add(term(raw));
                }
            }
        }
        return new HistoryQuery(terms);
    }

    public List<HistoryEntry> filter(List<HistoryEntry> entries) {
        return entries.stream().filter(e -> terms.stream().allMatch(t -> t.test(e))).toList();
    }

    private static Predicate<HistoryEntry> term(String raw) {
        String t = raw.toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        if (colon > 0) {
            String key = t.substring(0, colon);
            String v = t.substring(colon + 1);
            switch (key) {
                case "status":
                    return statusTerm(v);
                case "code":
                    return e -> HistoryStore.lower(e.errorCode()).contains(v);
                case "conn", "connection":
                    return e -> HistoryStore.lower(e.connectionName()).contains(v);
                case "method":
                    return e -> e.request().method().equalsIgnoreCase(v);
                case "path":
                    return e -> HistoryStore.lower(e.request().path()).contains(v);
                default:
                    break;
            }
        }
        if (t.equals("errors") || t.equals("failed")) {
            return e -> !e.ok();
        }
        if (t.matches("[1-5]xx|[1-5][0-9]{2}")) {
            return statusTerm(t);
        }
        return e -> HistoryStore.lower(e.request().path()).contains(t)
                || HistoryStore.lower(e.errorCode()).contains(t)
                || HistoryStore.lower(e.connectionName()).contains(t)
                || HistoryStore.lower(e.requestId()).contains(t)
                || HistoryStore.lower(e.endpointId()).contains(t)
                || String.valueOf(e.status()).equals(t);
    }

    private static Predicate<HistoryEntry> statusTerm(String v) {
        if (v.matches("[1-5]xx")) {
            int hundreds = v.charAt(0) - '0';
            return e -> e.status() / 100 == hundreds;
        }
        return e -> String.valueOf(e.status()).equals(v);
    }
}
