package dev.notionconsole.diagnostics;

import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.notion.ErrorCodes;
import dev.notionconsole.notion.NotionError;
import dev.notionconsole.notion.NotionVersion;
import dev.notionconsole.request.preflight.Finding;
import dev.notionconsole.request.preflight.Preflight;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 400s (docs/explorer-diagnostics.md §3.4, §3.6): the request's shape, an ID's kind, the version. The failing request
 * is re-checked by the preflight rules and the endpoint catalog, whose findings are part of the evidence. Kind
 * mismatches ("is a database, not a page"), linked databases and trashed objects are confirmed with one probe.
 */
final class BadRequestRules {
    private static final Pattern IS_A = Pattern.compile("Provided ID ([0-9a-fA-F-]{32,36}) is an? (\\w+), not an? (\\w+)");
    private static final Pattern LINKED = NotionError.LINKED_DATABASE;
    private static final Pattern FIELD = Pattern.compile("((?:body|path|query)(?:\\.[\\w\\[\\]-]+)+)");
    private static final Set<String> REMOVED_FIELDS = Set.of("archived-2026", "after-2026", "search-filter-new", "search-filter-old");

    private final Run run;
    private final List<Finding> findings;

    BadRequestRules(Run run, Preflight preflight) {
        this.run = run;
        this.findings = preflight.check(run.spec, run.version, dev.notionconsole.request.send.RequestSender.lacking(run.connection));
        findings.forEach(f -> run.probes().note(run.connection.name(), "preflight (" + f.code() + "): " + f.message()));
    }

    Verdict diagnose() {
        NotionError e = run.error();
        String code = e.code();
        String message = run.message();
        if (ErrorCodes.MISSING_VERSION.equals(code) && message.contains("should be defined")) {
            return Verdict.of(Cause.VERSION_INVALID, Confidence.CONFIRMED, "The request carried no Notion-Version header; Notion requires one.")
                    .detail("missing").fix(Fixes.version(null, null));
        }
        if (message.startsWith("Notion-Version header failed validation")) {
            return Verdict.of(Cause.VERSION_INVALID, Confidence.CONFIRMED, "Notion-Version " + run.version + " is not a version Notion knows.")
                    .detail("unknown_version").fix(Fixes.version(run.version, null));
        }
        if (ErrorCodes.INVALID_JSON.equals(code)) {
            Finding f = finding("invalid-json");
            return Verdict.of(Cause.INVALID_REQUEST, Confidence.CONFIRMED, "The body is not valid JSON" + (f != null ? ": " + f.message() : "."))
                    .detail("invalid_json").step("Fix the JSON" + (f != null && f.line() > 0 ? " at line " + f.line() + ", column " + f.column() : "")
                            + " (a trailing comma, an unquoted key, a missing brace).");
        }
        if (ErrorCodes.INVALID_GRANT.equals(code)) {
            return Verdict.of(Cause.TOKEN_INVALID, Confidence.CONFIRMED, "Notion rejected the OAuth code or refresh token: " + message)
                    .detail("invalid_grant").fix(Fixes.token(run.connection, false));
        }
        if (ErrorCodes.INVALID_REQUEST_URL.equals(code)) {
            return invalidUrl();
        }
        if (e.additional("error_type").filter("multiple_data_sources_for_database"::equals).isPresent()) {
            String min = e.additional("minimum_api_version").orElse(NotionVersion.DATA_SOURCES);
            if (run.version != null && NotionVersion.atLeast(run.version, min)) {
                return severalSources(e.additional("database_id").orElse(null), e.additional("child_data_source_ids").orElse(""));
            }
            return Verdict.of(Cause.VERSION_TOO_OLD, Confidence.CONFIRMED, "The database has several data sources ("
                    + e.additional("child_data_source_ids").orElse("") + "); Notion-Version " + run.version + " cannot address them.")
                    .detail("multiple_data_sources").fix(Fixes.version(run.version, min))
                    .step("Then query one of its data sources: POST /v1/data_sources/{data_source_id}/query.");
        }
        Matcher isA = IS_A.matcher(message);
        if (isA.find()) {
            return kindNamed(isA.group(1), isA.group(2).toLowerCase(java.util.Locale.ROOT), isA.group(3).toLowerCase(java.util.Locale.ROOT));
        }
        Matcher linked = LINKED.matcher(message);
        if (linked.find()) {
            return linkedDatabase(linked.group(1), linked.group(2).startsWith("is a linked"));
        }
        if (message.contains("is archived") && message.contains("unarchive")) {
            return trashed();
        }
        if (message.contains("Internal integrations aren't owned by a single user")) {
            return Verdict.of(Cause.TOKEN_KIND_NOT_ALLOWED, Confidence.CONFIRMED, "Internal connections cannot create workspace-level pages: "
                    + "they are not owned by a user, and such a page is private to one.").detail("internal_workspace_page")
                    .step("Give the new page a parent: \"parent\": {\"page_id\": \"…\"} of a page shared with \"" + run.connection.name()
                            + "\" (or a data_source_id for a row).")
                    .step("Or create it as a personal access token or a public connection: the page becomes private to that user.");
        }
        for (Finding f : findings) {
            if (f.code().equals("position-old") || f.code().equals("data-sources-version") || f.code().equals("route-version")) {
                return Verdict.of(Cause.VERSION_TOO_OLD, Confidence.CONFIRMED, f.message()).detail("field_needs_version")
                        .fix(Fixes.version(run.version, f.code().equals("position-old") ? Preflight.V2026 : NotionVersion.DATA_SOURCES));
            }
            if (REMOVED_FIELDS.contains(f.code())) {
                return Verdict.of(Cause.INVALID_REQUEST, Confidence.CONFIRMED, f.message()).detail("field_not_in_version")
                        .step(f.message());
            }
        }
        if (message.contains("start_cursor")) {
            return Verdict.of(Cause.INVALID_REQUEST, Confidence.CONFIRMED, "The pagination cursor is no longer valid (cursors expire, and a "
                    + "search cursor does not survive a session).").detail("expired_cursor")
                    .step("Start the listing again without start_cursor; never keep a cursor across sessions.");
        }
        Optional<RequestIds.Ref> bad = RequestIds.all(run.spec, run.endpoint).stream().filter(r -> !r.valid()).findFirst();
        if (bad.isPresent() && message.contains("valid uuid")) {
            return notAnId(run, bad.get());
        }
        Matcher field = FIELD.matcher(message);
        String name = field.find() ? field.group(1) : null;
        Verdict v = Verdict.of(Cause.INVALID_REQUEST, Confidence.CONFIRMED, "Notion rejected the request's "
                + (name != null ? "field " + name : "shape") + ": " + message).detail(code);
        v.step(name != null ? "Fix " + name + " as the message says: " + message : "Fix the request as the message says: " + message);
        findings.stream().filter(f -> !f.code().equals("capability")).forEach(f -> v.step(f.message()));
        return v;
    }

    private Finding finding(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).findFirst().orElse(null);
    }

    private Verdict invalidUrl() {
        String path = run.spec.path();
        Optional<RequestIds.Ref> bad = RequestIds.all(run.spec, run.endpoint).stream().filter(r -> !r.valid()).findFirst();
        Finding unfilled = finding("unfilled-path");
        if (unfilled != null || path.contains("{") || path.contains("}")) {
            return Verdict.of(Cause.INVALID_REQUEST, Confidence.CONFIRMED, "The path still holds a placeholder (" + path + "): Notion cannot "
                    + "parse it.").detail("unfilled_placeholder").step(unfilled != null ? unfilled.message() : "Replace {…} with the ID.");
        }
        if (finding("url-in-path") != null || path.contains("notion.so") || path.contains("notion.site")) {
            return bad.map(r -> notAnId(run, r)).orElseGet(() -> Verdict.of(Cause.INVALID_REQUEST, Confidence.CONFIRMED,
                    "The path holds a URL or a query string: " + path).detail("url_in_path").step(finding("url-in-path") != null
                    ? finding("url-in-path").message() : "Put only the ID in the path."));
        }
        if (path.endsWith("/") || path.contains("//")) {
            return Verdict.of(Cause.INVALID_REQUEST, Confidence.CONFIRMED, "An ID in the path is empty (" + path + ").").detail("empty_id")
                    .step("Fill the variable that should hold the ID before sending.");
        }
        if (run.endpoint == null) {
            Verdict v = Verdict.of(Cause.INVALID_REQUEST, Confidence.CONFIRMED, run.spec.method() + " " + path + " is not a route of the "
                    + "Notion API.").detail("unknown_route");
            v.step("Check the method and path against the endpoint catalog (Ctrl+K in the Request workspace).");
            return v;
        }
        if (!run.endpoint.existsIn(run.version) || (path.startsWith("/v1/data_sources") && !NotionVersion.atLeast(run.version, NotionVersion.DATA_SOURCES))) {
            String needed = run.endpoint.since() != null ? run.endpoint.since() : NotionVersion.DATA_SOURCES;
            if (run.endpoint.until() != null && NotionVersion.atLeast(run.version, run.endpoint.until())) {
                return Verdict.of(Cause.INVALID_REQUEST, Confidence.CONFIRMED, run.endpoint.name() + " was removed in Notion-Version "
                        + run.endpoint.until() + ".").detail("route_removed")
                        .step("Use the route that replaced it (see the endpoint catalog), or an older Notion-Version.");
            }
            return Verdict.of(Cause.VERSION_TOO_OLD, Confidence.CONFIRMED, run.endpoint.name() + " exists from Notion-Version " + needed
                    + "; the call was sent with " + run.version + ".").detail("route_needs_version").fix(Fixes.version(run.version, needed));
        }
        return Verdict.of(Cause.INVALID_REQUEST, Confidence.LIKELY, "Notion could not parse the URL " + path + " although the route and version "
                + "fit: the client built the URL wrongly (an unencoded character, a stray segment).").detail("invalid_url")
                .step("Compare the exact URL sent (the evidence) with the endpoint's path template " + run.endpoint.path() + ".");
    }

    /** A value where an ID belongs that is not one (a link, a slug, a view link). */
    static Verdict notAnId(Run run, RequestIds.Ref ref) {
        dev.notionconsole.notion.NotionIds.Result parsed = dev.notionconsole.notion.NotionIds.parse(ref.raw());
        String view = ref.related().get("view");
        Verdict v = Verdict.of(Cause.INVALID_REQUEST, Confidence.CONFIRMED, ref.where() + " holds \"" + ref.raw() + "\", which is not an ID"
                + (ref.problem() != null ? ": " + ref.problem() : ".")).detail("not_an_id");
        if (parsed.ok()) {
            v.step("Use the ID " + parsed.id() + " (" + parsed.notesText() + ").");
        }
        if (view != null) {
            v.step("The ?v=" + view + " part is a view: use it only with /v1/views routes.");
        }
        v.step("Paste links into the console's ID fields: they take the ID out of a notion.so link.");
        return v;
    }

    private Verdict kindNamed(String id, String actual, String wanted) {
        String route = NotionObject.route(actual, id);
        Optional<Probes.Answer> a = run.probes().get(run.connection, Evidence.FAILING, run.budget(), route);
        NotionObject o = a.filter(Probes.Answer::ok).map(x -> NotionObject.of(x.json())).orElse(null);
        // "is a database" is also said of a linked database, which its own route never serves (docs/notion-api.md §4.3)
        Optional<Matcher> linked = a.filter(x -> !x.ok() && x.exchange().error() != null)
                .map(x -> LINKED.matcher(String.valueOf(x.exchange().error().message()))).filter(Matcher::find);
        if (linked.isPresent()) {
            run.probes().explain(a.get(), "its own route refuses it: a linked database");
            return linkedDatabase(id, linked.get().group(2).startsWith("is a linked"));
        }
        a.ifPresent(x -> run.probes().explain(x, o != null ? "readable as a " + actual.replace('_', ' ') + (o.title() != null ? ": \"" + o.title() + "\"" : "")
                : "not readable through its own route either"));
        Verdict v = Verdict.of(Cause.WRONG_ID_KIND, Confidence.CONFIRMED, "The ID " + id + " is a " + actual.replace('_', ' ') + ", not a "
                + wanted.replace('_', ' ') + " (Notion says so).").detail(actual + "_id_for_" + wanted)
                .object(o != null ? o.toDiagnosed() : new DiagnosedObject(id, actual, null, null));
        v.step("Use the " + actual.replace('_', ' ') + " routes (" + route + ")" + ("database".equals(actual) && "page".equals(wanted)
                ? "; for a page that holds an inline database, list the page's children to find the page ID or the child_database ID" : "") + ".");
        if ("database".equals(actual) && o != null && !o.dataSourceIds().isEmpty()) {
            v.step("To query its rows: POST /v1/data_sources/" + o.dataSourceIds().get(0) + "/query.");
        }
        return v;
    }

    private Verdict linkedDatabase(String id, boolean linked) {
        Optional<Probes.Answer> a = run.probes().get(run.connection, Evidence.FAILING, run.budget(), "/v1/blocks/" + id);
        NotionObject block = a.filter(Probes.Answer::ok).map(x -> NotionObject.of(x.json())).orElse(null);
        a.ifPresent(x -> run.probes().explain(x, block != null ? "a " + block.blockType() + " block" + (block.title() != null ? " titled \""
                + block.title() + "\"" : "") : "not readable as a block"));
        String title = block != null ? block.title() : null;
        Verdict v = Verdict.of(Cause.LINKED_DATABASE, linked ? Confidence.CONFIRMED : Confidence.LIKELY, "The ID " + id + " is "
                + (linked ? "a linked database" : "a database whose data sources this connection cannot reach, as a linked database's are")
                + (title != null ? " (\"" + title + "\")" : "") + ": the API serves only the source database.")
                .object(new DiagnosedObject(id, "database", title, null));
        if (!linked) {
            v.alternatives(Cause.NOT_SHARED);
        }
        v.step("In Notion, open the linked view and click its title (↗) to open the source database; copy its link (••• → Copy link) "
                + "and use that ID.");
        v.step(run.connection.kind() == ConnectionKind.PERSONAL_ACCESS_TOKEN ? "Make sure the token's user can see the source database."
                : "Add \"" + run.look.notionName(run.connection) + "\" to the source database (••• → Connections → Connect to).");
        return v;
    }

    /**
     * The version is new enough, yet a database ID was sent where one data source must be named (a create with a
     * {@code database_id} parent, docs/notion-api.md §1.5): the ID is of the wrong kind, not the version too old.
     */
    private Verdict severalSources(String databaseId, String sourceIds) {
        String first = sourceIds.split("[,\\s]+")[0];
        Verdict v = Verdict.of(Cause.WRONG_ID_KIND, Confidence.CONFIRMED, "The database " + (databaseId != null ? databaseId + " " : "")
                + "has several data sources (" + sourceIds + "): a database ID cannot say which one, so give a data source ID instead.")
                .detail("database_id_for_data_source");
        if (!first.isBlank()) {
            v.object(new DiagnosedObject(first, "data_source", null, null));
        }
        return v.step("Send parent {\"data_source_id\": \"<one of " + sourceIds + ">\"} instead of database_id (or the data source "
                + "route: /v1/data_sources/{data_source_id}).");
    }

    private Verdict trashed() {
        List<RequestIds.Ref> refs = RequestIds.all(run.spec, run.endpoint);
        for (RequestIds.Ref r : refs) {
            if (!r.valid()) {
                continue;
            }
            String kind = "block".equals(r.kind()) || "unknown".equals(r.kind()) ? "block" : r.kind();
            Optional<Probes.Answer> a = run.probes().get(run.connection, Evidence.FAILING, run.budget(), NotionObject.route(kind, r.id()));
            if (a.isPresent() && a.get().ok()) {
                NotionObject o = NotionObject.of(a.get().json());
                if (o.inTrash()) {
                    run.probes().explain(a.get(), "in the trash: in_trash is true");
                    return new NotFoundLadder(run).trashed(o, "\"" + run.connection.name() + "\"");
                }
                run.probes().explain(a.get(), "readable and not in the trash itself");
                // a page under a trashed page refuses writes too but reads in_trash: false itself (explorer-diagnostics.md §0.8, D9);
                // the page to restore is the trashed ancestor, so walk up as the failing connection
                List<NotionObject> chain = run.look.ancestry(run.connection, Evidence.FAILING, run.budget(), o);
                for (NotionObject up : chain.subList(1, chain.size())) {
                    if (up.inTrash()) {
                        return new NotFoundLadder(run).trashedAncestor(o, up, "\"" + run.connection.name() + "\"");
                    }
                }
            }
        }
        return Verdict.of(Cause.IN_TRASH, Confidence.LIKELY, "Notion says the object is archived (in the trash), or sits in a trashed page: "
                + run.message()).step("Restore it (or the trashed page above it) from Trash in Notion, then send the call again.");
    }
}
