package dev.notionconsole;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionStore;
import dev.notionconsole.connections.ConnectionsDocument;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.request.history.HistoryEntry;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.request.saved.SavedRequest;
import dev.notionconsole.request.saved.SavedRequestStore;
import dev.notionconsole.secrets.FileSecretStore;
import dev.notionconsole.secrets.SecretStoreException;
import dev.notionconsole.settings.AppSettings;
import dev.notionconsole.settings.SettingsStore;
import dev.notionconsole.settings.Theme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every config store against damaged files (issue 12): random truncation, nesting beyond the parser's depth, a
 * text beyond its string limit, nulls, wrong types, unknown and future versions, random bytes. For each the
 * guarantee in the README's "Files the console keeps" must hold:
 * <ol>
 *   <li>the store opens (no exception) and stays usable: a write succeeds or is refused with a notice;</li>
 *   <li>the bad file is kept aside: when the store could not use all of it, a file in the folder still holds
 *       exactly the bytes it found, also after the write;</li>
 *   <li>nothing valid is lost: the entries the damage did not touch are still there after opening, writing and
 *       opening again, unless the whole file had to be set aside (then 2 holds).</li>
 * </ol>
 */
class StoreFuzzTest {
    private static final int ROUNDS = 12;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Stands for 1,001 nested lists, spliced in as text (Jackson refuses to write such a tree). */
    private static final String NEST = "__nest__";

    @TempDir
    Path root;

    /** One store, seen as named entries: five that the damage never touches, and a target it may hit. */
    interface Store {
        String name();

        /** Writes a valid file with the entries keep-1..keep-5 and target; returns its path. */
        Path seed(Path dir) throws Exception;

        /** Where in the parsed file the target entry is (for tree mutations); null for line files. */
        JsonNode target(JsonNode doc);

        /** Opens the store: the names of the entries it shows, and whether it said something was wrong. */
        Opened open(Path dir) throws Exception;

        /** Opens and writes one new entry (as the app would on the next change); refusals are fine. */
        void write(Path dir) throws Exception;
    }

    /** @param count how many entries it shows (a repaired entry may show under another name) */
    record Opened(Set<String> names, int count, boolean noticed) {
        Opened(Set<String> names, boolean noticed) {
            this(names, names.size(), noticed);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyStoreKeepsWhatItCannotUse() {
        List<Store> stores = List.of(new Connections(), new Settings(), new History(), new Saved(), new Secrets());
        List<DynamicTest> tests = new ArrayList<>();
        for (Store s : stores) {
            for (Mutation m : mutations(s)) {
                tests.add(DynamicTest.dynamicTest(s.name() + ": " + m.name(), () -> check(s, m)));
            }
        }
        return tests.stream();
    }

    record Mutation(String name, Function<byte[], byte[]> apply) {
    }

    private List<Mutation> mutations(Store s) {
        List<Mutation> out = new ArrayList<>();
        Random random = new Random(12);
        for (int i = 0; i < ROUNDS; i++) {
            long seed = random.nextLong();
            out.add(new Mutation("truncated #" + i, b -> Arrays.copyOf(b, new Random(seed).nextInt(Math.max(1, b.length)))));
        }
        out.add(new Mutation("last newline lost", b -> b.length > 0 && b[b.length - 1] == '\n' ? Arrays.copyOf(b, b.length - 1) : b));
        out.add(new Mutation("NUL bytes inside", b -> {
            byte[] c = b.clone();
            for (int i = c.length / 3; i < Math.min(c.length, c.length / 3 + 16); i++) {
                c[i] = 0;
            }
            return c;
        }));
        out.add(new Mutation("random bytes", b -> {
            byte[] c = new byte[4096];
            new Random(3).nextBytes(c);
            return c;
        }));
        out.add(new Mutation("empty", b -> new byte[0]));
        out.add(new Mutation("the literal null", b -> "null".getBytes(StandardCharsets.UTF_8)));
        out.add(tree(s, "target nested 1,001 deep", t -> F.textNode(NEST)));
        out.add(tree(s, "target holds a 21 MB text", t -> F.textNode("x".repeat(21_000_000))));
        out.add(tree(s, "target is null", t -> F.nullNode()));
        out.add(tree(s, "target is a number", t -> F.numberNode(42)));
        out.add(tree(s, "target is a list", t -> F.arrayNode().add("a")));
        out.add(tree(s, "target's fields are nulls", t -> nulled(t)));
        out.add(tree(s, "target's fields have wrong types", t -> retyped(t)));
        for (String v : new String[] {"99", "0", "-1", "\"abc\"", "null"}) {
            out.add(new Mutation("version " + v, b -> version(b, v)));
        }
        return out;
    }

    private Mutation tree(Store s, String name, Function<JsonNode, JsonNode> replace) {
        return new Mutation(name, b -> {
            String text = new String(b, StandardCharsets.UTF_8);
            try {
                if (s instanceof History) {
                    // a line file: the target is the line holding the entry called target
                    StringBuilder sb = new StringBuilder();
                    for (String line : text.split("\n", -1)) {
                        if (line.contains("\"target\"")) {
                            line = Json.mapper().writeValueAsString(replace.apply(Json.mapper().readTree(line)));
                        }
                        sb.append(line).append('\n');
                    }
                    return nested(sb.substring(0, sb.length() - 1)).getBytes(StandardCharsets.UTF_8);
                }
                JsonNode doc = Json.mapper().readTree(b);
                replaceIn(doc, s.target(doc), replace.apply(s.target(doc)));
                return nested(Json.mapper().writeValueAsString(doc)).getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String nested(String json) {
        return json.replace("\"" + NEST + "\"", "[".repeat(1001) + "]".repeat(1001));
    }

    private static byte[] version(byte[] b, String v) {
        try {
            JsonNode doc = Json.mapper().readTree(b);
            if (doc == null || !doc.isObject()) {
                return b; // a line file: no version
            }
            ObjectNode o = (ObjectNode) doc;
            String field = o.has("formatVersion") ? "formatVersion" : o.has("format") && o.get("format").isInt() ? "format"
                    : o.has("version") ? "version" : "formatVersion";
            o.set(field, Json.mapper().readTree(v));
            return Json.mapper().writeValueAsBytes(o);
        } catch (IOException e) {
            return b;
        }
    }

    private void check(Store s, Mutation m) throws Exception {
        Path dir = Files.createTempDirectory(root, "store");
        Path file = s.seed(dir);
        byte[] damaged = m.apply().apply(Files.readAllBytes(file));
        Files.write(file, damaged);
        // what the damaged file still holds: entries whose name survived, and the target after a tree mutation
        String text = new String(damaged, StandardCharsets.UTF_8);
        Set<String> expected = new HashSet<>();
        for (String n : names()) {
            if (text.contains("\"" + n + "\"")) {
                expected.add(n);
            }
        }
        int expectedCount = expected.size() + (m.name().startsWith("target") && !expected.contains("target") ? 1 : 0);

        Opened first = assertDoesNotThrow(() -> s.open(dir), "the store opens");
        assertKept(s, m, dir, damaged, first, expected, expectedCount, true);
        assertDoesNotThrow(() -> s.write(dir), "the store stays usable");
        Opened again = assertDoesNotThrow(() -> s.open(dir));
        assertKept(s, m, dir, damaged, again, expected, expectedCount, false);
    }

    /** Nothing valid is lost: what the file held is shown, or the file is still on disk exactly as it was found. */
    private void assertKept(Store s, Mutation m, Path dir, byte[] damaged, Opened opened, Set<String> expected,
                            int expectedCount, boolean firstOpen) throws IOException {
        Set<String> untouched = new HashSet<>(expected);
        untouched.remove("target");
        boolean complete = opened.names().containsAll(untouched) && opened.count() >= expectedCount;
        if (complete || damaged.length == 0) {
            return;
        }
        assertTrue(keptSomewhere(dir, damaged), s.name() + " / " + m.name() + ": shows " + opened.names()
                + " of " + expected + " and no file in the folder holds what it could not use");
        assertTrue(!firstOpen || opened.noticed(), s.name() + " / " + m.name() + ": part of the file was not used and nothing said so");
    }

    private static boolean keptSomewhere(Path dir, byte[] damaged) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (Files.size(p) == damaged.length && Arrays.equals(Files.readAllBytes(p), damaged)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- tree helpers

    private static JsonNode nulled(JsonNode t) {
        if (!t.isObject()) {
            return F.nullNode();
        }
        ObjectNode c = t.deepCopy();
        List<String> names = new ArrayList<>();
        c.fieldNames().forEachRemaining(names::add);
        names.forEach(n -> c.set(n, F.nullNode()));
        return c;
    }

    private static JsonNode retyped(JsonNode t) {
        if (!t.isObject()) {
            return F.booleanNode(true);
        }
        ObjectNode c = t.deepCopy();
        List<String> names = new ArrayList<>();
        c.fieldNames().forEachRemaining(names::add);
        for (String n : names) {
            JsonNode v = c.get(n);
            c.set(n, v.isTextual() ? F.numberNode(7) : v.isNumber() ? F.textNode("seven") : v.isBoolean() ? F.arrayNode()
                    : F.textNode("wrong"));
        }
        return c;
    }

    private static void replaceIn(JsonNode doc, JsonNode target, JsonNode with) {
        if (doc instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                if (o.get(n) == target) {
                    o.set(n, with);
                    return;
                }
                replaceIn(o.get(n), target, with);
            }
        } else if (doc instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) == target) {
                    a.set(i, with);
                    return;
                }
                replaceIn(a.get(i), target, with);
            }
        }
    }

    private static JsonNode named(JsonNode list) {
        for (JsonNode n : list) {
            if ("target".equals(n.path("name").asText())) {
                return n;
            }
        }
        throw new IllegalStateException("no target");
    }

    private static List<String> names() {
        return List.of("keep-1", "keep-2", "keep-3", "target", "keep-4", "keep-5");
    }

    // ---- the stores

    static final class Connections implements Store {
        public String name() {
            return "connections.json";
        }

        public Path seed(Path dir) throws Exception {
            List<Connection> list = new ArrayList<>();
            for (String n : names()) {
                list.add(Connection.builder(ConnectionKind.INTERNAL).id("id-" + n).name(n).notes("notes of " + n)
                        .createdAt(Instant.parse("2026-11-20T10:00:00Z")).build());
            }
            ConnectionStore store = new ConnectionStore(dir.resolve(ConnectionStore.FILE_NAME));
            store.save(new ConnectionsDocument(ConnectionStore.FORMAT_VERSION, "id-keep-1", false, true, list));
            return store.file();
        }

        public JsonNode target(JsonNode doc) {
            return named(doc.path("connections"));
        }

        public Opened open(Path dir) {
            ConnectionStore.LoadResult r = new ConnectionStore(dir.resolve(ConnectionStore.FILE_NAME)).load();
            Set<String> names = new HashSet<>();
            r.document().connections().forEach(c -> names.add(c.name()));
            return new Opened(names, r.document().connections().size(), !r.notices().isEmpty());
        }

        public void write(Path dir) throws Exception {
            ConnectionStore store = new ConnectionStore(dir.resolve(ConnectionStore.FILE_NAME));
            ConnectionStore.LoadResult r = store.load();
            List<Connection> list = new ArrayList<>(r.document().connections());
            list.add(Connection.builder(ConnectionKind.INTERNAL).id("id-new").name("new").build());
            try {
                store.save(new ConnectionsDocument(2, null, false, true, list));
            } catch (IOException readOnly) {
                assertTrue(r.readOnly(), "only a read-only file refuses a save: " + readOnly.getMessage());
            }
        }
    }

    static final class Settings implements Store {
        public String name() {
            return "settings.json";
        }

        public Path seed(Path dir) throws Exception {
            SettingsStore store = new SettingsStore(dir.resolve(SettingsStore.FILE_NAME));
            store.save(AppSettings.defaults().withTheme(Theme.DARK).withWorkspace("keep-1"));
            return store.file();
        }

        public JsonNode target(JsonNode doc) {
            return doc.get("theme");
        }

        public Opened open(Path dir) {
            SettingsStore.Loaded l = new SettingsStore(dir.resolve(SettingsStore.FILE_NAME)).load();
            // one document: used as it is (no problem), or set aside (defaults and a problem)
            Set<String> names = new HashSet<>();
            if (l.problem() == null) {
                names.addAll(names());
            }
            return new Opened(names, l.problem() != null);
        }

        public void write(Path dir) throws Exception {
            SettingsStore store = new SettingsStore(dir.resolve(SettingsStore.FILE_NAME));
            store.save(store.load().settings().withCompactNavigation(true));
        }
    }

    static final class History implements Store {
        public String name() {
            return "history.jsonl";
        }

        private static HistoryEntry entry(String name) {
            return new HistoryEntry("id-" + name, Instant.parse("2026-11-21T09:00:00Z"), "c1", name, "https://api.notion.com",
                    null, RequestSpec.of("GET", "/v1/users/me"), "2026-03-11", List.of(), 200, null, null, null, "req", 5, 2,
                    List.of(), "{}", false, 1);
        }

        public Path seed(Path dir) throws Exception {
            HistoryStore store = HistoryStore.open(dir);
            for (String n : names()) {
                store.add(entry(n));
            }
            return store.file();
        }

        public JsonNode target(JsonNode doc) {
            return null;
        }

        public Opened open(Path dir) {
            HistoryStore store = HistoryStore.open(dir);
            Set<String> names = new HashSet<>();
            store.entries().forEach(e -> names.add(e.connectionName()));
            store.search("status:200 users"); // a search over whatever loaded never throws
            return new Opened(names, store.entries().size(), store.loadProblem() != null);
        }

        public void write(Path dir) throws Exception {
            HistoryStore.open(dir).add(entry("new"));
        }
    }

    static final class Saved implements Store {
        public String name() {
            return "saved-requests.json";
        }

        public Path seed(Path dir) throws Exception {
            SavedRequestStore store = SavedRequestStore.open(dir);
            for (String n : names()) {
                store.save(n, "Group", null, RequestSpec.of("GET", "/v1/users/me"));
            }
            return dir.resolve(SavedRequestStore.FILE_NAME);
        }

        public JsonNode target(JsonNode doc) {
            return named(doc.path("requests"));
        }

        public Opened open(Path dir) {
            SavedRequestStore store = SavedRequestStore.open(dir);
            Set<String> names = new HashSet<>();
            store.all().stream().map(SavedRequest::name).forEach(names::add);
            return new Opened(names, store.all().size(), store.loadProblem() != null);
        }

        public void write(Path dir) throws Exception {
            SavedRequestStore store = SavedRequestStore.open(dir);
            try {
                store.save("new", "Group", null, RequestSpec.of("GET", "/v1/users"));
            } catch (IOException refused) {
                assertTrue(store.readOnly(), "only a read-only file refuses a save: " + refused.getMessage());
            }
        }
    }

    static final class Secrets implements Store {
        public String name() {
            return "secrets.json";
        }

        public Path seed(Path dir) throws Exception {
            Path file = dir.resolve("secrets.json");
            FileSecretStore store = FileSecretStore.open(file);
            for (String n : names()) {
                store.put(n, Secret.of("ntn_fuzz_" + n.replace('-', '_') + "_0000000000000000"));
            }
            return file;
        }

        public JsonNode target(JsonNode doc) {
            return doc.path("secrets").get("target");
        }

        public Opened open(Path dir) {
            Set<String> names = new HashSet<>();
            try {
                FileSecretStore store = FileSecretStore.open(dir.resolve("secrets.json"));
                for (String n : names()) {
                    if (store.get(n).isPresent()) {
                        names.add(n);
                    }
                }
                return new Opened(names, names.size() < names().size());
            } catch (SecretStoreException unreadable) {
                return new Opened(names, true);
            }
        }

        public void write(Path dir) throws Exception {
            FileSecretStore store;
            try {
                store = FileSecretStore.open(dir.resolve("secrets.json"));
            } catch (SecretStoreException unreadable) {
                store = FileSecretStore.open(dir.resolve("secrets.json")); // moved aside: a fresh file
            }
            try {
                store.put("new", Secret.of("ntn_fuzz_new_000000000000000000"));
            } catch (SecretStoreException readOnly) {
                assertTrue(readOnly.getMessage().contains("format"), readOnly.getMessage());
            }
        }
    }
}
