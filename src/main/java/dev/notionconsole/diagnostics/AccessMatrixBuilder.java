package dev.notionconsole.diagnostics;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.notion.NotionIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds an {@link AccessMatrix}: kind probes and identity per connection, then parent walks (only reads). */
final class AccessMatrixBuilder {
    private static final int BUDGET = 20;

    private final Investigation look;
    private final Connection origin;

    AccessMatrixBuilder(Investigation look, Connection origin) {
        this.look = look;
        this.origin = origin;
    }

    AccessMatrix build(String rawId) {
        String id = NotionIds.parse(rawId).orThrow();
        List<Connection> all = new ArrayList<>();
        all.add(origin);
        all.addAll(look.witnesses(origin));
        Map<Connection, Investigation.Kinds> kinds = new LinkedHashMap<>();
        String knownKind = null;
        for (Connection c : all) {
            look.probes.stage("Reading it as " + c.name());
            Investigation.Kinds k = look.kinds(c, role(c), BUDGET, id, knownKind, null);
            kinds.put(c, k);
            if (k.readable() && knownKind == null) {
                knownKind = k.object().kind();
            }
        }
        Connection reader = kinds.entrySet().stream().filter(e -> e.getValue().readable()).map(Map.Entry::getKey).findFirst().orElse(null);
        NotionObject seen = reader == null ? null : kinds.get(reader).object();
        List<NotionObject> readerChain = reader == null ? List.of() : look.ancestry(reader, role(reader), BUDGET, seen);
        Identity readerId = reader == null ? null : look.identity(reader, role(reader), BUDGET).orElse(null);
        List<AccessMatrix.Row> rows = new ArrayList<>();
        for (Connection c : all) {
            rows.add(row(c, kinds.get(c), reader, readerId, readerChain, kinds));
        }
        DiagnosedObject object = seen != null ? seen.toDiagnosed() : new DiagnosedObject(id, "unknown", null, null);
        return new AccessMatrix(object, rows, look.probes.evidence());
    }

    private AccessMatrix.Row row(Connection c, Investigation.Kinds k, Connection reader, Identity readerId, List<NotionObject> readerChain,
                                 Map<Connection, Investigation.Kinds> kinds) {
        String kind = c.kind().name().toLowerCase(Locale.ROOT);
        if (k.readable()) {
            List<NotionObject> chain = c == reader ? readerChain : look.ancestry(c, role(c), BUDGET, k.object());
            NotionObject root = chain.get(chain.size() - 1);
            for (int i = chain.size() - 1; i >= 0 && !root.shareable(); i--) {
                root = chain.get(i);
            }
            boolean top = root.parent() != null && root.parent().workspace();
            return new AccessMatrix.Row(c.name(), kind, true, root.toDiagnosed(), Cause.NONE, "Reads it" + (chain.size() > 1
                    ? "; access enters at " + Investigation.label(root) + (top ? " (a top-level page)" : " (its parent is not readable)")
                    : top ? "; it is a top-level object" : "") + ".");
        }
        if (k.status() == 401) {
            return new AccessMatrix.Row(c.name(), kind, false, null, Cause.TOKEN_INVALID, "Its token is refused (401).");
        }
        if (k.status() == 403) {
            return new AccessMatrix.Row(c.name(), kind, false, null, Cause.MISSING_CAPABILITY, "It lacks the Read content capability (403).");
        }
        if (k.linked()) {
            return new AccessMatrix.Row(c.name(), kind, false, null, Cause.LINKED_DATABASE, "A linked database: only its source resolves.");
        }
        if (reader == null) {
            return new AccessMatrix.Row(c.name(), kind, false, null, Cause.NOT_FOUND_OR_NOT_SHARED,
                    "No saved connection reads it: not shared with anyone saved, or it does not exist.");
        }
        Optional<Identity> me = look.identity(c, role(c), BUDGET);
        if (me.isEmpty()) {
            return new AccessMatrix.Row(c.name(), kind, false, null, Cause.TOKEN_INVALID, "Its token is refused.");
        }
        if (me.get().sameWorkspaceKnown(readerId) && !me.get().workspaceId().equals(readerId.workspaceId())) {
            return new AccessMatrix.Row(c.name(), kind, false, null, Cause.WRONG_WORKSPACE, "It belongs to \"" + me.get().workspaceName()
                    + "\"; the object is in \"" + readerId.workspaceName() + "\".");
        }
        Investigation.Target t = look.target(c, role(c), BUDGET, readerChain);
        DiagnosedObject to = t.object().toDiagnosed();
        if (c.kind() == ConnectionKind.PERSONAL_ACCESS_TOKEN) {
            return new AccessMatrix.Row(c.name(), kind, false, to, Cause.USER_LACKS_ACCESS, (me.get().userName() != null ? me.get().userName()
                    : "Its user") + " cannot see it: the user needs access to " + to.name() + ".");
        }
        if (c.kind() == ConnectionKind.PUBLIC_OAUTH) {
            for (Map.Entry<Connection, Investigation.Kinds> e : kinds.entrySet()) {
                if (e.getKey().kind() != ConnectionKind.PERSONAL_ACCESS_TOKEN) {
                    continue;
                }
                Optional<Identity> other = look.identity(e.getKey(), role(e.getKey()), BUDGET);
                if (other.isPresent() && me.get().sameUser(other.get())) {
                    return e.getValue().readable()
                            ? new AccessMatrix.Row(c.name(), kind, false, to, Cause.NOT_SHARED, "Its user sees it (\"" + e.getKey().name()
                            + "\" reads it) but did not pick it in the page picker: pick " + to.name() + ".")
                            : new AccessMatrix.Row(c.name(), kind, false, to, Cause.USER_LACKS_ACCESS, "Its user cannot see it (\""
                            + e.getKey().name() + "\" cannot read it either).");
                }
            }
        }
        return new AccessMatrix.Row(c.name(), kind, false, to, Cause.NOT_SHARED, (t.hole() ? "Access was removed below "
                + Investigation.label(t.lowestReadable()) + ": add it on " : "Not shared: add it to ") + to.name() + ".");
    }

    private String role(Connection c) {
        return c.id().equals(origin.id()) ? Evidence.FAILING : Evidence.WITNESS;
    }
}
