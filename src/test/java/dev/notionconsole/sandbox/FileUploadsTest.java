package dev.notionconsole.sandbox;

import static dev.notionconsole.sandbox.SandboxTestBase.assertError;
import static dev.notionconsole.sandbox.SandboxTestBase.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.ClientSettings;
import dev.notionconsole.notion.Credentials;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.FormPart;
import dev.notionconsole.notion.NotionClient;
import dev.notionconsole.notion.RateLimiter;
import dev.notionconsole.sandbox.fixture.FixtureLoader;
import dev.notionconsole.sandbox.fixture.FixtureWriter;
import dev.notionconsole.sandbox.model.Block;
import dev.notionconsole.sandbox.model.FileUpload;
import dev.notionconsole.sandbox.model.Page;
import dev.notionconsole.sandbox.model.SandboxModel;
import dev.notionconsole.testsupport.FixtureIds;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The File uploads family over real HTTP (notion-api.md 2.9, decision 0066): real multipart/form-data bodies built
 * here, the content checked by the SHA-256 the sandbox recorded, size rules per mode and plan, ownership,
 * expiry on the sandbox's clock, capabilities, listing.
 */
class FileUploadsTest {
    private static final long MIB = 1024 * 1024;
    private static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-21T12:00:30Z"));
    private static SandboxServer server;
    private static SandboxClient api;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.builder().discoverExtensions(false).rateLimitOff().clock(CLOCK).build());
        api = new SandboxClient(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode create(String token, String body) {
        SandboxClient.Reply r = api.post("/v1/file_uploads", token, body);
        assertOk(r);
        return r.json();
    }

    private static JsonNode retrieve(String token, String id) {
        SandboxClient.Reply r = api.get("/v1/file_uploads/" + id, token);
        assertOk(r);
        return r.json();
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static FileUpload model(String id) {
        return server.model().read(() -> server.model().fileUpload(id));
    }

    // ---- single part ------------------------------------------------------------------------------------

    @Test
    void singlePartCreateSendRetrieve() throws Exception {
        JsonNode created = create(FixtureIds.DOCS_SYNC, "{\"filename\":\"notes.txt\",\"content_type\":\"text/plain\"}");
        String id = created.path("id").asText();
        assertEquals("file_upload", created.path("object").asText());
        assertEquals("pending", created.path("status").asText());
        assertEquals(server.baseUrl() + "/v1/file_uploads/" + id + "/send", created.path("upload_url").asText());
        assertFalse(created.has("complete_url"), "complete_url is for multi_part uploads");
        assertTrue(created.path("content_length").isNull());
        assertEquals("notes.txt", created.path("filename").asText());
        assertEquals("text/plain", created.path("content_type").asText());
        assertFalse(created.path("in_trash").asBoolean());
        assertFalse(created.has("archived"), "2026-03-11 has no archived");
        assertEquals("bot", created.path("created_by").path("type").asText());
        assertEquals(api.get("/v1/users/me", FixtureIds.DOCS_SYNC).json().path("id").asText(), created.path("created_by").path("id").asText());
        Instant createdAt = Instant.parse(created.path("created_time").asText());
        assertEquals(createdAt.plus(Duration.ofHours(1)), Instant.parse(created.path("expiry_time").asText()));

        // The content holds what a naive parser trips on: CRLF, a dash run and a near-boundary.
        byte[] content = ("line one\r\n--" + Multipart.BOUNDARY.substring(0, 10) + "\r\n\r\n--\u00e9t\u00e9 ✓").getBytes(StandardCharsets.UTF_8);
        SandboxClient.Reply sent = api.sendForm(id, FixtureIds.DOCS_SYNC, new Multipart().file("file", "notes.txt", "text/plain", content));
        assertOk(sent);
        assertEquals("uploaded", sent.json().path("status").asText());
        assertEquals(content.length, sent.json().path("content_length").asLong());
        assertFalse(sent.json().has("upload_url"), "nothing more can be sent");
        assertEquals(0, Instant.parse(sent.json().path("last_edited_time").asText()).getEpochSecond() % 60, "whole minutes, as Notion shows them");

        JsonNode got = retrieve(FixtureIds.DOCS_SYNC, id);
        assertEquals("uploaded", got.path("status").asText());
        assertEquals(content.length, got.path("content_length").asLong());
        assertEquals(sha256(content), model(id).parts().get(1).sha256(), "the sandbox counted exactly the bytes sent");

        assertError(api.sendForm(id, FixtureIds.DOCS_SYNC, new Multipart().file("file", "again.txt", "text/plain", content)),
                400, "validation_error", "File upload with ID `" + id + "` has a status of `uploaded`. Its content is complete; "
                        + "create a new file upload to send another file.");
    }

    @Test
    void createWithoutBodyTakesTheFileNameAndTypeFromTheSentPart() {
        String id = create(FixtureIds.DOCS_SYNC, "{}").path("id").asText();
        assertTrue(retrieve(FixtureIds.DOCS_SYNC, id).path("filename").isNull());
        JsonNode sent = api.sendForm(id, FixtureIds.DOCS_SYNC, new Multipart().file("file", "Really funny.gif", "image/gif", new byte[]{'G', 'I', 'F'})).json();
        assertEquals("Really funny.gif", sent.path("filename").asText());
        assertEquals("image/gif", sent.path("content_type").asText());
        assertEquals(3, sent.path("content_length").asLong());
    }

    @Test
    void olderVersionsServeUploadsWithArchived() {
        SandboxClient.Reply r = api.post("/v1/file_uploads", FixtureIds.DOCS_SYNC, "2022-06-28", "{}");
        assertOk(r);
        assertFalse(r.json().path("archived").asBoolean(true), "archived:false below 2026-03-11 (SDK file-uploads.ts)");
        assertOk(api.get("/v1/file_uploads/" + r.json().path("id").asText(), FixtureIds.DOCS_SYNC, "2021-05-11"));
    }

    @Test
    void aContentTypeThatContradictsTheCreatedOneIsRefused() {
        String id = create(FixtureIds.DOCS_SYNC, "{\"filename\":\"a.png\",\"content_type\":\"image/png\"}").path("id").asText();
        assertError(api.sendForm(id, FixtureIds.DOCS_SYNC, new Multipart().file("file", "a.png", "text/html", new byte[]{1})), 400, "validation_error",
                "The file's Content-Type `text/html` does not match the content_type `image/png` this file upload was created with.");
        // a generic type (what SDKs send for raw data) is fine
        JsonNode ok = api.sendForm(id, FixtureIds.DOCS_SYNC, new Multipart().file("file", "blob", "application/octet-stream", new byte[]{1})).json();
        assertEquals("image/png", ok.path("content_type").asText());
    }

    @Test
    void theConsolesOwnClientSendsAFileTheSandboxAccepts(@TempDir Path dir) throws Exception {
        // The request builder's multipart body (notion.MultipartBody) against this parser: the wire contract.
        Path file = Files.write(dir.resolve("report.md"), "# Report\r\n\r\n--not a boundary\n".getBytes(StandardCharsets.UTF_8));
        NotionClient client = new NotionClient(ClientSettings.builder().baseUrl(server.baseUrl())
                .credentials(Credentials.bearer(Secret.of(FixtureIds.DOCS_SYNC))).rateLimiter(RateLimiter.unlimited()).build());
        Exchange created = client.send(ApiRequest.post("/v1/file_uploads", "{\"mode\":\"multi_part\",\"number_of_parts\":1,\"filename\":\"report.md\"}"),
                CancellationToken.none(), CallObserver.NONE);
        String id = created.json().path("id").asText();
        Exchange sent = client.send(ApiRequest.method("POST", "/v1/file_uploads/" + id + "/send")
                .form(List.of(new FormPart.Text("part_number", "1"), new FormPart.File("file", file, null, null))), CancellationToken.none(), CallObserver.NONE);
        assertTrue(sent.ok(), () -> new String(sent.body(), StandardCharsets.UTF_8));
        Exchange done = client.send(ApiRequest.post("/v1/file_uploads/" + id + "/complete", "{}"), CancellationToken.none(), CallObserver.NONE);
        assertEquals("uploaded", done.json().path("status").asText());
        assertEquals(Files.size(file), done.json().path("content_length").asLong());
        assertEquals(sha256(Files.readAllBytes(file)), model(id).parts().get(1).sha256());
    }

    // ---- size limits ------------------------------------------------------------------------------------

    @Test
    void freePlanRefusesMoreThanItsWorkspaceLimit() {
        long limit = api.get("/v1/users/me", FixtureIds.LAB).json().path("bot").path("workspace_limits").path("max_file_upload_size_in_bytes").asLong();
        assertEquals(5 * MIB, limit, "Globex Labs is on the Free plan");
        String id = create(FixtureIds.LAB, "{\"filename\":\"scan.pdf\"}").path("id").asText();
        SandboxClient.Reply r = api.sendForm(id, FixtureIds.LAB, new Multipart().file("file", "scan.pdf", "application/pdf", limit + 1));
        assertError(r, 400, "validation_error");
        assertTrue(r.message().contains((limit + 1) + " bytes, more than this workspace's limit of " + limit), r.message());
        assertEquals("pending", retrieve(FixtureIds.LAB, id).path("status").asText(), "a refused send changes nothing");

        JsonNode ok = api.sendForm(id, FixtureIds.LAB, new Multipart().file("file", "scan.pdf", "application/pdf", limit)).json();
        assertEquals("uploaded", ok.path("status").asText());
        assertEquals(limit, ok.path("content_length").asLong());
    }

    @Test
    void singlePartHoldsAtMostTwentyMebibytes() {
        String id = create(FixtureIds.DOCS_SYNC, "{\"filename\":\"movie.mp4\"}").path("id").asText();
        SandboxClient.Reply r = api.sendForm(id, FixtureIds.DOCS_SYNC, new Multipart().file("file", "movie.mp4", "video/mp4", 20 * MIB + 1));
        assertError(r, 400, "validation_error");
        assertTrue(r.message().contains("multi_part"), "says what to do instead: " + r.message());
    }

    // ---- multi part -------------------------------------------------------------------------------------

    @Test
    void multiPartTwoPartsInAnyOrderThenComplete() {
        JsonNode created = create(FixtureIds.DOCS_SYNC, "{\"mode\":\"multi_part\",\"number_of_parts\":2,\"filename\":\"big.bin\"}");
        String id = created.path("id").asText();
        assertEquals(server.baseUrl() + "/v1/file_uploads/" + id + "/complete", created.path("complete_url").asText());
        assertEquals(2, created.path("number_of_parts").path("total").asInt());
        assertEquals(0, created.path("number_of_parts").path("sent").asInt());

        JsonNode afterLast = api.sendForm(id, FixtureIds.DOCS_SYNC, new Multipart().field("part_number", "2").file("file", "big.bin.part2", null, 1000)).json();
        assertEquals("pending", afterLast.path("status").asText());
        assertEquals(1, afterLast.path("number_of_parts").path("sent").asInt());
        JsonNode afterFirst = api.sendForm(id, FixtureIds.DOCS_SYNC, new Multipart().file("file", "big.bin.part1", null, 5 * MIB).field("part_number", "1")).json();
        assertEquals("pending", afterFirst.path("status").asText(), "pending until complete");
        assertEquals(2, afterFirst.path("number_of_parts").path("sent").asInt());
        assertEquals("big.bin", afterFirst.path("filename").asText(), "a part's name is not the file's");

        SandboxClient.Reply done = api.post("/v1/file_uploads/" + id + "/complete", FixtureIds.DOCS_SYNC, null);
        assertOk(done);
        assertEquals("uploaded", done.json().path("status").asText());
        assertEquals(5 * MIB + 1000, done.json().path("content_length").asLong());
        assertFalse(done.json().has("complete_url"));
        assertFalse(done.json().has("upload_url"));
        assertError(api.post("/v1/file_uploads/" + id + "/complete", FixtureIds.DOCS_SYNC, null), 400, "validation_error");
    }

    @Test
    void completeWithAMissingPartNamesIt() {
        String id = create(FixtureIds.DOCS_SYNC, "{\"mode\":\"multi_part\",\"number_of_parts\":3,\"filename\":\"big.bin\"}").path("id").asText();
        assertOk(api.sendForm(id, FixtureIds.DOCS_SYNC, new Multipart().field("part_number", "3").file("file", "p3", null, 10)));
        SandboxClient.Reply r = api.post("/v1/file_uploads/" + id + "/complete", FixtureIds.DOCS_SYNC, null);
        assertError(r, 400, "validation_error", "File upload with ID `" + id + "` cannot be completed: parts 1, 2 of 3 have not been sent.");
        assertEquals("[1,2]", r.json().path("additional_data").path("missing_part_numbers").toString());
        assertEquals("pending", retrieve(FixtureIds.DOCS_SYNC, id).path("status").asText());
    }

    @Test
    void multiPartRulesForPartNumbersAndSizes() {
        String id = create(FixtureIds.DOCS_SYNC, "{\"mode\":\"multi_part\",\"number_of_parts\":2,\"filename\":\"big.bin\"}").path("id").asText();
        assertError(api.sendForm(id, FixtureIds.DOCS_SYNC, new Multipart().file("file", "p", null, 10)), 400, "validation_error",
                "body failed validation: body.part_number should be defined for a multi_part upload (a number from `\"1\"` to `\"2\"`), "
                        + "instead was `undefined`.");
        assertError(api.sendForm(id, FixtureIds.DOCS_SYNC, new Multipart().field("part_number", "one").file("file", "p", null, 10)), 400, "validation_error",
                "body failed validation: body.part_number should be a string holding a whole number from `\"1\"`, instead was `\"one\"`.");
        assertError(api.sendForm(id, FixtureIds.DOCS_SYNC, new Multipart().field("part_number", "3").file("file", "p", null, 10)), 400, "validation_error",
                "body failed validation: body.part_number should be ≤ `2` (the upload's number_of_parts), instead was `\"3\"`.");
        assertError(api.sendForm(id, FixtureIds.DOCS_SYNC, new Multipart().field("part_number", "1").file("file", "p", null, 10)), 400, "validation_error",
                "Part 1 is 10 bytes; every part but the last (part 2) must hold at least 5242880 bytes (5 MiB).");
        String single = create(FixtureIds.DOCS_SYNC, "{}").path("id").asText();
        assertError(api.sendForm(single, FixtureIds.DOCS_SYNC, new Multipart().field("part_number", "1").file("file", "p", null, 10)), 400, "validation_error");
        assertError(api.post("/v1/file_uploads/" + single + "/complete", FixtureIds.DOCS_SYNC, null), 400, "validation_error",
                "File upload with ID `" + single + "` has mode `single_part`: only multi_part uploads are completed.");
    }

    // ---- bad bodies -------------------------------------------------------------------------------------

    @Test
    void sendNeedsAWellFormedMultipartBodyWithAFile() {
        String id = create(FixtureIds.DOCS_SYNC, "{}").path("id").asText();
        SandboxClient.Reply json = api.post("/v1/file_uploads/" + id + "/send", FixtureIds.DOCS_SYNC, "{\"file\":\"hello\"}");
        assertError(json, 400, "validation_error", "The request body should be multipart/form-data (RFC 7578) with a `file` field, "
                + "instead the Content-Type was `application/json`.");
        assertError(api.send("POST", "/v1/file_uploads/" + id + "/send", FixtureIds.DOCS_SYNC, SandboxClient.LATEST, "multipart/form-data",
                HttpRequest.BodyPublishers.ofString("x")), 400, "validation_error",
                "The Content-Type `multipart/form-data` has no boundary parameter (RFC 2046 section 5.1.1).");
        assertError(api.sendForm(id, FixtureIds.DOCS_SYNC, new Multipart().field("part_number", "1")), 400, "validation_error",
                "body failed validation: body.file should be defined, instead was `undefined`.");
        String unclosed = "--" + Multipart.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc";
        assertError(api.send("POST", "/v1/file_uploads/" + id + "/send", FixtureIds.DOCS_SYNC, SandboxClient.LATEST, new Multipart().contentType(),
                HttpRequest.BodyPublishers.ofString(unclosed)), 400, "validation_error",
                "The multipart/form-data body is malformed: it ends before the closing boundary `--" + Multipart.BOUNDARY + "--`.");
        assertError(api.sendForm(id, FixtureIds.DOCS_SYNC, new Multipart().field("caption", "x").file("file", "a", null, 1)), 400, "validation_error");
        assertEquals("pending", retrieve(FixtureIds.DOCS_SYNC, id).path("status").asText(), "refused sends change nothing");
    }

    @Test
    void aLargeUploadRefusedBeforeItsBodyIsReadStillGetsItsAnswer() {
        // 401 comes before the body is read; the client is still sending megabytes and must get the answer, not a reset.
        String id = create(FixtureIds.DOCS_SYNC, "{}").path("id").asText();
        for (int i = 0; i < 3; i++) {
            assertError(api.sendForm(id, "ntn_not_a_real_token_000000000000000000000", new Multipart().file("file", "big.bin", null, 8 * MIB)),
                    401, "unauthorized");
        }
        assertError(api.send("POST", "/v1/file_uploads/" + id + "/send", FixtureIds.DOCS_SYNC, null, new Multipart().contentType(),
                new Multipart().file("file", "big.bin", null, 8 * MIB).publisher()), 400, "missing_version");
    }

    @Test
    void createValidatesItsBody() {
        assertError(api.post("/v1/file_uploads", FixtureIds.DOCS_SYNC, "{\"mode\":\"chunked\"}"), 400, "validation_error",
                "body failed validation: body.mode should be `\"single_part\"`, `\"multi_part\"` or `\"external_url\"`, instead was `\"chunked\"`.");
        assertError(api.post("/v1/file_uploads", FixtureIds.DOCS_SYNC, "{\"mode\":\"multi_part\",\"filename\":\"a.bin\"}"), 400, "validation_error",
                "body failed validation: body.number_of_parts should be defined, instead was `undefined`.");
        assertError(api.post("/v1/file_uploads", FixtureIds.DOCS_SYNC, "{\"mode\":\"multi_part\",\"filename\":\"a.bin\",\"number_of_parts\":1001}"),
                400, "validation_error", "body failed validation: body.number_of_parts should be ≤ `1000`, instead was `1001`.");
        assertError(api.post("/v1/file_uploads", FixtureIds.DOCS_SYNC, "{\"mode\":\"multi_part\",\"number_of_parts\":2}"), 400, "validation_error");
        assertError(api.post("/v1/file_uploads", FixtureIds.DOCS_SYNC, "{\"number_of_parts\":2}"), 400, "validation_error");
        assertError(api.post("/v1/file_uploads", FixtureIds.DOCS_SYNC, "{\"mode\":\"external_url\",\"filename\":\"a.pdf\",\"external_url\":\"http://x.example/a.pdf\"}"),
                400, "validation_error");
        assertError(api.post("/v1/file_uploads", FixtureIds.DOCS_SYNC, "{\"size\":3}"), 400, "validation_error",
                "body failed validation: body.size should be not present, instead was `3`.");
        assertError(api.post("/v1/file_uploads", FixtureIds.DOCS_SYNC, "{\"filename\":\"" + "x".repeat(901) + "\"}"), 400, "validation_error");
    }

    @Test
    void externalUrlImportsShowPendingThenTheOutcome() {
        JsonNode created = create(FixtureIds.DOCS_SYNC, "{\"mode\":\"external_url\",\"filename\":\"dummy.pdf\",\"external_url\":\"https://files.example/dummy.pdf\"}");
        String id = created.path("id").asText();
        assertEquals("pending", created.path("status").asText());
        assertFalse(created.has("upload_url"), "nothing is sent to an external_url upload");
        JsonNode done = retrieve(FixtureIds.DOCS_SYNC, id);
        assertEquals("uploaded", done.path("status").asText());
        assertEquals("success", done.path("file_import_result").path("type").asText());
        assertEquals("application/pdf", done.path("content_type").asText());
        assertError(api.sendForm(id, FixtureIds.DOCS_SYNC, new Multipart().file("file", "a", null, 1)), 400, "validation_error");

        String bad = create(FixtureIds.DOCS_SYNC, "{\"mode\":\"external_url\",\"filename\":\"a.pdf\",\"external_url\":\"https://nowhere.invalid/a.pdf\"}").path("id").asText();
        JsonNode failed = retrieve(FixtureIds.DOCS_SYNC, bad);
        assertEquals("failed", failed.path("status").asText());
        assertEquals("download_error", failed.path("file_import_result").path("error").path("type").asText());
    }

    // ---- ownership, capabilities, expiry ----------------------------------------------------------------

    @Test
    void anotherConnectionGetsNotFound() {
        String id = create(FixtureIds.DOCS_SYNC, "{}").path("id").asText();
        assertError(api.get("/v1/file_uploads/" + id, FixtureIds.ALICE_PAT), 404, "object_not_found", "Could not find file_upload with ID: " + id
                + ". Make sure the relevant pages and databases are shared with your integration \"Alice's token\".");
        assertError(api.sendForm(id, FixtureIds.ALICE_PAT, new Multipart().file("file", "a", null, 1)), 404, "object_not_found");
        assertError(api.post("/v1/file_uploads/" + id + "/complete", FixtureIds.ALICE_PAT, null), 404, "object_not_found");
        assertError(api.get("/v1/file_uploads/" + id, FixtureIds.LAB), 404, "object_not_found");
        assertError(api.get("/v1/file_uploads/" + id, FixtureIds.CRM_BOB), 404, "object_not_found");
        assertOk(api.get("/v1/file_uploads/" + id.replace("-", ""), FixtureIds.DOCS_SYNC)); // 32 hex works like the dashed form
        String unknown = "00000000-0000-4000-8000-000000000000";
        assertError(api.get("/v1/file_uploads/" + unknown, FixtureIds.DOCS_SYNC), 404, "object_not_found");
        assertError(api.get("/v1/file_uploads/not-an-id", FixtureIds.DOCS_SYNC), 400, "validation_error",
                "path failed validation: path.file_upload_id should be a valid uuid, instead was `\"not-an-id\"`.");
    }

    @Test
    void capabilitiesFollowTheCatalog() {
        assertError(api.post("/v1/file_uploads", FixtureIds.WIKI_READER, "{}"), 403, "restricted_resource", "Insufficient permissions for this endpoint.");
        String any = create(FixtureIds.DOCS_SYNC, "{}").path("id").asText();
        assertError(api.sendForm(any, FixtureIds.WIKI_READER, new Multipart().file("file", "a", null, 1)), 403, "restricted_resource");
        assertError(api.post("/v1/file_uploads/" + any + "/complete", FixtureIds.WIKI_READER, null), 403, "restricted_resource");
        assertOk(api.get("/v1/file_uploads", FixtureIds.WIKI_READER));

        String mine = create(FixtureIds.STANDUP_BOT, "{}").path("id").asText(); // insert content without read content
        assertOk(api.sendForm(mine, FixtureIds.STANDUP_BOT, new Multipart().file("file", "a.txt", "text/plain", 4)));
        assertError(api.get("/v1/file_uploads/" + mine, FixtureIds.STANDUP_BOT), 403, "restricted_resource");
        assertError(api.get("/v1/file_uploads", FixtureIds.STANDUP_BOT), 403, "restricted_resource");
    }

    @Test
    void uploadsExpireAnHourAfterCreationOnTheSandboxClock() {
        String pending = create(FixtureIds.ALICE_PAT, "{}").path("id").asText();
        String uploaded = create(FixtureIds.ALICE_PAT, "{}").path("id").asText();
        assertOk(api.sendForm(uploaded, FixtureIds.ALICE_PAT, new Multipart().file("file", "a.txt", "text/plain", 4)));
        CLOCK.advance(Duration.ofMinutes(61));
        JsonNode expired = retrieve(FixtureIds.ALICE_PAT, pending);
        assertEquals("expired", expired.path("status").asText());
        assertFalse(expired.has("upload_url"));
        assertEquals("expired", retrieve(FixtureIds.ALICE_PAT, uploaded).path("status").asText(), "never attached");
        assertError(api.sendForm(pending, FixtureIds.ALICE_PAT, new Multipart().file("file", "a.txt", "text/plain", 4)), 400, "validation_error",
                "File upload with ID `" + pending + "` has a status of `expired`. File uploads expire 60 minutes after creation unless "
                        + "attached; create a new one.");
        List<String> listed = new ArrayList<>();
        api.get("/v1/file_uploads?status=expired", FixtureIds.ALICE_PAT).json().path("results").forEach(u -> listed.add(u.path("id").asText()));
        assertTrue(listed.contains(pending) && listed.contains(uploaded), "listed as expired: " + listed);
    }

    @Test
    void listFiltersByStatusAndPaginatesNewestFirst() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(FixtureIds.CRM_BOB, "{\"filename\":\"f" + i + ".txt\"}").path("id").asText());
        }
        assertOk(api.sendForm(ids.get(1), FixtureIds.CRM_BOB, new Multipart().file("file", "f1.txt", "text/plain", 3)));
        assertOk(api.sendForm(ids.get(3), FixtureIds.CRM_BOB, new Multipart().file("file", "f3.txt", "text/plain", 3)));

        JsonNode uploaded = api.get("/v1/file_uploads?status=uploaded", FixtureIds.CRM_BOB).json();
        assertEquals("file_upload", uploaded.path("type").asText());
        assertTrue(uploaded.path("file_upload").isObject());
        assertEquals(List.of(ids.get(3), ids.get(1)), idsOf(uploaded));

        List<String> pending = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            SandboxClient.Reply r = api.get("/v1/file_uploads?status=pending&page_size=2" + (cursor == null ? "" : "&start_cursor=" + cursor), FixtureIds.CRM_BOB);
            assertOk(r);
            assertTrue(r.json().path("results").size() <= 2);
            pending.addAll(idsOf(r.json()));
            cursor = r.json().path("has_more").asBoolean() ? r.json().path("next_cursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertEquals(List.of(ids.get(4), ids.get(2), ids.get(0)), pending);
        assertEquals(2, pages);

        assertFalse(idsOf(api.get("/v1/file_uploads", FixtureIds.DOCS_SYNC).json()).contains(ids.get(0)), "another connection's uploads are not listed");
        assertError(api.get("/v1/file_uploads?status=done", FixtureIds.CRM_BOB), 400, "validation_error",
                "query failed validation: query.status should be `\"pending\"`, `\"uploaded\"`, `\"expired\"` or `\"failed\"`, instead was `\"done\"`.");
        assertError(api.get("/v1/file_uploads?page_size=101", FixtureIds.CRM_BOB), 400, "validation_error");
    }

    // ---- attaching (extra: icons, covers, media blocks) ---------------------------------------------------

    private static String uploadedFile(String token, String name) {
        String id = create(token, "{\"filename\":\"" + name + "\"}").path("id").asText();
        assertOk(api.sendForm(id, token, new Multipart().file("file", name, "image/png", 64)));
        return id;
    }

    private static String fileUpload(String id) {
        return "{\"type\":\"file_upload\",\"file_upload\":{\"id\":\"" + id + "\"}}";
    }

    @Test
    void anUploadedFileBecomesACoverAndAnImageBlockAndStopsExpiring() {
        String cover = uploadedFile(FixtureIds.DOCS_SYNC, "cover.png");
        String image = uploadedFile(FixtureIds.DOCS_SYNC, "diagram.png");
        SandboxClient.Reply page = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\":{\"page_id\":\"" + FixtureIds.id("handbook") + "\"},"
                + "\"properties\":{\"title\":[{\"text\":{\"content\":\"With files\"}}]},\"cover\":" + fileUpload(cover) + "}");
        assertOk(page);
        JsonNode c = page.json().path("cover");
        assertEquals("file", c.path("type").asText(), "served back as a file object: " + c);
        assertTrue(c.path("file").path("url").asText().contains(cover));
        assertNotNull(c.path("file").path("expiry_time").textValue());

        String pageId = page.json().path("id").asText();
        SandboxClient.Reply appended = api.patch("/v1/blocks/" + pageId + "/children", FixtureIds.DOCS_SYNC,
                "{\"children\":[{\"type\":\"image\",\"image\":" + fileUpload(image) + "}]}");
        assertOk(appended);
        JsonNode block = appended.json().path("results").path(0).path("image");
        assertEquals("file", block.path("type").asText(), block.toString());
        assertTrue(block.path("file").path("url").asText().endsWith("/diagram.png"));

        JsonNode attached = retrieve(FixtureIds.DOCS_SYNC, cover);
        assertTrue(attached.path("expiry_time").isNull(), "attached uploads no longer expire");
        CLOCK.advance(Duration.ofHours(2));
        assertEquals("uploaded", retrieve(FixtureIds.DOCS_SYNC, cover).path("status").asText());
        assertEquals("uploaded", retrieve(FixtureIds.DOCS_SYNC, image).path("status").asText());
        // uploaded files can be attached again (upload once, attach many times)
        assertOk(api.patch("/v1/pages/" + pageId, FixtureIds.DOCS_SYNC, "{\"icon\":" + fileUpload(cover) + "}"));
    }

    /** A row of a new database with a files property holding the upload. */
    private static JsonNode rowWithFile(String uploadId) {
        SandboxClient.Reply db = api.post("/v1/databases", FixtureIds.DOCS_SYNC, "2022-06-28", "{\"parent\":{\"page_id\":\"" + FixtureIds.id("engineering")
                + "\"},\"title\":[],\"properties\":{\"Name\":{\"title\":{}},\"Attachments\":{\"files\":{}}}}");
        assertOk(db);
        SandboxClient.Reply row = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "2022-06-28", "{\"parent\":{\"database_id\":\"" + db.json().path("id").asText()
                + "\"},\"properties\":{\"Attachments\":{\"files\":[{\"type\":\"file_upload\",\"file_upload\":{\"id\":\"" + uploadId
                + "\"},\"name\":\"report.png\"}]}}}");
        assertOk(row);
        return row.json();
    }

    @Test
    void uploadsAttachToFilesPropertiesAndReplaceABlocksExternalFile() {
        String report = uploadedFile(FixtureIds.DOCS_SYNC, "report.png");
        JsonNode item = rowWithFile(report).path("properties").path("Attachments").path("files").path(0);
        assertEquals("file", item.path("type").asText(), item.toString());
        assertEquals("report.png", item.path("name").asText());
        assertTrue(item.path("file").path("url").asText().contains(report));

        String shot = uploadedFile(FixtureIds.DOCS_SYNC, "shot.png");
        String blockId = api.patch("/v1/blocks/" + FixtureIds.id("handbook") + "/children", FixtureIds.DOCS_SYNC,
                "{\"children\":[{\"image\":{\"type\":\"external\",\"external\":{\"url\":\"https://img.example/a.png\"}}}]}")
                .json().path("results").path(0).path("id").asText();
        SandboxClient.Reply updated = api.patch("/v1/blocks/" + blockId, FixtureIds.DOCS_SYNC, "{\"image\":" + fileUpload(shot) + "}");
        assertOk(updated);
        JsonNode image = updated.json().path("image");
        assertEquals("file", image.path("type").asText());
        assertFalse(image.has("external"), "the external file is replaced: " + image);
        assertTrue(retrieve(FixtureIds.DOCS_SYNC, shot).path("expiry_time").isNull());
    }

    @Test
    void databaseAndDataSourceIconsTakeUploadsToo() {
        String logo = uploadedFile(FixtureIds.DOCS_SYNC, "logo.png");
        // Roadmap is inline, so it takes no cover: refused after the upload was looked up, and nothing is attached.
        assertError(api.patch("/v1/databases/" + FixtureIds.id("roadmap"), FixtureIds.DOCS_SYNC, "{\"icon\":" + fileUpload(logo) + ",\"cover\":" + fileUpload(logo) + "}"),
                400, "validation_error");
        assertFalse(retrieve(FixtureIds.DOCS_SYNC, logo).path("expiry_time").isNull());
        SandboxClient.Reply db = api.patch("/v1/databases/" + FixtureIds.id("roadmap"), FixtureIds.DOCS_SYNC, "{\"icon\":" + fileUpload(logo) + "}");
        assertOk(db);
        assertEquals("file", db.json().path("icon").path("type").asText(), db.json().path("icon").toString());
        SandboxClient.Reply ds = api.patch("/v1/data_sources/" + FixtureIds.id("roadmap-ds"), FixtureIds.DOCS_SYNC, "{\"icon\":" + fileUpload(logo) + "}");
        assertOk(ds);
        assertEquals("file", ds.json().path("icon").path("type").asText());
        String pending = create(FixtureIds.DOCS_SYNC, "{}").path("id").asText();
        assertError(api.patch("/v1/data_sources/" + FixtureIds.id("roadmap-ds"), FixtureIds.DOCS_SYNC, "{\"icon\":" + fileUpload(pending) + "}"), 404, "object_not_found");
    }

    @Test
    void attachedFilesSurviveAStateFileRoundTrip() throws Exception {
        String cover = uploadedFile(FixtureIds.DOCS_SYNC, "kept.png");
        String pageId = api.post("/v1/pages", FixtureIds.DOCS_SYNC, "{\"parent\":{\"page_id\":\"" + FixtureIds.id("handbook") + "\"},\"cover\":" + fileUpload(cover)
                + ",\"children\":[{\"image\":" + fileUpload(cover) + "}]}").json().path("id").asText();
        JsonNode before = api.get("/v1/pages/" + pageId, FixtureIds.DOCS_SYNC).json().path("cover");
        JsonNode row = rowWithFile(cover);

        // --state writes the model as a fixture (decision 0033): it must load again, with the files where they were.
        byte[] saved = Json.mapper().writeValueAsBytes(server.model().read(() -> FixtureWriter.write(server.model())));
        SandboxModel reloaded = FixtureLoader.load(saved, "state", CLOCK);
        Page page = (Page) reloaded.node(pageId);
        assertEquals(before, page.cover());
        assertEquals("file", ((Block) page.children().get(0)).value().path("type").asText());
        assertEquals(row.path("properties").path("Attachments").path("files"),
                ((Page) reloaded.node(row.path("id").asText())).properties().path("Attachments").path("files"));
        assertTrue(reloaded.fileUploads().isEmpty(), "uploads themselves are not saved (decision 0066)");
    }

    @Test
    void onlyTheCallersUploadedFilesCanBeAttached() {
        String pending = create(FixtureIds.DOCS_SYNC, "{}").path("id").asText();
        String good = uploadedFile(FixtureIds.DOCS_SYNC, "ok.png");
        String others = uploadedFile(FixtureIds.ALICE_PAT, "alice.png");
        String notAttachable = "Could not find file_upload with ID: %s. Confirm the status of the file upload is `uploaded` and that "
                + "your integration has capabilities to update or insert content.";
        assertError(api.patch("/v1/pages/" + FixtureIds.id("handbook"), FixtureIds.DOCS_SYNC, "{\"icon\":" + fileUpload(pending) + "}"),
                404, "object_not_found", notAttachable.formatted(pending));
        assertError(api.patch("/v1/pages/" + FixtureIds.id("handbook"), FixtureIds.DOCS_SYNC, "{\"cover\":" + fileUpload(others) + "}"),
                404, "object_not_found", notAttachable.formatted(others));
        // one bad file refuses the whole append, and attaches nothing
        assertError(api.patch("/v1/blocks/" + FixtureIds.id("handbook") + "/children", FixtureIds.DOCS_SYNC, "{\"children\":[{\"type\":\"file\",\"file\":"
                + fileUpload(good) + "},{\"type\":\"pdf\",\"pdf\":" + fileUpload(pending) + "}]}"), 404, "object_not_found");
        assertFalse(retrieve(FixtureIds.DOCS_SYNC, good).path("expiry_time").isNull(), "not attached by a refused request");
    }

    private static List<String> idsOf(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("results").forEach(u -> out.add(u.path("id").asText()));
        return out;
    }

    /** The sandbox's clock, moved forward by tests. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
