package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.http.Jsonish;
import dev.notionconsole.sandbox.http.MultipartForm;
import dev.notionconsole.sandbox.http.Response;
import dev.notionconsole.sandbox.http.Router;
import dev.notionconsole.sandbox.model.Capability;
import dev.notionconsole.sandbox.model.FileUpload;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File uploads (docs/notion-api.md §2.9; SDK file-uploads.ts; decision 0066): create, send (multipart/form-data,
 * streamed and counted, never stored), complete, retrieve and list. Uploads belong to the bot that created them;
 * any other token gets 404. Capabilities follow the endpoint catalog: insert content to create, send and
 * complete, read content to retrieve and list (docs/notion-api.md §5.3). Present in every Notion-Version.
 */
public final class FileUploadsApi {
    /** A single_part upload, and each part of a multi_part one, holds at most 20 MiB (Notion's file upload guides). */
    public static final long MAX_PART_BYTES = 20L * 1024 * 1024;
    /** Every multi_part part but the last holds at least 5 MiB ("Uploading larger files" guide). */
    public static final long MIN_PART_BYTES = 5L * 1024 * 1024;
    public static final int MAX_NUMBER_OF_PARTS = 1000;
    /** "The maximum allowed length of filename string is 900 bytes" (create-a-file-upload reference). */
    public static final int MAX_FILENAME_BYTES = 900;
    /** A send body longer than this is not read to the end: 413, as from an edge proxy (a part is at most 20 MiB). */
    public static final long MAX_SEND_BODY_BYTES = 64L * 1024 * 1024;
    private static final Pattern MIME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*");
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final String MODES = "`\"single_part\"`, `\"multi_part\"` or `\"external_url\"`";

    private FileUploadsApi() {
    }

    public static void register(Router router) {
        router.route("POST", "/v1/file_uploads").mutating().handle(FileUploadsApi::create);
        router.route("GET", "/v1/file_uploads").handle(FileUploadsApi::list);
        router.route("GET", "/v1/file_uploads/{file_upload_id}").handle(FileUploadsApi::retrieve);
        router.route("POST", "/v1/file_uploads/{file_upload_id}/send").mutating()
                .streamedBody(MAX_SEND_BODY_BYTES, (call, in) -> MultipartForm.read(call.header("Content-Type"), in))
                .handle(FileUploadsApi::send);
        router.route("POST", "/v1/file_uploads/{file_upload_id}/complete").mutating().handle(FileUploadsApi::complete);
    }

    // ---- create -----------------------------------------------------------------------------------------

    static Response create(Call call) {
        ObjectNode body = call.body();
        Params.onlyKeys(body, "body", Set.of("mode", "filename", "content_type", "number_of_parts", "external_url"));
        FileUpload.Mode mode = FileUpload.Mode.SINGLE_PART;
        JsonNode modeNode = body.get("mode");
        if (modeNode != null && !modeNode.isNull()) {
            mode = modeNode.isTextual() ? FileUpload.Mode.fromKey(modeNode.textValue()) : null;
            if (mode == null) {
                throw ApiError.bodyInvalid("body.mode should be " + MODES + ", instead was `" + Jsonish.show(modeNode) + "`.");
            }
        }
        String filename = filename(body.get("filename"));
        String contentType = contentType(body.get("content_type"));
        Integer parts = null;
        String url = null;
        if (mode == FileUpload.Mode.MULTI_PART) {
            parts = numberOfParts(Params.required(body, "number_of_parts", "body"));
        } else {
            notPresentUnless(body, "number_of_parts", mode);
        }
        if (mode == FileUpload.Mode.EXTERNAL_URL) {
            url = externalUrl(Params.required(body, "external_url", "body"));
        } else {
            notPresentUnless(body, "external_url", mode);
        }
        if (mode != FileUpload.Mode.SINGLE_PART && filename == null) {
            // SDK file-uploads.ts: "The filename. Required for multi_part and external_url uploads."
            throw ApiError.bodyInvalid("body.filename should be defined for mode `\"" + mode.key() + "\"`, instead was `undefined`.");
        }
        Access.require(call, Capability.INSERT_CONTENT);

        FileUpload u = new FileUpload(call.model().newId(), call.identity().workspace(), call.identity().bot(), mode, filename,
                contentType, parts, url, call.model().nowMinute());
        call.model().addFileUpload(u);
        Response answer = Response.ok(new Render(call).fileUpload(u, call.model().clock().instant(), baseUrl(call)));
        if (mode == FileUpload.Mode.EXTERNAL_URL) {
            // Offline, nothing is downloaded: the import "finishes" right after this answer, so the create shows
            // pending and the next read shows the outcome, as a client polling Notion would see it.
            u.finishImport(importOutcome(url), u.contentType() == null ? guessType(filename) : null, call.model().clock().instant());
        }
        return answer;
    }

    private static String filename(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        String name = Params.requireString(v, "body.filename");
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0) {
            throw ApiError.bodyInvalid("body.filename.length should be ≥ `1`, instead was `0`.");
        }
        if (bytes > MAX_FILENAME_BYTES) {
            throw ApiError.bodyInvalid("body.filename should be at most `" + MAX_FILENAME_BYTES + "` bytes long, instead was `" + bytes + "` bytes.");
        }
        return name;
    }

    private static String contentType(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        String type = Params.requireString(v, "body.content_type");
        if (!MIME.matcher(type).matches()) {
            throw ApiError.bodyInvalid("body.content_type should be a MIME type such as `\"image/png\"`, instead was `" + Jsonish.show(v) + "`.");
        }
        return type.toLowerCase(Locale.ROOT);
    }

    private static int numberOfParts(JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw ApiError.bodyInvalid("body.number_of_parts should be an integer, instead was `" + Jsonish.show(v) + "`.");
        }
        int n = v.intValue();
        if (n < 1) {
            throw ApiError.bodyInvalid("body.number_of_parts should be ≥ `1`, instead was `" + n + "`.");
        }
        if (n > MAX_NUMBER_OF_PARTS) {
            throw ApiError.bodyInvalid("body.number_of_parts should be ≤ `" + MAX_NUMBER_OF_PARTS + "`, instead was `" + n + "`.");
        }
        return n;
    }

    private static String externalUrl(JsonNode v) {
        String url = Params.requireString(v, "body.external_url");
        if (url.length() > Params.MAX_TEXT) {
            throw ApiError.bodyInvalid("body.external_url.length should be ≤ `" + Params.MAX_TEXT + "`, instead was `" + url.length() + "`.");
        }
        try {
            URI uri = new URI(url);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // the message below says what is expected
        }
        throw ApiError.bodyInvalid("body.external_url should be a public `https://` URL, instead was `" + Jsonish.show(v) + "`.");
    }

    private static void notPresentUnless(ObjectNode body, String key, FileUpload.Mode mode) {
        JsonNode v = body.get(key);
        if (v != null && !v.isNull()) {
            throw ApiError.bodyInvalid("body." + key + " should be not present when body.mode is `\"" + mode.key() + "\"`, instead was `"
                    + Jsonish.show(v) + "`.");
        }
    }

    /** Sandbox convention (docs/sandbox-operations.md): hosts under the reserved .invalid TLD (RFC 2606) fail to download. */
    private static FileUpload.ImportError importOutcome(String url) {
        String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
        if (host.equals("invalid") || host.endsWith(".invalid")) {
            return new FileUpload.ImportError("download_error", "download_failed",
                    "The file at external_url could not be downloaded: host " + host + " does not resolve.", "external_url");
        }
        return null;
    }

    // ---- send -------------------------------------------------------------------------------------------

    static Response send(Call call) {
        String id = Params.pathId(call, "file_upload_id");
        MultipartForm form = call.streamedBody(MultipartForm.class);
        if (form.problem() != null) {
            throw ApiError.validation(form.problem());
        }
        int files = 0;
        for (MultipartForm.Part p : form.parts()) {
            if (p.name().equals("file")) {
                files++;
            } else if (!p.name().equals("part_number")) {
                throw ApiError.bodyInvalid("body." + p.name() + " should be not present: the form takes `file` and, for multi_part "
                        + "uploads, `part_number`.");
            }
        }
        MultipartForm.Part file = form.part("file");
        if (file == null) {
            throw ApiError.bodyInvalid("body.file should be defined, instead was `undefined`.");
        }
        if (files > 1) {
            throw ApiError.bodyInvalid("body.file should be sent once, instead was sent " + files + " times.");
        }
        Integer partNumber = partNumber(form.part("part_number"));
        Access.require(call, Capability.INSERT_CONTENT);
        FileUpload u = owned(call, id);
        Instant now = call.model().clock().instant();
        if (u.mode() == FileUpload.Mode.EXTERNAL_URL) {
            throw ApiError.validation("File upload with ID `" + u.id() + "` has mode `external_url`: Notion imports its content "
                    + "from the URL, so nothing can be sent to it.");
        }
        requirePending(u, now);
        long limit = u.workspace().plan().maxFileUploadBytes();
        if (u.mode() == FileUpload.Mode.SINGLE_PART) {
            if (partNumber != null) {
                throw ApiError.bodyInvalid("body.part_number should be not present for a single_part upload, instead was `\""
                        + partNumber + "\"`.");
            }
            if (file.size() > MAX_PART_BYTES) {
                throw ApiError.validation("The file is " + file.size() + " bytes, more than the " + MAX_PART_BYTES + " bytes (20 MiB) a "
                        + "single_part upload may hold. Create the upload with mode `multi_part` to send it in parts.");
            }
            requireWithinLimit(file.size(), limit, "The file is ");
            String type = sentType(u, file);
            u.receivePart(1, new FileUpload.Part(file.size(), file.sha256()), file.filename(), type, now);
            u.markUploaded(now);
        } else {
            int total = u.numberOfParts();
            if (partNumber == null) {
                throw ApiError.bodyInvalid("body.part_number should be defined for a multi_part upload (a number from `\"1\"` to `\""
                        + total + "\"`), instead was `undefined`.");
            }
            if (partNumber > total) {
                throw ApiError.bodyInvalid("body.part_number should be ≤ `" + total + "` (the upload's number_of_parts), instead was `\""
                        + partNumber + "\"`.");
            }
            if (file.size() > MAX_PART_BYTES) {
                throw ApiError.validation("Part " + partNumber + " is " + file.size() + " bytes; a part may hold at most " + MAX_PART_BYTES
                        + " bytes (20 MiB).");
            }
            if (partNumber < total && file.size() < MIN_PART_BYTES) {
                throw ApiError.validation("Part " + partNumber + " is " + file.size() + " bytes; every part but the last (part " + total
                        + ") must hold at least " + MIN_PART_BYTES + " bytes (5 MiB).");
            }
            FileUpload.Part earlier = u.parts().get(partNumber);
            requireWithinLimit(u.bytesReceived() - (earlier == null ? 0 : earlier.size()) + file.size(), limit, "The parts sent so far add up to ");
            // A part's own name and type (e.g. movie.mov.sf-part1, application/octet-stream) say nothing about the file.
            u.receivePart(partNumber, new FileUpload.Part(file.size(), file.sha256()), null, u.contentType() == null ? guessType(u.filename()) : null, now);
        }
        return Response.ok(new Render(call).fileUpload(u, now, baseUrl(call)));
    }

    /** part_number is a text field holding a whole number from 1 (SDK: "part_number?: string"); null when absent. */
    private static Integer partNumber(MultipartForm.Part p) {
        if (p == null) {
            return null;
        }
        String text = p.text();
        if (p.isFile() || text == null || !text.strip().matches("[1-9][0-9]{0,8}")) {
            String shown = p.isFile() || text == null ? "a file of " + p.size() + " bytes" : "`" + Jsonish.quote(text) + "`";
            throw ApiError.bodyInvalid("body.part_number should be a string holding a whole number from `\"1\"`, instead was " + shown + ".");
        }
        return Integer.valueOf(text.strip());
    }

    /**
     * The upload's content type after a single_part send: the type given at creation, else the file part's own
     * (unless generic), else a guess from the filename. A specific part type that contradicts the creation's is refused.
     */
    private static String sentType(FileUpload u, MultipartForm.Part file) {
        String sent = file.contentType() == null ? null : file.contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean specific = sent != null && !sent.isEmpty() && !sent.equals(OCTET_STREAM);
        if (u.contentType() != null) {
            if (specific && !sent.equals(u.contentType())) {
                throw ApiError.validation("The file's Content-Type `" + sent + "` does not match the content_type `" + u.contentType()
                        + "` this file upload was created with.");
            }
            return null;
        }
        if (specific) {
            return sent;
        }
        return guessType(file.filename() != null ? file.filename() : u.filename());
    }

    private static String guessType(String filename) {
        String guessed = filename == null ? null : URLConnection.getFileNameMap().getContentTypeFor(filename);
        return guessed == null ? OCTET_STREAM : guessed;
    }

    private static void requireWithinLimit(long size, long limit, String what) {
        if (size > limit) {
            throw ApiError.validation(what + size + " bytes, more than this workspace's limit of " + limit + " bytes per file "
                    + "upload (workspace_limits.max_file_upload_size_in_bytes in GET /v1/users/me).");
        }
    }

    // ---- complete ---------------------------------------------------------------------------------------

    static Response complete(Call call) {
        String id = Params.pathId(call, "file_upload_id");
        Params.onlyKeys(call.body(), "body", Set.of());
        Access.require(call, Capability.INSERT_CONTENT);
        FileUpload u = owned(call, id);
        Instant now = call.model().clock().instant();
        if (u.mode() != FileUpload.Mode.MULTI_PART) {
            throw ApiError.validation("File upload with ID `" + u.id() + "` has mode `" + u.mode().key() + "`: only multi_part "
                    + "uploads are completed.");
        }
        requirePending(u, now);
        List<Integer> missing = u.missingParts();
        if (!missing.isEmpty()) {
            List<String> names = new ArrayList<>();
            missing.forEach(n -> names.add(String.valueOf(n)));
            ObjectNode data = ApiError.data();
            missing.forEach(data.putArray("missing_part_numbers")::add);
            throw ApiError.validation("File upload with ID `" + u.id() + "` cannot be completed: part" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", names) + " of " + u.numberOfParts() + (missing.size() == 1 ? " has" : " have")
                    + " not been sent.", data);
        }
        // "Uploading larger files": parts may arrive in parallel, so complete checks the combined size again.
        requireWithinLimit(u.bytesReceived(), u.workspace().plan().maxFileUploadBytes(), "The parts add up to ");
        u.markUploaded(now);
        return Response.ok(new Render(call).fileUpload(u, now, baseUrl(call)));
    }

    // ---- retrieve and list ------------------------------------------------------------------------------

    static Response retrieve(Call call) {
        String id = Params.pathId(call, "file_upload_id");
        Access.require(call, Capability.READ_CONTENT);
        FileUpload u = owned(call, id);
        return Response.ok(new Render(call).fileUpload(u, call.model().clock().instant(), baseUrl(call)));
    }

    static Response list(Call call) {
        String raw = call.queryParam("status");
        FileUpload.Status filter = null;
        if (raw != null) {
            filter = FileUpload.Status.fromKey(raw);
            if (filter == null) {
                throw ApiError.queryInvalid("query.status should be `\"pending\"`, `\"uploaded\"`, `\"expired\"` or `\"failed\"`, instead was `"
                        + Jsonish.quote(raw) + "`.");
            }
        }
        Lists.Window w = Lists.window(BlocksApi.text(call.queryParam("page_size")), BlocksApi.text(call.queryParam("start_cursor")), "query");
        Access.require(call, Capability.READ_CONTENT);
        Instant now = call.model().clock().instant();
        String bot = call.identity().bot().id();
        List<FileUpload> mine = new ArrayList<>();
        for (FileUpload u : call.model().fileUploads()) {
            if (u.createdBy().id().equals(bot) && (filter == null || u.status(now) == filter)) {
                mine.add(0, u); // newest first
            }
        }
        Render r = new Render(call);
        String base = baseUrl(call);
        return Response.ok(Lists.envelope(mine, w, "file_upload", u -> r.fileUpload(u, now, base)));
    }

    // ---- shared -----------------------------------------------------------------------------------------

    /** The upload if this token's bot created it; any other token gets the same 404 as for an unknown ID. */
    private static FileUpload owned(Call call, String id) {
        FileUpload u = call.model().fileUpload(id);
        if (u == null || !u.createdBy().id().equals(call.identity().bot().id())) {
            throw Access.notFound(call, "file_upload", id);
        }
        return u;
    }

    private static void requirePending(FileUpload u, Instant now) {
        FileUpload.Status status = u.status(now);
        if (status == FileUpload.Status.PENDING) {
            return;
        }
        String hint = switch (status) {
            case UPLOADED -> " Its content is complete; create a new file upload to send another file.";
            case EXPIRED -> " File uploads expire " + FileUpload.LIFETIME.toMinutes() + " minutes after creation unless attached; create a new one.";
            default -> " Create a new file upload.";
        };
        // Wording as captured from Notion: "File upload with ID `…` has a status of `uploaded`."
        throw ApiError.validation("File upload with ID `" + u.id() + "` has a status of `" + status.key() + "`." + hint);
    }

    /** The address the client reached the sandbox at, for upload_url and complete_url. */
    static String baseUrl(Call call) {
        String host = call.header("Host");
        return "http://" + (host == null || host.isBlank() ? "127.0.0.1" : host.strip());
    }
}
