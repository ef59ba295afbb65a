package dev.notionconsole.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code multipart/form-data} request body (RFC 7578 on RFC 2046 section 5.1), read as a stream: file parts are
 * counted and hashed (SHA-256) and their bytes dropped, short text fields are kept. Memory stays at one 64 KiB
 * buffer whatever the upload's size. Strict where clients get it wrong: the boundary must come from the
 * Content-Type header, every part needs {@code Content-Disposition: form-data; name=...}, header lines must be
 * {@code Name: value} ending in CRLF, and the body must end with the closing delimiter. A preamble, transport
 * padding after a delimiter and an epilogue are allowed, as RFC 2046 says.
 *
 * <p>The result is either the parts or a problem (a sentence for a validation_error message); reading never
 * throws for bad content, only for I/O.
 *
 * <p>Over 400 lines, knowingly: one streaming parser whose reader and sink (nested) share the buffer and the position;
 * apart they would be harder to check against the RFCs.
 */
public final class MultipartForm {
    /** Text fields longer than this are counted but not kept. */
    public static final int MAX_TEXT_BYTES = 1024;
    static final int MAX_PARTS = 16;
    static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final int BUFFER = 64 * 1024;

    /**
     * One part. {@code text} is the UTF-8 value of a field without a filename when at most {@link #MAX_TEXT_BYTES}
     * long, else null; {@code sha256} is set for the {@code file} part and parts with a filename.
     */
    public record Part(String name, String filename, String contentType, long size, String sha256, String text) {
        public boolean isFile() {
            return sha256 != null;
        }
    }

    private final List<Part> parts;
    private final String problem;

    private MultipartForm(List<Part> parts, String problem) {
        this.parts = parts;
        this.problem = problem;
    }

    /** Null when the body was well-formed, else why it was not. */
    public String problem() {
        return problem;
    }

    public List<Part> parts() {
        return parts;
    }

    /** The first part with this name, or null. */
    public Part part(String name) {
        for (Part p : parts) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Reads a body sent with the given Content-Type header (null when absent). Consumes the stream up to the
     * closing delimiter (or the first problem); the caller drains the rest.
     */
    public static MultipartForm read(String contentType, InputStream in) throws IOException {
        String boundary;
        try {
            boundary = boundary(contentType);
        } catch (Malformed e) {
            return new MultipartForm(List.of(), e.getMessage());
        }
        List<Part> parts = new ArrayList<>();
        try {
            new Reader(in, boundary, parts).readAll();
            return new MultipartForm(List.copyOf(parts), null);
        } catch (Malformed e) {
            return new MultipartForm(List.copyOf(parts), "The multipart/form-data body is malformed: " + e.getMessage());
        }
    }

    /** The boundary parameter of a multipart/form-data Content-Type (RFC 2046 5.1.1: 1 to 70 characters). */
    static String boundary(String contentType) throws Malformed {
        if (contentType == null || contentType.isBlank()) {
            throw new Malformed("The request body should be multipart/form-data (RFC 7578) with a `file` field; the request "
                    + "had no Content-Type header.");
        }
        HeaderValue v;
        try {
            v = HeaderValue.parse(contentType);
        } catch (Malformed e) {
            throw new Malformed("The Content-Type header is malformed: " + e.getMessage());
        }
        if (!"multipart/form-data".equals(v.value())) {
            throw new Malformed("The request body should be multipart/form-data (RFC 7578) with a `file` field, instead the "
                    + "Content-Type was `" + contentType.strip() + "`.");
        }
        String b = v.params().get("boundary");
        if (b == null || b.isEmpty()) {
            throw new Malformed("The Content-Type `" + contentType.strip() + "` has no boundary parameter (RFC 2046 section 5.1.1).");
        }
        if (b.length() > 70 || b.endsWith(" ")) {
            throw new Malformed("The multipart boundary should be 1 to 70 characters and not end with a space (RFC 2046 section "
                    + "5.1.1), instead it was " + b.length() + " characters.");
        }
        return b;
    }

    /** A bad body; the message is the sentence shown to the client. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** A header value with its parameters: {@code form-data; name="file"; filename="a.txt"}. Keys are lower case. */
    record HeaderValue(String value, Map<String, String> params) {
        static HeaderValue parse(String raw) throws Malformed {
            int i = raw.indexOf(';');
            String value = (i < 0 ? raw : raw.substring(0, i)).strip().toLowerCase(Locale.ROOT);
            Map<String, String> params = new LinkedHashMap<>();
            while (i >= 0 && i < raw.length()) {
                i++; // past ';'
                while (i < raw.length() && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) {
                    i++;
                }
                if (i >= raw.length()) {
                    break;
                }
                int eq = raw.indexOf('=', i);
                if (eq < 0) {
                    throw new Malformed("the header parameter `" + raw.substring(i).strip() + "` has no value.");
                }
                String key = raw.substring(i, eq).strip().toLowerCase(Locale.ROOT);
                i = eq + 1;
                StringBuilder val = new StringBuilder();
                if (i < raw.length() && raw.charAt(i) == '"') {
                    i++;
                    boolean closed = false;
                    while (i < raw.length()) {
                        char c = raw.charAt(i++);
                        if (c == '\\' && i < raw.length()) {
                            val.append(raw.charAt(i++));
                        } else if (c == '"') {
                            closed = true;
                            break;
                        } else {
                            val.append(c);
                        }
                    }
                    if (!closed) {
                        throw new Malformed("the quoted value of header parameter `" + key + "` is not closed.");
                    }
                    while (i < raw.length() && raw.charAt(i) != ';') {
                        if (raw.charAt(i) != ' ' && raw.charAt(i) != '\t') {
                            throw new Malformed("unexpected text after the quoted value of header parameter `" + key + "`.");
                        }
                        i++;
                    }
                } else {
                    int end = raw.indexOf(';', i);
                    end = end < 0 ? raw.length() : end;
                    val.append(raw, i, end);
                    i = end;
                    String t = val.toString().strip();
                    val.setLength(0);
                    val.append(t);
                }
                params.putIfAbsent(key, val.toString());
                if (i >= raw.length() || raw.charAt(i) != ';') {
                    break;
                }
            }
            return new HeaderValue(value, params);
        }
    }

    /** The streaming state machine over one buffer. */
    private static final class Reader {
        private final InputStream in;
        private final byte[] delimiter;
        private final String boundary;
        private final List<Part> parts;
        private final byte[] buf = new byte[BUFFER];
        private int pos;
        private int lim;

        Reader(InputStream in, String boundary, List<Part> parts) {
            this.in = in;
            this.boundary = boundary;
            this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            this.parts = parts;
            // The first delimiter may open the body without a CRLF before it: pretend there was one.
            buf[0] = '\r';
            buf[1] = '\n';
            lim = 2;
        }

        void readAll() throws IOException, Malformed {
            if (!scanToDelimiter(null)) {
                throw new Malformed("no part starts with the boundary `--" + boundary + "` given in the Content-Type header.");
            }
            while (!afterDelimiterIsClose()) {
                if (parts.size() == MAX_PARTS) {
                    throw new Malformed("it has more than " + MAX_PARTS + " parts.");
                }
                readPart();
            }
        }

        /** After a delimiter: true for the closing "--", else skips transport padding and the CRLF. */
        private boolean afterDelimiterIsClose() throws IOException, Malformed {
            if (!ensure(2)) {
                throw endsEarly();
            }
            if (buf[pos] == '-' && buf[pos + 1] == '-') {
                pos += 2;
                return true;
            }
            while (true) {
                if (!ensure(2)) {
                    throw endsEarly();
                }
                if (buf[pos] == ' ' || buf[pos] == '\t') {
                    pos++;
                } else if (buf[pos] == '\r' && buf[pos + 1] == '\n') {
                    pos += 2;
                    return false;
                } else {
                    throw new Malformed("a boundary line `--" + boundary + "` is followed by other text on the same line.");
                }
            }
        }

        private void readPart() throws IOException, Malformed {
            String name = null;
            String filename = null;
            String contentType = null;
            int budget = MAX_HEADER_BYTES;
            while (true) {
                String line = readLine(budget);
                budget -= line.length() + 2;
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                    throw new Malformed("the part header line `" + shorten(line) + "` is not `Name: value`.");
                }
                String header = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                if (header.equals("content-disposition")) {
                    HeaderValue d = HeaderValue.parse(value);
                    if (!"form-data".equals(d.value())) {
                        throw new Malformed("a part's Content-Disposition should be `form-data`, instead was `" + shorten(d.value()) + "`.");
                    }
                    name = d.params().get("name");
                    filename = baseName(d.params().get("filename"));
                } else if (header.equals("content-type")) {
                    contentType = value;
                }
            }
            if (name == null || name.isEmpty()) {
                throw new Malformed("part " + (parts.size() + 1) + " has no `Content-Disposition: form-data; name=\"...\"` header.");
            }
            boolean file = filename != null || name.equals("file");
            Sink sink = file ? new Sink(digest()) : new Sink(null);
            if (!scanToDelimiter(sink)) {
                throw endsEarly();
            }
            String text = file || sink.size > MAX_TEXT_BYTES ? null : new String(sink.text, 0, (int) sink.size, StandardCharsets.UTF_8);
            parts.add(new Part(name, filename, contentType, sink.size, file ? HexFormat.of().formatHex(sink.digest.digest()) : null, text));
        }

        /** A line ending in CRLF, without it; at most budget bytes. */
        private String readLine(int budget) throws IOException, Malformed {
            int from = pos;
            while (true) {
                for (int i = from; i + 1 < lim; i++) {
                    if (buf[i] == '\r' && buf[i + 1] == '\n') {
                        if (i - pos > budget) {
                            break;
                        }
                        String line = new String(buf, pos, i - pos, StandardCharsets.UTF_8);
                        pos = i + 2;
                        return line;
                    }
                }
                if (lim - pos > budget) {
                    throw new Malformed("a part's headers are longer than " + MAX_HEADER_BYTES + " bytes.");
                }
                int scanned = Math.max(0, lim - 1 - pos);
                if (!fill()) {
                    throw endsEarly();
                }
                from = pos + scanned;
            }
        }

        /**
         * Feeds bytes to the sink up to the next delimiter and steps over it. False when the body ends first.
         * Keeps delimiter-length - 1 bytes back each round, so a delimiter split across reads is still found.
         */
        private boolean scanToDelimiter(Sink sink) throws IOException {
            while (true) {
                int idx = indexOfDelimiter();
                if (idx >= 0) {
                    if (sink != null) {
                        sink.accept(buf, pos, idx - pos);
                    }
                    pos = idx + delimiter.length;
                    return true;
                }
                int safe = Math.max(pos, lim - (delimiter.length - 1));
                if (sink != null) {
                    sink.accept(buf, pos, safe - pos);
                }
                pos = safe;
                if (!fill()) {
                    return false;
                }
            }
        }

        private int indexOfDelimiter() {
            int last = lim - delimiter.length;
            outer:
            for (int i = pos; i <= last; i++) {
                if (buf[i] != '\r') {
                    continue;
                }
                for (int j = 1; j < delimiter.length; j++) {
                    if (buf[i + j] != delimiter[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private boolean ensure(int n) throws IOException {
            while (lim - pos < n) {
                if (!fill()) {
                    return false;
                }
            }
            return true;
        }

        /** Moves unread bytes to the front and reads more; false at the end of the body. */
        private boolean fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                return false;
            }
            lim += n;
            return true;
        }

        private Malformed endsEarly() {
            return new Malformed("it ends before the closing boundary `--" + boundary + "--`.");
        }
    }

    /** Counts a part's bytes, hashing file content and keeping the start of text fields. */
    private static final class Sink {
        private final MessageDigest digest;
        private byte[] text;
        private long size;

        Sink(MessageDigest digest) {
            this.digest = digest;
            this.text = digest == null ? new byte[MAX_TEXT_BYTES] : null;
        }

        void accept(byte[] b, int off, int len) {
            if (len <= 0) {
                return;
            }
            if (digest != null) {
                digest.update(b, off, len);
            } else if (size < MAX_TEXT_BYTES) {
                System.arraycopy(b, off, text, (int) size, (int) Math.min(len, MAX_TEXT_BYTES - size));
            }
            size += len;
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** RFC 7578 4.2: a filename is a name, not a path; some clients send one anyway. */
    private static String baseName(String filename) {
        if (filename == null) {
            return null;
        }
        int slash = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
        return filename.substring(slash + 1);
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
