package dev.notionconsole.request.saved;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.io.AtomicFiles;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import java.io.IOException;
import java.nio.file.Files;
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
    private static final Logger LOG = LoggerFactory.getLogger(SavedRequestStore.class);

    private final Path file;
    private final List<SavedRequest> requests = new ArrayList<>();
    private String loadProblem;

    private SavedRequestStore(Path file) {
        this.file = file;
    }

    public static SavedRequestStore open(Path folder) {
        SavedRequestStore s = new SavedRequestStore(folder.resolve(FILE_NAME));
        s.load();
        return s;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            requests.addAll(read(file));
        } catch (IOException | RuntimeException e) {
            try {
                Path aside = AtomicFiles.quarantine(file);
                loadProblem = "Saved requests could not be read (" + e.getMessage() + "); the file was moved to " + aside.getFileName() + ".";
            } catch (IOException q) {
                loadProblem = "Saved requests could not be read: " + e.getMessage();
            }
            LOG.warn(Redactor.redact(loadProblem));
        }
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
        AtomicFiles.write(file, document(requests));
    }

    private static byte[] document(List<SavedRequest> list) throws IOException {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        ArrayNode arr = root.putArray("requests");
        for (SavedRequest r : list) {
            arr.add(Json.mapper().valueToTree(r));
        }
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static List<SavedRequest> read(Path source) throws IOException {
        JsonNode root = Json.mapper().readTree(source.toFile());
        if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("requests").isArray()) {
            throw new IOException(source.getFileName() + " is not a Notion Console saved-requests file");
        }
        List<SavedRequest> list = new ArrayList<>();
        for (JsonNode n : root.get("requests")) {
            list.add(Json.mapper().treeToValue(n, SavedRequest.class));
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
