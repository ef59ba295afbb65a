package dev.notionconsole.sandbox;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a multipart/form-data body (RFC 7578) the way HTTP clients write one: {@code --boundary CRLF}, part
 * headers, a blank line, the content, CRLF, and {@code --boundary--} at the end. Large file content is streamed
 * from a repeating pattern, not held in one array.
 */
final class Multipart {
    static final String BOUNDARY = "----notion-console-test-7MA4YWxkTrZu0gW";

    private final List<HttpRequest.BodyPublisher> pieces = new ArrayList<>();
    private long length;

    /** A text field, e.g. part_number. */
    Multipart field(String name, String value) {
        text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    /** A file field whose content is the given bytes. */
    Multipart file(String name, String filename, String contentType, byte[] content) {
        fileHead(name, filename, contentType);
        pieces.add(HttpRequest.BodyPublishers.ofByteArray(content));
        length += content.length;
        text("\r\n");
        return this;
    }

    /** A file field of {@code size} bytes of {@link #pattern(long)}. */
    Multipart file(String name, String filename, String contentType, long size) {
        fileHead(name, filename, contentType);
        pieces.add(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size)), size));
        length += size;
        text("\r\n");
        return this;
    }

    private void fileHead(String name, String filename, String contentType) {
        text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n");
    }

    private void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        pieces.add(HttpRequest.BodyPublishers.ofByteArray(b));
        length += b.length;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    /** The body, closed with the final delimiter. */
    HttpRequest.BodyPublisher publisher() {
        List<HttpRequest.BodyPublisher> all = new ArrayList<>(pieces);
        all.add(HttpRequest.BodyPublishers.ofByteArray(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
    }

    /** Byte i of the repeating content: never forms a CRLF, so it cannot fake a delimiter. */
    static byte pattern(long i) {
        return (byte) ('a' + (i % 26));
    }

    /** {@link #pattern(long)} as a stream. */
    static final class PatternStream extends java.io.InputStream {
        private final long size;
        private long pos;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return pos < size ? pattern(pos++) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = pattern(pos++);
            }
            return n;
        }
    }
}
