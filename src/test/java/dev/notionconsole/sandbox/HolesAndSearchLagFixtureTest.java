package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.fixture.FixtureException;
import dev.notionconsole.sandbox.fixture.FixtureLoader;
import dev.notionconsole.sandbox.fixture.FixtureWriter;
import dev.notionconsole.sandbox.model.Connection;
import dev.notionconsole.sandbox.model.Identity;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.sandbox.model.SandboxModel;
import dev.notionconsole.testsupport.VisibilityOracle;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixture's {@code removed_from} (holes) and {@code search_lag}: checked with clear errors, honoured by the
 * visibility rules as the fixture-only oracle reads them, and written back by {@link FixtureWriter}.
 */
class HolesAndSearchLagFixtureTest {
    private static final String HOLLOW = "/dev/notionconsole/acceptance/hollow.json";
    private static final String HOLE_BOT = "ntn_sandbox_hollow_hole_bot_FAKE_TOKEN_0000000001";

    private static ObjectNode hollow() throws Exception {
        try (InputStream in = HolesAndSearchLagFixtureTest.class.getResourceAsStream(HOLLOW)) {
            return (ObjectNode) Json.mapper().readTree(in);
        }
    }

    private static ObjectNode holeBot(ObjectNode doc) {
        return (ObjectNode) doc.path("connections").get(0);
    }

    private static List<String> problems(JsonNode doc) throws Exception {
        return FixtureLoader.validate(Json.mapper().writeValueAsBytes(doc));
    }

    private static JsonNode schema() throws Exception {
        try (InputStream in = HolesAndSearchLagFixtureTest.class.getResourceAsStream("/dev/notionconsole/sandbox/fixture.schema.json")) {
            return Json.mapper().readTree(in);
        }
    }

    @Test
    void theHollowFixturePassesTheLoaderAndTheSchema() throws Exception {
        assertEquals(List.of(), problems(hollow()));
        assertEquals(List.of(), new MiniSchema(schema()).validate(hollow()));
    }

    @Test
    void removalsAreCheckedWithTheirPaths() throws Exception {
        ObjectNode doc = hollow();
        ArrayNode removed = holeBot(doc).putArray("removed_from");
        removed.add("hana-home").add("team").add("salary-bands").add("salaries").add("salaries").add("nowhere").add("salary-bands");
        ((ObjectNode) doc.path("connections").get(2)).putArray("removed_from").add("plans");
        assertEquals(List.of(
                        "connections[0].removed_from[1]: \"team\" is also in shares: a page is either shared with the connection or removed from it",
                        "connections[0].removed_from[4]: listed twice",
                        "connections[0].removed_from[5]: no page or database with id \"nowhere\"",
                        "connections[0].removed_from[6]: listed twice",
                        "connections[0].removed_from[0]: \"hana-home\" is not below any of the connection's shares, so removing the "
                                + "connection there changes nothing",
                        "connections[0].removed_from[2]: \"salary-bands\" is already unreadable: it is below \"salaries\", which the "
                                + "connection was removed from",
                        "connections[2]: unknown field \"removed_from\""),
                problems(doc));
        assertFalse(new MiniSchema(schema()).validate(doc).isEmpty(), "the schema refuses removed_from on a personal token");
    }

    @Test
    void searchLagIsChecked() throws Exception {
        ObjectNode doc = hollow();
        doc.putObject("search_lag").put("seconds", 0);
        assertEquals(List.of("search_lag.seconds: should be a whole number of at least 1, not 0"), problems(doc));
        doc.putObject("search_lag").putArray("objects").add("archive");
        assertEquals(List.of("search_lag.seconds: missing; say how many seconds objects stay out of search"), problems(doc));
        ObjectNode lag = doc.putObject("search_lag");
        lag.put("seconds", 5);
        lag.put("minutes", 1);
        lag.putArray("objects").add("archive").add("nowhere");
        assertEquals(List.of("search_lag: unknown field \"minutes\"", "search_lag.objects[1]: no page or database with id \"nowhere\""),
                problems(doc));
    }

    @Test
    void theSandboxAndTheOracleAgreeOnEveryObjectForEveryToken() throws Exception {
        ObjectNode doc = hollow();
        SandboxModel model = FixtureLoader.load(doc, "hollow", Clock.systemUTC());
        VisibilityOracle oracle = VisibilityOracle.of(doc, java.time.Instant.now());
        for (VisibilityOracle.Principal who : oracle.principals()) {
            Identity id = model.tokens().resolve(who.token(), model.clock().instant());
            for (VisibilityOracle.FixtureObject o : oracle.objects()) {
                boolean sandbox = model.read(() -> model.visibility().canSee(id, model.node(o.id())));
                assertEquals(oracle.sees(who, o), sandbox, who.name() + " on " + o.key());
            }
        }
        VisibilityOracle.Principal bot = oracle.principal(HOLE_BOT);
        assertFalse(oracle.sees(bot, oracle.object("salaries").orElseThrow()), "the hole");
        assertFalse(oracle.sees(bot, oracle.object("salary-bands").orElseThrow()), "below the hole");
        assertTrue(oracle.sees(bot, oracle.object("pay-faq").orElseThrow()), "below a page shared again under the hole");
        assertFalse(oracle.sees(bot, oracle.object("contract-1").orElseThrow()), "a row of a database it was removed from");
        assertTrue(oracle.sees(bot, oracle.object("plan-q1").orElseThrow()), "elsewhere under the share");
    }

    @Test
    void theWriterKeepsRemovalsAndSearchLag() throws Exception {
        SandboxModel first = FixtureLoader.load(hollow(), "hollow", Clock.systemUTC());
        JsonNode written = first.read(() -> FixtureWriter.write(first));
        JsonNode bot = written.path("connections").get(0);
        assertEquals(Json.mapper().readTree("[\"" + Ids.fromKey("salaries") + "\", \"" + Ids.fromKey("contracts") + "\"]"),
                bot.path("removed_from"));
        assertEquals(86400, written.path("search_lag").path("seconds").asInt());
        assertEquals(2, written.path("search_lag").path("objects").size());
        SandboxModel second = FixtureLoader.load(written, "round trip", Clock.systemUTC());
        assertEquals(written, second.read(() -> FixtureWriter.write(second)));
        Connection c = second.connections().stream().filter(x -> x.name().equals("Hole Bot")).findFirst().orElseThrow();
        assertEquals(first.connections().iterator().next().removedFrom(), c.removedFrom());
    }

    @Test
    void aFixtureWithARemovalThatChangesNothingNamesIt() {
        FixtureException e = assertThrows(FixtureException.class, () -> {
            ObjectNode doc = hollow();
            holeBot(doc).putArray("removed_from").add("hana-home");
            FixtureLoader.load(doc, "broken.json", Clock.systemUTC());
        });
        assertTrue(e.getMessage().startsWith("The sandbox fixture broken.json is not valid (1 problem):"), e.getMessage());
    }
}
