package dev.notionconsole.diagnostics;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The probes shared by a diagnosis and the access matrix (docs/explorer-diagnostics.md §3.0 steps 3, 4, 6):
 * identity, kind probes on one ID, the parent chain as one connection reads it, and where access enters for
 * another. Only reads; every call through {@link Probes}.
 */
final class Investigation {
    /** Kind probes, in the order of docs/explorer-diagnostics.md §3.0 step 4 (blocks last: every page is a block). */
    static final List<String> KINDS = List.of("page", "database", "data_source", "view", "block");
    static final int WITNESS_PROBES = 3;
    static final int WALK = 6;
    private static final Pattern IS_A = Pattern.compile("is an? (\\w+), not an? (\\w+)");

    /** What kind probes on one ID found. */
    record Kinds(NotionObject object, boolean linked, String namedKind, int status, NotionObject linkedBlock) {
        boolean readable() {
            return object != null;
        }
    }

    /** Where a connection's access to a chain enters, or where to add it. */
    record Target(NotionObject object, boolean hole, NotionObject lowestReadable) {
    }

    final Probes probes;
    final ConnectionRegistry connections;
    private final Map<String, Optional<Identity>> identities = new HashMap<>();

    Investigation(Probes probes, ConnectionRegistry connections) {
        this.probes = probes;
        this.connections = connections;
    }

    /** {@code GET /v1/users/me}; empty when the token is refused (the answer stays in the evidence). */
    Optional<Identity> identity(Connection c, String role, int budget) {
        Optional<Identity> known = identities.get(c.id());
        if (known != null) {
            return known;
        }
        // one call per connection and diagnosis, cached: it does not count against the kind probes' budget
        Optional<Probes.Answer> a = probes.get(c, role, Integer.MAX_VALUE, "/v1/users/me");
        Optional<Identity> id = a.filter(Probes.Answer::ok).map(x -> Identity.of(x.json()));
        a.ifPresent(x -> probes.explain(x, x.ok() ? describe(Identity.of(x.json())) : "the token itself is refused: " + x.message()));
        if (a.isPresent()) {
            identities.put(c.id(), id);
        }
        return id;
    }

    private static String describe(Identity i) {
        return "the token works: it acts as " + (i.userName() != null ? i.userName() + "'s token or install" : "its own bot")
                + (i.workspaceName() != null ? " in \"" + i.workspaceName() + "\"" : "");
    }

    /** The Notion-side name of the connection (its bot's name) once its identity was read, else the saved name. */
    String notionName(Connection c) {
        Optional<Identity> known = identities.get(c.id());
        return known != null && known.isPresent() && known.get().botName() != null ? known.get().botName() : c.name();
    }

    /**
     * Reads the ID as each kind in turn until one answers 200, Notion names the kind ("is a database, not a page"),
     * or it says "linked database".
     *
     * @param skip a kind already tried by the call itself, or null
     */
    Kinds kinds(Connection c, String role, int budget, String id, String first, String skip) {
        List<String> order = new ArrayList<>();
        if (first != null && KINDS.contains(first) && !first.equals(skip)) {
            order.add(first);
        }
        if (Evidence.WITNESS.equals(role) && !order.contains("block") && !"block".equals(skip)) {
            order.add("block"); // a witness has few calls: pages, databases and blocks all answer as blocks
        }
        KINDS.stream().filter(k -> !order.contains(k) && !k.equals(skip)).forEach(order::add);
        int lastStatus = 0;
        NotionObject linkedBlock = null;
        for (int i = 0; i < order.size(); i++) {
            String kind = order.get(i);
            Optional<Probes.Answer> a = probes.get(c, role, budget, NotionObject.route(kind, id));
            if (a.isEmpty()) {
                break;
            }
            Probes.Answer x = a.get();
            lastStatus = x.status();
            if (x.ok()) {
                NotionObject o = NotionObject.of(x.json());
                if ("block".equals(o.kind()) && "child_database".equals(o.blockType()) && !order.subList(0, i).contains("database")) {
                    linkedBlock = o; // a child_database block: the databases route says whether it is a linked view
                    probes.explain(x, "a child_database block" + (o.title() != null ? " titled \"" + o.title() + "\"" : ""));
                    order.add(i + 1, "database");
                    continue;
                }
                probes.explain(x, "readable as a " + o.kind().replace('_', ' ') + (o.title() != null ? ": \"" + o.title() + "\"" : "")
                        + (o.inTrash() ? " (in the trash)" : ""));
                return new Kinds(o, false, null, 200, linkedBlock);
            }
            String message = x.message();
            if (message.contains("is a linked database")) {
                probes.explain(x, "a linked database: the API serves only its source database");
                return new Kinds(null, true, "database", x.status(), linkedBlock);
            }
            Matcher m = IS_A.matcher(message);
            if (x.status() == 400 && m.find()) {
                String actual = m.group(1).toLowerCase(java.util.Locale.ROOT);
                probes.explain(x, "Notion says it is a " + actual.replace('_', ' '));
                if (KINDS.contains(actual) && !order.subList(0, i + 1).contains(actual)) {
                    order.remove(actual);
                    order.add(i + 1, actual);
                }
                continue;
            }
            if (x.status() == 404) {
                probes.explain(x, "not readable as a " + kind.replace('_', ' '));
            } else if (x.status() == 401 || x.status() == 403) {
                return new Kinds(null, false, null, x.status(), linkedBlock);
            }
        }
        return new Kinds(null, false, null, lastStatus, linkedBlock);
    }

    /** The object and its ancestors as {@code c} reads them, nearest first, stopping at the workspace or at the first it cannot read. */
    List<NotionObject> ancestry(Connection c, String role, int budget, NotionObject start) {
        List<NotionObject> chain = new ArrayList<>();
        chain.add(start);
        NotionObject at = start;
        for (int hop = 0; hop < WALK && at.parent() != null && !at.parent().workspace(); hop++) {
            NotionObject.Parent p = at.parent();
            Optional<Probes.Answer> a = probes.get(c, role, budget, NotionObject.route(p.kind(), p.id()));
            if (a.isEmpty() || !a.get().ok()) {
                a.ifPresent(x -> probes.explain(x, "its parent " + p.kind().replace('_', ' ') + " " + p.id() + " is not readable by this connection either"));
                break;
            }
            at = NotionObject.of(a.get().json());
            probes.explain(a.get(), "ancestor: " + at.shareKind().replace('_', ' ') + (at.title() != null ? " \"" + at.title() + "\"" : ""));
            chain.add(at);
        }
        return chain;
    }

    /**
     * Where to add {@code c} so that it reads {@code chain.get(0)}: below the lowest ancestor it already reads (a
     * hole: access was removed there, docs/explorer-diagnostics.md §3.3 C3), else the highest page or database of the
     * chain. Probes {@code c} on the ancestors (not on the object itself, which it is known not to read).
     */
    Target target(Connection c, String role, int budget, List<NotionObject> chain) {
        NotionObject lowestReadable = null;
        int readableAt = -1;
        for (int i = 1; i < chain.size(); i++) {
            NotionObject o = chain.get(i);
            Optional<Probes.Answer> a = probes.get(c, role, budget, NotionObject.route(o.kind(), o.id()));
            if (a.isEmpty()) {
                break;
            }
            if (a.get().ok()) {
                probes.explain(a.get(), "this connection reads the ancestor " + label(o) + ": access stops below it");
                lowestReadable = o;
                readableAt = i;
                break;
            }
            probes.explain(a.get(), "this connection cannot read the ancestor " + label(o) + " either");
        }
        if (readableAt > 0) {
            for (int j = readableAt - 1; j >= 0; j--) {
                if (chain.get(j).shareable()) {
                    return new Target(chain.get(j), true, lowestReadable);
                }
            }
            return new Target(chain.get(0), true, lowestReadable);
        }
        for (int j = chain.size() - 1; j >= 0; j--) {
            if (chain.get(j).shareable()) {
                return new Target(chain.get(j), false, null);
            }
        }
        return new Target(chain.get(0), false, null);
    }

    static String label(NotionObject o) {
        return o.shareKind().replace('_', ' ') + (o.title() != null ? " \"" + o.title() + "\"" : " " + o.id());
    }

    /**
     * The user's other saved connections on the same API base URL, personal access tokens first (they see the most),
     * then public installs, then internal connections; for a public install, its own user's tokens first.
     */
    List<Connection> witnesses(Connection c) {
        String user = c.lastCheck() != null && c.lastCheck().ownerUser() != null ? c.lastCheck().ownerUser().id() : null;
        return connections.list().stream()
                .filter(w -> !w.id().equals(c.id()))
                .filter(w -> sameServer(c, w))
                .sorted(Comparator.comparingInt((Connection w) -> sameUserFirst(w, user)).thenComparingInt(w -> rank(w.kind())))
                .toList();
    }

    private static int sameUserFirst(Connection w, String user) {
        return user != null && w.lastCheck() != null && w.lastCheck().ownerUser() != null
                && user.equals(w.lastCheck().ownerUser().id()) ? 0 : 1;
    }

    private static int rank(ConnectionKind k) {
        return switch (k) {
            case PERSONAL_ACCESS_TOKEN -> 0;
            case PUBLIC_OAUTH -> 1;
            case INTERNAL -> 2;
        };
    }

    /**
     * Same API base URL. Connections to the built-in sandbox ({@code sandbox}) share the one in-process sandbox of
     * this run (a command-line run starts a fresh one), so they are compared by that marker, without starting it.
     */
    static boolean sameServer(Connection a, Connection b) {
        if (a.isSandbox() || b.isSandbox()) {
            return a.isSandbox() && b.isSandbox();
        }
        return a.baseUrl().replaceAll("/+$", "").equalsIgnoreCase(b.baseUrl().replaceAll("/+$", ""));
    }
}
