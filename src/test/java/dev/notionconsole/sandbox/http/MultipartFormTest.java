package dev.notionconsole.sandbox.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming multipart/form-data reader on its own (RFC 7578, RFC 2046 5.1): content survives every way a
 * body can be cut into reads, delimiters split across the 64 KiB buffer are found, and malformed bodies are
 * reported with the reason instead of being half-accepted.
 */
class MultipartFormTest {
    private static final String B = "xYzBoundary123";
    private static final String CT = "multipart/form-data; boundary=" + B;

    private static byte[] body(String... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : pieces) {
            out.writeBytes(p.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] form(byte[] fileContent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(body("--" + B + "\r\nContent-Disposition: form-data; name=\"part_number\"\r\n\r\n7\r\n",
                "--" + B + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\nContent-Type: application/pdf\r\n\r\n"));
        out.writeBytes(fileContent);
        out.writeBytes(body("\r\n--" + B + "--\r\n"));
        return out.toByteArray();
    }

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** Hands out at most n bytes per read, as a slow network does. */
    private static InputStream trickle(byte[] data, int n) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, n));
            }
        };
    }

    private static MultipartForm read(byte[] data) throws IOException {
        return MultipartForm.read(CT, new ByteArrayInputStream(data));
    }

    @Test
    void readsFieldsAndCountsAndHashesTheFile() throws Exception {
        byte[] content = "hello\r\n--world--\r\n".getBytes(StandardCharsets.UTF_8);
        MultipartForm f = read(form(content));
        assertNull(f.problem());
        assertEquals(2, f.parts().size());
        assertEquals("7", f.part("part_number").text());
        MultipartForm.Part file = f.part("file");
        assertEquals("a.bin", file.filename());
        assertEquals("application/pdf", file.contentType());
        assertEquals(content.length, file.size());
        assertEquals(sha(content), file.sha256());
        assertNull(file.text(), "file content is never kept");
    }

    @Test
    void contentIsTheSameHoweverTheBodyIsCutIntoReads() throws Exception {
        // Content that starts delimiters without finishing them, around the 64 KiB buffer edge.
        Random random = new Random(42);
        for (int size : new int[]{0, 1, 65_535 - 60, 65_536 - 40, 65_536, 200_003}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            String near = "\r\n--" + B.substring(0, B.length() - 1);
            for (int at = 0; at + near.length() < size; at += 9_973) {
                System.arraycopy(near.getBytes(StandardCharsets.ISO_8859_1), 0, content, at, near.length());
                content[at + near.length()] = 'Q'; // never the whole delimiter: RFC 2046 forbids it in content
            }
            byte[] body = form(content);
            for (int chunk : new int[]{1, 7, 4096, 1 << 20}) {
                if (chunk == 1 && size > 70_000) {
                    continue;
                }
                MultipartForm f = MultipartForm.read(CT, trickle(body, chunk));
                assertNull(f.problem(), () -> "size " + size + " chunk " + chunk);
                assertEquals(size, f.part("file").size(), "size " + size + " chunk " + chunk);
                assertEquals(sha(content), f.part("file").sha256(), "size " + size + " chunk " + chunk);
            }
        }
    }

    @Test
    void acceptsQuotedBoundaryPreambleTransportPaddingAndEpilogue() throws IOException {
        byte[] data = body("This is the preamble.\r\n--" + B + " \t\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\dir\\\\r\u00e9sum\u00e9.txt\"\r\n\r\n",
                "abc\r\n--" + B + "--  \r\nepilogue, ignored");
        MultipartForm f = MultipartForm.read("Multipart/Form-Data; charset=utf-8; boundary=\"" + B + "\"", new ByteArrayInputStream(data));
        assertNull(f.problem());
        assertEquals(3, f.part("file").size());
        assertEquals("r\u00e9sum\u00e9.txt", f.part("file").filename(), "UTF-8 names; a path keeps only its last segment");
    }

    @Test
    void reportsWhatIsWrong() throws IOException {
        assertTrue(MultipartForm.read(null, InputStream.nullInputStream()).problem().contains("no Content-Type header"));
        assertTrue(MultipartForm.read("application/json", InputStream.nullInputStream()).problem().contains("instead the Content-Type was `application/json`"));
        assertTrue(MultipartForm.read("multipart/form-data", InputStream.nullInputStream()).problem().contains("no boundary parameter"));
        assertTrue(MultipartForm.read("multipart/form-data; boundary=" + "b".repeat(71), InputStream.nullInputStream()).problem().contains("1 to 70"));

        assertEquals("The multipart/form-data body is malformed: no part starts with the boundary `--" + B + "` given in the Content-Type header.",
                read(body("--other\r\n\r\nx\r\n--other--")).problem());
        assertEquals("The multipart/form-data body is malformed: it ends before the closing boundary `--" + B + "--`.",
                read(body("--" + B + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc")).problem());
        assertTrue(read(body("--" + B + "\nContent-Disposition: form-data; name=\"file\"\n\nabc\n--" + B + "--\n")).problem()
                .contains("followed by other text"), "bare LF line endings are not CRLF");
        assertTrue(read(body("--" + B + "\r\nContent-Type: text/plain\r\n\r\nabc\r\n--" + B + "--")).problem()
                .contains("part 1 has no `Content-Disposition: form-data; name=\"...\"` header"));
        assertTrue(read(body("--" + B + "\r\nContent-Disposition: attachment; name=\"file\"\r\n\r\nabc\r\n--" + B + "--")).problem()
                .contains("should be `form-data`"));
        assertTrue(read(body("--" + B + "\r\nnot a header\r\n\r\nabc\r\n--" + B + "--")).problem().contains("is not `Name: value`"));
        assertTrue(read(body("--" + B + "\r\nX-Long: " + "a".repeat(9000) + "\r\n\r\nabc\r\n--" + B + "--")).problem()
                .contains("longer than 8192 bytes"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            many.append("--").append(B).append("\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nv\r\n");
        }
        assertTrue(read(body(many + "--" + B + "--")).problem().contains("more than 16 parts"));
    }

    @Test
    void longTextFieldsAreCountedButNotKept() throws IOException {
        MultipartForm f = read(body("--" + B + "\r\nContent-Disposition: form-data; name=\"part_number\"\r\n\r\n" + "1".repeat(2000) + "\r\n--" + B + "--"));
        assertNull(f.problem());
        assertEquals(2000, f.part("part_number").size());
        assertNull(f.part("part_number").text());
        assertNotNull(read(body("--" + B + "--")).parts(), "a form without parts is well-formed; the route decides what it needs");
    }
}
