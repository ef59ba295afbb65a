package dev.notionconsole.request.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notionconsole.core.io.AtomicFiles;
import dev.notionconsole.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every exchange, newest first, in {@code history.jsonl} in the config folder: one redacted JSON object per
 * line, appended as calls are made and rewritten atomically (via {@link AtomicFiles}) when it grows past the
 * bound, so adding an entry costs one small append and never a rewrite of 1,000 entries. A file with an
 * unreadable line is quarantined (moved aside, not deleted) and rewritten from the lines that could be read.
 * Blocking I/O: call it from background tasks. See docs/decisions/0062-history-format.md.
 */
public final class HistoryStore {
    public static final String FILE_NAME = "history.jsonl";
    public static final int DEFAULT_LIMIT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);

    private final Path file;
    private final int limit;
    private final ObjectMapper mapper = Json.mapper();
    /** Oldest first, as in the file. */
    private final List<HistoryEntry> entries = new ArrayList<>();
    private String loadProblem;

    private HistoryStore(Path file, int limit) {
        this.file = file;
        this.limit = limit;
    }

    /** Opens (and reads) the history in {@code folder}; never fails on a corrupt file. */
    public static HistoryStore open(Path folder) {
        return open(folder.resolve(FILE_NAME), DEFAULT_LIMIT);
    }

    public static HistoryStore open(Path file, int limit) {
        HistoryStore store = new HistoryStore(file, limit);
        store.load();
        return store;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        int bad = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    bad += readLine(line);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            bad++; // not even readable as text (binary garbage, bad encoding)
            LOG.warn("History file {} could not be read: {}", file, e.toString());
        }
        if (bad > 0) {
            try {
                Path aside = AtomicFiles.quarantine(file);
                loadProblem = "The history file had " + bad + " unreadable " + (bad == 1 ? "entry" : "entries")
                        + "; it was moved to " + aside.getFileName() + " and " + entries.size() + " entries were kept.";
                LOG.warn(loadProblem);
                trimToLimit();
                rewrite();
            } catch (IOException e) {
                loadProblem = "The history file is damaged and could not be moved aside: " + e.getMessage();
                LOG.warn(loadProblem);
            }
        } else if (entries.size() > limit) {
            trimToLimit();
            rewriteQuietly();
        }
    }

    /**
     * Reads every entry on one line: normally one, but two when an append once glued onto a line that had lost its
     * newline. A null, a non-object or leftover text counts as unreadable (and sets the file aside).
     *
     * @return how many unreadable pieces the line had (0 or 1)
     */
    private int readLine(String line) {
        try (MappingIterator<JsonNode> values = mapper.readerFor(JsonNode.class).readValues(line)) {
            while (values.hasNextValue()) {
                JsonNode value = values.nextValue();
                if (value == null || !value.isObject()) {
                    return 1;
                }
                entries.add(mapper.treeToValue(value, HistoryEntry.class));
            }
            return 0;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return 1;
        }
    }

    /** Why some history was set aside while loading, or null. For a one-time notice in the UI. */
    public synchronized String loadProblem() {
        return loadProblem;
    }

    /** Adds an exchange (redacted before it touches the disk); the oldest entries beyond the limit go. */
    public synchronized HistoryEntry add(HistoryEntry entry) throws IOException {
        HistoryEntry safe = entry.redacted();
        entries.add(safe);
        if (entries.size() > limit + Math.max(10, limit / 10)) {
            trimToLimit();
            rewrite();
        } else {
            append(safe);
        }
        return safe;
    }

    /** Newest first, at most the limit. */
    public synchronized List<HistoryEntry> entries() {
        List<HistoryEntry> copy = new ArrayList<>(entries.subList(Math.max(0, entries.size() - limit), entries.size()));
        Collections.reverse(copy);
        return copy;
    }

    public synchronized int size() {
        return Math.min(entries.size(), limit);
    }

    /**
     * Entries matching every term of {@code query}, newest first. Terms: {@code status:404} (or {@code 4xx}),
     * {@code code:object_not_found}, {@code conn:Name} / {@code connection:Name}, {@code method:POST},
     * {@code errors}; any other word matches the path, code, connection, status or request ID.
     */
    public List<HistoryEntry> search(String query) {
        return HistoryQuery.parse(query).filter(entries());
    }

    public synchronized void clear() throws IOException {
        entries.clear();
        Files.deleteIfExists(file);
    }

    public Path file() {
        return file;
    }

    private void trimToLimit() {
        if (entries.size() > limit) {
            entries.subList(0, entries.size() - limit).clear();
        }
    }

    private void append(HistoryEntry e) throws IOException {
        AtomicFiles.appendLine(file, (mapper.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void rewrite() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (HistoryEntry e : entries) {
            sb.append(mapper.writeValueAsString(e)).append('\n');
        }
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void rewriteQuietly() {
        try {
            rewrite();
        } catch (IOException e) {
            LOG.warn("Could not trim the history file {}: {}", file, e.toString());
        }
    }

    /** For search matching (lower case). */
    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
