package dev.notionconsole.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.testsupport.TestConnections;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionTransferTest {
    @TempDir
    Path home;

    @TempDir
    Path otherHome;

    ConnectionService open() {
        return open(home);
    }

    ConnectionService open(Path home) {
        return TestConnections.open(home);
    }

    @Test
    void exportCarriesDefinitionsAndNoSecretsAndImportAsksForThem() throws Exception {
        ConnectionService service = open();
        Connection acme = service.add(Connection.builder(ConnectionKind.INTERNAL).name("Acme").notes("prod")
                .ratePlan(RatePlan.BUSINESS).notionVersion("2025-09-03").build(), ConnectionServiceTest.TOKEN, null);
        Connection app = service.add(Connection.builder(ConnectionKind.PUBLIC_OAUTH).name("App").clientId("cid")
                .redirectUri("http://localhost:1/cb").build(), null, ConnectionServiceTest.CLIENT_SECRET);
        service.putInstallation(app.id(), new Installation("bot-1", "ws", "WS", null,
                new AuthorizingUser("u", "Ada", "ada@example.com"), null, null, null), ConnectionServiceTest.ACCESS, null);

        String json = new String(ConnectionTransfer.export(service.list(), Instant.now()), StandardCharsets.UTF_8);
        for (String leak : List.of(ConnectionServiceTest.TOKEN.reveal(), ConnectionServiceTest.CLIENT_SECRET.reveal(),
                ConnectionServiceTest.ACCESS.reveal(), "bot-1", "ada@example.com", acme.id())) {
            assertFalse(json.contains(leak), leak);
        }

        List<Connection> drafts = ConnectionTransfer.parse(json.getBytes(StandardCharsets.UTF_8));
        ConnectionTransfer.ImportReport again = ConnectionTransfer.importInto(service, drafts, (d, n) -> Optional.empty());
        assertEquals(List.of("Acme: already here as \"Acme\"", "App: already here as \"App\""), again.alreadyPresent(),
                "importing into the console it came from duplicates nothing");

        // a teammate's console, where another "Acme" already exists
        ConnectionService teammate = open(otherHome);
        teammate.add(Connection.builder(ConnectionKind.INTERNAL).name("Acme").baseUrl("http://localhost:1").build(),
                ConnectionServiceTest.TOKEN, null);
        service = teammate;
        List<String> asked = new ArrayList<>();
        ConnectionTransfer.ImportReport report = ConnectionTransfer.importInto(service, drafts, (draft, need) -> {
            asked.add(draft.name() + ":" + need);
            return draft.name().startsWith("Acme") ? Optional.of(ConnectionServiceTest.TOKEN_2) : Optional.empty();
        });

        assertEquals(List.of("Acme:TOKEN", "App:CLIENT_SECRET"), asked, "asked by the names in the file");
        assertEquals("Acme 2", report.added().get(0).name(), "names already taken get a number");
        assertEquals(1, report.added().size());
        Connection imported = report.added().get(0);
        assertEquals(RatePlan.BUSINESS, imported.ratePlan());
        assertEquals("2025-09-03", imported.notionVersion());
        assertEquals("prod", imported.notes());
        assertEquals(Optional.of(ConnectionServiceTest.TOKEN_2), service.token(imported));
        assertEquals(List.of("App: no client secret given"), report.skipped());
    }

    @Test
    void rejectsFilesThatAreNotExports() {
        assertThrows(IOException.class, () -> ConnectionTransfer.parse("{\"formatVersion\":2}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> ConnectionTransfer.parse("nope".getBytes(StandardCharsets.UTF_8)));
        IOException newer = assertThrows(IOException.class, () -> ConnectionTransfer.parse(
                ("{\"format\":\"" + ConnectionTransfer.FORMAT + "\",\"formatVersion\":9}").getBytes(StandardCharsets.UTF_8)));
        assertTrue(newer.getMessage().contains("newer"));
    }

    @Test
    void secretsAreNeverRequiredForSandboxDefinitions() {
        Connection d = Connection.builder(ConnectionKind.INTERNAL).name("s").baseUrl("sandbox").sandboxRef("acme").build();
        assertEquals(ConnectionTransfer.SecretNeed.NONE, ConnectionTransfer.SecretNeed.of(d));
    }

}
