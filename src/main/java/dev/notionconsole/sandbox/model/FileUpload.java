package dev.notionconsole.sandbox.model;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A file upload (docs/notion-api.md §2.9): who created it, how it is sent, what has arrived. Only sizes and SHA-256
 * hashes of the content are kept, never the bytes (decision 0066). Guarded by the model lock.
 */
public final class FileUpload {
    /** Uploads not attached within an hour of creation expire (Notion's "uploading small files" guide). */
    public static final Duration LIFETIME = Duration.ofHours(1);

    public enum Mode {
        SINGLE_PART, MULTI_PART, EXTERNAL_URL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode fromKey(String key) {
            return byKey(values(), key);
        }
    }

    public enum Status {
        PENDING, UPLOADED, EXPIRED, FAILED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromKey(String key) {
            return byKey(values(), key);
        }
    }

    /** The constant whose lower-case name is the key (the API's spelling), or null. */
    private static <E extends Enum<E>> E byKey(E[] values, String key) {
        for (E e : values) {
            if (e.name().toLowerCase(Locale.ROOT).equals(key)) {
                return e;
            }
        }
        return null;
    }

    /** One received part (multi_part) or the whole file (single_part, as part 1). */
    public record Part(long size, String sha256) {
    }

    /** Why an external_url import failed: file_import_result.error (SDK file-uploads.ts). */
    public record ImportError(String type, String code, String message, String parameter) {
    }

    private final String id;
    private final Workspace workspace;
    private final User createdBy;
    private final Mode mode;
    private final Integer numberOfParts;
    private final String externalUrl;
    private final Instant createdTime;
    private Instant lastEditedTime;
    private Instant expiryTime;
    private Status status = Status.PENDING;
    private String filename;
    private String contentType;
    private Long contentLength;
    private Instant importedTime;
    private ImportError importError;
    private final SortedMap<Integer, Part> parts = new TreeMap<>();

    public FileUpload(String id, Workspace workspace, User createdBy, Mode mode, String filename, String contentType,
                      Integer numberOfParts, String externalUrl, Instant createdTime) {
        this.id = id;
        this.workspace = workspace;
        this.createdBy = createdBy;
        this.mode = mode;
        this.filename = filename;
        this.contentType = contentType;
        this.numberOfParts = numberOfParts;
        this.externalUrl = externalUrl;
        this.createdTime = createdTime;
        this.lastEditedTime = createdTime;
        this.expiryTime = createdTime.plus(LIFETIME);
    }

    public String id() {
        return id;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** The bot that created it; only that bot sees it (one bot per internal connection or public install). */
    public User createdBy() {
        return createdBy;
    }

    public Mode mode() {
        return mode;
    }

    /** Parts announced at creation (multi_part), else null. */
    public Integer numberOfParts() {
        return numberOfParts;
    }

    public String externalUrl() {
        return externalUrl;
    }

    public Instant createdTime() {
        return createdTime;
    }

    public Instant lastEditedTime() {
        return lastEditedTime;
    }

    /** When it expires unless attached; null once attached to a page or block. */
    public Instant expiryTime() {
        return expiryTime;
    }

    /** The status as of now: pending or uploaded turn expired once the expiry time has passed. */
    public Status status(Instant now) {
        if ((status == Status.PENDING || status == Status.UPLOADED) && expiryTime != null && !now.isBefore(expiryTime)) {
            return Status.EXPIRED;
        }
        return status;
    }

    public String filename() {
        return filename;
    }

    public String contentType() {
        return contentType;
    }

    public Long contentLength() {
        return contentLength;
    }

    /** Received parts by number (single_part: part 1 once sent). */
    public SortedMap<Integer, Part> parts() {
        return Collections.unmodifiableSortedMap(parts);
    }

    /** Bytes received so far over all parts. */
    public long bytesReceived() {
        long sum = 0;
        for (Part p : parts.values()) {
            sum += p.size();
        }
        return sum;
    }

    /** Part numbers 1..numberOfParts not received yet (empty unless multi_part). */
    public List<Integer> missingParts() {
        List<Integer> out = new ArrayList<>();
        if (numberOfParts != null) {
            for (int i = 1; i <= numberOfParts; i++) {
                if (!parts.containsKey(i)) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    /** When an external_url import finished (successfully or not), else null. */
    public Instant importedTime() {
        return importedTime;
    }

    public ImportError importError() {
        return importError;
    }

    /** Records one sent part (a re-sent part number replaces the earlier one) and the file's name and type. */
    public void receivePart(int number, Part part, String filename, String contentType, Instant now) {
        parts.put(number, part);
        if (filename != null) {
            this.filename = filename;
        }
        if (contentType != null) {
            this.contentType = contentType;
        }
        lastEditedTime = minute(now);
    }

    /** All content is here (single_part send, multi_part complete). */
    public void markUploaded(Instant now) {
        status = Status.UPLOADED;
        contentLength = bytesReceived();
        lastEditedTime = minute(now);
    }

    /** The end of an external_url import: uploaded, or failed with the error; contentType null keeps the given one. */
    public void finishImport(ImportError error, String contentType, Instant now) {
        if (contentType != null) {
            this.contentType = contentType;
        }
        status = error == null ? Status.UPLOADED : Status.FAILED;
        importError = error;
        importedTime = now;
        lastEditedTime = minute(now);
    }

    /** Notion's edit times are whole minutes, like created_time (its upload guide's examples). */
    private static Instant minute(Instant t) {
        return t.truncatedTo(ChronoUnit.MINUTES);
    }

    /** Attached to a page or block: it no longer expires (Notion's "uploading small files" guide). */
    public void markAttached() {
        expiryTime = null;
    }
}
