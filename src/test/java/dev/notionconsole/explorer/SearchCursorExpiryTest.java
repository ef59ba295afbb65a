package dev.notionconsole.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SearchCursorExpiry;
import dev.notionconsole.sandbox.fixture.FixtureException;
import dev.notionconsole.sandbox.fixture.FixtureLoader;
import dev.notionconsole.sandbox.fixture.FixtureWriter;
import dev.notionconsole.sandbox.model.SandboxModel;
import dev.notionconsole.sandbox.ops.generate.GeneratedFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's expiring search cursors as a fixture section and a command-line value (decision 0072). */
class SearchCursorExpiryTest {
    @TempDir
    Path dir;

    @Test
    void theCommandLineValueIsParsedOrRefusedWithAReason() {
        assertEquals(new SearchCursorExpiry(500, Duration.ofSeconds(50), 1), SearchCursorExpiry.parse("results=500,seconds=50,times=1"));
        assertTrue(SearchCursorExpiry.parse("off").off());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchCursorExpiry.parse("times=2")).getMessage().contains("results=N or seconds=S"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchCursorExpiry.parse("results=ten")).getMessage().contains("not a whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchCursorExpiry.parse("pages=3")).getMessage().contains("unknown key"));
    }

    @Test
    void aFixtureSectionTurnsItOnAndIsWrittenBack() throws Exception {
        ObjectNode fixture = GeneratedFixture.generate(600, 4).fixture();
        fixture.putObject("search_cursors").put("expire_after_results", 150).put("times", 1);
        Path file = dir.resolve("expiring.json");
        Files.writeString(file, Json.compact(fixture));
        try (ExplorerSandbox sb = new ExplorerSandbox(SandboxOptions.builder().fixture(file).rateLimitOff())) {
            WorkspaceMap m = sb.mapper("Bench", GeneratedFixture.BENCH_TOKEN, TokenKind.INTERNAL).map(MapListener.NONE, CancellationToken.none());
            assertEquals(1, m.notes().stream().filter(n -> n.kind() == MapNote.Kind.CURSOR_RESTART).count(), m.notes()::toString);
            assertTrue(m.complete());
            assertEquals(150, FixtureWriter.write(sb.server.model()).path("search_cursors").path("expire_after_results").asInt());
        }
    }

    @Test
    void aBadSectionIsReportedWithItsPath() {
        ObjectNode fixture = GeneratedFixture.generate(20, 4).fixture();
        fixture.putObject("search_cursors").put("expire_after_results", 0).put("later", true);
        FixtureException e = assertThrows(FixtureException.class, () -> {
            SandboxModel m = FixtureLoader.load(fixture, "(test)", Clock.systemUTC());
            m.nodeCount();
        });
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("search_cursors.expire_after_results")), e.problems()::toString);
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("search_cursors.later")), e.problems()::toString);
    }
}
