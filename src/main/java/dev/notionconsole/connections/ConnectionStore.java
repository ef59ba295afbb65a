package dev.notionconsole.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.io.AtomicFiles;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.core.json.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code connections.json} in the config folder (docs/decisions/0041). Writes are atomic
 * ({@link AtomicFiles}); older formats are migrated (keeping a copy of the old file); an unreadable file is moved
 * aside with a message and the console starts without it; a file from a newer version is used read-only, so an
 * older console never destroys what a newer one wrote.
 */
public final class ConnectionStore {
    public static final int FORMAT_VERSION = 2;
    public static final String FILE_NAME = "connections.json";
    private static final long STALE_TEMP_MILLIS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionStore.class);

    /**
     * What loading found.
     *
     * @param existed false on a first start (no file yet), also after a corrupt file was moved aside
     * @param readOnly the file is from a newer version: {@link #save} refuses to overwrite it
     * @param notices messages for people (moved aside, migrated, newer format)
     */
    public record LoadResult(ConnectionsDocument document, boolean existed, boolean readOnly, List<String> notices) {
    }

    private final Path file;
    private volatile boolean readOnly;

    public ConnectionStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Never throws: whatever goes wrong ends in an empty document and a notice. */
    public LoadResult load() {
        List<String> notices = new ArrayList<>();
        try {
            return loadOrThrow(notices);
        } catch (JsonFiles.Unreadable e) {
            return corrupt(e.reason(), notices);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return corrupt(JsonFiles.describe(e, true), notices);
        }
    }

    private LoadResult loadOrThrow(List<String> notices) throws IOException {
        sweepTempFiles();
        JsonNode tree;
        try {
            tree = JsonFiles.readTree(file, true);
        } catch (NoSuchFileException e) {
            return new LoadResult(ConnectionsDocument.empty(), false, false, notices);
        }
        if (!(tree instanceof ObjectNode doc)) {
            return corrupt("it does not hold a JSON object", notices);
        }
        int version = FormatMigrations.versionOf(doc);
        if (version < 1) {
            return corrupt("it has no format version", notices);
        }
        boolean newer = version > FORMAT_VERSION;
        try {
            if (version < FORMAT_VERSION) {
                Path backup = file.resolveSibling(FILE_NAME + ".v" + version + ".bak");
                Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
                doc = FormatMigrations.upgrade(doc, version);
                notices.add("Connections were upgraded from format " + version + " to " + FORMAT_VERSION
                        + "; the old file was kept as " + backup.getFileName() + ".");
            }
            if (doc.has("connections") && !doc.get("connections").isNull() && !doc.get("connections").isArray()) {
                return corrupt("its \"connections\" is not a list", notices);
            }
            List<String> dropped = new ArrayList<>();
            ConnectionsDocument document = ConnectionEntries.bind(doc, notices, dropped);
            if (newer) {
                notices.add(FILE_NAME + " was written by a newer Notion Console (format " + version
                        + "). It is shown read-only: changes to connections are not saved until you use the newer version again.");
                readOnly = true;
            } else {
                if (!dropped.isEmpty()) {
                    // the next save rewrites the file without them: the original stays on disk
                    Path copy = AtomicFiles.keepCopy(file);
                    notices.add("The file as it was is kept as " + copy.getFileName() + " in " + file.getParent() + ".");
                    LOG.warn("Connections skipped on load ({}); original kept as {}", String.join("; ", dropped), copy);
                }
                if (version < FORMAT_VERSION) {
                    save(document);
                }
            }
            return new LoadResult(document, true, newer, notices);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return corrupt("its content does not match format " + version + " (" + firstLine(e.getMessage()) + ")", notices);
        }
    }

    /** Temp files of writes a crash interrupted (AtomicFiles names them ".connections.json.*.tmp"). */
    private void sweepTempFiles() {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (var stale = Files.newDirectoryStream(dir, "." + file.getFileName() + ".*.tmp")) {
            long cutoff = System.currentTimeMillis() - STALE_TEMP_MILLIS;
            for (Path p : stale) {
                // another console process may be writing right now: only old leftovers go
                if (Files.getLastModifiedTime(p).toMillis() < cutoff) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not sweep temp files: {}", e.toString());
        }
    }

    /** Writes the document atomically; temporary connections are never written. */
    public void save(ConnectionsDocument doc) throws IOException {
        if (readOnly) {
            throw new IOException(FILE_NAME + " is from a newer version of the console; not overwriting it.");
        }
        ConnectionsDocument toWrite = new ConnectionsDocument(FORMAT_VERSION, doc.currentConnectionId(),
                doc.secretsFileOptIn(), doc.sandboxDefaultsAdded(),
                doc.connections().stream().filter(c -> !c.temporary()).toList());
        AtomicFiles.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(toWrite));
    }

    public boolean readOnly() {
        return readOnly;
    }

    private LoadResult corrupt(String why, List<String> notices) {
        String where;
        try {
            where = "It was moved to " + AtomicFiles.quarantine(file).getFileName() + " in " + file.getParent() + ".";
        } catch (IOException e) {
            where = "It could not be moved aside (" + e.getMessage() + ").";
            readOnly = true;
        }
        String message = "Saved connections could not be loaded: " + file.getFileName() + " is unusable because "
                + why + ". " + where + " The console starts without it.";
        LOG.warn(message);
        notices.add(message);
        return new LoadResult(ConnectionsDocument.empty(), false, readOnly, notices);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
