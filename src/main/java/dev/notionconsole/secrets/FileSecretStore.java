package dev.notionconsole.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.io.AtomicFiles;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.core.json.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in a JSON file readable only by its owner (mode 0600, written through {@link AtomicFiles#writeOwnerOnly}).
 * Used only when there is no keychain and the user has opted in, after a plain warning: anyone who can read the
 * user's files (backups, other programs run as the user, root) can read these tokens.
 */
public final class FileSecretStore implements SecretStore {
    public static final String WARNING = "Tokens will be saved unencrypted in a file only your user account can read "
            + "(mode 0600). Any program running as you, your backups and administrators can read it.";
    private static final Logger LOG = LoggerFactory.getLogger(FileSecretStore.class);
    private static final int FORMAT = 1;

    private final Path file;
    private final Map<String, String> secrets = new TreeMap<>();
    /** Why the file must not be rewritten (a newer format), or null. */
    private String readOnlyReason;

    private FileSecretStore(Path file) {
        this.file = file;
    }

    /**
     * Opens (or prepares to create) the file. An unreadable file is moved aside rather than overwritten.
     *
     * @throws SecretStoreException when the file exists but cannot be read; it has then been moved aside
     */
    public static FileSecretStore open(Path file) throws SecretStoreException {
        FileSecretStore store = new FileSecretStore(file);
        if (Files.exists(file)) {
            store.load();
        }
        return store;
    }

    public Path file() {
        return file;
    }

    private void load() throws SecretStoreException {
        tightenPermissions();
        JsonNode doc;
        try {
            doc = JsonFiles.readTree(file, false); // never quote the parser: it can echo file content, i.e. a token
        } catch (IOException e) {
            throw unreadable(e instanceof JsonFiles.Unreadable u ? u.reason() : "it could not be read");
        }
        if (!doc.path("secrets").isObject()) {
            throw unreadable("it has no \"secrets\" object");
        }
        JsonNode format = doc.get("format");
        if (format != null && !(format.isInt() && format.asInt() == FORMAT)) {
            // a newer console's file: its secrets are used, the file is never rewritten by this version
            readOnlyReason = "The secrets file " + file + " has format " + format + ", which this version of the console does "
                    + "not write; its tokens are used but changes to them are refused until you use the newer version again.";
            LOG.warn(readOnlyReason);
        }
        int skipped = 0;
        var fields = doc.get("secrets").fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
                secrets.put(e.getKey(), e.getValue().asText());
                Secret.ofNullable(e.getValue().asText()); // registers the value with the redactor
            } else {
                skipped++;
            }
        }
        if (skipped > 0 && readOnlyReason == null) {
            // the next save would drop them: keep the file as it was
            try {
                Path copy = AtomicFiles.keepCopy(file);
                LOG.warn("{} entries of the secrets file are not text and were skipped; the file as it was is kept as {}", skipped, copy);
            } catch (IOException e) {
                readOnlyReason = "The secrets file " + file + " has entries this console cannot read and could not be copied aside; "
                        + "it is not changed.";
                LOG.warn(readOnlyReason);
            }
        }
    }

    private SecretStoreException unreadable(String why) {
        Path aside = quarantine();
        return new SecretStoreException("The secrets file " + file + " could not be read (" + why + ")"
                + (aside != null ? " and was moved to " + aside.getFileName() : "")
                + ". Saved tokens must be entered again.", null);
    }

    private Path quarantine() {
        try {
            return AtomicFiles.quarantine(file);
        } catch (IOException e) {
            LOG.warn("Could not move the unreadable secrets file aside: {}", e.getMessage());
            return null;
        }
    }

    /** A file someone widened (e.g. copied with a permissive umask) is narrowed back to the owner. */
    private void tightenPermissions() {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE).containsAll(perms)) {
                LOG.warn("The secrets file {} was readable by others; restricting it to its owner", file);
                Files.setPosixFilePermissions(file, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Cannot check the secrets file's permissions: {}", e.toString());
        }
    }

    @Override
    public synchronized Optional<Secret> get(String key) {
        return Optional.ofNullable(Secret.ofNullable(secrets.get(key)));
    }

    @Override
    public synchronized void put(String key, Secret secret) throws SecretStoreException {
        requireWritable();
        String old = secrets.put(key, secret.reveal());
        if (!secret.reveal().equals(old)) {
            save();
        }
    }

    @Override
    public synchronized void delete(String key) throws SecretStoreException {
        requireWritable();
        if (secrets.remove(key) != null) {
            save();
        }
    }

    /** Creates the (empty) file if it does not exist, so the opt-in is visible on disk with its mode. */
    synchronized void createIfAbsent() throws SecretStoreException {
        if (!Files.exists(file)) {
            save();
        }
    }

    /** Everything in the file, for moving it to another store. */
    synchronized Map<String, Secret> entries() {
        Map<String, Secret> out = new LinkedHashMap<>();
        secrets.forEach((k, v) -> out.put(k, Secret.of(v)));
        return out;
    }

    private void requireWritable() throws SecretStoreException {
        if (readOnlyReason != null) {
            throw new SecretStoreException(readOnlyReason, null);
        }
    }

    private void save() throws SecretStoreException {
        requireWritable();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("warning", "Notion Console secrets in clear text; readable only by their owner.");
        doc.put("secrets", secrets);
        try {
            AtomicFiles.writeOwnerOnly(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
        } catch (IOException e) {
            throw new SecretStoreException("Could not write the secrets file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Persistence persistence() {
        return Persistence.FILE;
    }

    @Override
    public String describe() {
        return "File readable only by you (" + file + ")";
    }
}
