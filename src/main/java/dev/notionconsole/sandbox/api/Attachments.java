package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.model.FileUpload;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Files attached by upload ID (docs/notion-api.md §2.9; Notion's "uploading small files" guide):
 * {@code {type:"file_upload", file_upload:{id}}} as the icon or cover of a page, database or data source, an item of
 * a files property, or the file of an image, video, pdf, file or audio block. The upload must be {@code uploaded} and belong to the caller's bot; the stored value becomes
 * the file object Notion serves back, {@code {type:"file", file:{url, expiry_time}}}, and the upload stops expiring.
 * Resolve everything before changing the model, then {@link #commit()} once the change is made, so a refused
 * request attaches nothing.
 */
final class Attachments {
    static final Set<String> MEDIA = Set.of("image", "video", "pdf", "file", "audio");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Call call;
    private final List<FileUpload> used = new ArrayList<>();

    Attachments(Call call) {
        this.call = call;
    }

    /** An icon or cover as validated by {@link Mutations#iconOrCover}; anything but a file_upload is returned as is. */
    JsonNode icon(JsonNode value, String path) {
        if (value == null || !isUpload(value)) {
            return value;
        }
        return file(value, path);
    }

    /** A copy of validated request blocks in which media blocks that name an upload carry its file object. */
    JsonNode blocks(JsonNode children, String path) {
        if (children == null) {
            return null;
        }
        ArrayNode copy = (ArrayNode) children.deepCopy();
        walk(copy, path);
        return copy;
    }

    private void walk(ArrayNode blocks, String path) {
        for (int i = 0; i < blocks.size(); i++) {
            String type = BlockFactory.typeOf(blocks.get(i));
            ObjectNode value = (ObjectNode) blocks.get(i).get(type);
            String at = path + "[" + i + "]." + type;
            if (MEDIA.contains(type)) {
                media(value, at);
            }
            if (value.get("children") instanceof ArrayNode kids) {
                walk(kids, at + ".children");
            }
        }
    }

    /** A media block's value (image, video, pdf, file, audio): an upload becomes its file object, in place. */
    ObjectNode media(ObjectNode value, String path) {
        if (isUpload(value)) {
            ObjectNode file = file(value, path);
            value.remove("file_upload");
            value.setAll(file);
            if (!value.has("caption")) {
                value.putArray("caption");
            }
        }
        return value;
    }

    /** Page property values: items of files properties that name an upload get its file object, in place. */
    ObjectNode files(ObjectNode properties) {
        properties.fields().forEachRemaining(e -> {
            if ("files".equals(e.getValue().path("type").asText()) && e.getValue().get("files") instanceof ArrayNode items) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof ObjectNode item && isUpload(item)) {
                        ObjectNode file = file(item, "body.properties." + e.getKey() + ".files[" + i + "]");
                        item.remove("file_upload");
                        item.setAll(file);
                    }
                }
            }
        });
        return properties;
    }

    private static boolean isUpload(JsonNode v) {
        return v.has("type") ? "file_upload".equals(v.get("type").asText()) : v.has("file_upload");
    }

    private ObjectNode file(JsonNode value, String path) {
        String id = Params.bodyId(value.path("file_upload").get("id"), path + ".file_upload.id");
        Instant now = call.model().clock().instant();
        FileUpload u = call.model().fileUpload(id);
        if (u == null || !u.createdBy().id().equals(call.identity().bot().id()) || u.status(now) != FileUpload.Status.UPLOADED) {
            // Message as seen from Notion when attaching an upload that is not (yet) usable.
            ObjectNode data = ApiError.data();
            data.put("integration_id", call.identity().connection().id());
            throw new ApiError(404, "object_not_found", "Could not find file_upload with ID: " + id + ". Confirm the status of the "
                    + "file upload is `uploaded` and that your integration has capabilities to update or insert content.", data);
        }
        used.add(u);
        ObjectNode o = F.objectNode();
        o.put("type", "file");
        ObjectNode f = o.putObject("file");
        // The sandbox keeps no bytes, so the link cannot be fetched: .invalid says so (RFC 2606).
        f.put("url", "https://files.sandbox.invalid/" + u.id() + "/"
                + URLEncoder.encode(u.filename() == null ? "file" : u.filename(), StandardCharsets.UTF_8).replace("+", "%20"));
        f.put("expiry_time", Render.time(now.plus(FileUpload.LIFETIME)));
        return o;
    }

    /** The change was made: the uploads used are attached and no longer expire. */
    void commit() {
        used.forEach(FileUpload::markAttached);
    }
}
