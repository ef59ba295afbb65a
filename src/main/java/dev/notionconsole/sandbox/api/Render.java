package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.http.ApiVersion;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.model.Block;
import dev.notionconsole.sandbox.model.Comment;
import dev.notionconsole.sandbox.model.Connection;
import dev.notionconsole.sandbox.model.DataSource;
import dev.notionconsole.sandbox.model.FileUpload;
import dev.notionconsole.sandbox.model.Database;
import dev.notionconsole.sandbox.model.Identity;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.Page;
import dev.notionconsole.sandbox.model.RichText;
import dev.notionconsole.sandbox.model.User;
import dev.notionconsole.sandbox.model.UserInfo;
import dev.notionconsole.sandbox.model.View;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Turns model objects into Notion's response shapes for one request: version-gated fields (docs/notion-api.md §1.3,
 * 3.x), user objects trimmed to the token's user-info level and partial objects for tokens without read content
 * (docs/notion-api.md §5.3).
 *
 * <p>Over 400 lines, knowingly: one method per object shape, all gated by the same request's Notion-Version and token;
 * split by object, each part would carry that per-request context again.
 */
public final class Render {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String version;
    private final Identity identity;
    /** Whether the token can see an object by id; relations to what it cannot see are left out (docs/notion-api.md §5.2). */
    private final java.util.function.Predicate<String> canSee;

    public Render(Call call) {
        this.version = call.version() == null ? ApiVersion.LATEST : call.version();
        this.identity = call.identity();
        this.canSee = identity == null ? id -> true : id -> {
            Node n = call.model().node(id);
            return n != null && call.model().visibility().canSee(identity, n);
        };
    }

    /** A renderer that sees everything (for tools and exports). */
    public Render(String version, Identity identity) {
        this.version = version;
        this.identity = identity;
        this.canSee = id -> true;
    }

    /** Relation properties whose related data source the token cannot see are omitted, schema and values. */
    private boolean relationHidden(JsonNode schemaEntry) {
        if (!"relation".equals(schemaEntry.path("type").asText())) {
            return false;
        }
        String target = schemaEntry.path("relation").path("data_source_id").asText(null);
        return target != null && !canSee.test(target);
    }

    private ObjectNode visibleSchema(ObjectNode properties) {
        ObjectNode out = F.objectNode();
        properties.fields().forEachRemaining(e -> {
            if (!relationHidden(e.getValue())) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    public String version() {
        return version;
    }

    public boolean dataSourceEra() {
        return ApiVersion.atLeast(version, ApiVersion.DATA_SOURCES);
    }

    private boolean emitsArchived() {
        return !ApiVersion.atLeast(version, ApiVersion.NO_ARCHIVED);
    }

    public static String time(Instant t) {
        return TIME.format(t);
    }

    public static ObjectNode userRef(String id) {
        ObjectNode u = F.objectNode();
        u.put("object", "user");
        u.put("id", id);
        return u;
    }

    public static ObjectNode partial(String object, String id) {
        ObjectNode o = F.objectNode();
        o.put("object", object);
        o.put("id", id);
        return o;
    }

    private void common(ObjectNode o, Node n) {
        o.put("created_time", time(n.createdTime()));
        o.put("last_edited_time", time(n.lastEditedTime()));
        o.set("created_by", userRef(n.createdBy()));
        o.set("last_edited_by", userRef(n.lastEditedBy()));
    }

    private void trashFlags(ObjectNode o, Node n) {
        if (emitsArchived()) {
            o.put("archived", n.inTrash());
        }
        o.put("in_trash", n.inTrash());
    }

    public static String url(Node n) {
        String slug = n.plainTitle().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        String hex = n.id().replace("-", "");
        return "https://www.notion.so/" + (slug.isEmpty() ? "" : slug + "-") + hex;
    }

    // ---- parents (docs/notion-api.md §3.1) -----------------------------------------------------------------------

    public ObjectNode parent(Node n) {
        Node p = n.parent();
        ObjectNode o = F.objectNode();
        if (p == null) {
            o.put("type", "workspace");
            o.put("workspace", true);
        } else if (p instanceof Page) {
            o.put("type", "page_id");
            o.put("page_id", p.id());
        } else if (p instanceof Block) {
            o.put("type", "block_id");
            o.put("block_id", p.id());
        } else if (p instanceof Database db) {
            o.put("type", "database_id");
            o.put("database_id", db.id());
        } else if (p instanceof DataSource ds) {
            if (n instanceof Page && dataSourceEra()) {
                o.put("type", "data_source_id");
                o.put("data_source_id", ds.id());
                o.put("database_id", ds.database().id());
            } else {
                // rows on old versions, and databases nested in a wiki (docs/notion-api.md §3.1 "Wikis")
                o.put("type", "database_id");
                o.put("database_id", ds.database().id());
            }
        }
        return o;
    }

    // ---- pages (docs/notion-api.md §3.2) -------------------------------------------------------------------------

    public ObjectNode page(Page p) {
        ObjectNode o = F.objectNode();
        o.put("object", "page");
        o.put("id", p.id());
        common(o, p);
        o.set("cover", p.cover() == null ? F.nullNode() : p.cover());
        o.set("icon", p.icon() == null ? F.nullNode() : p.icon());
        o.set("parent", parent(p));
        trashFlags(o, p);
        o.put("is_locked", p.locked());
        o.set("properties", pageProperties(p));
        o.put("url", url(p));
        o.putNull("public_url");
        return o;
    }

    /** A row shows every property of its schema, empty ones included; a plain page only its title. */
    public ObjectNode pageProperties(Page p) {
        DataSource ds = p.dataSource();
        if (ds == null) {
            // Shared, not copied: answers are serialised under the read lock and never edited in place.
            return p.properties();
        }
        ObjectNode out = F.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = ds.properties().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (relationHidden(e.getValue())) {
                continue;
            }
            JsonNode value = p.properties().get(e.getKey());
            out.set(e.getKey(), value != null ? renderValue(value) : Properties.emptyValue(e.getValue()));
        }
        return out;
    }

    private JsonNode renderValue(JsonNode value) {
        if (!value.has("people") || identity == null) {
            return value;
        }
        ObjectNode copy = value.deepCopy();
        ArrayNode people = F.arrayNode();
        for (JsonNode u : value.get("people")) {
            people.add(userRef(u.path("id").asText()));
        }
        copy.set("people", people);
        return copy;
    }

    // ---- databases and data sources (docs/notion-api.md §3.3, 3.4) ---------------------------------------------

    public ObjectNode database(Database db) {
        ObjectNode o = F.objectNode();
        o.put("object", "database");
        o.put("id", db.id());
        if (dataSourceEra()) {
            o.set("title", db.title());
            o.set("description", db.description());
            o.set("parent", parent(db));
            o.put("is_inline", db.inline());
            trashFlags(o, db);
            o.put("is_locked", db.locked());
            o.put("created_time", time(db.createdTime()));
            o.put("last_edited_time", time(db.lastEditedTime()));
            ArrayNode sources = o.putArray("data_sources");
            for (DataSource ds : db.liveDataSources()) {
                ObjectNode s = sources.addObject();
                s.put("id", ds.id());
                s.put("name", ds.plainTitle());
            }
            o.set("icon", db.icon() == null ? F.nullNode() : db.icon());
            o.set("cover", db.cover() == null ? F.nullNode() : db.cover());
            o.put("url", url(db));
            o.putNull("public_url");
        } else {
            // Before the split the database carried its (single) data source's schema.
            o.set("cover", db.cover() == null ? F.nullNode() : db.cover());
            o.set("icon", db.icon() == null ? F.nullNode() : db.icon());
            common(o, db);
            o.set("title", db.title());
            o.set("description", db.description());
            o.put("is_inline", db.inline());
            DataSource first = db.liveDataSources().isEmpty() ? null : db.liveDataSources().get(0);
            o.set("properties", first == null ? F.objectNode() : visibleSchema(first.properties()));
            o.set("parent", parent(db));
            o.put("url", url(db));
            o.putNull("public_url");
            trashFlags(o, db);
        }
        return o;
    }

    public ObjectNode dataSource(DataSource ds) {
        ObjectNode o = F.objectNode();
        o.put("object", "data_source");
        o.put("id", ds.id());
        common(o, ds);
        o.set("title", ds.title());
        o.set("description", ds.description());
        o.set("parent", parent(ds));
        o.set("database_parent", parent(ds.database()));
        o.put("is_inline", ds.database().inline());
        trashFlags(o, ds);
        o.set("properties", visibleSchema(ds.properties()));
        o.set("icon", ds.icon() == null ? F.nullNode() : ds.icon());
        o.set("cover", ds.database().cover() == null ? F.nullNode() : ds.database().cover());
        o.put("url", url(ds.database()));
        o.putNull("public_url");
        return o;
    }

    // ---- blocks (docs/notion-api.md §3.5) ------------------------------------------------------------------------

    /** Any node as a block: content blocks as they are, sub-pages as child_page, databases as child_database. */
    public ObjectNode block(Node n) {
        ObjectNode o = F.objectNode();
        o.put("object", "block");
        o.put("id", n.id());
        o.set("parent", parent(n));
        common(o, n);
        o.put("has_children", n instanceof Database ? false : n.hasLiveChildren());
        trashFlags(o, n);
        if (n instanceof Page p) {
            o.put("type", "child_page");
            o.putObject("child_page").put("title", p.plainTitle());
        } else if (n instanceof Database db) {
            o.put("type", "child_database");
            o.putObject("child_database").put("title", db.plainTitle());
        } else if (n instanceof Block b) {
            if (b.isLinkedDatabase()) {
                o.put("type", "child_database");
                o.putObject("child_database").put("title", b.plainTitle());
            } else {
                String type = blockTypeName(b.type());
                o.put("type", type);
                o.set(type, b.value());
            }
        }
        return o;
    }

    /** meeting_notes was called transcription before 2026-03-11 (docs/notion-api.md §1.3). */
    public String blockTypeName(String stored) {
        if ("meeting_notes".equals(stored) && !ApiVersion.atLeast(version, ApiVersion.NO_ARCHIVED)) {
            return "transcription";
        }
        return stored;
    }

    // ---- users (docs/notion-api.md §2.7) -------------------------------------------------------------------------

    /** A user object, trimmed to the token's user-information capability. */
    public ObjectNode user(User u) {
        UserInfo level = identity == null ? UserInfo.WITH_EMAIL : identity.connection().userInfo();
        if (level == UserInfo.NONE) {
            return userRef(u.id());
        }
        ObjectNode o = userRef(u.id());
        o.put("name", u.name());
        if (u.avatarUrl() == null) {
            o.putNull("avatar_url");
        } else {
            o.put("avatar_url", u.avatarUrl());
        }
        if (u.isBot()) {
            o.put("type", "bot");
            o.putObject("bot");
        } else {
            o.put("type", "person");
            ObjectNode person = o.putObject("person");
            if (level == UserInfo.WITH_EMAIL && u.email() != null) {
                person.put("email", u.email());
            }
        }
        return o;
    }

    /** GET /v1/users/me: the bot with its owner and workspace (docs/notion-api.md §2.7, 6). */
    public ObjectNode me(Identity id) {
        User bot = id.bot();
        ObjectNode o = userRef(bot.id());
        o.put("name", id.connection().name());
        o.putNull("avatar_url");
        o.put("type", "bot");
        ObjectNode b = o.putObject("bot");
        ObjectNode owner = b.putObject("owner");
        if (id.kind() == Connection.Kind.INTERNAL) {
            owner.put("type", "workspace");
            owner.put("workspace", true);
        } else {
            owner.put("type", "user");
            owner.set("user", user(id.person()));
        }
        b.put("workspace_id", id.workspace().id());
        b.put("workspace_name", id.workspace().name());
        b.putObject("workspace_limits").put("max_file_upload_size_in_bytes", id.workspace().plan().maxFileUploadBytes());
        return o;
    }

    // ---- file uploads (docs/notion-api.md §2.9; SDK file-uploads.ts FileUploadObjectResponse) ----------------------

    /**
     * A file upload as of {@code now}: upload_url while content may still be sent, complete_url for a pending
     * multi_part upload, number_of_parts as {total, sent}, file_import_result once an external_url import ended.
     *
     * @param baseUrl where the sandbox was reached, e.g. http://127.0.0.1:PORT, for upload_url and complete_url
     */
    public ObjectNode fileUpload(FileUpload u, Instant now, String baseUrl) {
        FileUpload.Status status = u.status(now);
        ObjectNode o = F.objectNode();
        o.put("object", "file_upload");
        o.put("id", u.id());
        o.put("created_time", time(u.createdTime()));
        ObjectNode by = o.putObject("created_by");
        by.put("id", u.createdBy().id());
        by.put("type", "bot");
        o.put("last_edited_time", time(u.lastEditedTime()));
        o.put("in_trash", false);
        if (emitsArchived()) {
            o.put("archived", false);
        }
        if (u.expiryTime() == null) {
            o.putNull("expiry_time");
        } else {
            o.put("expiry_time", time(u.expiryTime()));
        }
        o.put("status", status.key());
        putOrNull(o, "filename", u.filename());
        putOrNull(o, "content_type", u.contentType());
        if (u.contentLength() == null) {
            o.putNull("content_length");
        } else {
            o.put("content_length", u.contentLength());
        }
        String self = baseUrl + "/v1/file_uploads/" + u.id();
        if (status == FileUpload.Status.PENDING && u.mode() != FileUpload.Mode.EXTERNAL_URL) {
            o.put("upload_url", self + "/send");
        }
        if (status == FileUpload.Status.PENDING && u.mode() == FileUpload.Mode.MULTI_PART) {
            o.put("complete_url", self + "/complete");
        }
        if (u.importedTime() != null) {
            ObjectNode r = o.putObject("file_import_result");
            r.put("imported_time", time(u.importedTime()));
            FileUpload.ImportError e = u.importError();
            if (e == null) {
                r.put("type", "success");
                r.putObject("success");
            } else {
                r.put("type", "error");
                ObjectNode err = r.putObject("error");
                err.put("type", e.type());
                err.put("code", e.code());
                err.put("message", e.message());
                putOrNull(err, "parameter", e.parameter());
                err.putNull("status_code");
            }
        }
        if (u.mode() == FileUpload.Mode.MULTI_PART) {
            ObjectNode parts = o.putObject("number_of_parts");
            parts.put("total", u.numberOfParts());
            parts.put("sent", u.parts().size());
        }
        return o;
    }

    private static void putOrNull(ObjectNode o, String key, String value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }

    // ---- comments (docs/notion-api.md §2.8) ----------------------------------------------------------------------

    public ObjectNode comment(Comment c) {
        ObjectNode o = F.objectNode();
        o.put("object", "comment");
        o.put("id", c.id());
        ObjectNode parent = o.putObject("parent");
        if (c.parent() instanceof Page) {
            parent.put("type", "page_id");
            parent.put("page_id", c.parent().id());
        } else {
            parent.put("type", "block_id");
            parent.put("block_id", c.parent().id());
        }
        o.put("discussion_id", c.discussionId());
        o.put("created_time", time(c.createdTime()));
        o.put("last_edited_time", time(c.lastEditedTime()));
        o.set("created_by", userRef(c.createdBy()));
        o.set("rich_text", c.richText());
        o.set("display_name", c.displayName());
        return o;
    }

    // ---- views (docs/notion-api.md §2.5; SDK views.ts) -------------------------------------------------------------

    /** {@code PartialDataSourceViewObjectResponse}: what tokens without read content get, and what delete returns. */
    public static ObjectNode viewPartial(View v) {
        ObjectNode o = F.objectNode();
        o.put("object", "view");
        o.put("id", v.id());
        ObjectNode parent = o.putObject("parent");
        parent.put("type", "database_id");
        parent.put("database_id", v.database().id());
        o.put("type", v.type());
        return o;
    }

    /** {@code DataSourceViewObjectResponse}: the full view; unset filter, sorts, quick filters, configuration are null. */
    public ObjectNode view(View v) {
        ObjectNode o = viewPartial(v);
        o.put("name", v.name());
        o.put("created_time", time(v.createdTime()));
        o.put("last_edited_time", time(v.lastEditedTime()));
        // Notion's view deep link: the database URL with ?v=<view id> (the ID NotionIds.parse reads from ?v=).
        o.put("url", "https://www.notion.so/" + v.database().id().replace("-", "") + "?v=" + v.id().replace("-", ""));
        if (v.dataSource() == null) {
            o.putNull("data_source_id");
        } else {
            o.put("data_source_id", v.dataSource().id());
        }
        o.set("created_by", userRef(v.createdBy()));
        o.set("last_edited_by", userRef(v.lastEditedBy()));
        o.set("filter", v.filter() == null ? F.nullNode() : v.filter().deepCopy());
        o.set("sorts", v.sorts() == null ? F.nullNode() : v.sorts().deepCopy());
        o.set("quick_filters", v.quickFilters() == null ? F.nullNode() : v.quickFilters().deepCopy());
        o.set("configuration", v.configuration() == null ? F.nullNode() : v.configuration().deepCopy());
        return o;
    }

    public static ArrayNode text(String s) {
        return RichText.of(s);
    }
}
