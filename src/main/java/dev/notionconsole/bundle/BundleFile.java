package dev.notionconsole.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.io.AtomicFiles;
import dev.notionconsole.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code .ncbundle} file: {@link #preview} gives exactly the text that {@link #save} writes, so what people
 * read before saving is what leaves the machine. Blocking I/O: call from a background task.
 */
public final class BundleFile {
    public static final String EXTENSION = ".ncbundle";
    /** Bundles are small; a bigger file is not one of ours. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private BundleFile() {
    }

    /** The redacted document as it will be saved, byte for byte (UTF-8). */
    public static String preview(Bundle bundle, boolean pseudonyms) {
        return Json.pretty(BundleRedaction.apply(BundleJson.write(bundle), pseudonyms)) + "\n";
    }

    /** Writes a preview, atomically. */
    public static void save(Path file, String preview) throws IOException {
        AtomicFiles.write(file, preview.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IOException when the file cannot be read or is not a bundle of a format this console reads */
    public static Bundle open(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file.getFileName() + " is too large to be a bundle");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file.getFileName() + " is not valid JSON: " + e.getMessage(), e);
        }
        try {
            return BundleJson.read(root);
        } catch (IllegalArgumentException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
