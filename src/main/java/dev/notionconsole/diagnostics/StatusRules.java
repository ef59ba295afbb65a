package dev.notionconsole.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.notion.Capability;
import dev.notionconsole.notion.ErrorCodes;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionError;
import java.util.Optional;

/**
 * The causes the status alone settles, after at most one identity probe (docs/explorer-diagnostics.md §3.1, §3.2,
 * §3.5): a success, 401, 403, 409, 429 and 5xx / an edge's HTML. Sharing is never blamed here: a 403 is a capability
 * or a token kind, a 401 the token.
 */
final class StatusRules {
    private final Run run;

    StatusRules(Run run) {
        this.run = run;
    }

    Verdict success(Exchange x) {
        NotionObject o = x.json() != null && x.json().has("object") && x.json().has("id") ? NotionObject.of(x.json()) : null;
        String what = o != null ? Investigation.label(o) : x.json() != null && "list".equals(x.json().path("object").asText())
                ? "a list of " + x.json().path("results").size() + " results" : x.size() + " bytes";
        Verdict v = Verdict.of(Cause.NONE, Confidence.CONFIRMED, "The call succeeds (" + x.status() + "): it returned " + what
                + (o != null && o.inTrash() ? ", which is in the trash (in_trash: true)" : "") + ".")
                .detail(o != null && o.inTrash() ? "in_trash" : null);
        if (o != null) {
            v.object(o.toDiagnosed());
            Verdict lag = o.inTrash() ? null : searchLag(o, x);
            if (lag != null) {
                return lag;
            }
        }
        return v.step(o != null && o.inTrash() ? "Nothing failed; restore it from Trash in Notion before changing it." : "Nothing to fix.");
    }

    /**
     * A working read of a page or data source: does search find it by its title (docs/explorer-diagnostics.md §3.0
     * step 7)? Missing from a complete answer is search lag, not access (§3.3 C15). Null when search lists it, could
     * not be asked, or answered with more pages than one probe reads.
     */
    private Verdict searchLag(NotionObject o, Exchange x) {
        boolean page = "page".equals(o.kind());
        if (!run.spec.method().equals("GET") || o.title() == null || o.title().isBlank() || (!page && !"data_source".equals(o.kind()))) {
            return null;
        }
        com.fasterxml.jackson.databind.node.ObjectNode body = Json.mapper().createObjectNode().put("query", o.title());
        body.putObject("filter").put("property", "object").put("value", page ? "page" : "data_source");
        body.put("page_size", 100);
        Optional<Probes.Answer> a = run.probes().post(run.connection, Evidence.FAILING, run.budget(), "/v1/search", Json.compact(body));
        if (a.isEmpty() || !a.get().ok()) {
            return null;
        }
        for (JsonNode r : a.get().json().path("results")) {
            if (o.id().equals(r.path("id").asText())) {
                run.probes().explain(a.get(), "search by its title lists it too");
                return null;
            }
        }
        if (a.get().json().path("has_more").asBoolean(false)) {
            run.probes().explain(a.get(), "search by its title did not list it among the first 100 results");
            return null;
        }
        run.probes().explain(a.get(), "search by its title does not list it, though GET reads it");
        String who = "\"" + run.connection.name() + "\"";
        Verdict v = Verdict.of(Cause.NONE, Confidence.CONFIRMED, "The call succeeds (" + x.status() + "): " + who + " reads "
                + Investigation.label(o) + ". Search by its title does not list it: not an access problem: search lag. Notion's search "
                + "returns objects shared directly with the connection at once, the rest only once its index has caught up.")
                .detail("search_lag").object(o.toDiagnosed());
        v.step("Nothing to fix for reads: GET by its ID works now.");
        v.step("Wait for Notion's search index to catch up, then search again.");
        if (run.connection.kind() != ConnectionKind.PERSONAL_ACCESS_TOKEN) {
            v.step("Or share " + o.toDiagnosed().name() + " directly with " + who + " (on the page itself: ••• → Connections → Connect to): "
                    + "objects shared directly are guaranteed to be returned by search.");
        }
        return v;
    }

    Verdict unauthorized() {
        NotionError e = run.error();
        boolean restricted = run.message().contains("restricted from accessing the public API");
        Optional<Identity> me = run.look.identity(run.connection, Evidence.FAILING, run.budget());
        if (me.isPresent() && !restricted) {
            if (run.isRead()) {
                Optional<Probes.Answer> again = run.probes().original(run.connection, run.spec.toApiRequest());
                if (again.isPresent() && again.get().ok()) {
                    run.probes().explain(again.get(), "the call succeeds now");
                    return Verdict.of(Cause.NONE, Confidence.CONFIRMED, "The token works now and the call succeeds (" + again.get().status()
                            + "): the token was renewed or replaced since.").step("Nothing to fix: send the call again.");
                }
            }
            return Verdict.of(Cause.TOKEN_INVALID, Confidence.LIKELY, "Notion refused the token for this call (" + e.code()
                    + "), but GET /v1/users/me works with it now: the token was replaced or renewed in between.")
                    .fix(Fixes.token(run.connection, false));
        }
        return tokenRefused(restricted);
    }

    /** A token refused by {@code /users/me} during a diagnosis of another status. */
    Verdict tokenRefusedNow() {
        return tokenRefused(false);
    }

    private Verdict tokenRefused(boolean restricted) {
        String kind = run.connection.kind().label().toLowerCase(java.util.Locale.ROOT);
        String detail = restricted ? "account_restricted" : switch (run.connection.kind()) {
            case INTERNAL -> "revoked_or_regenerated";
            case PUBLIC_OAUTH -> "refresh_failed";
            case PERSONAL_ACCESS_TOKEN -> "expired_or_revoked";
        };
        return Verdict.of(Cause.TOKEN_INVALID, Confidence.CONFIRMED, restricted
                ? "Notion says this account is restricted from the public API: the token is fine, its user may not use the API."
                : "Notion refuses the token of \"" + run.connection.name() + "\" (" + kind + ") on every call, GET /v1/users/me included: "
                + "it is unknown, revoked, regenerated or expired.")
                .detail(detail).fix(Fixes.token(run.connection, restricted));
    }

    Verdict forbidden() {
        NotionError e = run.error();
        if (e.additional("block_limit").isPresent()) {
            return Verdict.of(Cause.REQUEST_BLOCKED, Confidence.CONFIRMED, "The workspace is on the Free plan and has used all its "
                    + "blocks: Notion refuses calls that create blocks. Not a capability or sharing problem.")
                    .detail("free_plan_block_limit")
                    .step("Upgrade the workspace's plan in Notion (Settings → Upgrade plan), or delete content to get under the limit.")
                    .step("Reads still work; personal access tokens are exempt from the limit.");
        }
        String id = run.endpoint == null ? "" : run.endpoint.id();
        if (id.equals("users.list") && run.connection.kind() == ConnectionKind.PERSONAL_ACCESS_TOKEN) {
            run.probes().note(run.connection.name(), "personal access tokens cannot list workspace users (docs/notion-api.md §6)");
            return Verdict.of(Cause.TOKEN_KIND_NOT_ALLOWED, Confidence.CONFIRMED, "Personal access tokens cannot list workspace users "
                    + "(GET /v1/users), whatever their capabilities.").detail("pat_cannot_list_users")
                    .step("Use GET /v1/users/me for the token's own user, or GET /v1/users/{user_id} for one person.")
                    .step("To list everyone, send the call as an internal connection with the Read user information capability.");
        }
        Capability cap = run.endpoint != null ? run.endpoint.capability() : null;
        Optional<Identity> me = run.look.identity(run.connection, Evidence.FAILING, run.budget());
        if (me.isEmpty()) {
            return tokenRefused(false);
        }
        if (cap == null) {
            return Verdict.of(Cause.MISSING_CAPABILITY, Confidence.POSSIBLE, "Notion refused the operation (403 " + e.code() + ") although the "
                    + "token works; the console does not know which capability this route needs.")
                    .step("Compare the connection's capabilities in " + Fixes.PORTAL + " (Configuration tab → Capabilities) with the endpoint's reference.");
        }
        if (cap == Capability.USER_INFO && run.connection.learned(Capability.USER_INFO).isEmpty()) {
            run.probes().note(run.connection.name(), "no earlier answer said whether it may read user information");
        }
        return Verdict.of(Cause.MISSING_CAPABILITY, Confidence.CONFIRMED, "\"" + run.connection.name() + "\" lacks the " + cap.label()
                + " capability, which " + (run.endpoint != null ? "\"" + run.endpoint.name() + "\"" : "this call") + " needs: "
                + "the token works (GET /v1/users/me answers 200) and Notion answered 403 " + e.code() + ".")
                .capability(cap).fix(Fixes.capability(run.connection, cap, run.look.notionName(run.connection)));
    }

    Verdict rateLimited() {
        NotionError e = run.error();
        if (e.blocked()) {
            return Verdict.of(Cause.REQUEST_BLOCKED, Confidence.CONFIRMED, "Notion blocks this connection's requests "
                    + "(public_api_request_blocked): waiting does not help.").detail(ErrorCodes.REASON_REQUEST_BLOCKED)
                    .step("Do not retry: ask a workspace owner (Settings → Connections) whether the connection was restricted, or contact Notion support "
                            + "with the request ID" + (e.requestId() != null ? " " + e.requestId() : "") + ".");
        }
        String reason = e.rateLimitReason().orElse(null);
        String wait = e.additional("retry_after").or(() -> run.answer.header("retry-after")).orElse(null);
        Verdict v = Verdict.of(Cause.RATE_LIMITED, Confidence.CONFIRMED, "Over a rate limit"
                + (reason != null ? " (" + reason + ")" : "") + (wait != null ? "; Notion asks to wait " + wait + " s" : "") + ".")
                .detail(reason);
        v.step("Wait" + (wait != null ? " " + wait + " s" : " for Retry-After") + " and send again; the console paces each connection "
                + "(180 requests a minute, 600 on Business and Enterprise).");
        if ("public_api_space_request_rate_limit".equals(reason)) {
            v.step("The workspace's shared budget is spent: another tool using this workspace may be consuming it.");
        }
        return v;
    }

    Verdict conflict() {
        return Verdict.of(Cause.CONFLICT, Confidence.CONFIRMED, "Notion hit a conflict while saving (409 " + run.error().code()
                + "): another change to the same object at the same time.")
                .step("Read the object again, then repeat the change.");
    }

    Verdict serviceError() {
        NotionError e = run.error();
        boolean edge = e.fromEdgeProxy();
        Verdict v = Verdict.of(Cause.SERVICE_ERROR, Confidence.CONFIRMED, edge
                ? "The answer did not come from the Notion API but from the network edge in front of it (" + e.message() + ")."
                : "Notion had a problem answering (" + run.answer.status() + " " + e.code() + ").")
                .detail(edge ? "edge_proxy" : e.code());
        if (e.mayHaveCommitted()) {
            v.step("The write may have been saved: read the object again before repeating it"
                    + e.additional("committed_resource_id").map(id -> " (Notion names " + id + ")").orElse("") + ".");
        } else {
            v.step("Try again in a moment; reads are retried automatically.");
        }
        v.step(edge ? "If it persists, check proxies or VPNs and quote the cf-ray ID" + (e.cfRay() != null ? " " + e.cfRay() : "") + "."
                : "If it persists, report it to Notion with the request ID" + (e.requestId() != null ? " " + e.requestId() : "") + ".");
        return v;
    }
}
