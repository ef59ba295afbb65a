package dev.notionconsole.notion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-upload sends (docs/notion-api.md §2.9): the multipart/form-data body exactly as it reaches a loopback server. */
class MultipartSendTest {
    LoopbackServer server;
    NotionClient client;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        client = new NotionClient(ClientSettings.builder().baseUrl(server.baseUrl())
                .credentials(Credentials.bearer(Secret.of("ntn_multiparttesttoken1234567890"))).rateLimiter(RateLimiter.unlimited()).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFileAndAPartNumberGoOutAsRfc7578FormData() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.md"), "# Notes\nline two\n");
        server.then(LoopbackServer.Answer.json(200, "{\"object\":\"file_upload\",\"status\":\"uploaded\"}"));
        Exchange x = client.send(ApiRequest.method("POST", "/v1/file_uploads/abc/send")
                .form(List.of(new FormPart.File("file", file, null, null), new FormPart.Text("part_number", "2"))));

        LoopbackServer.Received r = server.received().get(0);
        String type = r.header("Content-Type");
        assertTrue(type.startsWith("multipart/form-data; boundary="), type);
        String boundary = type.substring(type.indexOf('=') + 1);
        assertEquals("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"notes.md\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n"
                + "# Notes\nline two\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"part_number\"\r\n\r\n"
                + "2\r\n"
                + "--" + boundary + "--\r\n", r.body());
        assertEquals(String.valueOf(r.body().getBytes(StandardCharsets.UTF_8).length), r.header("Content-Length"));
        assertTrue(x.ok());
        // history and the Sent tab get a description, never the file's contents
        assertEquals("file=@notes.md;type=text/markdown (17 B)\npart_number=2", x.request().body());
        assertEquals(type, x.request().headers().get("Content-Type"));
    }

    @Test
    void aTypedContentTypeCannotBreakTheBoundaryAndExplicitNameAndTypeWin() throws Exception {
        Path file = Files.write(dir.resolve("scan"), new byte[] {1, 2, 3});
        server.then(LoopbackServer.Answer.json(200, "{}"));
        client.send(ApiRequest.method("POST", "/v1/file_uploads/abc/send").header("Content-Type", "application/json")
                .form(List.of(new FormPart.File("file", file, "scan \"1\".png", "image/png"))));
        LoopbackServer.Received r = server.received().get(0);
        assertTrue(r.header("Content-Type").startsWith("multipart/form-data; boundary="));
        assertTrue(r.body().contains("filename=\"scan %221%22.png\"\r\nContent-Type: image/png\r\n"), r.body());
    }

    @Test
    void aMissingFileIsRefusedBeforeAnythingIsSent() {
        Path missing = dir.resolve("gone.pdf");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.send(
                ApiRequest.method("POST", "/v1/file_uploads/abc/send").form(List.of(new FormPart.File("file", missing, null, null)))));
        assertTrue(e.getMessage().contains("gone.pdf") && e.getMessage().contains("\"file\""), e.getMessage());
        assertTrue(server.received().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> client.send(
                ApiRequest.method("POST", "/v1/file_uploads/abc/send").form(List.of(new FormPart.File("file", dir, null, null)))));
    }

    @Test
    void aRequestHasAJsonBodyOrAFormNeverBoth() {
        FormPart part = new FormPart.Text("part_number", "1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApiRequest.post("/v1/file_uploads/abc/send", "{}").form(List.of(part)));
        assertTrue(e.getMessage().contains("not both"));
        assertThrows(IllegalArgumentException.class, () -> ApiRequest.method("POST", "/x").form(List.of(part)).body("{}"));
        assertFalse(ApiRequest.method("POST", "/x").form(List.of(part)).bodyText().isPresent());
    }

    @Test
    void mediaTypesComeFromTheFileName() {
        assertEquals("application/pdf", MediaTypes.guess("Q3 report.PDF"));
        assertEquals("image/png", MediaTypes.guess("a.png"));
        assertEquals("application/octet-stream", MediaTypes.guess("no-extension"));
    }
}
