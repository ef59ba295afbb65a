package dev.notionconsole.request.saved;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.io.AtomicFiles;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.core.json.JsonFiles;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named requests in {@code saved-requests.json} (config folder), written atomically. Export writes the same
 * format to a file of the user's choosing, and import merges such a file, so a team can share a collection.
 * Text is redacted on the way in: a saved request never holds a token. Blocking I/O: background tasks only.
 */
public final class SavedRequestStore {
    public static final String FILE_NAME = "saved-requests.json";
    /** Marks our export files, so an import of something else fails clearly. */
    public static final String FORMAT = "notion-console/saved-requests";
    /** The format version this console writes; a file with any other is opened read-only. */
    public static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(SavedRequestStore.class);

    private final Path file;
    private final List<SavedRequest> requests = new ArrayList<>();
    private String loadProblem;
    private boolean readOnly;

    private SavedRequestStore(Path file) {
        this.file = file;
    }

    public static SavedRequestStore open(Path folder) {
        SavedRequestStore s = new SavedRequestStore(folder.resolve(FILE_NAME));
        s.load();
        return s;
    }

    private void load() {
        JsonNode root;
        try {
            root = JsonFiles.readTree(file, true);
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        } catch (JsonFiles.Unreadable e) {
            setAside(e.reason());
            return;
        }
        if (!isOurs(root)) {
            setAside("it is not a Notion Console saved-requests file");
            return;
        }
        JsonNode version = root.get("version");
        List<String> skipped = new ArrayList<>();
        requests.addAll(entries(root, skipped));
        List<String> problems = new ArrayList<>();
        if (version == null || !version.isInt() || version.asInt() != VERSION) {
            // a newer console's file (or one this version cannot place): used, never rewritten
            readOnly = true;
            problems.add(FILE_NAME + " has format version " + (version == null ? "(none)" : version.toString())
                    + ", which this version of the console does not write (it writes " + VERSION + "). Its requests are shown "
                    + "read-only: saving, deleting and importing are refused so the file stays as it is.");
        }
        if (!skipped.isEmpty()) {
            String kept = "";
            if (!readOnly) {
                try {
                    kept = " The file as it was is kept as " + AtomicFiles.keepCopy(file).getFileName() + ".";
                } catch (IOException e) {
                    readOnly = true;
                    kept = " The file could not be copied aside (" + e.getMessage() + "), so it is not rewritten.";
                }
            }
            problems.add(skipped.size() + " saved " + (skipped.size() == 1 ? "request" : "requests") + " could not be read ("
                    + String.join("; ", skipped) + ") and " + (skipped.size() == 1 ? "was" : "were") + " skipped." + kept);
        }
        if (!problems.isEmpty()) {
            loadProblem = String.join(" ", problems);
            LOG.warn(Redactor.redact(loadProblem));
        }
    }

    private void setAside(String why) {
        try {
            Path aside = AtomicFiles.quarantine(file);
            loadProblem = "Saved requests could not be read (" + why + "); the file was moved to " + aside.getFileName() + ".";
        } catch (IOException q) {
            readOnly = true;
            loadProblem = "Saved requests could not be read (" + why + ") and the file could not be moved aside: " + q.getMessage();
        }
        LOG.warn(Redactor.redact(loadProblem));
    }

    /** True when the file was written by a newer console or could not be set aside: it is never rewritten. */
    public synchronized boolean readOnly() {
        return readOnly;
    }

    public synchronized String loadProblem() {
        return loadProblem;
    }

    public synchronized List<SavedRequest> all() {
        return List.copyOf(requests);
    }

    /** Groups in name order, each with its requests in name order. */
    public synchronized Map<String, List<SavedRequest>> byGroup() {
        Map<String, List<SavedRequest>> out = new LinkedHashMap<>();
        requests.stream()
                .sorted(Comparator.comparing((SavedRequest r) -> r.group().toLowerCase()).thenComparing(r -> r.name().toLowerCase()))
                .forEach(r -> out.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r));
        return out;
    }

    /** Saves a new request, or replaces the one with the same name in the same group. */
    public synchronized SavedRequest save(String name, String group, String endpointId, RequestSpec request) throws IOException {
        SavedRequest candidate = new SavedRequest(UUID.randomUUID().toString(), name, group, endpointId, sanitize(request), Instant.now());
        requests.removeIf(r -> r.name().equalsIgnoreCase(candidate.name()) && r.group().equalsIgnoreCase(candidate.group()));
        requests.add(candidate);
        persist();
        return candidate;
    }

    public synchronized void delete(String id) throws IOException {
        if (requests.removeIf(r -> r.id().equals(id))) {
            persist();
        }
    }

    /** Writes every saved request (or only {@code group} when not null) to {@code target}. */
    public synchronized void export(Path target, String group) throws IOException {
        List<SavedRequest> list = requests.stream().filter(r -> group == null || r.group().equals(group)).toList();
        AtomicFiles.write(target, document(list));
    }

    /**
     * Merges an exported file; requests with the same group and name are replaced.
     *
     * @return how many were imported
     */
    public synchronized int importFrom(Path source) throws IOException {
        List<SavedRequest> incoming = read(source);
        for (SavedRequest r : incoming) {
            requests.removeIf(x -> x.name().equalsIgnoreCase(r.name()) && x.group().equalsIgnoreCase(r.group()));
            requests.add(new SavedRequest(UUID.randomUUID().toString(), r.name(), r.group(), r.endpointId(), sanitize(r.request()),
                    r.savedAt() == null ? Instant.now() : r.savedAt()));
        }
        persist();
        return incoming.size();
    }

    private void persist() throws IOException {
        if (readOnly) {
            throw new IOException(FILE_NAME + " is read-only in this version of the console (see the notice when it was opened); "
                    + "nothing was changed.");
        }
        AtomicFiles.write(file, document(requests));
    }

    private static byte[] document(List<SavedRequest> list) throws IOException {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode arr = root.putArray("requests");
        for (SavedRequest r : list) {
            arr.add(Json.mapper().valueToTree(r));
        }
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static List<SavedRequest> read(Path source) throws IOException {
        JsonNode root;
        try {
            root = JsonFiles.readTree(source, true);
        } catch (JsonFiles.Unreadable e) {
            throw new IOException(source.getFileName() + " could not be read: " + e.reason(), e);
        }
        if (!isOurs(root)) {
            throw new IOException(source.getFileName() + " is not a Notion Console saved-requests file");
        }
        List<String> skipped = new ArrayList<>();
        List<SavedRequest> list = entries(root, skipped);
        if (!skipped.isEmpty()) {
            throw new IOException(source.getFileName() + ": " + String.join("; ", skipped));
        }
        return list;
    }

    private static boolean isOurs(JsonNode root) {
        return root != null && FORMAT.equals(root.path("format").asText()) && root.path("requests").isArray();
    }

    /** Every entry that binds; the others are described in {@code skipped}, so one bad entry costs only itself. */
    private static List<SavedRequest> entries(JsonNode root, List<String> skipped) {
        List<SavedRequest> list = new ArrayList<>();
        int index = 0;
        for (JsonNode n : root.get("requests")) {
            index++;
            try {
                SavedRequest r = n.isObject() ? Json.mapper().treeToValue(n, SavedRequest.class) : null;
                if (r == null) {
                    skipped.add("entry " + index + " is not a JSON object");
                } else {
                    list.add(r);
                }
            } catch (IOException | RuntimeException | StackOverflowError e) {
                skipped.add("entry " + index + ": " + JsonFiles.describe(e, false).replaceFirst("^it is not valid JSON", "a field has the wrong type"));
            }
        }
        return list;
    }

    /** Drops any Authorization header and masks token-shaped text: saved and exported files are shareable. */
    static RequestSpec sanitize(RequestSpec r) {
        List<NameValue> headers = r.headers().stream()
                .filter(h -> !h.name().equalsIgnoreCase("authorization"))
                .map(h -> new NameValue(h.name(), Redactor.redact(h.value()))).toList();
        List<NameValue> query = r.query().stream().map(q -> new NameValue(q.name(), Redactor.redact(q.value()))).toList();
        List<NameValue> form = r.form().stream().map(f -> new NameValue(f.name(), Redactor.redact(f.value()))).toList();
        return new RequestSpec(r.method(), r.path(), query, headers, Redactor.redact(r.body()), r.notionVersion(), form);
    }
}
