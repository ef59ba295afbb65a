package dev.notionconsole.sandbox.api;

import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.model.Block;
import dev.notionconsole.sandbox.model.Capability;
import dev.notionconsole.sandbox.model.DataSource;
import dev.notionconsole.sandbox.model.Database;
import dev.notionconsole.sandbox.model.Identity;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.Page;

/**
 * The last two checks of every route (docs/notion-api.md §4.4, 5.2, 8 "Permissions"): capability (403
 * restricted_resource) and then visibility (404 object_not_found, the same answer for missing and not shared).
 * A visible object of the wrong kind gives the "is a database, not a page" family (decision 0022).
 */
public final class Access {
    private Access() {
    }

    public static void require(Call call, Capability capability) {
        if (!call.identity().has(capability)) {
            throw ApiError.restricted();
        }
    }

    /** Tokens without read content get partial {object, id} answers from writes (docs/notion-api.md §3.2, 5.3). */
    public static boolean readable(Call call) {
        return call.identity().has(Capability.READ_CONTENT);
    }

    public static ApiError notFound(Call call, String noun, String id) {
        Identity who = call.identity();
        return ApiError.notFound(noun, id, who.connection().name(), who.connection().id());
    }

    /** The node if it exists and the token can see it, else the route's 404. */
    public static Node visible(Call call, String id, String noun) {
        Node n = call.model().node(id);
        if (n == null || !call.model().visibility().canSee(call.identity(), n)) {
            throw notFound(call, noun, id);
        }
        return n;
    }

    /** Anything addressable as a block: pages, databases (as child_database) and content blocks, not data sources. */
    public static Node block(Call call, String id) {
        Node n = visible(call, id, "block");
        if (n instanceof DataSource) {
            throw notFound(call, "block", id);
        }
        return n;
    }

    public static Page page(Call call, String id) {
        Node n = visible(call, id, "page");
        if (n instanceof Page p) {
            return p;
        }
        if (n instanceof DataSource) {
            throw notFound(call, "page", id);
        }
        throw ApiError.wrongKind(id, kindNoun(n), "page");
    }

    /**
     * A database. Data-source IDs are another ID space: given here they are simply not found (docs/notion-api.md §7.6).
     * A linked database is visible as a block but never resolves (docs/notion-api.md §4.3, 5.2).
     */
    public static Database database(Call call, String id) {
        Node n = visible(call, id, "database");
        if (n instanceof Database db) {
            return db;
        }
        if (n instanceof Block b && b.isLinkedDatabase()) {
            throw ApiError.validation("Database with ID " + id + " is a linked database. Database retrievals do not support linked databases.");
        }
        if (n instanceof DataSource) {
            throw notFound(call, "database", id);
        }
        throw ApiError.wrongKind(id, kindNoun(n), "database");
    }

    public static DataSource dataSource(Call call, String id) {
        Node n = visible(call, id, "data_source");
        if (n instanceof DataSource ds) {
            return ds;
        }
        if (n instanceof Database || (n instanceof Block b && b.isLinkedDatabase())) {
            // A database ID given to a data-source route: 404, as Notion answers (notion-sdk-js#612).
            throw notFound(call, "data_source", id);
        }
        throw ApiError.wrongKind(id, kindNoun(n), "data_source");
    }

    static String kindNoun(Node n) {
        return n instanceof Block b && b.isLinkedDatabase() ? "database" : n.kind().noun();
    }
}
