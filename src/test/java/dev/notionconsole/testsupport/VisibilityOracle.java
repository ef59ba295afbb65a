package dev.notionconsole.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What each token of a sandbox fixture can see, worked out from the fixture file alone with the sharing rules of
 * docs/notion-api.md §5.1, §5.2 and §6, independently of the sandbox's visibility engine (it shares no code with
 * {@code dev.notionconsole.sandbox}): a test compares what the sandbox (or anything built on it, like the
 * Explorer's map) answers with what this oracle expects.
 *
 * <ul>
 *   <li>An internal connection sees what is shared with it ({@code shares}) and everything below, except what it was
 *       removed from ({@code removed_from}, a hole) and what is below that, unless shared again further down: the
 *       nearest share or removal above an object decides.</li>
 *   <li>A public connection's installation sees the pages its user picked and what is below, as far as that user
 *       sees them.</li>
 *   <li>A personal access token sees what its creator sees, without any sharing.</li>
 *   <li>A person sees their workspace except other people's private pages; a person with an {@code access} list
 *       (guests) sees only those objects and what is below them.</li>
 *   <li>A revoked or expired token sees nothing (401); a token without {@code read_content} reads nothing (403).</li>
 * </ul>
 */
public final class VisibilityOracle {
    private static final String DEFAULT_FIXTURE = "/dev/notionconsole/sandbox/default-fixture.json";
    private static final Pattern DASHED = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

    /**
     * An object of the fixture.
     *
     * @param key       its fixture key ("handbook"; "&lt;owner id&gt;/&lt;index&gt;" for blocks without an id)
     * @param id        its API id
     * @param kind      page, database, data_source, view, block or linked (a linked database block)
     * @param workspace the workspace key
     * @param parentId  the API id of its parent object, null at the top of a workspace
     * @param privateTo the user key whose private page it is under, or null
     * @param trashed   in the trash itself or below something that is
     */
    public record FixtureObject(String key, String id, String kind, String workspace, String parentId, String privateTo,
                                boolean trashed) {
    }

    /**
     * One token of the fixture.
     *
     * @param name          the connection's name (as Notion quotes it in 404 messages)
     * @param token         the bearer token
     * @param connectionKey the connection's fixture key
     * @param workspace     the workspace key it acts in
     * @param roots         object keys shared with it or picked for it; null: it sees what its user sees
     * @param user          the user key it acts for (public installations, personal tokens), or null for a bot
     * @param status        0 when it can read, 401 when the token is revoked or expired, 403 without read_content
     * @param removed       object keys it was removed from below its roots (holes); empty but for internal connections
     */
    public record Principal(String name, String token, String connectionKey, String workspace, Set<String> roots,
                            String user, int status, Set<String> removed) {
        public Principal(String name, String token, String connectionKey, String workspace, Set<String> roots, String user, int status) {
            this(name, token, connectionKey, workspace, roots, user, status, Set.of());
        }

        public boolean canRead() {
            return status == 0;
        }

        /** internal (a bot: no user), public (an installation: the pages its user picked) or personal (its user's reach). */
        public String kind() {
            return user == null ? "internal" : roots == null ? "personal" : "public";
        }
    }

    private record Person(String workspace, Set<String> access) {
    }

    private final Map<String, FixtureObject> objectsByKey = new LinkedHashMap<>();
    private final Map<String, FixtureObject> objectsById = new LinkedHashMap<>();
    private final Map<String, Person> people = new LinkedHashMap<>();
    private final List<Principal> principals = new ArrayList<>();

    private VisibilityOracle(JsonNode fixture, Instant now) {
        for (JsonNode u : fixture.path("users")) {
            JsonNode access = u.path("access");
            Set<String> keys = null;
            if (access.isArray()) {
                keys = new LinkedHashSet<>();
                for (JsonNode k : access) {
                    keys.add(k.asText());
                }
            }
            people.put(u.path("id").asText(), new Person(u.path("workspace").asText(), keys));
        }
        new ObjectReader(fixture).readInto(objectsByKey);
        objectsByKey.values().forEach(o -> objectsById.put(o.id(), o));
        for (JsonNode c : fixture.path("connections")) {
            readPrincipals(c, now);
        }
    }

    /** The default fixture shipped in the jar, judged now. */
    public static VisibilityOracle defaultFixture() {
        try (InputStream in = VisibilityOracle.class.getResourceAsStream(DEFAULT_FIXTURE)) {
            return of(new ObjectMapper().readTree(in), Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture file, judged now. */
    public static VisibilityOracle of(Path fixture) {
        try {
            return of(new String(Files.readAllBytes(fixture), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture's JSON text, judged now. */
    public static VisibilityOracle of(String fixtureJson) {
        try {
            return of(new ObjectMapper().readTree(fixtureJson), Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A parsed fixture; personal tokens whose {@code expires_at} is before {@code now} count as expired. */
    public static VisibilityOracle of(JsonNode fixture, Instant now) {
        return new VisibilityOracle(fixture, now);
    }

    /** Every object of the fixture (pages, databases, data sources, views, blocks), in file order. */
    public Collection<FixtureObject> objects() {
        return objectsByKey.values();
    }

    /** An object by its API id or its fixture key. */
    public Optional<FixtureObject> object(String idOrKey) {
        FixtureObject o = objectsById.get(idOrKey);
        return Optional.ofNullable(o != null ? o : objectsByKey.get(idOrKey));
    }

    /** Every token of the fixture: internal tokens, installations, personal tokens, and their revoked tokens. */
    public List<Principal> principals() {
        return List.copyOf(principals);
    }

    /** The principal holding {@code token}. */
    public Principal principal(String token) {
        return principals.stream().filter(p -> p.token().equals(token)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no token of the fixture is " + mask(token)));
    }

    /** A fixture connection's first token (its own, or its first installation's): the one a test connects with. */
    public Principal connection(String connectionKey) {
        return principals.stream().filter(p -> p.connectionKey().equals(connectionKey)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no connection " + connectionKey + " in the fixture"));
    }

    /** Can the holder of {@code token} read the object ({@code GET} it with a 200)? */
    public boolean canSee(String token, String objectIdOrKey) {
        FixtureObject o = object(objectIdOrKey).orElseThrow(() -> new IllegalArgumentException("no object " + objectIdOrKey));
        return sees(principal(token), o);
    }

    /** Can this principal read the object? False for every object when it cannot read at all. */
    public boolean sees(Principal who, FixtureObject o) {
        return who.canRead() && reaches(who, o);
    }

    /**
     * Would the object be visible to this principal if its token could read: the sharing alone, whatever the
     * token's status (for expecting 404 against 200 once status checks pass).
     */
    public boolean reaches(Principal who, FixtureObject o) {
        if (!who.workspace().equals(o.workspace()) || !personSees(who.user(), o)) {
            return false;
        }
        return who.roots() == null || underAny(o, who.roots(), who.removed());
    }

    /** Every object the holder of {@code token} can read, in file order (empty for a revoked token). */
    public List<FixtureObject> visibleTo(String token) {
        Principal who = principal(token);
        return objectsByKey.values().stream().filter(o -> sees(who, o)).toList();
    }

    /** The API ids of {@link #visibleTo(String)}. */
    public Set<String> visibleIds(String token) {
        Set<String> ids = new LinkedHashSet<>();
        visibleTo(token).forEach(o -> ids.add(o.id()));
        return ids;
    }

    private boolean personSees(String user, FixtureObject o) {
        if (user == null) {
            return true;
        }
        if (o.privateTo() != null && !o.privateTo().equals(user)) {
            return false;
        }
        Person p = people.get(user);
        return p == null || p.access() == null || underAny(o, p.access(), Set.of());
    }

    /** The nearest of the object and its ancestors that is a root or a removal decides. */
    private boolean underAny(FixtureObject o, Set<String> roots, Set<String> removed) {
        for (FixtureObject n = o; n != null; n = n.parentId() == null ? null : objectsById.get(n.parentId())) {
            if (roots.contains(n.key())) {
                return true;
            }
            if (removed.contains(n.key())) {
                return false;
            }
        }
        return false;
    }

    private void readPrincipals(JsonNode c, Instant now) {
        String key = c.path("id").asText();
        String name = c.path("name").asText();
        int readStatus = canReadContent(c) ? 0 : 403;
        switch (c.path("kind").asText()) {
            case "internal" -> {
                Set<String> shares = keys(c.path("shares"));
                Set<String> removed = keys(c.path("removed_from"));
                principals.add(new Principal(name, c.path("token").asText(), key, c.path("workspace").asText(), shares, null,
                        c.path("revoked").asBoolean() ? 401 : readStatus, removed));
                for (JsonNode t : c.path("revoked_tokens")) {
                    principals.add(new Principal(name, t.asText(), key, c.path("workspace").asText(), shares, null, 401, removed));
                }
            }
            case "public" -> {
                for (JsonNode in : c.path("installations")) {
                    String user = in.path("user").asText();
                    String ws = people.containsKey(user) ? people.get(user).workspace() : "";
                    Set<String> picked = keys(in.path("pages"));
                    add(name, in.path("access_token").asText(), key, ws, picked, user,
                            in.path("revoked").asBoolean() ? 401 : readStatus);
                    revokedTokens(in, name, key, ws, picked, user);
                }
            }
            case "personal" -> {
                String user = c.path("creator").asText();
                String ws = c.hasNonNull("workspace") ? c.get("workspace").asText()
                        : people.containsKey(user) ? people.get(user).workspace() : "";
                boolean expired = c.hasNonNull("expires_at") && Instant.parse(c.get("expires_at").asText()).isBefore(now);
                add(name, c.path("token").asText(), key, ws, null, user,
                        c.path("revoked").asBoolean() || expired ? 401 : readStatus);
                revokedTokens(c, name, key, ws, null, user);
            }
            default -> throw new IllegalArgumentException("unknown connection kind in the fixture: " + c.path("kind"));
        }
    }

    private void revokedTokens(JsonNode holder, String name, String key, String ws, Set<String> roots, String user) {
        for (JsonNode t : holder.path("revoked_tokens")) {
            add(name, t.asText(), key, ws, roots, user, 401);
        }
    }

    private void add(String name, String token, String key, String ws, Set<String> roots, String user, int status) {
        principals.add(new Principal(name, token, key, ws, roots, user, status));
    }

    private static boolean canReadContent(JsonNode c) {
        if (!c.has("capabilities")) {
            return true; // default: every capability
        }
        for (JsonNode cap : c.get("capabilities")) {
            if ("read_content".equals(cap.asText())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> keys(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(k -> out.add(k.asText()));
        return out;
    }

    /** The fixture format's key to id rule (docs/sandbox-fixtures.md "Keys and IDs"), written out again here. */
    static String idOf(String key) {
        if (DASHED.matcher(key).matches()) {
            return key.toLowerCase(Locale.ROOT);
        }
        if (HEX32.matcher(key).matches()) {
            String h = key.toLowerCase(Locale.ROOT);
            return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
        }
        return UUID.nameUUIDFromBytes(("notion-console-sandbox/" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String mask(String token) {
        return token == null || token.length() < 12 ? "(a short token)" : token.substring(0, 12) + "…";
    }

    /** Reads the object tree: who is whose parent, which workspace, private to whom, in the trash. */
    private static final class ObjectReader {
        private final JsonNode fixture;
        private final Map<String, String> kinds = new LinkedHashMap<>();
        private final Map<String, String> parentKey = new LinkedHashMap<>();
        private final Map<String, String> workspaceOf = new LinkedHashMap<>();
        private final Map<String, String> privateTo = new LinkedHashMap<>();
        private final Map<String, String> firstDataSource = new LinkedHashMap<>();
        private final Set<String> trashed = new HashSet<>();

        ObjectReader(JsonNode fixture) {
            this.fixture = fixture;
        }

        void readInto(Map<String, FixtureObject> out) {
            for (JsonNode d : fixture.path("databases")) {
                String key = d.path("id").asText();
                JsonNode sources = d.path("data_sources");
                firstDataSource.put(key, sources.isArray() && !sources.isEmpty() ? sources.get(0).path("id").asText() : key + "/data_source");
            }
            for (JsonNode p : fixture.path("pages")) {
                String key = p.path("id").asText();
                object(key, "page", p);
                if (p.hasNonNull("private_to")) {
                    privateTo.put(key, p.get("private_to").asText());
                }
                blocks(key, p.path("content"));
            }
            for (JsonNode d : fixture.path("databases")) {
                String key = d.path("id").asText();
                object(key, "database", d);
                if (d.path("data_sources").isArray() && !d.path("data_sources").isEmpty()) {
                    for (JsonNode ds : d.get("data_sources")) {
                        child(ds.path("id").asText(), "data_source", key);
                    }
                } else {
                    child(key + "/data_source", "data_source", key);
                }
                for (JsonNode v : d.path("views")) {
                    child(v.path("id").asText(), "view", key); // views are seen exactly when their database is (decision 0067)
                }
            }
            for (String key : kinds.keySet()) {
                String top = key;
                String priv = privateTo.get(key);
                boolean inTrash = trashed.contains(key);
                while (parentKey.containsKey(top)) {
                    top = parentKey.get(top);
                    priv = priv != null ? priv : privateTo.get(top);
                    inTrash |= trashed.contains(top);
                }
                String parent = parentKey.get(key);
                out.put(key, new FixtureObject(key, idOf(key), kinds.get(key), workspaceOf.get(top),
                        parent == null ? null : idOf(parent), priv, inTrash));
            }
        }

        private void object(String key, String kind, JsonNode json) {
            kinds.put(key, kind);
            if (json.path("in_trash").asBoolean()) {
                trashed.add(key);
            }
            JsonNode parent = json.path("parent");
            String type = parent.fieldNames().hasNext() ? parent.fieldNames().next() : "workspace";
            String ref = parent.path(type).asText();
            switch (type) {
                case "workspace" -> workspaceOf.put(key, ref);
                case "database" -> parentKey.put(key, firstDataSource.getOrDefault(ref, ref + "/data_source"));
                default -> parentKey.put(key, ref); // page, block, data_source
            }
        }

        private void child(String key, String kind, String parent) {
            kinds.put(key, kind);
            parentKey.put(key, parent);
        }

        private void blocks(String ownerKey, JsonNode content) {
            for (int i = 0; i < content.size(); i++) {
                JsonNode b = content.get(i);
                if (b.has("child")) {
                    continue; // a placement marker for a sub-page or database, not a block
                }
                String key = b.hasNonNull("id") ? b.get("id").asText() : idOf(ownerKey) + "/" + i;
                child(key, "linked_database".equals(b.path("type").asText()) ? "linked" : "block", ownerKey);
                if (b.path("in_trash").asBoolean()) {
                    trashed.add(key);
                }
                blocks(key, b.path("children"));
            }
        }
    }
}
