package dev.notionconsole.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one way the console's stores read a JSON file (settings, connections, saved requests, secrets): bounded in
 * size, and every way the file can be unusable (not JSON, nested deeper or holding a longer text than the parser
 * accepts, larger than {@link #MAX_FILE_BYTES}, not even readable) ends in an {@link Unreadable} with a sentence
 * for people, never in a parser's internal exception. See docs/decisions/0090-store-fuzzing.md.
 */
public final class JsonFiles {
    /** No file the console writes comes near this; a larger one is set aside unread rather than loaded. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /** The file exists but cannot be used; {@link #reason()} completes "it is unusable because ...". */
    public static final class Unreadable extends IOException {
        private final String reason;

        public Unreadable(String reason, Throwable cause) {
            super(reason, cause);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private JsonFiles() {
    }

    /**
     * Reads and parses {@code file}.
     *
     * @param quoteContent false for files holding secrets: the reason then never repeats parser text, which can
     *     quote the file's content
     * @throws NoSuchFileException when there is no file (a first start)
     */
    public static JsonNode readTree(Path file, boolean quoteContent) throws NoSuchFileException, Unreadable {
        byte[] bytes = readBounded(file);
        try {
            JsonNode tree = Json.mapper().readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw new Unreadable("it is empty", null);
            }
            return tree;
        } catch (Unreadable e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new Unreadable(describe(e, quoteContent), e instanceof Exception ex ? ex : null);
        }
    }

    /** The file's bytes, refusing files over {@link #MAX_FILE_BYTES}. */
    public static byte[] readBounded(Path file) throws NoSuchFileException, Unreadable {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new Unreadable("it is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB", null);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw e;
        } catch (Unreadable e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("it could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** "it is not valid JSON (...) at line 3" and the like, for any failure to parse or bind a JSON text. */
    public static String describe(Throwable e, boolean quoteContent) {
        if (e instanceof StackOverflowError) {
            return "it is nested too deeply to read";
        }
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getMessage());
            StreamReadConstraints limits = StreamReadConstraints.defaults();
            if (m.contains("nesting depth")) {
                return "it is nested deeper than " + limits.getMaxNestingDepth() + " levels";
            }
            if (m.contains("String value length")) {
                return "it holds a text longer than " + String.format("%,d", limits.getMaxStringLength()) + " characters";
            }
            if (m.contains("Number value length")) {
                return "it holds a number longer than " + limits.getMaxNumberLength() + " digits";
            }
            if (m.contains("Name length")) {
                return "it holds a field name longer than " + String.format("%,d", limits.getMaxNameLength()) + " characters";
            }
            return "it is larger than the JSON reader accepts";
        }
        if (e instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation();
            String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr();
            return quoteContent ? "it is not valid JSON (" + firstLine(j.getOriginalMessage()) + where + ")"
                    : "it is not valid JSON" + where;
        }
        return "it could not be read (" + e.getClass().getSimpleName()
                + (quoteContent && e.getMessage() != null ? ": " + firstLine(e.getMessage()) : "") + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
