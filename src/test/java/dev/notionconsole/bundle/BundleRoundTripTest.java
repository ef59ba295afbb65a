package dev.notionconsole.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.diagnostics.Diagnosis;
import dev.notionconsole.explorer.WorkspaceMap;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.history.HistoryEntry;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.testsupport.SandboxConnections;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's round trip over real HTTP: sandbox traffic with several failures → bundle → no secret, title or email
 * of the fixture in the bytes → open → replay in a sandbox rebuilt from the bundle's map → the same status and code
 * for every call.
 */
class BundleRoundTripTest {
    @RegisterExtension
    static final SandboxConnections sandbox = SandboxConnections.rateLimitOff();

    @TempDir
    Path dir;

    @Test
    void failuresSurviveTheRoundTripAndNothingPersonalLeaves() throws Exception {
        SandboxTraffic traffic = new SandboxTraffic(sandbox.connections(), sandbox.home());
        List<HistoryEntry> entries = traffic.wikiReaderFailures();
        Connection c = traffic.connection("Wiki Reader");
        WorkspaceMap map = traffic.map(c);
        List<Diagnosis> diagnoses = BundleMaker.diagnose(traffic.engine(), c.id(), entries, CancellationToken.none());
        c = traffic.connection("Wiki Reader"); // with what the calls taught about its capabilities
        Bundle made = BundleMaker.make(c, entries, diagnoses, map, Instant.now());
        String preview = BundleFile.preview(made, true);
        Path file = dir.resolve("wiki" + BundleFile.EXTENSION);
        BundleFile.save(file, preview);
        assertEquals(preview, Files.readString(file), "the preview is exactly what is saved");

        assertNothingOfTheFixtureIn(Files.readString(file));

        Bundle opened = BundleFile.open(file);
        List<String> outcomes = opened.exchanges().stream().map(BundleExchange::outcome).toList();
        assertEquals(List.of("200", "404 object_not_found", "403 restricted_resource", "404 object_not_found",
                "400 validation_error", "200"), outcomes, "what was recorded");
        assertTrue(opened.hasMap());
        assertEquals(map.all().size(), opened.workspaceMap().all().size());
        assertEquals(4, opened.diagnoses().size(), "a diagnosis per failure that the engine could explain: " + opened.diagnoses());

        try (BundleReplay replay = BundleReplay.start(opened, 0)) {
            List<ReplayResult> results = replay.replay(opened, CancellationToken.none());
            assertEquals(opened.exchanges().size(), results.size());
            for (ReplayResult r : results) {
                assertTrue(r.same(), r.original().describe() + ": bundle " + r.original().outcome() + ", replay " + r.outcome());
            }
        }
    }

    @Test
    void aBundleOfBroadTrafficHasNoTokenSecretTitleNameOrEmailOfTheFixture() throws Exception {
        SandboxTraffic traffic = new SandboxTraffic(sandbox.connections(), sandbox.home());
        Connection c = traffic.connection("Docs Sync");
        String handbook = Ids.fromKey("handbook");
        traffic.send(c, "GET", "/v1/users", "");
        traffic.send(c, "POST", "/v1/search", "{}");
        traffic.send(c, "GET", "/v1/pages/" + handbook, "");
        traffic.send(c, "GET", "/v1/blocks/" + handbook + "/children", "");
        traffic.send(c, "POST", "/v1/data_sources/" + Ids.fromKey("roadmap-ds") + "/query", "{}");
        traffic.send(c, "GET", "/v1/pages/" + Ids.fromKey("sales"), "");
        traffic.send(c, "POST", "/v1/data_sources/" + Ids.fromKey("roadmap") + "/query", "{}");
        traffic.send(c, "GET", "/v1/users", "", new NameValue("access_token", "ntn_sandbox_docs_sync_FAKE_TOKEN_0000000000000001"),
                new NameValue("q", "Engineering Handbook"));
        traffic.send(c, "POST", "/v1/search", "{\"query\": \"Engineering Handbook\", \"client_secret\": \"abc-secret-value\"}");
        List<HistoryEntry> entries = traffic.chronological(9);
        List<Diagnosis> diagnoses = BundleMaker.diagnose(traffic.engine(), c.id(), entries, CancellationToken.none());
        Bundle b = BundleMaker.make(traffic.connection("Docs Sync"), entries, diagnoses, traffic.map(c), Instant.now());
        String preview = BundleFile.preview(b, true);
        Files.writeString(Path.of("target/broad-preview.json"), preview);
        assertNothingOfTheFixtureIn(preview);
        assertFalse(preview.contains("abc-secret-value"));
        assertTrue(preview.contains("user-1@example.invalid"), "emails become pseudonyms");
        JsonNode manifest = Json.mapper().readTree(preview).path("manifest").path("redacted");
        assertTrue(manifest.path("replaced").path("titles").asInt() > 10, manifest.toString());
        assertTrue(manifest.path("replaced").path("emails").asInt() >= 3, manifest.toString());
    }

    /** Every token and secret, title, person's name and email of the default fixture, read from the fixture itself. */
    static void assertNothingOfTheFixtureIn(String bytes) throws Exception {
        JsonNode fixture;
        try (InputStream in = BundleRoundTripTest.class.getResourceAsStream("/dev/notionconsole/sandbox/default-fixture.json")) {
            fixture = Json.mapper().readTree(in);
        }
        Set<String> secrets = new LinkedHashSet<>();
        collectSecrets(fixture.path("connections"), null, secrets);
        assertTrue(secrets.size() >= 10, "the fixture's secrets were found: " + secrets);
        List<String> personal = new ArrayList<>();
        for (String section : List.of("pages", "databases")) {
            for (JsonNode o : fixture.path(section)) {
                personal.add(titleOf(o.path("title")));
                o.path("data_sources").forEach(ds -> personal.add(titleOf(ds.path("title"))));
            }
        }
        for (JsonNode u : fixture.path("users")) {
            personal.add(u.path("name").asText());
            personal.add(u.path("email").asText(""));
        }
        for (String s : secrets) {
            assertFalse(bytes.contains(s), "secret " + s + " is in the bundle");
        }
        for (String p : personal) {
            if (!p.isEmpty()) {
                assertFalse(bytes.contains("\"" + p + "\"") || bytes.contains(p + " ") && p.length() > 5,
                        "\"" + p + "\" is in the bundle");
            }
        }
        assertFalse(bytes.matches("(?s).*(ntn|nrt|secret)_….*"), "not even a masked token");
    }

    private static String titleOf(JsonNode t) {
        if (t.isTextual()) {
            return t.asText();
        }
        StringBuilder sb = new StringBuilder();
        t.forEach(r -> sb.append(r.path("plain_text").asText(r.path("text").path("content").asText(""))));
        return sb.toString();
    }

    private static void collectSecrets(JsonNode n, String field, Set<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> collectSecrets(e.getValue(), e.getKey(), out));
        } else if (n.isArray()) {
            n.forEach(x -> collectSecrets(x, field, out));
        } else if (n.isTextual() && field != null && (field.contains("token") || field.contains("secret"))) {
            out.add(n.asText());
        }
    }
}
