package dev.notionconsole.diagnostics;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 404 {@code object_not_found} and its lookalikes (docs/explorer-diagnostics.md §3.3): the message's wording is never
 * trusted. For each ID the request carries (the one the message names first), kind probes as the failing connection
 * tell a wrong-kind, view or linked-database ID from an unreadable one; for the unreadable one, witnesses (the user's
 * other connections on the same base URL) tell "exists" from "no evidence", the workspace, and, by walking the
 * witness's parent chain, which page to add the connection to. See docs/decisions/0075-diagnostics-probe-ladder.md.
 */
final class NotFoundLadder {
    private static final int MAX_IDS = 4;

    private final Run run;
    private final Connection c;

    NotFoundLadder(Run run) {
        this.run = run;
        this.c = run.connection;
    }

    Verdict diagnose() {
        run.probes().stage("Checking the token");
        Optional<Identity> me = run.look.identity(c, Evidence.FAILING, run.budget());
        if (me.isEmpty()) {
            return new StatusRules(run).tokenRefusedNow();
        }
        List<RequestIds.Ref> refs = refs();
        for (RequestIds.Ref ref : refs) {
            if (!ref.valid()) {
                return BadRequestRules.notAnId(run, ref);
            }
        }
        run.probes().stage("Probing the IDs");
        int checked = 0;
        for (RequestIds.Ref ref : refs) {
            if (checked++ >= MAX_IDS) {
                break;
            }
            boolean alreadyTried = ref.where().startsWith("path.") || ref.where().equals("message");
            Investigation.Kinds k = run.look.kinds(c, Evidence.FAILING, run.budget(), ref.id(), ref.kind(),
                    alreadyTried ? ref.kind() : null);
            if (k.linked()) {
                return linked(ref, k);
            }
            if (k.readable()) {
                Verdict v = mismatch(ref, k.object(), true);
                if (v != null) {
                    return v;
                }
                continue; // readable as what the request wants: another ID is the problem
            }
            if (k.status() == 401) {
                return new StatusRules(run).tokenRefusedNow();
            }
            return unreadable(ref, me.get());
        }
        return allReadable(refs);
    }

    /** The ID the message names first, then every ID of the path, query and body. */
    private List<RequestIds.Ref> refs() {
        List<RequestIds.Ref> out = new ArrayList<>();
        RequestIds.Ref named = RequestIds.named(run.error());
        List<RequestIds.Ref> all = RequestIds.all(run.spec, run.endpoint);
        if (named != null && named.valid()) {
            // keep the kind the request wanted there when the request carries the same ID
            RequestIds.Ref same = all.stream().filter(r -> named.id().equals(r.id())).findFirst().orElse(null);
            out.add(same != null ? new RequestIds.Ref(same.id(), same.raw(), same.kind().equals("unknown") ? named.kind() : same.kind(),
                    same.where(), null, same.related()) : named);
        }
        all.stream().filter(r -> out.stream().noneMatch(o -> o.id() != null && o.id().equals(r.id()))).forEach(out::add);
        return out;
    }

    /** A readable object of another kind than the request wants: view, wrong kind, trash. Null when it is what was wanted. */
    Verdict mismatch(RequestIds.Ref ref, NotionObject o, boolean failingReads) {
        String wanted = ref.kind();
        String reader = failingReads ? "\"" + c.name() + "\"" : "another connection";
        if ("view".equals(o.kind()) && !"view".equals(wanted)) {
            NotionObject.Parent db = o.parent();
            String dbId = db != null ? db.id() : null;
            String ds = o.json().path("data_source_id").asText(null);
            Verdict v = Verdict.of(Cause.VIEW_ID, Confidence.CONFIRMED, "The ID " + ref.id() + " (" + ref.where() + ") is a view"
                    + (o.title() != null ? " (\"" + o.title() + "\")" : "") + " of database " + dbId
                    + ", not a " + wanted.replace('_', ' ') + ": it is the ?v= part of the link.")
                    .object(new DiagnosedObject(dbId, "database", null, null));
            v.step("Use the ID before ?v= in the link: the database " + dbId + " for /v1/databases routes"
                    + (ds != null ? ", or its data source " + ds + " for queries (POST /v1/data_sources/" + ds + "/query)" : "") + ".");
            v.step("The view ID itself works only with the views routes (GET /v1/views/" + ref.id() + ").");
            return v;
        }
        if ("data_source".equals(wanted) && "database".equals(o.kind())) {
            List<String> sources = o.dataSourceIds();
            Verdict v = Verdict.of(Cause.WRONG_ID_KIND, Confidence.CONFIRMED, "The ID " + ref.id() + " is a database"
                    + (o.title() != null ? " (\"" + o.title() + "\")" : "") + ", but " + ref.where()
                    + " wants a data source ID: since Notion-Version 2025-09-03 databases hold data sources.")
                    .detail("database_id_for_data_source")
                    .object(sources.isEmpty() ? o.toDiagnosed() : new DiagnosedObject(sources.get(0), "data_source", o.title(), null));
            v.step(sources.isEmpty() ? "This database has no data source the connection can read."
                    : "Use the data source ID " + String.join(" or ", sources) + " (GET /v1/databases/" + ref.id()
                    + " lists them under data_sources).");
            v.step("Keep the database ID for /v1/databases routes.");
            return v;
        }
        if ("database".equals(wanted) && "data_source".equals(o.kind())) {
            String db = o.parent() != null ? o.parent().id() : null;
            return Verdict.of(Cause.WRONG_ID_KIND, Confidence.CONFIRMED, "The ID " + ref.id() + " is a data source"
                    + (o.title() != null ? " (\"" + o.title() + "\")" : "") + ", but " + ref.where() + " wants a database ID.")
                    .detail("data_source_id_for_database")
                    .object(db == null ? o.toDiagnosed() : new DiagnosedObject(db, "database", null, null))
                    .step(db == null ? "Use the data source routes (/v1/data_sources/" + ref.id() + ")."
                            : "Use the database ID " + db + " (the data source's parent.database_id), or the data source routes "
                            + "(/v1/data_sources/" + ref.id() + ").");
        }
        boolean blockIsFine = "block".equals(wanted) && !"data_source".equals(o.kind()) && !"view".equals(o.kind());
        boolean pageIsFine = "page".equals(wanted) && ("page".equals(o.kind()) || "child_page".equals(o.blockType()));
        boolean dbIsFine = ("database".equals(wanted)) && ("database".equals(o.kind()));
        boolean same = wanted.equals(o.kind()) || blockIsFine || pageIsFine || dbIsFine || "unknown".equals(wanted);
        if (!same) {
            String right = switch (o.shareKind()) {
                case "page" -> "/v1/pages/" + o.id();
                case "database" -> "/v1/databases/" + o.id();
                case "data_source" -> "/v1/data_sources/" + o.id();
                default -> "/v1/blocks/" + o.id();
            };
            Verdict v = Verdict.of(Cause.WRONG_ID_KIND, Confidence.CONFIRMED, "The ID " + ref.id() + " (" + ref.where() + ") is a "
                    + kindWords(o) + ", not a " + wanted.replace('_', ' ') + ".")
                    .detail(o.shareKind() + "_id_for_" + wanted).object(o.toDiagnosed());
            v.step("Use the route for a " + kindWords(o) + " (" + right + "), or the ID of the " + wanted.replace('_', ' ') + " you meant"
                    + ("block".equals(o.kind()) && o.parent() != null ? " (this block sits in " + o.parent().kind().replace('_', ' ') + " "
                    + o.parent().id() + ")" : "") + ".");
            return v;
        }
        if (o.inTrash() && !run.isRead()) {
            return trashed(o, reader);
        }
        return null;
    }

    Verdict trashed(NotionObject o, String reader) {
        Verdict v = Verdict.of(Cause.IN_TRASH, Confidence.CONFIRMED, Investigation.label(o) + " is in the trash (" + reader
                + " reads it with in_trash: true): Notion refuses changes to trashed objects.").object(o.toDiagnosed());
        v.step("Restore it: in Notion, open Trash (sidebar) → find " + o.toDiagnosed().name() + " → Restore; or PATCH "
                + NotionObject.route("block".equals(o.kind()) ? "block" : o.shareKind(), o.id()) + " with {\"in_trash\": false} "
                + "(needs the Update content capability).");
        v.step("Then send the call again.");
        return v;
    }

    /** {@code o} is not in the trash itself but sits below {@code trashed}, which is: restoring that one restores both. */
    Verdict trashedAncestor(NotionObject o, NotionObject trashed, String reader) {
        Verdict v = Verdict.of(Cause.IN_TRASH, Confidence.CONFIRMED, Investigation.label(o) + " sits in " + Investigation.label(trashed)
                + ", which is in the trash (" + reader + " reads it with in_trash: true): Notion refuses changes to everything in a "
                + "trashed page.").detail("ancestor_in_trash").object(trashed.toDiagnosed());
        v.step("Restore " + trashed.toDiagnosed().name() + ": in Notion, open Trash (sidebar) → find it → Restore; or PATCH "
                + NotionObject.route("block".equals(trashed.kind()) ? "block" : trashed.shareKind(), trashed.id())
                + " with {\"in_trash\": false} (needs the Update content capability).");
        v.step("Then send the call again.");
        return v;
    }

    private static String kindWords(NotionObject o) {
        if ("block".equals(o.kind())) {
            if (o.blockType() == null || o.blockType().startsWith("child_")) {
                return o.shareKind();
            }
            String type = o.blockType().replace('_', ' ');
            return type.endsWith(" block") ? type : type + " block"; // "synced block", not "synced block block"
        }
        return o.kind().replace('_', ' ');
    }

    private Verdict linked(RequestIds.Ref ref, Investigation.Kinds k) {
        NotionObject block = k.linkedBlock();
        String title = block != null ? block.title() : null;
        Verdict v = Verdict.of(Cause.LINKED_DATABASE, Confidence.CONFIRMED, "The ID " + ref.id() + " is a linked database"
                + (title != null ? " (\"" + title + "\")" : "") + ": a view of another database placed on a page. The API never "
                + "resolves linked databases, only their source.")
                .object(new DiagnosedObject(ref.id(), "database", title, null));
        v.step("In Notion, open the linked view and click its title (↗) to open the source database; copy that page's link "
                + "(••• → Copy link) and use its ID instead.");
        v.step(c.kind() == ConnectionKind.PERSONAL_ACCESS_TOKEN ? "Make sure the token's user can see the source database."
                : "Add \"" + run.look.notionName(c) + "\" to the source database (••• → Connections → Connect to): sharing the page that holds the "
                + "linked view does not share the source.");
        return v;
    }

    /** The failing connection reads none of the kinds: ask the witnesses. */
    private Verdict unreadable(RequestIds.Ref ref, Identity me) {
        if (!run.options.witnesses()) {
            Verdict user = userId(ref, List.of());
            return user != null ? user : noEvidence(ref, me, "Witnesses were off, so the console did not ask other saved connections.");
        }
        run.probes().stage("Asking witnesses");
        List<Connection> witnesses = run.look.witnesses(c);
        Connection reader = null;
        NotionObject seen = null;
        for (Connection w : witnesses) {
            // the first witness (a personal access token when there is one: it sees the most) may try every kind
            int calls = run.witnessesUsed.isEmpty() ? Investigation.KINDS.size() - 1 : 2;
            run.witnessesUsed.add(w.name());
            Investigation.Kinds k = run.look.kinds(w, Evidence.WITNESS, calls, ref.id(), ref.kind(), null);
            if (k.readable()) {
                reader = w;
                seen = k.object();
                break;
            }
            if (k.linked()) {
                return linked(ref, k);
            }
        }
        if (reader == null) {
            Verdict user = userId(ref, witnesses);
            if (user != null) {
                return user;
            }
            return noEvidence(ref, me, witnesses.isEmpty() ? "No other saved connection uses this base URL, so nothing could say whether it exists."
                    : "None of the " + witnesses.size() + " other saved connections (" + String.join(", ", run.witnessesUsed)
                    + ") can read it either.");
        }
        Verdict kind = mismatch(ref, seen, false);
        if (kind != null && kind.cause != Cause.IN_TRASH) {
            kind.step("\"" + c.name() + "\" cannot read it yet either; \"" + reader.name() + "\" can.");
            return kind;
        }
        int walkBudget = Investigation.WITNESS_PROBES + 1 + Investigation.WALK + 1;
        Optional<Identity> wid = run.look.identity(reader, Evidence.WITNESS, walkBudget);
        if (wid.isPresent() && me.sameWorkspaceKnown(wid.get()) && !me.workspaceId().equals(wid.get().workspaceId())) {
            Verdict v = Verdict.of(Cause.WRONG_WORKSPACE, Confidence.CONFIRMED, Investigation.label(seen) + " is in the workspace \""
                    + wid.get().workspaceName() + "\" (\"" + reader.name() + "\" reads it there), but \"" + c.name() + "\" belongs to \""
                    + me.workspaceName() + "\".").object(seen.toDiagnosed());
            return v.fix(Fixes.wrongWorkspace(c, wid.get().workspaceName(), me.workspaceName()));
        }
        run.probes().stage("Walking the parents");
        List<NotionObject> chain = run.look.ancestry(reader, Evidence.WITNESS, walkBudget, seen);
        Investigation.Target t = run.look.target(c, Evidence.FAILING, run.budget(), chain);
        DiagnosedObject target = t.object().toDiagnosed();
        String where = t.hole() ? " \"" + c.name() + "\" reads its ancestor " + Investigation.label(t.lowestReadable())
                + ", but access was removed below it (or that page's permissions were edited), so add it on " + target.name()
                + " itself; re-sharing the parent does not re-grant it."
                : chain.size() > 1 ? " The highest page above it that \"" + reader.name() + "\" reads is " + target.name() + "." : "";
        String what = Investigation.label(seen);
        return switch (c.kind()) {
            case INTERNAL -> Verdict.of(Cause.NOT_SHARED, Confidence.CONFIRMED, what + " exists (\"" + reader.name() + "\" reads it) but is not "
                    + "shared with \"" + c.name() + "\"." + where).detail(t.hole() ? "hole" : null).object(target)
                    .fix(t.hole() ? Fixes.hole(c, target, t.lowestReadable().toDiagnosed(), me.botName())
                            : Fixes.share(c, target, null, me.botName()));
            case PERSONAL_ACCESS_TOKEN -> Verdict.of(Cause.USER_LACKS_ACCESS, Confidence.CONFIRMED, what + " exists (\"" + reader.name()
                    + "\" reads it), but " + user(me) + ", whose personal access token this is, cannot see it: sharing a connection cannot "
                    + "help.").detail(t.hole() ? "hole" : null).object(target)
                    .fix(Fixes.userAccess(c, target, me.userName(), List.of(reader.name())));
            case PUBLIC_OAUTH -> oauth(me, reader, wid.orElse(null), seen, target, what, t.hole());
        };
    }

    /** A public install: its user may see it and not have picked it, or not see it at all; the user's own token tells. */
    private Verdict oauth(Identity me, Connection reader, Identity readerId, NotionObject seen, DiagnosedObject target, String what,
                          boolean hole) {
        if (me.sameUser(readerId)) {
            return Verdict.of(Cause.NOT_SHARED, Confidence.CONFIRMED, what + " is visible to " + user(me) + " (\"" + reader.name()
                    + "\" is their token and reads it), but " + user(me) + " did not pick it in the page picker when installing \""
                    + c.name() + "\".").detail("not_picked").object(target).fix(Fixes.share(c, target, me.userName(), me.botName()));
        }
        // another witness of the same user that cannot read it proves the user lacks access
        for (Connection w : run.look.witnesses(c)) {
            if (w.id().equals(reader.id()) || w.kind() == ConnectionKind.INTERNAL) {
                continue;
            }
            Optional<Identity> id = run.look.identity(w, Evidence.WITNESS, Investigation.WITNESS_PROBES + 1);
            if (id.isPresent() && me.sameUser(id.get()) && w.kind() == ConnectionKind.PERSONAL_ACCESS_TOKEN) {
                run.witnessesUsed.add(w.name());
                Investigation.Kinds k = run.look.kinds(w, Evidence.WITNESS, Investigation.WITNESS_PROBES + 2, seen.id(), seen.kind(), null);
                if (k.readable()) {
                    return Verdict.of(Cause.NOT_SHARED, Confidence.CONFIRMED, what + " is visible to " + user(me) + " (their token \""
                            + w.name() + "\" reads it), but was not picked in the page picker for \"" + c.name() + "\".")
                            .detail("not_picked").object(target).fix(Fixes.share(c, target, me.userName(), me.botName()));
                }
                return Verdict.of(Cause.USER_LACKS_ACCESS, Confidence.CONFIRMED, what + " exists (\"" + reader.name() + "\" reads it), but "
                        + user(me) + ", who installed \"" + c.name() + "\", cannot see it (their token \"" + w.name() + "\" cannot read it).")
                        .object(target).fix(Fixes.userAccess(c, target, me.userName(), List.of(reader.name())));
            }
        }
        Verdict v = Verdict.of(Cause.NOT_SHARED, Confidence.LIKELY, what + " exists (\"" + reader.name() + "\" reads it) but \"" + c.name()
                + "\" has no access: either " + user(me) + " did not pick it in the page picker, or " + user(me) + " cannot see it at all. "
                + "No saved token of " + user(me) + " could tell which.").detail(hole ? "hole" : "not_picked_or_no_access")
                .object(target).alternatives(Cause.USER_LACKS_ACCESS);
        v.fix(Fixes.share(c, target, me.userName(), me.botName()));
        v.step("If " + target.name() + " is not in the page picker, " + user(me) + " has no access to it: ask its owner to share it with "
                + user(me) + " (Share → invite) first.");
        return v;
    }

    /**
     * A 404 on an ID no connection reads as any kind of object: is it a person or bot? {@code GET /v1/users/{id}}
     * answers 200 for a user of the workspace (docs/notion-api.md §2.7), as the failing connection, else as each witness
     * while they lack the user-information capability (403). Null when it is not a user or nobody could tell.
     */
    private Verdict userId(RequestIds.Ref ref, List<Connection> witnesses) {
        if ("user".equals(ref.kind())) {
            return null;
        }
        List<Connection> askers = new ArrayList<>();
        askers.add(c);
        askers.addAll(witnesses);
        for (Connection w : askers) {
            boolean failing = w == c;
            Optional<Probes.Answer> a = run.probes().get(w, failing ? Evidence.FAILING : Evidence.WITNESS,
                    failing ? run.budget() + 1 : Investigation.KINDS.size() + 2, "/v1/users/" + ref.id());
            if (a.isEmpty()) {
                continue;
            }
            if (a.get().ok()) {
                JsonNode u = a.get().json();
                String name = u.path("name").isTextual() ? u.path("name").asText() : null;
                String type = u.path("type").asText("person");
                run.probes().explain(a.get(), "a user ID: the " + type + (name != null ? " \"" + name + "\"" : ""));
                String wanted = "unknown".equals(ref.kind()) ? "page, database or block" : ref.kind().replace('_', ' ');
                Verdict v = Verdict.of(Cause.WRONG_ID_KIND, Confidence.CONFIRMED, "The ID " + ref.id() + " (" + ref.where() + ") is a user"
                        + (name != null ? " (\"" + name + "\", a " + type + ")" : " (a " + type + ")") + ", not a " + wanted
                        + ": user IDs come from people properties, mentions, created_by and /v1/users.")
                        .detail("user_id_for_" + ("unknown".equals(ref.kind()) ? "object" : ref.kind()))
                        .object(new DiagnosedObject(ref.id(), "user", name, null));
                v.step("Use the ID of the " + wanted + " you meant: in Notion, open it → ••• → Copy link; the ID is the 32 hex characters "
                        + "at the end of the link's path.");
                v.step("A user ID works with the users route only (GET /v1/users/" + ref.id() + ").");
                return v;
            }
            run.probes().explain(a.get(), a.get().status() == 403 ? "cannot read users (no user information capability)"
                    : "not a user either");
            if (a.get().status() != 403) {
                return null;
            }
        }
        return null;
    }

    private static String user(Identity me) {
        return me.userName() != null ? me.userName() : "the token's user";
    }

    private Verdict noEvidence(RequestIds.Ref ref, Identity me, String why) {
        String shareWord = c.kind() == ConnectionKind.PERSONAL_ACCESS_TOKEN ? user(me) + " has no access to it" : "it is not shared with \""
                + c.name() + "\"";
        Verdict v = Verdict.of(Cause.NOT_FOUND_OR_NOT_SHARED, Confidence.POSSIBLE, "No connection could read " + ref.id() + " (" + ref.where()
                + ") as any kind of object, so the API cannot tell whether " + shareWord + " or it does not exist (deleted, or in another "
                + "workspace). " + why)
                .object(new DiagnosedObject(ref.id(), ref.kind(), null, null))
                .alternatives(c.kind() == ConnectionKind.PERSONAL_ACCESS_TOKEN ? Cause.USER_LACKS_ACCESS : Cause.NOT_SHARED, Cause.WRONG_WORKSPACE);
        return v.fix(Fixes.unknownObject(c, ref.id(), me.userName()));
    }

    /** Every ID reads as the kind the request wants: re-send a read once; otherwise say what is left. */
    private Verdict allReadable(List<RequestIds.Ref> refs) {
        if (run.isRead()) {
            Optional<Probes.Answer> again = run.probes().original(c, run.spec.toApiRequest());
            if (again.isPresent() && again.get().ok()) {
                run.probes().explain(again.get(), "the call succeeds now");
                return Verdict.of(Cause.NONE, Confidence.CONFIRMED, "The call succeeds now (" + again.get().status() + "): access was granted "
                        + "since, or the object was restored. Nothing to fix.").step("Nothing to fix: send the call again.");
            }
        }
        String ids = refs.isEmpty() ? "The request carries no ID" : "Every ID the request carries reads as the kind it wants";
        Verdict v = Verdict.of(Cause.NOT_FOUND_OR_NOT_SHARED, Confidence.POSSIBLE, ids + " as \"" + c.name() + "\", yet Notion answered 404: "
                + "something the call refers to indirectly (a relation target, a template, a synced block's original) is not readable.")
                .detail("indirect_reference").alternatives(Cause.NOT_SHARED);
        v.step("Look at the ID the error message names (" + run.message() + ") and share the page that holds it with \"" + c.name() + "\".");
        v.step("For a synced block copy, share the page that holds the original block; for a relation, share the related database.");
        return v;
    }
}
